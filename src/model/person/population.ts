import { type Rng, streamRng } from "../rng.ts";
import { quantileSorted } from "../stats.ts";
import type { CompiledWorld } from "./compile.ts";
import {
  runPerson,
  S,
  SLOT_METRIC_COUNT,
  SLOT_METRICS,
  W,
  WEEK_METRIC_COUNT,
  WEEK_METRICS,
} from "./engine.ts";
import type { Environment } from "./environment.ts";
import { clampParameters, PARAMETER_NAMES, PARAMETERS, type PersonParameters } from "./params.ts";
import { type ActivityMetric, personWorld, type ScheduledIntervention, type WeekMetric } from "./person.ts";

/** Everything a population run needs; the same spec and seed give the same people and the same result. */
export interface PopulationSpec {
  /** The preset the population is sampled around (e.g. from `resolveConditions`). */
  readonly parameters: PersonParameters;
  readonly environment: Environment;
  readonly interventions: readonly ScheduledIntervention[];
  readonly people: number;
  readonly weeks: number;
  readonly seed: number;
  /** Multiplies every parameter's population spread (0 = everyone equals the preset). Default 1. */
  readonly spread?: number;
}

/** Person `index`'s parameters: drawn from their own stream, so they do not depend on the arm or the size. */
export function samplePerson(
  preset: PersonParameters,
  seed: number,
  index: number,
  spread = 1,
): PersonParameters {
  const rng = streamRng(seed, index, 0);
  return sampleAround(preset, rng, spread);
}

function sampleAround(preset: PersonParameters, rng: Rng, spread: number): PersonParameters {
  const out = { ...preset };
  for (const name of PARAMETER_NAMES) {
    const z = rng.normal();
    const { populationSd: sd, scale } = PARAMETERS[name];
    if (sd === 0 || spread === 0) continue;
    const x = preset[name];
    if (scale === "log") out[name] = x * Math.exp(spread * sd * z);
    else if (scale === "logit") {
      const q = Math.min(0.999, Math.max(0.001, x));
      out[name] = 1 / (1 + Math.exp(-(Math.log(q / (1 - q)) + spread * sd * z)));
    } else out[name] = x + spread * sd * z;
  }
  return clampParameters(out);
}

/** Per-person weekly values for a range of people: the streaming unit that workers return and merge. */
export interface PopulationSlice {
  readonly from: number;
  readonly to: number;
  readonly activityIds: readonly string[];
  /** (to − from) × weeks × WEEK_METRIC_COUNT. */
  readonly weekly: Float32Array;
  /** (to − from) × weeks × slots × SLOT_METRIC_COUNT. */
  readonly slotWeekly: Float32Array;
}

/** Runs people [from, to) of a population. */
export function simulateSlice(
  spec: PopulationSpec,
  from: number,
  to: number,
  onPerson?: (done: number) => void,
): PopulationSlice {
  const count = to - from;
  let world: CompiledWorld | null = null;
  let weekly = new Float32Array(0);
  let slotWeekly = new Float32Array(0);
  for (let i = from; i < to; i++) {
    const params = samplePerson(spec.parameters, spec.seed, i, spec.spread ?? 1);
    // The world depends on the person only through timing; recompile when the chronotype changes it.
    const w = personWorld(params, spec.environment, spec.interventions);
    if (!world) {
      world = w;
      weekly = new Float32Array(count * spec.weeks * WEEK_METRIC_COUNT);
      slotWeekly = new Float32Array(count * spec.weeks * world.slotCount * SLOT_METRIC_COUNT);
    }
    const r = runPerson(params, w, { weeks: spec.weeks, rng: streamRng(spec.seed, i, 1) });
    weekly.set(r.weekly, (i - from) * spec.weeks * WEEK_METRIC_COUNT);
    slotWeekly.set(r.slotWeekly, (i - from) * spec.weeks * world.slotCount * SLOT_METRIC_COUNT);
    onPerson?.(i - from + 1);
  }
  return { from, to, activityIds: world?.activityIds ?? [], weekly, slotWeekly };
}

/** A weekly series summarised over people. */
export interface IntervalSeries {
  /** Mean over people with a value that week. */
  readonly mean: number[];
  /** 95 % interval of the mean (normal approximation). */
  readonly ciLo: number[];
  readonly ciHi: number[];
  /** 2.5th and 97.5th percentiles across people (the population interval). */
  readonly lo: number[];
  readonly hi: number[];
  /** People with a value that week. */
  readonly n: number[];
}

