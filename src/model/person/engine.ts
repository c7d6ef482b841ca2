import type { Rng } from "../rng.ts";
import { A, ATTRIBUTE_COUNT, type CompiledWorld } from "./compile.ts";
import * as kernel from "./kernel.ts";
import { acuteReleaseOf, acuteResponsivenessOf, effortCostOf, RATING_NOISE_SD, ratingOf } from "./kernel.ts";
import type { PersonParameters } from "./params.ts";

/** Person-week metrics, in this order (see `WEEK_METRICS`). */
export const W = {
  startRate: 0,
  opportunities: 1,
  starts: 2,
  wanting: 3,
  anticipation: 4,
  liking: 5,
  anticipatedRating: 6,
  experiencedRating: 7,
  ratingGap: 8,
  anticipatoryGain: 9,
  d2Availability: 10,
  threatGain: 11,
  stressLoad: 12,
  urgeActs: 13,
} as const;
export const WEEK_METRICS = Object.keys(W) as (keyof typeof W)[];
export const WEEK_METRIC_COUNT = WEEK_METRICS.length;

/** Person-week-activity metrics. */
export const S = {
  opportunities: 0,
  starts: 1,
  startRate: 2,
  wanting: 3,
  liking: 4,
  anticipatedRating: 5,
  experiencedRating: 6,
  probeStartProbability: 7,
  anticipation: 8,
  predictionError: 9,
} as const;
export const SLOT_METRICS = Object.keys(S) as (keyof typeof S)[];
export const SLOT_METRIC_COUNT = SLOT_METRICS.length;

/** Person-day metrics, kept only when `daily` is asked for (one person's run, not populations). */
export const D = {
  opportunities: 0,
  starts: 1,
  startRate: 2,
  wanting: 3,
  anticipatoryGain: 4,
  d2Availability: 5,
  threatGain: 6,
  stressLoad: 7,
  urgeActs: 8,
} as const;
export const DAY_METRICS = Object.keys(D) as (keyof typeof D)[];
export const DAY_METRIC_COUNT = DAY_METRICS.length;

/** One opportunity, emitted only when a trace is asked for. */
export interface OpportunityRecord {
  day: number;
  hour: number;
  activity: string;
  planned: boolean;
  /** For urges: whether a cue was met this hour (cue-triggered wanting). */
  cued: boolean;
  /** Environment support in place: cue strength, social commitment, and whether a micro-dose step is in force. */
  cue: number;
  commitment: number;
  microDose: boolean;
  /** The activity's full duration and the duration asked for now (shorter on a micro-dose step). */
  nominalMin: number;
  wanting: number;
  anticipation: number;
  drive: number;
  startProbability: number;
  started: boolean;
  durationMin: number;
  outcome: number;
  liking: number;
  predictionError: number;
  anticipatedRating: number;
  experiencedRating: number;
  worryRating: number;
}

/**
 * The state right after one opportunity: the person's slow variables and the learned state of the
 * opportunity's activity (for equivalence checks of the model's equations; emitted only when asked for).
 */
export interface StepState {
  readonly anticipatoryGain: number;
  readonly d2Availability: number;
  readonly threatGain: number;
  readonly stressLoad: number;
  /** Learned outcome size, reward probability, outcome count and belief that the regime holds. */
  readonly magnitude: number;
  readonly probability: number;
  readonly count: number;
  readonly belief: number;
  readonly uncertainty: number;
  readonly novelty: number;
  readonly habituation: number;
  readonly tolerance: number;
  /** Fraction of the activity's threat met at its current progression step (1 in a replay). */
  readonly exposure: number;
}

export interface EngineOptions {
  readonly weeks: number;
  readonly rng: Rng;
  readonly onRecord?: (r: OpportunityRecord) => void;
  /** Called after each opportunity (after `onRecord`) with the state it left. */
  readonly onState?: (s: StepState) => void;
  /** Keep person-day summaries (days × DAY_METRIC_COUNT) as well as weekly ones. */
  readonly daily?: boolean;
}

/** Raw weekly output of one person: typed arrays, ready to aggregate. */
export interface EngineResult {
  /** weeks × WEEK_METRIC_COUNT. */
  readonly weekly: Float64Array;
  /** weeks × slots × SLOT_METRIC_COUNT. */
  readonly slotWeekly: Float64Array;
  /** days × DAY_METRIC_COUNT, when asked for; otherwise empty. */
  readonly daily: Float64Array;
}

