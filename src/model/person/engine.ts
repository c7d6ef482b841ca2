import type { Rng } from "../rng.ts";
import { A, ATTRIBUTE_COUNT, type CompiledWorld } from "./compile.ts";
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

export const RATING_SCALE = 0.8;
export const RATING_NOISE_SD = 0.7;
const CUE_RELIEF = 0.4;
const UNCUED_URGE_WANTING = 0.25;
const EXTINCTION_REWARD_PROBABILITY = 0.05;
const THREAT_CEILING = 2;
const KAPPA_CEILING = 1.5;

/** The one rating map for everyone: value units → the 0–10 scale (before noise). */
export function ratingOf(x: number): number {
  return 10 * (1 - Math.exp(-Math.max(0, x) / RATING_SCALE));
}

function reportRating(x: number, rng: Rng): number {
  const r = Math.round(ratingOf(x) + RATING_NOISE_SD * rng.normal());
  return Math.min(10, Math.max(0, r));
}

/**
 * Daily tone: equal 24 h and 12 h harmonics peaking at φ, so the dip falls six hours after the peak and
 * tone rises again in the evening (as Byrne et al. 2017 found: 10:00 and 19:00 above 14:00).
 */
export function toneAt(hour: number, peak: number, amplitude: number): number {
  const x = ((hour - peak) * Math.PI) / 12;
  return 1 + amplitude * (0.5 * Math.cos(x) + 0.5 * Math.cos(2 * x));
}

/** Baseline cortisol by hours since waking (awakening response, then decline), plus chronic load. */
export function cortisolAt(hoursAwake: number, load: number): number {
  return 0.3 + 0.5 * Math.exp(-hoursAwake / 3) + load;
}

/** Salience of an activity: follows importance when ν = 0 and novelty when ν = 1 (1 at the midpoint). */
export function calibration(importance: number, novelty: number, nu: number): number {
  const c = 1 + 2 * ((1 - nu) * (importance - 0.5) + nu * (novelty - 0.5));
  return Math.max(0.05, c);
}

