/**
 * The person-level model's equations, once: what happens at an opportunity (decide whether to
 * start; if started, learn from the outcome) and overnight. The simulator (`engine.ts`) and the
 * fitting replay (`fit/replay.ts`) both call these functions; neither has its own copy.
 *
 * Written for a portable subset (plain functions over numbers and typed arrays, no objects or
 * closures per step, no randomness, no host APIs) so that the same file can later be compiled to
 * WebAssembly. The caller owns two arrays:
 * - `par`: the parameters, in the parameter table's order (`packParameters`, offsets `P`);
 * - `st`: the state, one Float64Array. The person block (offsets `K`) holds the slow variables,
 *   this hour's signals, this opportunity's inputs and results, and the day's tone by hour; then
 *   one block per activity (offsets `L`, at `activityOffset(s)`). A new state variable is one new
 *   offset.
 *
 * What a log cannot show (an acute stress pulse, a tone boost, a drug surge, harm met on approach,
 * stress relief, the chronic stress input) is an argument or an input slot, so the replay passes
 * the value its world assumes rather than leaving a line out.
 */
import { PARAMETER_NAMES, type ParameterName, type PersonParameters } from "./params.ts";

/**
 * Offsets of the parameters in `par`, in the parameter table's order (`kernel.test.ts` checks it).
 * Offsets are enums: portable to AssemblyScript, and inlined as numbers where they are used here.
 */
export enum P {
  anticipatoryGain = 0,
  rewardSensitivity = 1,
  hedonicGain = 2,
  learningRatePos = 3,
  learningRateNeg = 4,
  effortCost = 5,
  effortExponent = 6,
  threatGain = 7,
  noveltyCoupling = 8,
  d2Availability = 9,
  stressLoad = 10,
  chronotypePeak = 11,
  circadianAmplitude = 12,
  choiceSensitivity = 13,
  startThreshold = 14,
  uncertaintyBonus = 15,
  commitmentWeight = 16,
  acuteReleaseGain = 17,
  acuteRewardBlunting = 18,
  kappaRecoveryRate = 19,
  kappaStressRate = 20,
  d2DownRate = 21,
  d2Floor = 22,
  d2RecoveryDays = 23,
  threatExtinctionRate = 24,
  threatSensitizationRate = 25,
  stressTimeConstantDays = 26,
  noveltyDecay = 27,
  habituationRate = 28,
  habituationRecovery = 29,
  toleranceRate = 30,
  toleranceRecovery = 31,
  regimeHazard = 32,
  countCeiling = 33,
  plasticity = 34,
}
export const PARAMETER_COUNT = 35;

/** Every parameter has an offset (a compile-time check). */
const OFFSET_OF: Readonly<Record<ParameterName, P>> = P;

/** The parameters as the kernel reads them. */
export function packParameters(p: PersonParameters, out = new Float64Array(PARAMETER_COUNT)): Float64Array {
  for (const name of PARAMETER_NAMES) out[OFFSET_OF[name]] = p[name];
  return out;
}

/** Offsets of the person block of the state. */
export enum K {
  // The person's slow variables.
  anticipatoryGain = 0,
  d2Availability = 1,
  threatGain = 2,
  stressLoad = 3,
  // This hour's signals (`beginHour`).
  tone = 4,
  gain = 5,
  cortisol = 6,
  acute = 7,
  // This opportunity's inputs, set by the caller: before `decide`…
  cueFactor = 8,
  importance = 9,
  threat = 10,
  exposure = 11,
  commitment = 12,
  cost = 13,
  // …and, when started, before `learn`.
  outcome = 14,
  surge = 15,
  harmed = 16,
  stressRelief = 17,
  // This opportunity's results.
  value = 18,
  anticipation = 19,
  wanting = 20,
  threatSignal = 21,
  drive = 22,
  startProbability = 23,
  liking = 24,
  predictionError = 25,
  // Daily tone by hour of day, 24 entries from here (`initPerson`).
  toneByHour = 26,
}
export const PERSON_BLOCK = 50;

/** Offsets of an activity's learned state within its block. */
export enum L {
  /** Learned outcome size. */
  magnitude = 0,
  /** Estimated reward probability. */
  probability = 1,
  /** Outcomes the probability estimate averages over. */
  count = 2,
  /** Belief that the learned reinforcing regime still holds (latent-state inference). */
  belief = 3,
  /** Running outcome variance. */
  uncertainty = 4,
  novelty = 5,
  habituation = 6,
  tolerance = 7,
}
export const ACTIVITY_BLOCK = 8;