export { calibration, cortisolAt, RATING_NOISE_SD, RATING_SCALE, ratingOf, toneAt } from "./kernel.ts";

const UNCUED_URGE_WANTING = 0.25;

// The kernel bound once: the hot loop calls its functions and reads its offsets directly, not through
// a module namespace's getters (as a test runner's module loader would have it).
const { activityOffset, beginHour, decide, initActivity, initPerson, K, L, learn } = kernel;
const { newState, overnight, overnightActivity, packParameters, renewNovelty } = kernel;

function reportRating(x: number, rng: Rng): number {
  const r = Math.round(ratingOf(x) + RATING_NOISE_SD * rng.normal());
  return Math.min(10, Math.max(0, r));
}

/** Cost of starting: c·E^s with E = effort × (1 − 0.4·cue) × √(minutes / 30). */
export function effortCost(p: PersonParameters, effort: number, cue: number, durationMin: number): number {
  return effortCostOf(p.effortCost, p.effortExponent, effort, cue, durationMin);
}

/**
 * Phasic release multiplier under an acute cortisol pulse: above 1 (Pruessner et al. 2004), and
 * blunted by chronic load (Valenti, Gill & Grace 2012).
 */
export function acuteRelease(p: PersonParameters, acuteCortisol: number, chronicLoad: number): number {
  return acuteReleaseOf(p.acuteReleaseGain, acuteCortisol, chronicLoad);
}

/** Reward responsiveness under an acute cortisol pulse: below 1 (Bogdan & Pizzagalli 2006). */
export function acuteResponsiveness(p: PersonParameters, acuteCortisol: number): number {
  return acuteResponsivenessOf(p.acuteRewardBlunting, acuteCortisol);
}

/**
 * Simulates one person day by day over a compiled world: the environment (phases, plans, urges
 * with their cues, progression, acute stressors and the draws of chance) is here; every equation
 * of the person is the kernel's (`kernel.ts`). Slow variables (κ, D, τ, load) change only through
 * the plasticity dynamics; the environment changes only through the world's phases.
 */
