import { type Rng, streamRng } from "../rng.ts";
import { quantileSorted } from "../stats.ts";
import { type CircuitProtocolResult, runCircuitProtocol } from "./protocol.ts";
import {
  type CircuitParams,
  type CircuitPopulationInput,
  type CircuitProtocol,
  type CircuitSpread,
  parseCircuitPopulation,
} from "./schema.ts";

/** A per-trial summary column that a population can aggregate. */
export type PopulationMeasure =
  | "cueDelta"
  | "rewardDelta"
  | "maxDelta"
  | "minDelta"
  | "cueValue"
  | "responseProbability"
  | "belief"
  | "uncertaintyLevel"
  | "rewardDelivered";

/** Per-trial distribution across agents: mean and 2.5 % / 97.5 % percentiles, one entry per trial. */
export interface PerTrialDistribution {
  readonly mean: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** Options of {@link runCircuitPopulation}. */
export interface CircuitPopulationOptions {
  /** Source of the run's base seed; each agent gets its own streams (streamRng). */
  readonly rng: Rng;
  /** Agents and parameter spread (validated). */
  readonly population: CircuitPopulationInput;
  /** Measures aggregated per trial; default cueDelta, rewardDelta, cueValue, belief, uncertaintyLevel. */
  readonly measures?: readonly PopulationMeasure[];
  /** Called with each agent's full result (e.g. to score extinction); results are not kept otherwise. */
  readonly onAgent?: (agentIndex: number, result: CircuitProtocolResult) => void;
}

/** The result of {@link runCircuitPopulation}. Memory: agentCount × trials × measures × 8 bytes while running. */
export interface CircuitPopulationResult {
  readonly agentCount: number;
  readonly trialCount: number;
  readonly phases: readonly { name: string; firstTrialIndex: number; trialCount: number }[];
  /** Each agent's sampled parameters. */
  readonly agents: { learningRate: Float64Array; discount: Float64Array; traceDecay: Float64Array };
  readonly perTrial: Partial<Record<PopulationMeasure, PerTrialDistribution>>;
}

function clippedNormal(rng: Rng, mean: number, sd: number, min: number, max: number): number {
  if (sd <= 0) return mean;
  return Math.min(max, Math.max(min, mean + sd * rng.normal()));
}

/** Draws one agent's parameters: clipped normal around `base` with the SDs of `spread`, within [0, 1]. */
export function sampleCircuitParams(base: CircuitParams, spread: CircuitSpread, rng: Rng): CircuitParams {
  return {
    ...base,
    learningRate: clippedNormal(rng, base.learningRate, spread.learningRate, 0, 1),
    discount: clippedNormal(rng, base.discount, spread.discount, 0, 1),
    traceDecay: clippedNormal(rng, base.traceDecay, spread.traceDecay, 0, 1),
  };
}

const DEFAULT_MEASURES: readonly PopulationMeasure[] = [
  "cueDelta",
  "rewardDelta",
  "cueValue",
  "belief",
  "uncertaintyLevel",
];

/**
 * Runs a validated protocol for a population of agents whose parameters are drawn around the
 * protocol's; agent a uses streamRng(base, a, 0) for outcomes and streamRng(base, a, 1) for parameters,
 * so an agent's run does not depend on the population size. Throws when `population` is invalid.
 */
export function runCircuitPopulation(
  protocol: CircuitProtocol,
  options: CircuitPopulationOptions,
): CircuitPopulationResult {
  const parsed = parseCircuitPopulation(options.population);
  if (!parsed.ok) throw new Error(`invalid circuit population: ${parsed.error.message}`);
  const { agentCount, spread } = parsed.value;
  const measures = options.measures ?? DEFAULT_MEASURES;
  const baseSeed = Math.floor(options.rng.uniform() * 2 ** 32) | 0;
  const trialCount = protocol.phases.reduce((sum, phase) => sum + phase.trials, 0);
  const agents = {
    learningRate: new Float64Array(agentCount),
    discount: new Float64Array(agentCount),
    traceDecay: new Float64Array(agentCount),
  };
  const matrices = measures.map(() => new Float64Array(agentCount * trialCount));
  let phases: CircuitPopulationResult["phases"] = [];
  for (let a = 0; a < agentCount; a++) {
    const params = sampleCircuitParams(protocol.params, spread, streamRng(baseSeed, a, 1));
    agents.learningRate[a] = params.learningRate;
    agents.discount[a] = params.discount;
    agents.traceDecay[a] = params.traceDecay;
    const result = runCircuitProtocol(protocol, { rng: streamRng(baseSeed, a, 0), params, traces: "none" });
    phases = result.phases.map(({ name, firstTrialIndex, trialCount: n }) => ({
      name,
      firstTrialIndex,
      trialCount: n,
    }));
    measures.forEach((measure, m) => {
      const matrix = matrices[m]!;
      for (const phase of result.phases) {
        matrix.set(phase.trials[measure], a * trialCount + phase.firstTrialIndex);
      }
    });
    options.onAgent?.(a, result);
  }
  const perTrial: Partial<Record<PopulationMeasure, PerTrialDistribution>> = {};
  const column = new Float64Array(agentCount);
  measures.forEach((measure, m) => {
    const matrix = matrices[m]!;
    const dist = {
      mean: new Float64Array(trialCount),
      lower: new Float64Array(trialCount),
      upper: new Float64Array(trialCount),
    };
    for (let t = 0; t < trialCount; t++) {
      let sum = 0;
      for (let a = 0; a < agentCount; a++) {
        const v = matrix[a * trialCount + t]!;
        column[a] = v;
        sum += v;
      }
      column.sort();
      dist.mean[t] = sum / agentCount;
      dist.lower[t] = quantileSorted(column, 0.025);
      dist.upper[t] = quantileSorted(column, 0.975);
    }
    perTrial[measure] = dist;
  });
  return { agentCount, trialCount, phases, agents, perTrial };
}