/** Offset of activity `s`'s block in the state. */
export function activityOffset(s: number): number {
  return PERSON_BLOCK + s * ACTIVITY_BLOCK;
}

/** A zeroed state for a person with `activities` activities. */
export function newState(activities: number): Float64Array {
  return new Float64Array(PERSON_BLOCK + activities * ACTIVITY_BLOCK);
}

export const RATING_SCALE = 0.8;
export const RATING_NOISE_SD = 0.7;
const CUE_RELIEF = 0.4;
const EXTINCTION_REWARD_PROBABILITY = 0.05;
const THREAT_CEILING = 2;
const KAPPA_CEILING = 1.5;

/** The one rating map for everyone: value units → the 0–10 scale (before noise). */
export function ratingOf(x: number): number {
  return 10 * (1 - Math.exp(-Math.max(0, x) / RATING_SCALE));
}

/**
 * Daily tone: equal 24 h and 12 h harmonics peaking at φ, so the dip falls six hours after the peak and
 * tone rises again in the evening (as Byrne et al. 2017 found: 10:00 and 19:00 above 14:00).
 */
export function toneAt(hour: number, peak: number, amplitude: number): number {
  const x = ((hour - peak) * Math.PI) / 12;
  return 1 + amplitude * (0.5 * Math.cos(x) + 0.5 * Math.cos(2 * x));
}

/** Cortisol of the awakening response by hours since waking, before any chronic load. */
function awakeningCortisolAt(hoursAwake: number): number {
  return 0.3 + 0.5 * Math.exp(-hoursAwake / 3);
}

/** The awakening response at each whole hour awake, 0..23 (the same for everyone). */
const AWAKENING_CORTISOL = new Float64Array(24);
for (let h = 0; h < 24; h++) AWAKENING_CORTISOL[h] = awakeningCortisolAt(h);

/** Baseline cortisol by hours since waking (awakening response, then decline), plus chronic load. */
export function cortisolAt(hoursAwake: number, load: number): number {
  return awakeningCortisolAt(hoursAwake) + load;
}

/** Salience of an activity: follows importance when ν = 0 and novelty when ν = 1 (1 at the midpoint). */
export function calibration(importance: number, novelty: number, nu: number): number {
  const c = 1 + 2 * ((1 - nu) * (importance - 0.5) + nu * (novelty - 0.5));
  return Math.max(0.05, c);
}

/** Cost of starting: c·E^s with E = effort × (1 − 0.4·cue) × √(minutes / 30). */
export function effortCostOf(
  c: number,
  exponent: number,
  effort: number,
  cue: number,
  durationMin: number,
): number {
  const e = effort * (1 - CUE_RELIEF * cue) * Math.sqrt(durationMin / 30);
  return c * e ** exponent;
}

/**
 * Phasic release multiplier under an acute cortisol pulse: above 1 (Pruessner et al. 2004), and
 * blunted by chronic load (Valenti, Gill & Grace 2012).
 */
export function acuteReleaseOf(releaseGain: number, acuteCortisol: number, chronicLoad: number): number {
  return 1 + releaseGain * acuteCortisol * (1 - chronicLoad);
}

/** Reward responsiveness under an acute cortisol pulse: below 1 (Bogdan & Pizzagalli 2006). */
export function acuteResponsivenessOf(blunting: number, acuteCortisol: number): number {
  return Math.max(0, 1 - blunting * acuteCortisol);
}

/** The slow variables at their parameter values, and the tone of each hour of the day. */
export function initPerson(par: Float64Array, st: Float64Array): void {
  st[K.anticipatoryGain] = par[P.anticipatoryGain]!;
  st[K.d2Availability] = par[P.d2Availability]!;
  st[K.threatGain] = par[P.threatGain]!;
  st[K.stressLoad] = par[P.stressLoad]!;
  for (let h = 0; h < 24; h++)
    st[K.toneByHour + h] = toneAt(h, par[P.chronotypePeak]!, par[P.circadianAmplitude]!);
}

/**
 * An activity met for the first time: its learned size starts at the scheduled reward (`rewardSize`,
 * with any immediate reward) as the person experiences it now, its probability at the schedule's.
 */
