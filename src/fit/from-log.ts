import type { OpportunityRecord } from "../model/person/engine.ts";
import type { Environment } from "../model/person/environment.ts";
import { daysBetween } from "../model/records/from-simulation.ts";
import type { PersonLog } from "../model/records/schema.ts";
import { activityFromRecord } from "../model/records/to-model.ts";
import type { ReplayActivity, ReplayData, ReplayOpportunity } from "./replay.ts";
import { fittedActivity, replayActivity } from "./world.ts";

/** Reward schedule facts a log does not carry; defaults: the fit's (`LOGGED_ACTIVITY` in `world.ts`). */
export interface ActivityOverride {
  readonly magnitude?: number;
  readonly probability?: number;
  readonly immediateReward?: number;
  readonly noveltyRefresh?: number;
}

export interface ReplayFromLogOptions {
  /** First waking hour, for the cortisol curve. Default 7 (the simulated week's). */
  readonly wakeHour?: number;
  readonly activityOverrides?: Readonly<Record<string, ActivityOverride>>;
}

/** Cue strength of a logged environment cue, and social commitment of a logged commitment (scaffolding's values). */
export const LOGGED_CUE = 1;
export const LOGGED_COMMITMENT = 0.5;

/**
 * Days between recorded days that the replay runs overnight steps for, at most: a longer silence
 * counts as four weeks. The slow states the fit sees (κ, τ, load: weeks) have settled by then, so
 * the fit's cost follows the days recorded, not the calendar span (a log with two days years apart
 * costs what two days cost). Receptor recovery (months) is the one it shortens; the fit holds D at 1.
 */
export const MAX_GAP_DAYS = 28;

/** Each recorded date's day index: the first is 0, and gaps count at most {@link MAX_GAP_DAYS}. */
function recordedDays(dates: readonly string[]): (date: string) => number {
  const sorted = [...new Set(dates)].sort();
  const index = new Map<string, number>();
  let day = 0;
  sorted.forEach((d, i) => {
    if (i > 0) day += Math.min(MAX_GAP_DAYS, daysBetween(sorted[i - 1]!, d));
    index.set(d, day);
  });
  return (date) => index.get(date) ?? 0;
}

/**
 * The observed sequence in a log, in the engine's order: check-ins of planned activities and urge
 * episodes of urge activities (a cued urge is an opportunity: acted or resisted). Days count from the
 * first logged or closed date, each silence longer than four weeks counted as four weeks.
 */
export function replayFromLog(log: PersonLog, options: ReplayFromLogOptions = {}): ReplayData {
  const wakeHour = options.wakeHour ?? 7;
  const index = new Map<string, number>();
  const activities: ReplayActivity[] = log.activities.map((a, i) => {
    index.set(a.id, i);
    const o = options.activityOverrides?.[a.id] ?? {};
    const seen = fittedActivity(activityFromRecord(a));
    return {
      ...seen,
      noveltyRefresh: o.noveltyRefresh ?? seen.noveltyRefresh,
      magnitude: o.magnitude ?? seen.magnitude,
      probability: o.probability ?? seen.probability,
      immediateReward: o.immediateReward ?? seen.immediateReward,
    };
  });
  const dayOf = recordedDays([
    ...log.closedDays,
    ...log.checkIns.map((c) => c.localDate),
    ...log.urges.map((u) => u.localDate),
  ]);
  const rows: ReplayOpportunity[] = [];
  for (const c of log.checkIns) {
    const s = index.get(c.activityId);
    if (s === undefined || activities[s]!.urge) continue;
    rows.push({
      day: dayOf(c.localDate),
      hour: c.localHour,
      activity: s,
      cue: c.scaffolding.environmentCue ? LOGGED_CUE : 0,
      commitment: c.scaffolding.commitment ? LOGGED_COMMITMENT : 0,
      durationMin: c.plannedMin,
      started: c.started,
      anticipated: c.anticipated,
      experienced: c.started ? c.experienced : null,
      worry: c.worry,
    });
  }
  for (const u of log.urges) {
    const s = index.get(u.activityId);
    if (s === undefined || !activities[s]!.urge) continue;
    rows.push({
      day: dayOf(u.localDate),
      hour: u.localHour,
      activity: s,
      cue: 0,
      commitment: 0,
      durationMin: activities[s]!.durationMin,
      started: u.acted,
      anticipated: null,
      experienced: u.acted ? u.liking : null,
      worry: null,
    });
  }
  const hi = (h: number) => (h - wakeHour + 24) % 24;
  rows.sort((a, b) => a.day - b.day || hi(a.hour) - hi(b.hour) || a.activity - b.activity);
  const lastDay = rows.reduce((m, r) => Math.max(m, r.day), -1);
  return {
    activities,
    opportunities: rows,
    wakeHour,
    days: lastDay + 1,
  };
}

/**
 * The observed sequence straight from simulated opportunity records, with the true activity facts
 * and (when `withOutcomes`) the true outcomes: the check that the replay is the engine's model.
 */
export function replayFromRecords(
  environment: Environment,
  records: readonly OpportunityRecord[],
  withOutcomes: boolean,
): ReplayData {
  const activities = environment.activities.map(replayActivity);
  const ids = activities.map((a) => a.id);
  const opportunities: ReplayOpportunity[] = records
    .filter((r) => r.planned || r.cued)
    .map((r) => ({
      day: r.day,
      hour: r.hour,
      activity: ids.indexOf(r.activity),
      cue: r.cue,
      commitment: r.commitment,
      durationMin: r.durationMin,
      started: r.started,
      anticipated: r.planned ? r.anticipatedRating : null,
      experienced: r.started ? r.experiencedRating : null,
      worry: Number.isFinite(r.worryRating) ? r.worryRating : null,
      outcome: withOutcomes && r.started ? r.outcome : null,
    }));
  const lastDay = records.reduce((m, r) => Math.max(m, r.day), -1);
  return {
    activities,
    opportunities,
    wakeHour: environment.wakeHour,
    days: lastDay + 1,
  };
}
