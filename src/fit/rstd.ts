import { type Rng, streamRng } from "../model/rng.ts";
import { REVERSAL_3ARM, type ReversalData, reversalAccuracy } from "../tasks/reversal.ts";
import { type CvFold, foldsByLabel, heldOutLogLik, type VariantCv } from "./cross-validation.ts";
import { type TaskCoordinate, type TaskEstimate, taskMap } from "./task-fit.ts";

/**
 * The risk-sensitive temporal-difference model (Niv et al. 2012, J Neurosci 32:551) for the
 * three-arm reversal task, as Zorowitz et al. 2023 fitted it: values start at 0.5, the chosen
 * value moves by η+·δ after a positive prediction error and η−·δ after a negative one, and choice
 * is a softmax with inverse temperature β. Their priors are kept: β = 10·θ₁ and η± = Φ(θ₂ ± θ₃) with
 * θ ~ N(0, 1), which is the same as θ± = θ₂ ± θ₃ independent N(0, √2) with η± = Φ(θ±). Each person
 * is fitted alone (no pooling, as the paper: shrinkage would pull careless and attentive people
 * towards each other). The `rw` variant has one learning rate (η+ = η− = Φ(θ₂)).
 */

export type RstdVariant = "rstd" | "rw";
export const RSTD_VARIANTS: readonly RstdVariant[] = ["rstd", "rw"];

export interface RstdParameters {
  readonly inverseTemperature: number;
  readonly learningRatePos: number;
  readonly learningRateNeg: number;
}

/** Stan's `Phi_approx`, the logistic approximation of the normal cdf the paper's model uses. */
export function phiApprox(x: number): number {
  return 1 / (1 + Math.exp(-(0.07056 * x * x * x + 1.5976 * x)));
}

const identity10 = (z: number) => 10 * z;

/** The priors on the transformed scale (the paper's), per variant. */
export function rstdCoordinates(variant: RstdVariant): TaskCoordinate[] {
  const beta = { name: "inverseTemperature", priorMean: 0, priorSd: 1, back: identity10 };
  if (variant === "rw") return [beta, { name: "learningRate", priorMean: 0, priorSd: 1, back: phiApprox }];
  return [
    beta,
    { name: "learningRatePos", priorMean: 0, priorSd: Math.SQRT2, back: phiApprox },
    { name: "learningRateNeg", priorMean: 0, priorSd: Math.SQRT2, back: phiApprox },
  ];
}

/** Parameters from the transformed coordinates of a variant. */
export function rstdParameters(variant: RstdVariant, z: ArrayLike<number>): RstdParameters {
  const etaPos = phiApprox(z[1]!);
  return {
    inverseTemperature: 10 * z[0]!,
    learningRatePos: etaPos,
    learningRateNeg: variant === "rw" ? etaPos : phiApprox(z[2]!),
  };
}

/**
 * Log-likelihood of the choices. With `weights`, trial t's choice counts `weights[t]` times (0 holds
 * it out; the values still learn from its outcome).
 */
export function rstdLogLik(d: ReversalData, p: RstdParameters, weights?: ArrayLike<number>): number {
  let q0 = 0.5;
  let q1 = 0.5;
  let q2 = 0.5;
  const b = p.inverseTemperature;
  let ll = 0;
  for (let t = 0; t < d.choice.length; t++) {
    const c = d.choice[t]!;
    const w = weights ? weights[t]! : 1;
    if (w !== 0) {
      const x0 = b * q0;
      const x1 = b * q1;
      const x2 = b * q2;
      const m = Math.max(x0, x1, x2);
      const lse = m + Math.log(Math.exp(x0 - m) + Math.exp(x1 - m) + Math.exp(x2 - m));
      ll += w * ((c === 0 ? x0 : c === 1 ? x1 : x2) - lse);
    }
    const q = c === 0 ? q0 : c === 1 ? q1 : q2;
    const delta = d.outcome[t]! - q;
    const next = q + (delta > 0 ? p.learningRatePos : p.learningRateNeg) * delta;
    if (c === 0) q0 = next;
    else if (c === 1) q1 = next;
    else q2 = next;
  }
  return ll;
}

export interface RstdParticipantFit {
  readonly participantId: string;
  readonly trials: number;
  readonly accuracy: number;
  readonly inverseTemperature: TaskEstimate;
  readonly learningRatePos: TaskEstimate;
  readonly learningRateNeg: TaskEstimate;
  /** Learning-rate asymmetry (η+ − η−)/(η+ + η−) at the estimates (0 for `rw`). */
  readonly asymmetry: number;
  readonly logLik: number;
  readonly converged: boolean;
  /** The transformed coordinates (for simulation and refits). */
  readonly z: readonly number[];
}

export interface RstdFitResult {
  readonly model: "rstd-niv-2012";
  readonly variant: RstdVariant;
  readonly participants: RstdParticipantFit[];
}

export interface RstdFitOptions {
  readonly variant?: RstdVariant;
  /** Starting points per person (default 3). */
  readonly starts?: number;
  /** Seed of the extra starting points (default 1). */
  readonly seed?: number;
}

function mapOne(d: ReversalData, variant: RstdVariant, starts: number, rng: Rng, weights?: Float64Array) {
  return taskMap(
    (z) => -rstdLogLik(d, rstdParameters(variant, z), weights),
    rstdCoordinates(variant),
    starts,
    rng,
  );
}