export function initActivity(
  par: Float64Array,
  st: Float64Array,
  s: number,
  probability: number,
  rewardSize: number,
  novelty: number,
): void {
  const o = activityOffset(s);
  st[o + L.probability] = probability;
  st[o + L.magnitude] = par[P.rewardSensitivity]! * st[K.d2Availability]! * rewardSize;
  st[o + L.count] = par[P.countCeiling]! / 2;
  st[o + L.belief] = 0.98;
  st[o + L.novelty] = novelty;
}

/** The environment makes an activity new again (its novelty reset to `novelty`). */
export function renewNovelty(st: Float64Array, s: number, novelty: number): void {
  st[activityOffset(s) + L.novelty] = novelty;
}

/**
 * This hour's tone, anticipatory gain and cortisol, for `hourOfDay` and `hoursAwake` (0..23), with
 * an acute cortisol pulse of size `acute` (0 when none) and a tone boost from an earlier activity.
 */
export function beginHour(
  par: Float64Array,
  st: Float64Array,
  hourOfDay: number,
  hoursAwake: number,
  acute: number,
  toneBoost: number,
): void {
  const load = st[K.stressLoad]!;
  st[K.acute] = acute;
  st[K.cortisol] = AWAKENING_CORTISOL[hoursAwake]! + load + acute;
  st[K.tone] = st[K.toneByHour + hourOfDay]! + toneBoost;
  st[K.gain] = st[K.anticipatoryGain]! * acuteReleaseOf(par[P.acuteReleaseGain]!, acute, load);
}

/**
 * Whether to start activity `s` now, from this hour's signals and the opportunity's inputs (cue
 * factor, importance, threat and the fraction met, commitment, effort cost): writes value,
 * anticipation, wanting, the threat signal, drive and the start probability to the results.
 * Changes no state.
 */
export function decide(par: Float64Array, st: Float64Array, s: number): void {
  const o = activityOffset(s);
  const belief = st[o + L.belief]!;
  const gain = st[K.gain]!;
  const value = belief * st[o + L.probability]! * st[o + L.magnitude]!;
  const anticipation = gain * value;
  const cal = calibration(st[K.importance]!, st[o + L.novelty]!, par[P.noveltyCoupling]!);
  const wanting =
    st[K.cueFactor]! *
    st[K.tone]! *
    (cal * anticipation + par[P.uncertaintyBonus]! * gain * Math.sqrt(st[o + L.uncertainty]!) * belief);
  const threatSignal = st[K.threatGain]! * st[K.threat]! * st[K.exposure]! * (0.5 + st[K.cortisol]!);
  const drive = wanting + par[P.commitmentWeight]! * st[K.commitment]! - st[K.cost]! - threatSignal;
  st[K.value] = value;
  st[K.anticipation] = anticipation;
  st[K.wanting] = wanting;
  st[K.threatSignal] = threatSignal;
  st[K.drive] = drive;
  st[K.startProbability] =
    1 / (1 + Math.exp(-(par[P.choiceSensitivity]! * (drive - par[P.startThreshold]!))));
}

/**
 * Liking of the outcome in the inputs, were it met now by activity `s`: the hedonic channel,
 * habituating and with tolerance. Writes it to the results; changes no state.
 */
export function like(par: Float64Array, st: Float64Array, s: number): void {
  const o = activityOffset(s);
  st[K.liking] =
    par[P.hedonicGain]! * st[K.outcome]! * (1 - st[o + L.habituation]!) * (1 - st[o + L.tolerance]!);
}

/**
 * Activity `s` was started (after `decide` for it) and met the outcome in the inputs, with a drug
 * surge, harm (1) or none (0) on approach, and stress relief: learns from the prediction error
 * (value, reward probability, latent regime, uncertainty), moves the slow variables (κ only for a
 * planned activity, not an urge) and the activity's novelty, habituation and tolerance. Writes the
 * liking and the prediction error to the results.
 */
