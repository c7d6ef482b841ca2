import { streamRng } from "../rng.ts";
import { sampleCircuitParams } from "./population.ts";
import { type CircuitProtocolResult, runCircuitProtocol } from "./protocol.ts";
import { type CircuitParamsInput, type CircuitProtocol, createCircuitParams } from "./schema.ts";

/** Number of agents in the population tests. */
export const AGENTS = 200;

/** Relative spread of the learning rate in the population tests (SD = this × the mean). */
export const LEARNING_RATE_SPREAD = 0.2;
/** SD of the discount in the population tests. */
export const DISCOUNT_SPREAD = 0.01;

/**
 * Runs `protocol` for `AGENTS` agents whose learning rate and discount are sampled around `params`
 * (clipped normal, fixed seed), and
 * maps each result through `score`.
 */
export function runAgents<T>(
  protocol: CircuitProtocol,
  params: CircuitParamsInput,
  seed: number,
  score: (result: CircuitProtocolResult, agent: number) => T,
  agents = AGENTS,
): T[] {
  const base = createCircuitParams(params);
  const out: T[] = [];
  for (let a = 0; a < agents; a++) {
    const spread = {
      learningRate: LEARNING_RATE_SPREAD * base.learningRate,
      discount: DISCOUNT_SPREAD,
      traceDecay: 0,
    };
    const agentParams = sampleCircuitParams(base, spread, streamRng(seed, a, 1));
    out.push(score(runCircuitProtocol(protocol, { rng: streamRng(seed, a, 0), params: agentParams }), a));
  }
  return out;
}

/** Mean of the entries of `column` in [from, to). */
export function meanOf(column: ArrayLike<number>, from = 0, to = column.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += column[i]!;
  return sum / (to - from);
}
