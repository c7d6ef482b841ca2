/**
 * The fit's world, stated once. The plan forecasts in a simulated world made from the person's
 * logged activities (`plan/select.ts`: `toModelActivity`, `toEnvironment`); the fit estimates the
 * parameters in the world a log shows. What both read from a logged activity they read alike; what
 * a log cannot show is listed here with what the fit assumes instead. A logged activity enters the
 * model as `activityFromRecord` makes it (`model/records/to-model.ts`). `world.test.ts` checks the
 * lists against both conversions: the fit sees the plan's activity exactly as it sees its own, and
 * every field in which the plan's differs is listed.
 */
import type { Activity, Environment } from "../model/person/environment.ts";
import type { ReplayActivity } from "./replay.ts";

/** Reward and environment facts of a logged activity as the fit assumes them (`ActivityOverride` can say otherwise). */
export const LOGGED_ACTIVITY = {
  magnitude: 1,
  probability: 1,
  immediateReward: 0,
  noveltyRefresh: 0,
} as const;

/** Fields of a model activity that a log does not show, and what the fit assumes instead. */
export const NOT_IN_A_LOG = {
  reward:
    "a log records no outcome sizes or odds: every logged activity has a fixed reward of size 1 (the plan gives urges a variable schedule, or a drug's fixed reward)",
  immediateReward: "none: a log does not say what was paired with a start",
  noveltyRefresh: "none: a log does not say how much variety the environment supplies",
  surge: "none: the fit replays no drug surge, so D does not fall (the plan gives a logged substance one)",
  harmProbability:
    "none: whether an approach met harm is not logged, so τ only extinguishes (the plan draws harm in proportion to the threat)",
  cueRatePerHour:
    "only cued urges are logged, so the fit replays those and no uncued hour (the plan draws cues every waking hour)",
  stressRelief: "none: the chronic load stays where the person's stress load puts it",
  toneBoost: "none: the fit replays no tone boost",
} as const satisfies Partial<Record<keyof Activity, string>>;

/** Fields of a model activity the log gives per check-in instead: the cue and commitment in place, the hour, the minutes asked for. */
export const PER_CHECK_IN = [
  "cue",
  "commitment",
  "plannedHours",
  "days",
  "progression",
  "available",
] as const satisfies readonly (keyof Activity)[];

/** Fields that name or sort an activity and enter no equation. */
export const DESCRIPTIVE = ["label", "kind"] as const satisfies readonly (keyof Activity)[];

/** Fields of the environment that a log does not show, and what the fit assumes instead. */
export const WORLD_NOT_IN_A_LOG = {
  acuteStressPerDay: "none: acute stressors are not logged, so the fit replays no acute pulse",
  stressInput:
    "the person's own stress load: the chronic load is held constant (the plan lets it follow the map's stress load)",
} as const satisfies Partial<Record<keyof Environment, string>>;

/** What the kernel is given for what a log cannot show, at every opportunity the fit replays. */
export const UNLOGGED_INPUTS = {
  acute: 0,
  toneBoost: 0,
  surge: 0,
  harmed: 0,
  stressRelief: 0,
  cueFactor: 1,
  exposure: 1,
} as const;

/** What the replay carries of a model activity: its own facts, its reward schedule included. */
export function replayActivity(a: Activity): ReplayActivity {
  return {
    id: a.id,
    importance: a.importance,
    novelty: a.novelty,
    noveltyRefresh: a.noveltyRefresh,
    effort: a.effort,
    threat: a.threat,
    urge: a.urge,
    durationMin: a.durationMin,
    magnitude: a.reward.magnitude,
    probability:
      a.reward.kind === "fixed" || a.reward.kind === "variableMagnitude" ? 1 : a.reward.probability,
    immediateReward: a.immediateReward,
  };
}

/** What the fit sees of a model activity: what the replay carries, with what a log cannot show as the fit assumes it. */
export function fittedActivity(a: Activity): ReplayActivity {
  return { ...replayActivity(a), ...LOGGED_ACTIVITY };
}