export function learn(par: Float64Array, st: Float64Array, s: number, urge: boolean): void {
  const o = activityOffset(s);
  const plast = par[P.plasticity]!;
  const outcome = st[K.outcome]!;
  const surge = st[K.surge]!;
  const value = st[K.value]!;
  const felt = outcome > 0;
  const rExp =
    par[P.rewardSensitivity]! *
    st[K.d2Availability]! *
    outcome *
    acuteResponsivenessOf(par[P.acuteRewardBlunting]!, st[K.acute]!);
  like(par, st, s);
  let delta = rExp - value;
  if (surge > 0) delta = Math.max(delta + surge, surge);

  // Latent-state inference: is the learned reinforcing regime still in force?
  const hazard = par[P.regimeHazard]!;
  const belief = st[o + L.belief]!;
  const prob = st[o + L.probability]!;
  const b0 = belief * (1 - hazard) + (1 - belief) * hazard;
  const lReg = felt ? prob : 1 - prob;
  const lAlt = felt ? EXTINCTION_REWARD_PROBABILITY : 1 - EXTINCTION_REWARD_PROBABILITY;
  const b = (b0 * lReg) / (b0 * lReg + (1 - b0) * lAlt + 1e-12);
  st[o + L.belief] = b;
  const count = st[o + L.count]!;
  const nextProb = prob + (b * ((felt ? 1 : 0) - prob)) / (count + 1);
  st[o + L.probability] = nextProb;
  st[o + L.count] = Math.min(par[P.countCeiling]!, count + b);
  let mag = st[o + L.magnitude]!;
  if (felt) {
    let dm = rExp - mag;
    if (surge > 0) dm = Math.max(dm + surge, surge);
    mag = mag + (dm >= 0 ? par[P.learningRatePos]! : par[P.learningRateNeg]!) * b * dm;
    st[o + L.magnitude] = mag;
  }
  const dev = rExp - nextProb * mag;
  const unc = st[o + L.uncertainty]!;
  st[o + L.uncertainty] = unc + 0.1 * (dev * dev - unc);

  // Slow plasticity.
  if (!urge) {
    const kappa = st[K.anticipatoryGain]!;
    const err = rExp - kappa * value;
    if (err > 0 && kappa < KAPPA_CEILING)
      st[K.anticipatoryGain] = kappa + plast * par[P.kappaRecoveryRate]! * err * (1 - kappa / KAPPA_CEILING);
  }
  const d2 = st[K.d2Availability]!;
  const floor = par[P.d2Floor]!;
  if (surge > 0 && d2 > floor) st[K.d2Availability] = d2 - plast * par[P.d2DownRate]! * surge * (d2 - floor);
  const threat = st[K.threat]! * st[K.exposure]!;
  if (threat > 0) {
    const tau = st[K.threatGain]!;
    st[K.threatGain] =
      st[K.harmed] === 1
        ? tau + plast * par[P.threatSensitizationRate]! * threat * (THREAT_CEILING - tau)
        : tau - plast * par[P.threatExtinctionRate]! * threat * tau;
  }
  const load = st[K.stressLoad]!;
  st[K.stressLoad] = load - plast * st[K.stressRelief]! * load;
  st[o + L.novelty] = st[o + L.novelty]! * (1 - par[P.noveltyDecay]!);
  const hab = st[o + L.habituation]!;
  const tol = st[o + L.tolerance]!;
  st[o + L.tolerance] = tol + par[P.toleranceRate]! * hab * (1 - tol);
  st[o + L.habituation] = hab + par[P.habituationRate]! * (1 - hab);
  st[K.predictionError] = delta;
}

/**
 * Overnight, for the person: chronic load lowers κ, D recovers towards 1, and the load follows the
 * stress input it lives under (the replay passes the load itself: a constant load).
 */
export function overnight(par: Float64Array, st: Float64Array, stressInput: number): void {
  const plast = par[P.plasticity]!;
  const load = st[K.stressLoad]!;
  const kappa = st[K.anticipatoryGain]!;
  const d2 = st[K.d2Availability]!;
  st[K.anticipatoryGain] = kappa - plast * par[P.kappaStressRate]! * load * kappa;
  st[K.d2Availability] = d2 + (plast * (1 - d2)) / par[P.d2RecoveryDays]!;
  st[K.stressLoad] = load + (plast * (stressInput - load)) / par[P.stressTimeConstantDays]!;
}

/** Overnight, for activity `s`: novelty returns towards `novelty` at `noveltyRefresh`; habituation and tolerance fade. */
export function overnightActivity(
  par: Float64Array,
  st: Float64Array,
  s: number,
  noveltyRefresh: number,
  novelty: number,
): void {
  const o = activityOffset(s);
  const nov = st[o + L.novelty]!;
  st[o + L.novelty] = nov + noveltyRefresh * (novelty - nov);
  st[o + L.habituation] = st[o + L.habituation]! * (1 - par[P.habituationRecovery]!);
  st[o + L.tolerance] = st[o + L.tolerance]! * (1 - par[P.toleranceRecovery]!);
}
