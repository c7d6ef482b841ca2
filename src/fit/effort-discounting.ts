import { type Rng, streamRng } from "../model/rng.ts";
import { EFFORT_PRIZE_EUR, type EffortChoiceData } from "../tasks/effort-choice.ts";
import { foldsByLabel, heldOutLogLik, type VariantCv } from "./cross-validation.ts";
import { type TaskCoordinate, type TaskEstimate, taskMap } from "./task-fit.ts";

/**
 * Effort × probability discounting of a fixed prize (Bernacer et al. 2019): the subjective value of
 * an offer is SV = 30 € · exp(−h·(1 − p)) · D(E), the authors' exponential probability discount
 * times an effort discount D of E minutes, and the choice between two offers is logistic in
 * β·(SV_B − SV_A). The effort discount is the variant, so the data can choose its shape:
 * hyperbolic 1/(1 + kE) (the authors' choice; convex, steepest first), exponential e^(−kE) (convex),
 * or parabolic 1 − kE² (concave: small devaluation for small efforts, growing with effort; the
 * authors' parabolic form, Hartmann et al. 2013). Each person and time point is fitted alone.
 */

export type EffortVariant = "hyperbolic" | "exponential" | "parabolic";
export const EFFORT_VARIANTS: readonly EffortVariant[] = ["hyperbolic", "exponential", "parabolic"];

export interface EffortParameters {
  /** Effort discount rate k, per minute (per minute² for parabolic). */
  readonly effortDiscount: number;
  /** Probability discount h on (1 − p). */
  readonly probabilityDiscount: number;
  /** β, per euro of SV difference. */
  readonly inverseTemperature: number;
}

/** The effort discount D(E) of a variant. */
export function effortDiscount(variant: EffortVariant, k: number, minutes: number): number {
  if (variant === "hyperbolic") return 1 / (1 + k * minutes);
  if (variant === "exponential") return Math.exp(-k * minutes);
  return 1 - k * minutes * minutes;
}

/** Subjective value of one offer, euros. */
export function offerValue(
  variant: EffortVariant,
  p: EffortParameters,
  probability: number,
  minutes: number,
) {
  return (
    EFFORT_PRIZE_EUR *
    Math.exp(-p.probabilityDiscount * (1 - probability)) *
    effortDiscount(variant, p.effortDiscount, minutes)
  );
}

const K_PRIOR: Record<EffortVariant, number> = {
  hyperbolic: Math.log(0.05),
  exponential: Math.log(0.03),
  parabolic: Math.log(0.0005),
};

/** Weak priors on (log k, log h, log β); k's centre differs per variant (its units differ). */
export function effortCoordinates(variant: EffortVariant): TaskCoordinate[] {
  return [
    { name: "effortDiscount", priorMean: K_PRIOR[variant], priorSd: 1.5, back: Math.exp },
    { name: "probabilityDiscount", priorMean: 0, priorSd: 1.5, back: Math.exp },
    { name: "inverseTemperature", priorMean: Math.log(0.5), priorSd: 1.5, back: Math.exp },
  ];
}

const natural = (z: ArrayLike<number>): EffortParameters => ({
  effortDiscount: Math.exp(z[0]!),
  probabilityDiscount: Math.exp(z[1]!),
  inverseTemperature: Math.exp(z[2]!),
});

/** P(choose B) on trial t. */
export function effortChoiceProbability(
  d: EffortChoiceData,
  variant: EffortVariant,
  p: EffortParameters,
  t: number,
): number {
  const x =
    p.inverseTemperature *
    (offerValue(variant, p, d.pB[t]!, d.eB[t]!) - offerValue(variant, p, d.pA[t]!, d.eA[t]!));
  return 1 / (1 + Math.exp(-x));
}

/** Log-likelihood of the choices; `weights[t]` = 0 holds trial t out. */
export function effortLogLik(
  d: EffortChoiceData,
  variant: EffortVariant,
  p: EffortParameters,
  weights?: ArrayLike<number>,
): number {
  let ll = 0;
  for (let t = 0; t < d.choseB.length; t++) {
    const w = weights ? weights[t]! : 1;
    if (w === 0) continue;
    const x =
      p.inverseTemperature *
      (offerValue(variant, p, d.pB[t]!, d.eB[t]!) - offerValue(variant, p, d.pA[t]!, d.eA[t]!));
    const lse = x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    ll += w * (d.choseB[t] === 1 ? x - lse : -lse);
  }
  return ll;
}

export interface EffortParticipantFit {
  readonly participantId: string;
  readonly subject: string;
  readonly timepoint: string;
  readonly trials: number;
  readonly effortDiscount: TaskEstimate;
  readonly probabilityDiscount: TaskEstimate;
  readonly inverseTemperature: TaskEstimate;
  readonly logLik: number;
  readonly converged: boolean;
  readonly catchTrials: number;
  readonly catchErrors: number;
  readonly z: readonly number[];
}