export interface PopulationResult {
  readonly people: number;
  readonly weeks: number;
  readonly activityIds: readonly string[];
  readonly metrics: Record<WeekMetric, IntervalSeries>;
  readonly activities: Record<string, Record<ActivityMetric, IntervalSeries>>;
  /** The per-person values, kept for paired comparisons and tests. */
  readonly slices: readonly PopulationSlice[];
}

/** Simulates a population in one thread. */
export function simulatePopulation(
  spec: PopulationSpec,
  onPerson?: (done: number) => void,
): PopulationResult {
  return summarisePopulation(spec, [simulateSlice(spec, 0, spec.people, onPerson)]);
}

/** Merges slices (in any order) into weekly interval series. */
export function summarisePopulation(
  spec: PopulationSpec,
  slices: readonly PopulationSlice[],
): PopulationResult {
  const ordered = [...slices].sort((a, b) => a.from - b.from);
  const ids = ordered[0]?.activityIds ?? [];
  const slots = ids.length;
  const buf = new Float64Array(spec.people);
  const series = (get: (slice: PopulationSlice, k: number) => number): IntervalSeries => {
    const s: IntervalSeries = { mean: [], ciLo: [], ciHi: [], lo: [], hi: [], n: [] };
    for (let w = 0; w < spec.weeks; w++) {
      let m = 0;
      for (const sl of ordered)
        for (let k = 0; k < sl.to - sl.from; k++) {
          const v = get(sl, k * spec.weeks + w);
          if (!Number.isNaN(v)) buf[m++] = v;
        }
      pushSummary(s, buf.subarray(0, m));
    }
    return s;
  };
  const metrics = {} as Record<WeekMetric, IntervalSeries>;
  for (const name of WEEK_METRICS)
    metrics[name] = series((sl, kw) => sl.weekly[kw * WEEK_METRIC_COUNT + W[name]]!);
  const activities: Record<string, Record<ActivityMetric, IntervalSeries>> = {};
  ids.forEach((id, s) => {
    const rec = {} as Record<ActivityMetric, IntervalSeries>;
    for (const name of SLOT_METRICS)
      rec[name] = series((sl, kw) => sl.slotWeekly[(kw * slots + s) * SLOT_METRIC_COUNT + S[name]]!);
    activities[id] = rec;
  });
  return { people: spec.people, weeks: spec.weeks, activityIds: ids, metrics, activities, slices: ordered };
}

function pushSummary(s: IntervalSeries, values: Float64Array): void {
  const m = values.length;
  if (m === 0) {
    for (const arr of [s.mean, s.ciLo, s.ciHi, s.lo, s.hi]) arr.push(Number.NaN);
    s.n.push(0);
    return;
  }
  let sum = 0;
  for (let i = 0; i < m; i++) sum += values[i]!;
  const mean = sum / m;
  let ss = 0;
  for (let i = 0; i < m; i++) ss += (values[i]! - mean) ** 2;
  const se = m > 1 ? Math.sqrt(ss / (m - 1) / m) : 0;
  values.sort();
  s.mean.push(mean);
  s.ciLo.push(mean - 1.96 * se);
  s.ciHi.push(mean + 1.96 * se);
  s.lo.push(quantileSorted(values, 0.025));
  s.hi.push(quantileSorted(values, 0.975));
  s.n.push(m);
}

/**
 * Per-person mean of a weekly metric over weeks [fromWeek, toWeek), NaN weeks skipped. Activity
 * metrics are read when `activityId` is given.
 */
export function personMeans(
  result: PopulationResult,
  metric: WeekMetric | ActivityMetric,
  fromWeek: number,
  toWeek: number,
  activityId?: string,
): Float64Array {
  const out = new Float64Array(result.people);
  const slots = result.activityIds.length;
  const s = activityId === undefined ? -1 : result.activityIds.indexOf(activityId);
  if (activityId !== undefined && s < 0) throw new Error(`unknown activity ${activityId}`);
  let p = 0;
  for (const sl of result.slices)
    for (let k = 0; k < sl.to - sl.from; k++) {
      let sum = 0;
      let m = 0;
      for (let w = fromWeek; w < toWeek; w++) {
        const kw = k * result.weeks + w;
        const v =
          s < 0
            ? sl.weekly[kw * WEEK_METRIC_COUNT + W[metric as WeekMetric]]!
            : sl.slotWeekly[(kw * slots + s) * SLOT_METRIC_COUNT + S[metric as ActivityMetric]]!;
        if (!Number.isNaN(v)) {
          sum += v;
          m++;
        }
      }
      out[p++] = m > 0 ? sum / m : Number.NaN;
    }
  return out;
}
