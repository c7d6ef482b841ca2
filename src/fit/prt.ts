import { streamRng } from "../model/rng.ts";
import {
  type PrtBlockSummary,
  type PrtData,
  type PrtParameters,
  prtLogLik,
  prtSummary,
} from "../tasks/prt.ts";
import {
  logistic,
  logit,
  type TaskCoordinate,
  type TaskEstimate,
  type TaskGroupPrior,
  type TaskMap,
  taskGroupFit,
} from "./task-fit.ts";

/**
 * PRT fit: per participant, the Huys et al. 2013 reinforcement-learning model with reward
 * sensitivity ρ and learning rate ε as separate parameters (plus the instruction weight γ; the
 * belief weight ζ is held at 1, the stimulus–action model) by maximum a posteriori on
 * (log ρ, logit ε, log γ) under weak normal priors, several starts, 95 % Laplace intervals; with
 * ten or more participants the prior is estimated from the group (empirical Bayes, EM as in Huys et
 * al.'s own fits). The block-wise log b and log d come with every fit.
 */

/** Weak priors: log ρ ~ N(0, 1), logit ε ~ N(logit 0.2, 1.5), log γ ~ N(log 1.5, 1). */
export const PRT_PRIORS: readonly TaskCoordinate[] = [
  { name: "rewardSensitivity", priorMean: 0, priorSd: 1, back: Math.exp },
  { name: "learningRate", priorMean: logit(0.2), priorSd: 1.5, back: logistic },
  { name: "instructionSensitivity", priorMean: Math.log(1.5), priorSd: 1, back: Math.exp },
];

export interface PrtFitOptions {
  /** Starting points per participant (default 3). */
  readonly starts?: number;
  /** Seed of the extra starting points (default 1). */
  readonly seed?: number;
  /** Estimate the prior from the group (default: when there are at least 10 participants). */
  readonly empiricalBayes?: boolean;
}

export interface PrtParticipantFit {
  readonly participantId: string;
  readonly trials: number;
  readonly rewardSensitivity: TaskEstimate;
  readonly learningRate: TaskEstimate;
  readonly instructionSensitivity: TaskEstimate;
  readonly logLik: number;
  readonly converged: boolean;
  /** log b and log d per block (block 0 = all blocks, when there are several). */
  readonly blocks: PrtBlockSummary[];
}

export interface PrtFitResult {
  readonly task: "prt";
  readonly model: "huys-2013-stimulus-action";
  readonly participants: PrtParticipantFit[];
  /** The prior used, on (log ρ, logit ε, log γ). */
  readonly prior: TaskGroupPrior;
}

/** The model's parameters from the transformed coordinates (log ρ, logit ε, log γ). */
export const prtFromCoordinates = (z: ArrayLike<number>): PrtParameters => ({
  rewardSensitivity: Math.exp(z[0]!),
  learningRate: logistic(z[1]!),
  instructionSensitivity: Math.exp(z[2]!),
});

/** The three estimates of a PRT fit, from its MAP. */
export function prtEstimates(m: TaskMap) {
  return {
    rewardSensitivity: m.estimates.rewardSensitivity!,
    learningRate: m.estimates.learningRate!,
    instructionSensitivity: m.estimates.instructionSensitivity!,
  };
}

/** Fits every participant (MAP + Laplace), with empirical-Bayes shrinkage for groups. */
export function fitPrt(data: readonly PrtData[], options: PrtFitOptions = {}): PrtFitResult {
  const { maps, prior } = taskGroupFit(data, (d, z) => -prtLogLik(d, prtFromCoordinates(z)), PRT_PRIORS, {
    ...options,
    rng: streamRng(options.seed ?? 1, 0, 41),
  });
  const participants = data.map((d, i) => {
    const m = maps[i]!;
    return {
      participantId: d.participantId,
      trials: d.response.length,
      ...prtEstimates(m),
      logLik: prtLogLik(d, prtFromCoordinates(m.z)),
      converged: m.converged,
      blocks: prtSummary(d),
    };
  });
  return { task: "prt", model: "huys-2013-stimulus-action", participants, prior };
}