/** Cost of starting: c·E^s with E = effort × (1 − 0.4·cue) × √(minutes / 30). */
export function effortCost(p: PersonParameters, effort: number, cue: number, durationMin: number): number {
  const e = effort * (1 - CUE_RELIEF * cue) * Math.sqrt(durationMin / 30);
  return p.effortCost * e ** p.effortExponent;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Phasic release multiplier under an acute cortisol pulse: above 1 (Pruessner et al. 2004), and
 * blunted by chronic load (Valenti, Gill & Grace 2012).
 */
export function acuteRelease(p: PersonParameters, acuteCortisol: number, chronicLoad: number): number {
  return 1 + p.acuteReleaseGain * acuteCortisol * (1 - chronicLoad);
}

/** Reward responsiveness under an acute cortisol pulse: below 1 (Bogdan & Pizzagalli 2006). */
export function acuteResponsiveness(p: PersonParameters, acuteCortisol: number): number {
  return Math.max(0, 1 - p.acuteRewardBlunting * acuteCortisol);
}

/**
 * Simulates one person day by day over a compiled world. Slow variables (κ, D, τ, load) change only
 * through the plasticity dynamics; the environment changes only through the world's phases.
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

  // Learned state per slot.
  const mag = new Float64Array(n);
  const prob = new Float64Array(n);
  const count = new Float64Array(n);
  const belief = new Float64Array(n);
  const unc = new Float64Array(n);
  const nov = new Float64Array(n);
  const hab = new Float64Array(n);
  const tol = new Float64Array(n);
  const curDur = new Float64Array(n);
  const exposure = new Float64Array(n);
  const streak = new Int32Array(n);
  const misses = new Int32Array(n);
  const refractoryUntil = new Int32Array(n);
  /** Effort cost at the current duration; recomputed only when the phase or the duration changes. */
  const cost = new Float64Array(n);
  const initialised = new Uint8Array(n);

  let kappa = p.anticipatoryGain;
  let d2 = p.d2Availability;
  let tau = p.threatGain;
  let load = p.stressLoad;
  const plast = p.plasticity;
  const attrs = world.attributes;
  const wake = world.wakeHour;
  const waking = world.wakingHours;

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
          prob[s] = attrs[o + A.probability]!;
          mag[s] = p.rewardSensitivity * d2 * (attrs[o + A.magnitude]! + attrs[o + A.immediateReward]!);
          count[s] = p.countCeiling / 2;
          belief[s] = 0.98;
          nov[s] = attrs[o + A.novelty]!;
        } else if (phase > 0) {
          const prev = (phase - 1) * n * ATTRIBUTE_COUNT + s * ATTRIBUTE_COUNT;
          if (attrs[prev + A.novelty] !== attrs[o + A.novelty]) nov[s] = attrs[o + A.novelty]!;
        }
        curDur[s] = attrs[o + A.hasProgression] ? attrs[o + A.progStartMin]! : attrs[o + A.durationMin]!;
        cost[s] = effortCost(p, attrs[o + A.effort]!, attrs[o + A.cue]!, curDur[s]!);
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
      const cortisol = cortisolAt(hi, load) + acute;
      const tone = toneAt(hour, p.chronotypePeak, p.circadianAmplitude) + (hi < boostUntil ? boost : 0);
      const gain = kappa * acuteRelease(p, acute, load);
      for (let s = 0; s < n; s++) {
        const o = base + s * ATTRIBUTE_COUNT;
        if (attrs[o + A.available] === 0) continue;
        const urge = attrs[o + A.urge] === 1;
        let cueFactor = 1;
        if (urge) {
          if (day * 24 + hi < refractoryUntil[s]!) continue;
          cueFactor = rng.uniform() < attrs[o + A.cueRatePerHour]! ? 1 : UNCUED_URGE_WANTING;
        } else if (world.plan[((phase * n + s) * 7 + weekday) * 24 + hour] === 0) continue;

        const value = belief[s]! * prob[s]! * mag[s]!;
        const anticipation = gain * value;
        const cal = calibration(attrs[o + A.importance]!, nov[s]!, p.noveltyCoupling);
        const wanting =
          cueFactor *
          tone *
          (cal * anticipation + p.uncertaintyBonus * gain * Math.sqrt(unc[s]!) * belief[s]!);
        const nominal = attrs[o + A.durationMin]!;
        const dur = curDur[s]!;
        const threatNow = tau * attrs[o + A.threat]! * exposure[s]! * (0.5 + cortisol);
        const drive = wanting + p.commitmentWeight * attrs[o + A.commitment]! - cost[s]! - threatNow;
        const pStart = sigmoid(p.choiceSensitivity * (drive - p.startThreshold));
        const started = rng.uniform() < pStart;

        let outcome = 0;
        let liking = 0;
        let delta = 0;
        if (started) {
          const rewarded = rng.uniform() < attrs[o + A.probability]!;
          if (rewarded) {
            const size = attrs[o + A.variableMagnitude] ? -Math.log(1 - rng.uniform()) : 1;
            outcome = attrs[o + A.magnitude]! * (dur / nominal) ** 0.25 * size;
          }
          outcome += attrs[o + A.immediateReward]!;
          const felt = outcome > 0;
          const rExp = p.rewardSensitivity * d2 * outcome * acuteResponsiveness(p, acute);
          liking = p.hedonicGain * outcome * (1 - hab[s]!) * (1 - tol[s]!);
          const surge = attrs[o + A.surge]!;
          delta = rExp - value;
          if (surge > 0) delta = Math.max(delta + surge, surge);

          // Latent-state inference: is the learned reinforcing regime still in force?
          const b0 = belief[s]! * (1 - p.regimeHazard) + (1 - belief[s]!) * p.regimeHazard;
          const lReg = felt ? prob[s]! : 1 - prob[s]!;
          const lAlt = felt ? EXTINCTION_REWARD_PROBABILITY : 1 - EXTINCTION_REWARD_PROBABILITY;
          const b = (b0 * lReg) / (b0 * lReg + (1 - b0) * lAlt + 1e-12);
          belief[s] = b;
          prob[s] = prob[s]! + (b * ((felt ? 1 : 0) - prob[s]!)) / (count[s]! + 1);
          count[s] = Math.min(p.countCeiling, count[s]! + b);
          if (felt) {
            let dm = rExp - mag[s]!;
            if (surge > 0) dm = Math.max(dm + surge, surge);
            mag[s] = mag[s]! + (dm >= 0 ? p.learningRatePos : p.learningRateNeg) * b * dm;
          }
          const dev = rExp - prob[s]! * mag[s]!;
          unc[s] = unc[s]! + 0.1 * (dev * dev - unc[s]!);

          // Slow plasticity.
          if (!urge) {
            const err = rExp - kappa * value;
            if (err > 0 && kappa < KAPPA_CEILING)
              kappa += plast * p.kappaRecoveryRate * err * (1 - kappa / KAPPA_CEILING);
          }
          if (surge > 0 && d2 > p.d2Floor) d2 -= plast * p.d2DownRate * surge * (d2 - p.d2Floor);
          const threat = attrs[o + A.threat]! * exposure[s]!;
          if (threat > 0) {
            const harmed = rng.uniform() < attrs[o + A.harmProbability]!;
            if (harmed) tau += plast * p.threatSensitizationRate * threat * (THREAT_CEILING - tau);
            else tau -= plast * p.threatExtinctionRate * threat * tau;
          }
          load -= plast * attrs[o + A.stressRelief]! * load;
          if (attrs[o + A.toneBoost]! > 0) {
            boost = attrs[o + A.toneBoost]!;
            boostUntil = hi + 4;
          }
          nov[s] = nov[s]! * (1 - p.noveltyDecay);
          tol[s] = tol[s]! + p.toleranceRate * hab[s]! * (1 - tol[s]!);
          hab[s] = hab[s]! + p.habituationRate * (1 - hab[s]!);
          if (urge) refractoryUntil[s] = day * 24 + hi + 1 + Math.ceil(dur / 60);
        }

        if (!urge && attrs[o + A.hasProgression]) {
          if (started) {
            misses[s] = 0;
            if (++streak[s]! >= attrs[o + A.progAfterStarts]!) {
              streak[s] = 0;
              curDur[s] = Math.min(nominal, dur + attrs[o + A.progStepMin]!);
              cost[s] = effortCost(p, attrs[o + A.effort]!, attrs[o + A.cue]!, curDur[s]!);
              exposure[s] = Math.min(1, exposure[s]! + attrs[o + A.progExposureStep]!);
            }
          } else {
            streak[s] = 0;
            if (++misses[s]! >= attrs[o + A.progBackAfterMisses]!) {
              misses[s] = 0;
              curDur[s] = Math.max(attrs[o + A.progStartMin]!, dur - attrs[o + A.progStepMin]!);
              cost[s] = effortCost(p, attrs[o + A.effort]!, attrs[o + A.cue]!, curDur[s]!);
            }
          }
        }

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
            drive,
            startProbability: pStart,
            started,
            durationMin: dur,
            outcome,
            liking,
            predictionError: delta,
            anticipatedRating: antRating,
            experiencedRating: expRating,
            worryRating: attrs[o + A.threat]! > 0 ? Math.round(ratingOf(threatNow)) : Number.NaN,
          });
        if (onState)
          onState({
            anticipatoryGain: kappa,
            d2Availability: d2,
            threatGain: tau,
            stressLoad: load,
            magnitude: mag[s]!,
            probability: prob[s]!,
            count: count[s]!,
            belief: belief[s]!,
            uncertainty: unc[s]!,
            novelty: nov[s]!,
            habituation: hab[s]!,
            tolerance: tol[s]!,
            exposure: exposure[s]!,
          });
      }
    }

    // Overnight: slow dynamics and recovery.
    kappa -= plast * p.kappaStressRate * load * kappa;
    d2 += (plast * (1 - d2)) / p.d2RecoveryDays;
    load += (plast * (world.stressInput[phase]! - load)) / p.stressTimeConstantDays;
    for (let s = 0; s < n; s++) {
      const o = base + s * ATTRIBUTE_COUNT;
      nov[s] = nov[s]! + attrs[o + A.noveltyRefresh]! * (attrs[o + A.novelty]! - nov[s]!);
      hab[s] = hab[s]! * (1 - p.habituationRecovery);
      tol[s] = tol[s]! * (1 - p.toleranceRecovery);
    }

    if (opts.daily) {
      const o = day * DAY_METRIC_COUNT;
      daily[o + D.opportunities] = dayOpp;
      daily[o + D.starts] = dayStarts;
      daily[o + D.startRate] = dayOpp > 0 ? dayStarts / dayOpp : Number.NaN;
      daily[o + D.wanting] = dayOpp > 0 ? dayWanting / dayOpp : Number.NaN;
      daily[o + D.anticipatoryGain] = kappa;
      daily[o + D.d2Availability] = d2;
      daily[o + D.threatGain] = tau;
      daily[o + D.stressLoad] = load;
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
      const st = ssum[so + S.starts]!;
      slotWeekly[out + S.opportunities] = opp;
      slotWeekly[out + S.starts] = st;
      slotWeekly[out + S.startRate] = opp > 0 ? st / opp : Number.NaN;
      slotWeekly[out + S.wanting] = opp > 0 ? ssum[so + S.wanting]! / opp : Number.NaN;
      slotWeekly[out + S.anticipation] = opp > 0 ? ssum[so + S.anticipation]! / opp : Number.NaN;
      slotWeekly[out + S.anticipatedRating] = opp > 0 ? ssum[so + S.anticipatedRating]! / opp : Number.NaN;
      slotWeekly[out + S.liking] = st > 0 ? ssum[so + S.liking]! / st : Number.NaN;
      slotWeekly[out + S.experiencedRating] = st > 0 ? ssum[so + S.experiencedRating]! / st : Number.NaN;
      slotWeekly[out + S.predictionError] = st > 0 ? ssum[so + S.predictionError]! / st : Number.NaN;
      slotWeekly[out + S.probeStartProbability] = world.own[s] ? probe(s) : Number.NaN;
      if (world.own[s]) {
        ownOpp += opp;
        ownStarts += st;
        wsum[W.wanting]! += ssum[so + S.wanting]!;
        wsum[W.anticipation]! += ssum[so + S.anticipation]!;
        wsum[W.anticipatedRating]! += ssum[so + S.anticipatedRating]!;
        wsum[W.liking]! += ssum[so + S.liking]!;
        wsum[W.experiencedRating]! += ssum[so + S.experiencedRating]!;
        ownStartedAnt += sStartedRatings[s]!;
      } else if (world.urge[s]) wsum[W.urgeActs]! += st;
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
    weekly[o + W.anticipatoryGain] = kappa;
    weekly[o + W.d2Availability] = d2;
    weekly[o + W.threatGain] = tau;
    weekly[o + W.stressLoad] = load;
    weekly[o + W.urgeActs] = wsum[W.urgeActs]!;
    ssum.fill(0);
    sStartedRatings.fill(0);
  }

  /** Start probability of the person's original (phase-0) version of an activity, now, without noise. */
  function probe(s: number): number {
    const ref = world.reference;
    const o = s * ATTRIBUTE_COUNT;
    const hour = ref[o + A.firstPlannedHour]!;
    const hi = (hour - wake + 24) % 24;
    const tone = toneAt(hour, p.chronotypePeak, p.circadianAmplitude);
    const value = belief[s]! * prob[s]! * mag[s]!;
    const cal = calibration(ref[o + A.importance]!, nov[s]!, p.noveltyCoupling);
    const wanting = tone * kappa * (cal * value + p.uncertaintyBonus * Math.sqrt(unc[s]!) * belief[s]!);
    const drive =
      wanting +
      p.commitmentWeight * ref[o + A.commitment]! -
      effortCost(p, ref[o + A.effort]!, ref[o + A.cue]!, ref[o + A.durationMin]!) -
      tau * ref[o + A.threat]! * (0.5 + cortisolAt(hi, load));
    return sigmoid(p.choiceSensitivity * (drive - p.startThreshold));
  }
}
