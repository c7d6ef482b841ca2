import { type StepState, stepState } from "../model/person/engine.ts";
import * as kernel from "../model/person/kernel.ts";
import { effortCostOf, RATING_NOISE_SD, RATING_SCALE } from "../model/person/kernel.ts";
import type { PersonParameters } from "../model/person/params.ts";
import { UNLOGGED_INPUTS } from "./world.ts";

/**
 * The person-level model replayed over an observed sequence, as RL-model fitting does: the latent
 * values are deterministic given the parameters and the observed starts and outcomes, so the
 * likelihood is a product over opportunities. The equations are the simulator's own: both call the
 * model's kernel (`model/person/kernel.ts`: decide, learn, overnight), so the model is one model;
 * on a simulated sequence with the true outcomes the start probabilities are the engine's
 * (`replay.test.ts`). What a log cannot show is passed to the kernel as the fit's world assumes it
 * (stated once, in `world.ts`): no acute stress pulse or tone boost, no harm from a threatening
 * approach (τ only extinguishes), no drug surge, no stress relief, a constant chronic load, and no
 * urge acted on without a recorded cue (only cued urges are logged).
 *
 * The outcome a start met is the schedule's: known for a fixed schedule; for a probabilistic one
 * the experienced rating says whether it was rewarded (the likelier of the two), and a missing
 * rating gives the expected outcome. Reading the outcome through the inverse rating map instead
 * would feed rating noise (sd 0.7) into learning, and the rectified κ update turns that noise into
 * bias (measured: the mean |Δ pStart| against the engine rose from 0 to 0.06).
 */

/** An activity as the replay sees it (from a log's activity, or a simulated environment). */
export interface ReplayActivity {
  readonly id: string;
  readonly importance: number;
  readonly novelty: number;
  /** Per-day return of novelty towards its starting level; 0 for logged activities. */
  readonly noveltyRefresh: number;
  readonly effort: number;
  readonly threat: number;
  readonly urge: boolean;
  /** Full (nominal) duration, minutes. */
  readonly durationMin: number;
  /** Outcome size when rewarded, value units; 1 for logged activities unless told. */
  readonly magnitude: number;
  /** Chance of a reward per start; 1 for logged activities unless told. */
  readonly probability: number;
  readonly immediateReward: number;
}

/** One observed opportunity: a planned occurrence (check-in or skipped) or a cued urge episode. */
export interface ReplayOpportunity {
  /** Day index from the start of the log (0-based). */
  readonly day: number;
  readonly hour: number;
  /** Index into `ReplayData.activities`. */
  readonly activity: number;
  readonly cue: number;
  readonly commitment: number;
  /** Duration asked for, minutes (shorter than the nominal on a micro-dose step). */
  readonly durationMin: number;
  readonly started: boolean;
  /** 0–10 ratings, null when missing. */
  readonly anticipated: number | null;
  readonly experienced: number | null;
  readonly worry: number | null;
  /** The true outcome, when known (simulation checks only); otherwise inferred from the rating. */
  readonly outcome?: number | null;
}

/** A whole observed sequence, sorted by day, waking hour and activity index (the engine's order). */
export interface ReplayData {
  readonly activities: readonly ReplayActivity[];
  readonly opportunities: readonly ReplayOpportunity[];
  /** First waking hour (the engine's `wakeHour`), for the cortisol curve. */
  readonly wakeHour: number;
  /** Days in the log (≥ the last opportunity's day + 1). */
  readonly days: number;
}

/** Which likelihood terms to include. */
export interface ReplayTerms {
  readonly start: boolean;
  readonly anticipated: boolean;
  readonly experienced: boolean;
  readonly worry: boolean;
}

export const ALL_TERMS: ReplayTerms = { start: true, anticipated: true, experienced: true, worry: true };

/** Per-opportunity latent values, filled when asked for. */
export interface ReplayTrace {
  readonly startProbability: Float64Array;
  readonly value: Float64Array;
  readonly anticipation: Float64Array;
  readonly wanting: Float64Array;
  readonly drive: Float64Array;
  readonly predictionError: Float64Array;
}

export function emptyTrace(n: number): ReplayTrace {
  return {
    startProbability: new Float64Array(n),
    value: new Float64Array(n),
    anticipation: new Float64Array(n),
    wanting: new Float64Array(n),
    drive: new Float64Array(n),
    predictionError: new Float64Array(n).fill(Number.NaN),
  };
}

const LOG_FLOOR = -30;

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 via erf; absolute error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/**
 * Probability of an integer 0–10 rating under the engine's report: round(mean + sd·N(0,1)) clamped
 * to 0..10 (an ordinal likelihood, exact for the engine's reports).
 */
export function ratingProbability(rating: number, mean: number, sd = RATING_NOISE_SD): number {
  const hi = rating >= 10 ? 1 : normalCdf((rating + 0.5 - mean) / sd);
  const lo = rating <= 0 ? 0 : normalCdf((rating - 0.5 - mean) / sd);
  return Math.max(hi - lo, 1e-13);
}

