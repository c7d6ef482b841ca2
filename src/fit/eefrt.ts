import { streamRng } from "../model/rng.ts";
import { type EefrtData, eefrtLogLik, eefrtSummary } from "../tasks/eefrt.ts";
import { type TaskCoordinate, type TaskEstimate, type TaskGroupPrior, taskGroupFit } from "./task-fit.ts";

/**
 * EEfRT fit: per participant, the Treadway lab's SV model (`SV = R·p^h − k·E`, softmax with T) by
 * maximum a posteriori on (log k, log h, log T) under weak normal priors, several starts, and 95 %
 * Laplace intervals; with ten or more participants the prior is then estimated from the group
 * (empirical Bayes, as in `bandit2arm`). Unlike the lab's code (fmincon, 100 restarts, first 50 trials), every scored
 * trial the participant chose is fitted, and the priors keep all-easy or all-hard choosers finite.
 */

/** Weak priors on the transformed scale: log k ~ N(log 1.5, 1), log h ~ N(0, 0.5), log T ~ N(log 5, 1). */
export const EEFRT_PRIORS: readonly TaskCoordinate[] = [
  { name: "effortCost", priorMean: Math.log(1.5), priorSd: 1, back: Math.exp },
  { name: "probabilityWeighting", priorMean: 0, priorSd: 0.5, back: Math.exp },
  { name: "inverseTemperature", priorMean: Math.log(5), priorSd: 1, back: Math.exp },
];

export interface EefrtFitOptions {
  /** Starting points per participant (default 3). */
  readonly starts?: number;
  /** Seed of the extra starting points (default 1). */
  readonly seed?: number;
  /** Estimate the prior from the group (default: when there are at least 10 participants). */
  readonly empiricalBayes?: boolean;
}

export interface EefrtParticipantFit {
  readonly participantId: string;
  readonly trials: number;
  readonly effortCost: TaskEstimate;
  readonly probabilityWeighting: TaskEstimate;
  readonly inverseTemperature: TaskEstimate;
  readonly logLik: number;
  readonly converged: boolean;
  /** Proportion of hard choices, overall and by probability. */
  readonly summary: ReturnType<typeof eefrtSummary>;
}

export interface EefrtFitResult {
  readonly task: "eefrt";
  readonly model: "treadway-sv";
  readonly participants: EefrtParticipantFit[];
  /** The prior used, on (log k, log h, log T). */
  readonly prior: TaskGroupPrior;
}

const natural = (z: Float64Array) => ({
  effortCost: Math.exp(z[0]!),
  probabilityWeighting: Math.exp(z[1]!),
  inverseTemperature: Math.exp(z[2]!),
});

/** Fits every participant (MAP + Laplace), with empirical-Bayes shrinkage for groups. */
export function fitEefrt(data: readonly EefrtData[], options: EefrtFitOptions = {}): EefrtFitResult {
  const { maps, prior } = taskGroupFit(data, (d, z) => -eefrtLogLik(d, natural(z)), EEFRT_PRIORS, {
    ...options,
    rng: streamRng(options.seed ?? 1, 0, 41),
  });
  const participants = data.map((d, i) => {
    const m = maps[i]!;
    return {
      participantId: d.participantId,
      trials: d.choseHard.length,
      effortCost: m.estimates.effortCost!,
      probabilityWeighting: m.estimates.probabilityWeighting!,
      inverseTemperature: m.estimates.inverseTemperature!,
      logLik: eefrtLogLik(d, natural(m.z)),
      converged: m.converged,
      summary: eefrtSummary(d),
    };
  });
  return { task: "eefrt", model: "treadway-sv", participants, prior };
}
