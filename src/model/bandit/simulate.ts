import { type Rng, streamRng } from "../rng.ts";
import { quantileSorted } from "../stats.ts";
import type { BanditProtocol } from "./schema.ts";

/** Options of {@link runBandit}. */
export interface RunBanditOptions {
  /** Source of the run's base seed; agent a draws parameters from streamRng(base, a, 1) and plays with streamRng(base, a, 0). */
  readonly rng: Rng;
  /** Keep per-trial traces for the first this many agents; default 0 (none). */
  readonly traceAgentCount?: number;
}

/** Population distribution of a per-agent quantity. */
export interface DistributionSummary {
  readonly mean: number;
  /** 95 % normal-approximation interval of the population mean. */
  readonly meanLower: number;
  readonly meanUpper: number;
  /** 2.5 % and 97.5 % percentiles across agents. */
  readonly lower: number;
  readonly upper: number;
}

/** Population summary of one block of trials. */
export interface BanditBlockSummary {
  /** First trial of the block (0-based) and the trial after its last. */
  readonly startTrial: number;
  readonly endTrial: number;
  /** Per-agent proportion of choices of the better arm in the block. */
  readonly betterArmProportion: DistributionSummary;
  /** Per-agent mean outcome per trial in the block, reward units. */
  readonly meanOutcome: DistributionSummary;
}

/** Per-trial traces, row-major (agent × trial), for the first `agentCount` agents. */
export interface BanditTraces {
  readonly agentCount: number;
  /** Chosen arm, 0 or 1. */
  readonly choice: Uint8Array;
  /** Outcome of the pull, reward units. */
  readonly outcome: Float64Array;
  /** Probability of choosing arm 1 on the trial. */
  readonly choiceProbability: Float64Array;
  /** Q of each arm before the trial's update. */
  readonly value0: Float64Array;
  readonly value1: Float64Array;
}

/** The result of {@link runBandit}. */
export interface BanditResult {
  /** Index of the better arm (higher reward probability; arm 0 on a tie). */
  readonly betterArm: 0 | 1;
  /** Per-agent parameters and summaries, one entry per agent. */
  readonly agents: {
    readonly learningRate: Float64Array;
    readonly inverseTemperature: Float64Array;
    /** Proportion of all trials on which the better arm was chosen. */
    readonly betterArmProportion: Float64Array;
    /** Sum of outcomes over all trials, reward units. */
    readonly totalReward: Float64Array;
  };
  readonly population: {
    readonly betterArmProportion: DistributionSummary;
    readonly totalReward: DistributionSummary;
  };
  readonly blocks: readonly BanditBlockSummary[];
  readonly traces: BanditTraces | null;
}

function clippedNormal(rng: Rng, mean: number, sd: number, max: number): number {
  if (sd <= 0) return mean;
  return Math.min(max, Math.max(0, mean + sd * rng.normal()));
}

/**
 * Simulates a population of delta-rule Q-learners (hBayesDM `bandit2arm_delta`) on a validated
 * two-armed bandit protocol, on typed arrays with no per-trial allocation.
 */
export function runBandit(protocol: BanditProtocol, options: RunBanditOptions): BanditResult {
  const { agents: n, trials, blockTrials } = protocol;
  const [p0, p1] = protocol.armRewardProbabilities;
  const betterArm: 0 | 1 = p1 > p0 ? 1 : 0;
  const blocks = Math.ceil(trials / blockTrials);
  const baseSeed = Math.floor(options.rng.uniform() * 2 ** 32) | 0;
  const traceCount = Math.min(n, Math.max(0, Math.floor(options.traceAgentCount ?? 0)));
  const traces = traceCount > 0 ? createTraces(traceCount, trials) : null;
  const learningRate = new Float64Array(n);
  const inverseTemperature = new Float64Array(n);
  const betterArmProportion = new Float64Array(n);
  const totalReward = new Float64Array(n);
  const blockBetter = new Float64Array(n * blocks);
  const blockOutcome = new Float64Array(n * blocks);
  const { rewardValue, lossValue } = protocol;
  for (let a = 0; a < n; a++) {
    const paramRng = streamRng(baseSeed, a, 1);
    const alpha = clippedNormal(paramRng, protocol.learningRate.mean, protocol.learningRate.sd, 1);
    const beta = clippedNormal(
      paramRng,
      protocol.inverseTemperature.mean,
      protocol.inverseTemperature.sd,
      100,
    );
    learningRate[a] = alpha;
    inverseTemperature[a] = beta;
    const rng = streamRng(baseSeed, a, 0);
    let q0 = protocol.initialValue;
    let q1 = protocol.initialValue;
    let better = 0;
    let total = 0;
    for (let t = 0; t < trials; t++) {
      const prob1 = 1 / (1 + Math.exp(-beta * (q1 - q0)));
      const choice = rng.uniform() < prob1 ? 1 : 0;
      const outcome = rng.uniform() < (choice === 1 ? p1 : p0) ? rewardValue : lossValue;
      if (traces && a < traceCount) {
        const i = a * trials + t;
        traces.choice[i] = choice;
        traces.outcome[i] = outcome;
        traces.choiceProbability[i] = prob1;
        traces.value0[i] = q0;
        traces.value1[i] = q1;
      }
      if (choice === 1) q1 += alpha * (outcome - q1);
      else q0 += alpha * (outcome - q0);
      const cell = a * blocks + Math.floor(t / blockTrials);
      if (choice === betterArm) {
        better++;
        blockBetter[cell]! += 1;
      }
      blockOutcome[cell]! += outcome;
      total += outcome;
    }
    betterArmProportion[a] = better / trials;
    totalReward[a] = total;
  }
  const scratch = new Float64Array(n);
  const blockSummaries: BanditBlockSummary[] = [];
  for (let b = 0; b < blocks; b++) {
    const startTrial = b * blockTrials;
    const endTrial = Math.min(trials, startTrial + blockTrials);
    const size = endTrial - startTrial;
    for (let a = 0; a < n; a++) scratch[a] = blockBetter[a * blocks + b]! / size;
    const betterSummary = summarize(scratch);
    for (let a = 0; a < n; a++) scratch[a] = blockOutcome[a * blocks + b]! / size;
    blockSummaries.push({
      startTrial,
      endTrial,
      betterArmProportion: betterSummary,
      meanOutcome: summarize(scratch),
    });
  }
  return {
    betterArm,
    agents: { learningRate, inverseTemperature, betterArmProportion, totalReward },
    population: { betterArmProportion: summarize(betterArmProportion), totalReward: summarize(totalReward) },
    blocks: blockSummaries,
    traces,
  };
}

function createTraces(agentCount: number, trials: number): BanditTraces {
  const size = agentCount * trials;
  return {
    agentCount,
    choice: new Uint8Array(size),
    outcome: new Float64Array(size),
    choiceProbability: new Float64Array(size),
    value0: new Float64Array(size),
    value1: new Float64Array(size),
  };
}

/** Mean (with its 95 % interval) and 2.5 / 97.5 % percentiles of `values` (not modified). */
export function summarize(values: Float64Array): DistributionSummary {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
  const sorted = values.slice().sort();
  return {
    mean,
    meanLower: mean - 1.96 * se,
    meanUpper: mean + 1.96 * se,
    lower: quantileSorted(sorted, 0.025),
    upper: quantileSorted(sorted, 0.975),
  };
}