const TABLE_LO = -3;
const TABLE_HI = 13;
const TABLE_STEP = 0.002;
const TABLE_SIZE = Math.round((TABLE_HI - TABLE_LO) / TABLE_STEP) + 1;
let logTable: Float64Array | null = null;

/** The table of log rating probabilities, built on first use (kept out of the hot path's bytecode). */
function buildLogTable(): Float64Array {
  const table = new Float64Array(TABLE_SIZE * 11);
  for (let k = 0; k < TABLE_SIZE; k++)
    for (let r = 0; r <= 10; r++)
      table[r * TABLE_SIZE + k] = Math.log(ratingProbability(r, TABLE_LO + k * TABLE_STEP));
  return table;
}

/**
 * log `ratingProbability(rating, mean)` at the engine's noise sd, interpolated from a table
 * (step 0.002 in the mean; the likelihood's hot path). Means outside −3..13 use the exact formula.
 */
export function ratingLogProbability(rating: number, mean: number): number {
  if (!(mean > TABLE_LO && mean < TABLE_HI)) return Math.log(ratingProbability(rating, mean));
  if (!logTable) logTable = buildLogTable();
  const table = logTable;
  const x = (mean - TABLE_LO) / TABLE_STEP;
  const k = Math.floor(x);
  const f = x - k;
  const row = Math.min(10, Math.max(0, Math.round(rating))) * TABLE_SIZE;
  return (1 - f) * table[row + k]! + f * table[row + k + 1]!;
}

/** Inverse of the rating map: the value-unit level a 0–10 rating stands for (10 is read as 9.5). */
export function ratingInverse(rating: number): number {
  const r = Math.min(9.5, Math.max(0, rating));
  return -RATING_SCALE * Math.log(1 - r / 10);
}

// The kernel bound once: the hot loop then calls its functions and reads its offsets directly, not
// through a module namespace's getters (a third of the replay's time under tsx, measured with --cpu-prof).
const { beginHour, decide, initActivity, initPerson, K, learn, like, newState } = kernel;
const { overnight, overnightActivity, packParameters, ratingOf } = kernel;

/** The sequence as typed arrays (one shape for the hot loop); NaN marks a missing rating. */
interface Compiled {
  readonly day: Int32Array;
  readonly hour: Int32Array;
  readonly activity: Int32Array;
  readonly cue: Float64Array;
  readonly commitment: Float64Array;
  readonly durationMin: Float64Array;
  readonly started: Uint8Array;
  readonly anticipated: Float64Array;
  readonly experienced: Float64Array;
  readonly worry: Float64Array;
  readonly outcome: Float64Array;
  /** Effort cost at c = 1, per opportunity, for the exponent it was made with. */
  unitCost: Float64Array;
  /** Outcome scale of the duration asked for: (duration / nominal)^0.25. */
  readonly durationScale: Float64Array;
  exponent: number;
}

const cache = new WeakMap<ReplayData, Compiled>();

function compile(data: ReplayData): Compiled {
  const hit = cache.get(data);
  if (hit) return hit;
  const opps = data.opportunities;
  const n = opps.length;
  const f = () => new Float64Array(n);
  const c: Compiled = {
    day: new Int32Array(n),
    hour: new Int32Array(n),
    activity: new Int32Array(n),
    cue: f(),
    commitment: f(),
    durationMin: f(),
    started: new Uint8Array(n),
    anticipated: f(),
    experienced: f(),
    worry: f(),
    outcome: f(),
    unitCost: f(),
    durationScale: f(),
    exponent: Number.NaN,
  };
  const num = (x: number | null | undefined) => (x === null || x === undefined ? Number.NaN : x);
  opps.forEach((o, i) => {
    c.day[i] = o.day;
    c.hour[i] = o.hour;
    c.activity[i] = o.activity;
    c.cue[i] = o.cue;
    c.commitment[i] = o.commitment;
    c.durationMin[i] = o.durationMin;
    c.started[i] = o.started ? 1 : 0;
    c.anticipated[i] = num(o.anticipated);
    c.experienced[i] = o.started ? num(o.experienced) : Number.NaN;
    c.worry[i] = num(o.worry);
    c.outcome[i] = num(o.outcome);
    c.durationScale[i] =
      (o.durationMin / (data.activities[o.activity]?.durationMin ?? o.durationMin)) ** 0.25;
  });
  cache.set(data, c);
  return c;
}
const logOf = (x: number) => Math.max(LOG_FLOOR, Math.log(x));

/** Liking of `outcome`, were activity `s` to meet it now (the kernel's, through its inputs). */
function likingNow(par: Float64Array, st: Float64Array, s: number, outcome: number): number {
  st[K.outcome] = outcome;
  like(par, st, s);
  return st[K.liking]!;
}

