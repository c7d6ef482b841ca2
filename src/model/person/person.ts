import { streamRng } from "../rng.ts";
import { type CompiledWorld, compileWorld, type EnvironmentPhase } from "./compile.ts";
import {
  D,
  DAY_METRIC_COUNT,
  DAY_METRICS,
  type EngineResult,
  type OpportunityRecord,
  runPerson,
  S,
  SLOT_METRIC_COUNT,
  SLOT_METRICS,
  W,
  WEEK_METRIC_COUNT,
  WEEK_METRICS,
} from "./engine.ts";
import type { Environment } from "./environment.ts";
import { applyIntervention, INTERVENTIONS, type InterventionId } from "./interventions.ts";
import type { PersonParameters } from "./params.ts";

/** An intervention and the week (0-based) from which it is in place. */
export interface ScheduledIntervention {
  readonly id: InterventionId;
  readonly startWeek: number;
}

/** The environment over time: the base environment, then each intervention from its start week on. */
export function environmentPhases(
  environment: Environment,
  interventions: readonly ScheduledIntervention[],
  chronotypePeak: number,
): EnvironmentPhase[] {
  const sorted = [...interventions].sort((a, b) => a.startWeek - b.startWeek);
  const phases: EnvironmentPhase[] = [{ startDay: 0, environment }];
  let env = environment;
  for (const iv of sorted) {
    env = applyIntervention(env, INTERVENTIONS[iv.id], chronotypePeak);
    const startDay = iv.startWeek * 7;
    const last = phases[phases.length - 1]!;
    if (last.startDay === startDay) phases[phases.length - 1] = { startDay, environment: env };
    else phases.push({ startDay, environment: env });
  }
  return phases;
}

export type WeekMetric = (typeof WEEK_METRICS)[number];
export type ActivityMetric = (typeof SLOT_METRICS)[number];

export interface PersonWeek {
  readonly week: number;
  readonly metrics: Record<WeekMetric, number>;
  readonly activities: Record<string, Record<ActivityMetric, number>>;
}

export type DayMetric = (typeof DAY_METRICS)[number];

export interface PersonDay {
  readonly day: number;
  readonly metrics: Record<DayMetric, number>;
}

export interface PersonResult {
  readonly activityIds: readonly string[];
  readonly weeks: PersonWeek[];
  /** Day-by-day summaries (start rate of own activities, wanting, κ, D, τ, load, urge acts). */
  readonly days: PersonDay[];
  readonly raw: EngineResult;
}

export interface SimulatePersonOptions {
  readonly weeks: number;
  readonly seed: number;
  /** Index of this person in a population (selects independent random streams). */
  readonly index?: number;
  readonly onRecord?: (r: OpportunityRecord) => void;
}

/** Compiles the person's world (their environment under the scheduled interventions). */
export function personWorld(
  parameters: PersonParameters,
  environment: Environment,
  interventions: readonly ScheduledIntervention[],
): CompiledWorld {
  return compileWorld(environment, environmentPhases(environment, interventions, parameters.chronotypePeak));
}

/** Simulates one person with weekly summaries, and per-opportunity records when `onRecord` is given. */
export function simulatePerson(
  parameters: PersonParameters,
  environment: Environment,
  interventions: readonly ScheduledIntervention[],
  options: SimulatePersonOptions,
): PersonResult {
  const world = personWorld(parameters, environment, interventions);
  const raw = runPerson(parameters, world, {
    weeks: options.weeks,
    rng: streamRng(options.seed, options.index ?? 0, 1),
    onRecord: options.onRecord,
    daily: true,
  });
  const days: PersonDay[] = [];
  for (let d = 0; d < options.weeks * 7; d++) {
    const metrics = {} as Record<DayMetric, number>;
    for (const m of DAY_METRICS) metrics[m] = raw.daily[d * DAY_METRIC_COUNT + D[m]]!;
    days.push({ day: d, metrics });
  }
  return { activityIds: world.activityIds, weeks: toWeeks(raw, world, options.weeks), days, raw };
}

function toWeeks(raw: EngineResult, world: CompiledWorld, weeks: number): PersonWeek[] {
  const out: PersonWeek[] = [];
  for (let w = 0; w < weeks; w++) {
    const metrics = {} as Record<WeekMetric, number>;
    for (const m of WEEK_METRICS) metrics[m] = raw.weekly[w * WEEK_METRIC_COUNT + W[m]]!;
    const activities: Record<string, Record<ActivityMetric, number>> = {};
    world.activityIds.forEach((id, s) => {
      const row = {} as Record<ActivityMetric, number>;
      for (const m of SLOT_METRICS)
        row[m] = raw.slotWeekly[(w * world.slotCount + s) * SLOT_METRIC_COUNT + S[m]]!;
      activities[id] = row;
    });
    out.push({ week: w, metrics, activities });
  }
  return out;
}