export function runPerson(params: PersonParameters, world: CompiledWorld, opts: EngineOptions): EngineResult {
  const p = params;
  const { rng, onRecord, onState } = opts;
  const n = world.slotCount;
  const weeks = opts.weeks;
  const weekly = new Float64Array(weeks * WEEK_METRIC_COUNT);
  const slotWeekly = new Float64Array(weeks * n * SLOT_METRIC_COUNT);
  const wsum = new Float64Array(WEEK_METRIC_COUNT);
  const keepDaily = opts.daily === true;
  const daily = new Float64Array(keepDaily ? weeks * 7 * DAY_METRIC_COUNT : 0);
  const ssum = new Float64Array(n * SLOT_METRIC_COUNT);
  const sStartedRatings = new Float64Array(n);

  const par = packParameters(p);
  const st = newState(n);
  initPerson(par, st);
  // The environment's side of each slot: the progression ladder and the urge's refractory period.
  const curDur = new Float64Array(n);
  const exposure = new Float64Array(n);
  const streak = new Int32Array(n);
  const misses = new Int32Array(n);
  const refractoryUntil = new Int32Array(n);
  /** Effort cost at the current duration; recomputed only when the phase or the duration changes. */
  const cost = new Float64Array(n);
  const initialised = new Uint8Array(n);
  const attrs = world.attributes;
  const wake = world.wakeHour;
  const waking = world.wakingHours;
  const costOf = (o: number, durationMin: number) =>
    effortCostOf(p.effortCost, p.effortExponent, attrs[o + A.effort]!, attrs[o + A.cue]!, durationMin);

  let phase = -1;
  let base = 0;
  const days = weeks * 7;
  for (let day = 0; day < days; day++) {
    const weekday = day % 7;
    while (phase + 1 < world.phaseCount && world.phaseStartDay[phase + 1]! <= day) {
      phase++;
      base = phase * n * ATTRIBUTE_COUNT;
      for (let s = 0; s < n; s++) {
        const o = base + s * ATTRIBUTE_COUNT;
        if (attrs[o + A.available] === 0) continue;
        if (!initialised[s]) {
          initialised[s] = 1;
          initActivity(
            par,
            st,
            s,
            attrs[o + A.probability]!,
            attrs[o + A.magnitude]! + attrs[o + A.immediateReward]!,
            attrs[o + A.novelty]!,
          );
        } else if (phase > 0) {
          const prev = (phase - 1) * n * ATTRIBUTE_COUNT + s * ATTRIBUTE_COUNT;
          if (attrs[prev + A.novelty] !== attrs[o + A.novelty]) renewNovelty(st, s, attrs[o + A.novelty]!);
        }
        curDur[s] = attrs[o + A.hasProgression] ? attrs[o + A.progStartMin]! : attrs[o + A.durationMin]!;
        cost[s] = costOf(o, curDur[s]!);
        exposure[s] = attrs[o + A.progExposureStart]!;
        streak[s] = 0;
        misses[s] = 0;
      }
    }
    const stressHour =
      rng.uniform() < world.acuteStressPerDay[phase]! ? Math.floor(rng.uniform() * waking) : -1;
    let boostUntil = -1;
    let boost = 0;
    let dayOpp = 0;
    let dayStarts = 0;
    let dayWanting = 0;
    let dayUrgeActs = 0;

    for (let hi = 0; hi < waking; hi++) {
      const hour = (wake + hi) % 24;
      const acute = stressHour >= 0 && hi >= stressHour ? Math.exp(-(hi - stressHour) / 2) : 0;
      beginHour(par, st, hour, hi, acute, hi < boostUntil ? boost : 0);
      for (let s = 0; s < n; s++) {
        const o = base + s * ATTRIBUTE_COUNT;
        if (attrs[o + A.available] === 0) continue;
        const urge = attrs[o + A.urge] === 1;
        let cueFactor = 1;
        if (urge) {
          if (day * 24 + hi < refractoryUntil[s]!) continue;
          cueFactor = rng.uniform() < attrs[o + A.cueRatePerHour]! ? 1 : UNCUED_URGE_WANTING;
        } else if (world.plan[((phase * n + s) * 7 + weekday) * 24 + hour] === 0) continue;

        const nominal = attrs[o + A.durationMin]!;
        const dur = curDur[s]!;
        st[K.cueFactor] = cueFactor;
        st[K.importance] = attrs[o + A.importance]!;
        st[K.threat] = attrs[o + A.threat]!;
        st[K.exposure] = exposure[s]!;
        st[K.commitment] = attrs[o + A.commitment]!;
        st[K.cost] = cost[s]!;
        decide(par, st, s);
        const started = rng.uniform() < st[K.startProbability]!;

        let outcome = 0;
        if (started) {
          const rewarded = rng.uniform() < attrs[o + A.probability]!;
          if (rewarded) {
            const size = attrs[o + A.variableMagnitude] ? -Math.log(1 - rng.uniform()) : 1;
            outcome = attrs[o + A.magnitude]! * (dur / nominal) ** 0.25 * size;
          }
          outcome += attrs[o + A.immediateReward]!;
          const threat = attrs[o + A.threat]! * exposure[s]!;
          st[K.outcome] = outcome;
          st[K.surge] = attrs[o + A.surge]!;
          st[K.harmed] = threat > 0 && rng.uniform() < attrs[o + A.harmProbability]! ? 1 : 0;
          st[K.stressRelief] = attrs[o + A.stressRelief]!;
          learn(par, st, s, urge);
          if (attrs[o + A.toneBoost]! > 0) {
            boost = attrs[o + A.toneBoost]!;
            boostUntil = hi + 4;
          }
          if (urge) refractoryUntil[s] = day * 24 + hi + 1 + Math.ceil(dur / 60);
        }

        if (!urge && attrs[o + A.hasProgression]) {
          if (started) {
            misses[s] = 0;
            if (++streak[s]! >= attrs[o + A.progAfterStarts]!) {
              streak[s] = 0;
              curDur[s] = Math.min(nominal, dur + attrs[o + A.progStepMin]!);
              cost[s] = costOf(o, curDur[s]!);
              exposure[s] = Math.min(1, exposure[s]! + attrs[o + A.progExposureStep]!);
            }
          } else {
            streak[s] = 0;
            if (++misses[s]! >= attrs[o + A.progBackAfterMisses]!) {
              misses[s] = 0;
              curDur[s] = Math.max(attrs[o + A.progStartMin]!, dur - attrs[o + A.progStepMin]!);
              cost[s] = costOf(o, curDur[s]!);
            }
          }
        }

        const wanting = st[K.wanting]!;
        const anticipation = st[K.anticipation]!;
        const liking = started ? st[K.liking]! : 0;
        const delta = started ? st[K.predictionError]! : 0;
        const antRating = reportRating(anticipation, rng);
        const expRating = started ? reportRating(liking, rng) : Number.NaN;
        if (keepDaily) {
          if (world.own[s]) {
            dayOpp++;
            dayWanting += wanting;
            if (started) dayStarts++;
          } else if (urge && started) dayUrgeActs++;
        }
        const so = s * SLOT_METRIC_COUNT;
        ssum[so + S.opportunities]! += 1;
        ssum[so + S.wanting]! += wanting;
        ssum[so + S.anticipation]! += anticipation;
        ssum[so + S.anticipatedRating]! += antRating;
        if (started) {
          ssum[so + S.starts]! += 1;
          ssum[so + S.liking]! += liking;
          ssum[so + S.experiencedRating]! += expRating;
          ssum[so + S.predictionError]! += delta;
          sStartedRatings[s]! += antRating;
        }
        if (onRecord)
          onRecord({
            day,
            hour,
            activity: world.activityIds[s]!,
            planned: !urge,
            cued: cueFactor === 1,
            cue: attrs[o + A.cue]!,
            commitment: attrs[o + A.commitment]!,
            microDose: dur < nominal,
            nominalMin: nominal,
            wanting,
            anticipation,
            drive: st[K.drive]!,
            startProbability: st[K.startProbability]!,
            started,
            durationMin: dur,
            outcome,
            liking,
            predictionError: delta,
            anticipatedRating: antRating,
            experiencedRating: expRating,
            worryRating: attrs[o + A.threat]! > 0 ? Math.round(ratingOf(st[K.threatSignal]!)) : Number.NaN,
          });
        if (onState) onState(stepState(st, s, exposure[s]!));
      }
    }

    // Overnight: slow dynamics and recovery.
    overnight(par, st, world.stressInput[phase]!);
    for (let s = 0; s < n; s++) {
      const o = base + s * ATTRIBUTE_COUNT;
      overnightActivity(par, st, s, attrs[o + A.noveltyRefresh]!, attrs[o + A.novelty]!);
    }

    if (opts.daily) {
      const o = day * DAY_METRIC_COUNT;
      daily[o + D.opportunities] = dayOpp;
      daily[o + D.starts] = dayStarts;
      daily[o + D.startRate] = dayOpp > 0 ? dayStarts / dayOpp : Number.NaN;
      daily[o + D.wanting] = dayOpp > 0 ? dayWanting / dayOpp : Number.NaN;
      daily[o + D.anticipatoryGain] = st[K.anticipatoryGain]!;
      daily[o + D.d2Availability] = st[K.d2Availability]!;
      daily[o + D.threatGain] = st[K.threatGain]!;
      daily[o + D.stressLoad] = st[K.stressLoad]!;
      daily[o + D.urgeActs] = dayUrgeActs;
    }
    if (weekday === 6) {
      const week = (day - 6) / 7;
      finishWeek(week);
    }
  }
  return { weekly, slotWeekly, daily };

  function finishWeek(week: number): void {
    wsum.fill(0);
    let ownOpp = 0;
    let ownStarts = 0;
    let ownStartedAnt = 0;
    for (let s = 0; s < n; s++) {
      const so = s * SLOT_METRIC_COUNT;
      const out = (week * n + s) * SLOT_METRIC_COUNT;
      const opp = ssum[so + S.opportunities]!;
      const starts = ssum[so + S.starts]!;
      slotWeekly[out + S.opportunities] = opp;
      slotWeekly[out + S.starts] = starts;
      slotWeekly[out + S.startRate] = opp > 0 ? starts / opp : Number.NaN;
      slotWeekly[out + S.wanting] = opp > 0 ? ssum[so + S.wanting]! / opp : Number.NaN;
      slotWeekly[out + S.anticipation] = opp > 0 ? ssum[so + S.anticipation]! / opp : Number.NaN;
      slotWeekly[out + S.anticipatedRating] = opp > 0 ? ssum[so + S.anticipatedRating]! / opp : Number.NaN;
      slotWeekly[out + S.liking] = starts > 0 ? ssum[so + S.liking]! / starts : Number.NaN;
      slotWeekly[out + S.experiencedRating] =
        starts > 0 ? ssum[so + S.experiencedRating]! / starts : Number.NaN;
      slotWeekly[out + S.predictionError] = starts > 0 ? ssum[so + S.predictionError]! / starts : Number.NaN;
      slotWeekly[out + S.probeStartProbability] = world.own[s] ? probe(s) : Number.NaN;
      if (world.own[s]) {
        ownOpp += opp;
        ownStarts += starts;
        wsum[W.wanting]! += ssum[so + S.wanting]!;
        wsum[W.anticipation]! += ssum[so + S.anticipation]!;
        wsum[W.anticipatedRating]! += ssum[so + S.anticipatedRating]!;
        wsum[W.liking]! += ssum[so + S.liking]!;
        wsum[W.experiencedRating]! += ssum[so + S.experiencedRating]!;
        ownStartedAnt += sStartedRatings[s]!;
      } else if (world.urge[s]) wsum[W.urgeActs]! += starts;
    }
    const o = week * WEEK_METRIC_COUNT;
    weekly[o + W.opportunities] = ownOpp;
    weekly[o + W.starts] = ownStarts;
    weekly[o + W.startRate] = ownOpp > 0 ? ownStarts / ownOpp : Number.NaN;
    weekly[o + W.wanting] = ownOpp > 0 ? wsum[W.wanting]! / ownOpp : Number.NaN;
    weekly[o + W.anticipation] = ownOpp > 0 ? wsum[W.anticipation]! / ownOpp : Number.NaN;
    weekly[o + W.anticipatedRating] = ownOpp > 0 ? wsum[W.anticipatedRating]! / ownOpp : Number.NaN;
    weekly[o + W.liking] = ownStarts > 0 ? wsum[W.liking]! / ownStarts : Number.NaN;
    weekly[o + W.experiencedRating] = ownStarts > 0 ? wsum[W.experiencedRating]! / ownStarts : Number.NaN;
    weekly[o + W.ratingGap] =
      ownStarts > 0 ? (wsum[W.experiencedRating]! - ownStartedAnt) / ownStarts : Number.NaN;
    weekly[o + W.anticipatoryGain] = st[K.anticipatoryGain]!;
    weekly[o + W.d2Availability] = st[K.d2Availability]!;
    weekly[o + W.threatGain] = st[K.threatGain]!;
    weekly[o + W.stressLoad] = st[K.stressLoad]!;
    weekly[o + W.urgeActs] = wsum[W.urgeActs]!;
    ssum.fill(0);
    sStartedRatings.fill(0);
  }

  /**
   * Start probability of the person's original (phase-0) version of an activity now: the kernel's
   * decision at its first planned hour, with no acute pulse, no tone boost and no cue noise.
   */
  function probe(s: number): number {
    const ref = world.reference;
    const o = s * ATTRIBUTE_COUNT;
    const hour = ref[o + A.firstPlannedHour]!;
    beginHour(par, st, hour, (hour - wake + 24) % 24, 0, 0);
    st[K.cueFactor] = 1;
    st[K.importance] = ref[o + A.importance]!;
    st[K.threat] = ref[o + A.threat]!;
    st[K.exposure] = 1;
    st[K.commitment] = ref[o + A.commitment]!;
    st[K.cost] = effortCostOf(
      p.effortCost,
      p.effortExponent,
      ref[o + A.effort]!,
      ref[o + A.cue]!,
      ref[o + A.durationMin]!,
    );
    decide(par, st, s);
    return st[K.startProbability]!;
  }
}

/** The state after an opportunity of activity `s`, by name (for `onState`, here and in the fit's replay). */
export function stepState(st: Float64Array, s: number, exposure: number): StepState {
  const o = activityOffset(s);
  return {
    anticipatoryGain: st[K.anticipatoryGain]!,
    d2Availability: st[K.d2Availability]!,
    threatGain: st[K.threatGain]!,
    stressLoad: st[K.stressLoad]!,
    magnitude: st[o + L.magnitude]!,
    probability: st[o + L.probability]!,
    count: st[o + L.count]!,
    belief: st[o + L.belief]!,
    uncertainty: st[o + L.uncertainty]!,
    novelty: st[o + L.novelty]!,
    habituation: st[o + L.habituation]!,
    tolerance: st[o + L.tolerance]!,
    exposure,
  };
}