/**
 * Replays the sequence under `p` and returns the log-likelihood of the observations (the chosen
 * terms); fills `trace` when given, and calls `onState` after each opportunity with the state it
 * left. Never throws on odd parameters: a non-finite result is −Infinity.
 */
export function replayLogLik(
  p: PersonParameters,
  data: ReplayData,
  terms: ReplayTerms = ALL_TERMS,
  trace?: ReplayTrace,
  onState?: (i: number, s: StepState) => void,
): number {
  const acts = data.activities;
  const n = acts.length;
  const par = packParameters(p);
  const st = newState(n);
  initPerson(par, st);
  for (let s = 0; s < n; s++) {
    const a = acts[s]!;
    initActivity(par, st, s, a.probability, a.magnitude + a.immediateReward, a.novelty);
  }
  st[K.cueFactor] = UNLOGGED_INPUTS.cueFactor;
  st[K.exposure] = UNLOGGED_INPUTS.exposure;
  // The fit's world (`world.ts`): the chronic load is constant (the stress input it follows is the
  // load itself), and every opportunity is cued and met at full exposure.
  const stressInput = p.stressLoad;
  let ll = 0;
  let day = 0;
  let lastHourKey = -1;
  const c = compile(data);
  const total = c.day.length;
  if (c.exponent !== p.effortExponent) {
    for (let i = 0; i < total; i++)
      c.unitCost[i] = effortCostOf(
        1,
        p.effortExponent,
        acts[c.activity[i]!]!.effort,
        c.cue[i]!,
        c.durationMin[i]!,
      );
    c.exponent = p.effortExponent;
  }
  for (let i = 0; i < total; i++) {
    const oDay = c.day[i]!;
    const oHour = c.hour[i]!;
    while (day < oDay) {
      overnight(par, st, stressInput);
      for (let s = 0; s < n; s++) overnightActivity(par, st, s, acts[s]!.noveltyRefresh, acts[s]!.novelty);
      day++;
    }
    const hi = (oHour - data.wakeHour + 24) % 24;
    const hourKey = day * 24 + hi;
    if (hourKey !== lastHourKey) {
      beginHour(par, st, oHour, hi, UNLOGGED_INPUTS.acute, UNLOGGED_INPUTS.toneBoost);
      lastHourKey = hourKey;
    }
    const s = c.activity[i]!;
    const started = c.started[i] === 1;
    const a = acts[s]!;
    st[K.importance] = a.importance;
    st[K.threat] = a.threat;
    st[K.commitment] = c.commitment[i]!;
    st[K.cost] = p.effortCost * c.unitCost[i]!;
    decide(par, st, s);
    const pStart = st[K.startProbability]!;
    const anticipation = st[K.anticipation]!;
    const ant = c.anticipated[i]!;
    const worry = c.worry[i]!;
    const exp = c.experienced[i]!;
    if (terms.start) ll += logOf(started ? pStart : 1 - pStart);
    if (terms.anticipated && !Number.isNaN(ant)) ll += ratingLogProbability(ant, ratingOf(anticipation));
    if (terms.worry && !Number.isNaN(worry) && a.threat > 0)
      ll += ratingLogProbability(worry, ratingOf(st[K.threatSignal]!));
    if (trace) {
      trace.startProbability[i] = pStart;
      trace.value[i] = st[K.value]!;
      trace.anticipation[i] = anticipation;
      trace.wanting[i] = st[K.wanting]!;
      trace.drive[i] = st[K.drive]!;
    }
    if (started) {
      const rewarded = a.magnitude * c.durationScale[i]! + a.immediateReward;
      let pHit = a.probability;
      if (!Number.isNaN(exp) && a.probability < 1) {
        const hit = a.probability * ratingProbability(exp, ratingOf(likingNow(par, st, s, rewarded)));
        const miss =
          (1 - a.probability) * ratingProbability(exp, ratingOf(likingNow(par, st, s, a.immediateReward)));
        if (terms.experienced) ll += Math.log(Math.max(hit + miss, 1e-13));
        pHit = hit >= miss ? 1 : 0;
      } else if (terms.experienced && !Number.isNaN(exp))
        ll += ratingLogProbability(exp, ratingOf(likingNow(par, st, s, rewarded)));
      const known = c.outcome[i]!;
      st[K.outcome] = !Number.isNaN(known) ? known : pHit * rewarded + (1 - pHit) * a.immediateReward;
      st[K.surge] = UNLOGGED_INPUTS.surge;
      st[K.harmed] = UNLOGGED_INPUTS.harmed;
      st[K.stressRelief] = UNLOGGED_INPUTS.stressRelief;
      learn(par, st, s, a.urge);
      if (trace) trace.predictionError[i] = st[K.predictionError]!;
    }
    // Exposure is 1 in a replay: a log has no graded-exposure ladder.
    if (onState) onState(i, stepState(st, s, UNLOGGED_INPUTS.exposure));
  }
  return Number.isFinite(ll) ? ll : Number.NEGATIVE_INFINITY;
}