export interface EffortFitResult {
  readonly model: "effort-probability-discounting";
  readonly variant: EffortVariant;
  readonly participants: EffortParticipantFit[];
}

function mapOne(d: EffortChoiceData, variant: EffortVariant, starts: number, rng: Rng, w?: Float64Array) {
  return taskMap((z) => -effortLogLik(d, variant, natural(z), w), effortCoordinates(variant), starts, rng);
}

/** Fits each person × time point (MAP with weak priors, several starts, 95 % Laplace intervals). */
export function fitEffortDiscounting(
  data: readonly EffortChoiceData[],
  options: { variant?: EffortVariant; starts?: number; seed?: number } = {},
): EffortFitResult {
  const variant = options.variant ?? "hyperbolic";
  const participants = data.map((d, i) => {
    const m = mapOne(d, variant, options.starts ?? 4, streamRng(options.seed ?? 1, i, 61));
    return {
      participantId: d.participantId,
      subject: d.subject,
      timepoint: d.timepoint,
      trials: d.choseB.length,
      effortDiscount: m.estimates.effortDiscount!,
      probabilityDiscount: m.estimates.probabilityDiscount!,
      inverseTemperature: m.estimates.inverseTemperature!,
      logLik: effortLogLik(d, variant, natural(m.z)),
      converged: m.converged,
      catchTrials: d.catchTrials,
      catchErrors: d.catchErrors,
      z: Array.from(m.z),
    };
  });
  return { model: "effort-probability-discounting", variant, participants };
}

/** Held-out log-likelihood of a variant, leave-one-session-out, per person and summed. */
export function effortCrossValidate(
  data: readonly EffortChoiceData[],
  variant: EffortVariant,
  options: { starts?: number; seed?: number } = {},
): VariantCv {
  const perPerson = data.map((d, i) => {
    const rng = streamRng(options.seed ?? 1, i, 62);
    return heldOutLogLik(
      foldsByLabel(d.session),
      (train) => mapOne(d, variant, options.starts ?? 3, rng, train).z,
      (z, test) => effortLogLik(d, variant, natural(z), test),
    );
  });
  return { variant, total: perPerson.reduce((a, x) => a + x, 0), perPerson };
}

/** One bin of a choice curve: observed and simulated share, and how many trials. */
export interface ChoiceCurveBin {
  readonly bin: number;
  readonly trials: number;
  readonly observed: number;
  readonly simulated: number;
}

/** The posterior predictive check: two choice curves, observed against simulated. */
export interface EffortPpc {
  readonly reps: number;
  /** P(choose the lower-effort offer) by effort difference, minutes. */
  readonly byEffortDifference: ChoiceCurveBin[];
  /** P(choose the more probable offer) by probability difference, percentage points. */
  readonly byProbabilityDifference: ChoiceCurveBin[];
  readonly maxGap: number;
}

/**
 * Simulates each fitted person `reps` times (default 20) on their own offers. The model's choice
 * probabilities are exact, so the simulated share per bin is the mean over simulated choices.
 */
export function effortPpc(
  data: readonly EffortChoiceData[],
  fit: EffortFitResult,
  options: { reps?: number; seed?: number } = {},
): EffortPpc {
  const reps = options.reps ?? 20;
  const eff = new Map<number, [number, number, number]>();
  const prob = new Map<number, [number, number, number]>();
  data.forEach((d, i) => {
    const p = natural(fit.participants[i]!.z);
    const rng = streamRng(options.seed ?? 1, i, 63);
    for (let t = 0; t < d.choseB.length; t++) {
      const pb = effortChoiceProbability(d, fit.variant, p, t);
      let simB = 0;
      for (let r = 0; r < reps; r++) if (rng.uniform() < pb) simB++;
      const obsB = d.choseB[t]!;
      const tally = (m: Map<number, [number, number, number]>, bin: number, bIsTarget: boolean) => {
        if (bin === 0) return;
        const c = m.get(bin) ?? [0, 0, 0];
        c[0]++;
        c[1] += bIsTarget ? obsB : 1 - obsB;
        c[2] += (bIsTarget ? simB : reps - simB) / reps;
        m.set(bin, c);
      };
      tally(eff, Math.abs(d.eB[t]! - d.eA[t]!), d.eB[t]! < d.eA[t]!);
      tally(prob, Math.round(100 * Math.abs(d.pB[t]! - d.pA[t]!)), d.pB[t]! > d.pA[t]!);
    }
  });
  const curve = (m: Map<number, [number, number, number]>) =>
    [...m]
      .sort((a, b) => a[0] - b[0])
      .map(([bin, [n, o, s]]) => ({ bin, trials: n, observed: o / n, simulated: s / n }));
  const byEffortDifference = curve(eff);
  const byProbabilityDifference = curve(prob);
  const maxGap = Math.max(
    ...[...byEffortDifference, ...byProbabilityDifference].map((b) => Math.abs(b.simulated - b.observed)),
  );
  return { reps, byEffortDifference, byProbabilityDifference, maxGap };
}