/** Fits each person alone (MAP under the paper's priors, several starts, 95 % Laplace intervals). */
export function fitRstd(data: readonly ReversalData[], options: RstdFitOptions = {}): RstdFitResult {
  const variant = options.variant ?? "rstd";
  const starts = options.starts ?? 3;
  const participants = data.map((d, i) => {
    const m = mapOne(d, variant, starts, streamRng(options.seed ?? 1, i, 51));
    const p = rstdParameters(variant, m.z);
    const eta = variant === "rw" ? m.estimates.learningRate! : null;
    return {
      participantId: d.participantId,
      trials: d.choice.length,
      accuracy: reversalAccuracy(d),
      inverseTemperature: m.estimates.inverseTemperature!,
      learningRatePos: eta ?? m.estimates.learningRatePos!,
      learningRateNeg: eta ?? m.estimates.learningRateNeg!,
      asymmetry: (p.learningRatePos - p.learningRateNeg) / (p.learningRatePos + p.learningRateNeg),
      logLik: rstdLogLik(d, p),
      converged: m.converged,
      z: Array.from(m.z),
    };
  });
  return { model: "rstd-niv-2012", variant, participants };
}

/** Choices simulated on the person's own sequence of best arms, rewarded 0.8 / 0.2 as in the task. */
export function simulateRstd(d: ReversalData, p: RstdParameters, rng: Rng): ReversalData {
  const q = [0.5, 0.5, 0.5];
  const choice = new Uint8Array(d.choice.length);
  const outcome = new Uint8Array(d.choice.length);
  for (let t = 0; t < d.choice.length; t++) {
    const e = q.map((v) => Math.exp(p.inverseTemperature * v));
    const u = rng.uniform() * (e[0]! + e[1]! + e[2]!);
    const c = u < e[0]! ? 0 : u < e[0]! + e[1]! ? 1 : 2;
    const r =
      rng.uniform() < (c === d.best[t] ? REVERSAL_3ARM.rewardBest : REVERSAL_3ARM.rewardOther) ? 1 : 0;
    choice[t] = c;
    outcome[t] = r;
    const delta = r - q[c]!;
    q[c]! += (delta > 0 ? p.learningRatePos : p.learningRateNeg) * delta;
  }
  return { ...d, choice, outcome };
}

/** Accuracy at each trial position within a block (1-based, by order), blocks from `fromBlock` on pooled. */
export function reversalCurve(data: readonly ReversalData[], fromBlock = 2): number[] {
  const hit = new Float64Array(REVERSAL_3ARM.trialsPerBlock);
  const n = new Float64Array(REVERSAL_3ARM.trialsPerBlock);
  for (const d of data) {
    let k = 0;
    for (let t = 0; t < d.choice.length; t++) {
      k = t > 0 && d.block[t] === d.block[t - 1] ? k + 1 : 0;
      if (d.block[t]! < fromBlock || k >= hit.length) continue;
      n[k]!++;
      if (d.choice[t] === d.best[t]) hit[k]!++;
    }
  }
  return Array.from(hit, (h, k) => h / n[k]!);
}

/** The posterior predictive check: group learning curves and each person's accuracy, observed and simulated. */
export interface RstdPpc {
  readonly reps: number;
  readonly curve: { readonly position: number; readonly observed: number; readonly simulated: number }[];
  readonly maxCurveGap: number;
  readonly accuracy: { readonly observed: number; readonly simulated: number }[];
}

/** Simulates each fitted person `reps` times (default 20) on their own sequence and compares. */
export function rstdPpc(
  data: readonly ReversalData[],
  fit: RstdFitResult,
  options: { reps?: number; seed?: number } = {},
): RstdPpc {
  const reps = options.reps ?? 20;
  const sims: ReversalData[][] = Array.from({ length: reps }, () => []);
  const accuracy = data.map((d, i) => {
    const p = rstdParameters(fit.variant, fit.participants[i]!.z);
    const rng = streamRng(options.seed ?? 1, i, 52);
    let acc = 0;
    for (let r = 0; r < reps; r++) {
      const s = simulateRstd(d, p, rng);
      sims[r]!.push(s);
      acc += reversalAccuracy(s) / reps;
    }
    return { observed: reversalAccuracy(d), simulated: acc };
  });
  const observed = reversalCurve(data);
  const curves = sims.map((s) => reversalCurve(s));
  const simulated = observed.map((_, k) => curves.reduce((a, c) => a + c[k]! / reps, 0));
  const curve = observed.map((o, k) => ({ position: k + 1, observed: o, simulated: simulated[k]! }));
  return {
    reps,
    curve,
    maxCurveGap: Math.max(...curve.map((c) => Math.abs(c.simulated - c.observed))),
    accuracy,
  };
}

/** Held-out log-likelihood of a variant, leave-one-block-out, per person and summed. */
export function rstdCrossValidate(
  data: readonly ReversalData[],
  variant: RstdVariant,
  options: { starts?: number; seed?: number } = {},
): VariantCv {
  const perPerson = data.map((d, i) => {
    const folds: CvFold[] = foldsByLabel(d.block);
    const rng = streamRng(options.seed ?? 1, i, 53);
    return heldOutLogLik(
      folds,
      (train) => mapOne(d, variant, options.starts ?? 2, rng, train).z,
      (z, test) => rstdLogLik(d, rstdParameters(variant, z), test),
    );
  });
  return { variant, total: perPerson.reduce((a, x) => a + x, 0), perPerson };
}
