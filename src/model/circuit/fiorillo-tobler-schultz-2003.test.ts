import { describe, expect, it } from "vitest";
import { meanInterval } from "../stats.ts";
import { phaseResult, runCircuitProtocol } from "./protocol.ts";
import { createCircuitParams, createCircuitProtocol } from "./schema.ts";
import { meanOf, runAgents } from "./test-helpers.ts";

const PROBABILITIES = [0, 0.25, 0.5, 0.75, 1] as const;
const REWARD_STEP = 8;
const TRAINING = 400;
const SCORED = 200;

function protocolFor(probability: number) {
  return createCircuitProtocol({
    trialSteps: 12,
    phases: [
      {
        name: "training",
        trials: TRAINING,
        trial: {
          cues: [{ id: `cue-${probability}`, onsetStep: 1 }],
          rewards: [{ timeStep: REWARD_STEP, probability }],
        },
      },
    ],
  });
}

interface Responses {
  readonly cue: number;
  readonly rewarded: number;
  readonly omitted: number;
  readonly uncertainty: number;
}

function score(probability: number, seed: number): Responses[] {
  const params = { learningRate: 0.1, uncertainty: { mode: "learned" as const, learningRate: 0.05 } };
  return runAgents(protocolFor(probability), params, seed, (result) => {
    const t = phaseResult(result, "training").trials;
    let rewarded = 0;
    let omitted = 0;
    let nRewarded = 0;
    for (let i = TRAINING - SCORED; i < TRAINING; i++) {
      if (t.rewardDelivered[i]! > 0) {
        rewarded += t.rewardDelta[i]!;
        nRewarded++;
      } else omitted += t.rewardDelta[i]!;
    }
    return {
      cue: meanOf(t.cueDelta, TRAINING - SCORED),
      rewarded: nRewarded > 0 ? rewarded / nRewarded : Number.NaN,
      omitted: nRewarded < SCORED ? omitted / (SCORED - nRewarded) : Number.NaN,
      uncertainty: meanOf(t.uncertaintyLevel, TRAINING - SCORED),
    };
  });
}

describe("Fiorillo, Tobler & Schultz 2003", () => {
  it("Fiorillo, Tobler & Schultz 2003: cue response rises monotonically with reward probability (p ∈ {0, .25, .5, .75, 1}), reward response ∝ 1 − p, omission response ∝ −p; the uncertainty term is maximal at p = 0.5 and symmetric", () => {
    const byProbability = PROBABILITIES.map((p) => score(p, 2003));
    const at = (i: number) => byProbability[i]!;
    const paired = (i: number, j: number, f: (r: Responses) => number) =>
      meanInterval(at(i).map((r, a) => f(r) - f(at(j)[a]!)));
    for (let i = 1; i < PROBABILITIES.length; i++) {
      expect(paired(i, i - 1, (r) => r.cue).lo).toBeGreaterThan(0);
    }
    for (const i of [1, 2, 3]) {
      const p = PROBABILITIES[i]!;
      const rewarded = meanInterval(at(i).map((r) => r.rewarded));
      const omitted = meanInterval(at(i).map((r) => r.omitted));
      expect(rewarded.mean / (1 - p)).toBeGreaterThan(0.9);
      expect(rewarded.mean / (1 - p)).toBeLessThan(1.1);
      expect(omitted.mean / -p).toBeGreaterThan(0.9);
      expect(omitted.mean / -p).toBeLessThan(1.1);
    }
    expect(meanInterval(at(4).map((r) => r.rewarded)).hi).toBeLessThan(0.02);
    const peak = meanInterval(at(2).map((r) => r.uncertainty)).mean;
    expect(paired(2, 1, (r) => r.uncertainty).lo).toBeGreaterThan(0);
    expect(paired(2, 3, (r) => r.uncertainty).lo).toBeGreaterThan(0);
    expect(paired(1, 0, (r) => r.uncertainty).lo).toBeGreaterThan(0);
    expect(paired(3, 4, (r) => r.uncertainty).lo).toBeGreaterThan(0);
    const asymmetry = paired(1, 3, (r) => r.uncertainty);
    expect(Math.abs(asymmetry.mean)).toBeLessThan(0.1 * peak);
  });

  it("the nominal uncertainty term equals gain · p(1 − p) from cue to reward and is 0 after it", () => {
    for (const p of PROBABILITIES) {
      const params = createCircuitParams({ uncertainty: { mode: "nominal", gain: 2 } });
      const result = runCircuitProtocol(protocolFor(p), {
        rng: { uniform: () => 0.5, normal: () => 0 },
        params,
        traces: "all",
      });
      const trace = phaseResult(result, "training").traces!.uncertainty.subarray(0, 12);
      expect(trace[0]).toBe(0);
      for (let t = 1; t < REWARD_STEP; t++) expect(trace[t]).toBeCloseTo(2 * p * (1 - p), 12);
      for (let t = REWARD_STEP; t < 12; t++) expect(trace[t]).toBe(0);
    }
  });
});
