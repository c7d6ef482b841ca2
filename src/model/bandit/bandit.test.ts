import { describe, expect, it } from "vitest";
import { seededRng } from "../rng.ts";
import { type BanditProtocolInput, createBanditProtocol } from "./schema.ts";
import { runBandit } from "./simulate.ts";

const base: BanditProtocolInput = {
  armRewardProbabilities: [0.3, 0.7],
  trials: 200,
  agents: 2000,
  blockTrials: 50,
  learningRate: { mean: 0.3, sd: 0.1 },
  inverseTemperature: { mean: 3, sd: 1 },
};

const run = (overrides: Partial<BanditProtocolInput>, seed = 1, traceAgentCount = 0) =>
  runBandit(createBanditProtocol({ ...base, ...overrides }), { rng: seededRng(seed), traceAgentCount });

describe("two-armed bandit, delta-rule Q-learning (hBayesDM bandit2arm_delta)", () => {
  it("agents learn to prefer the better arm: the population interval lies above 0.6, and later blocks beat the first", () => {
    const result = run({});
    expect(result.betterArm).toBe(1);
    expect(result.population.betterArmProportion.meanLower).toBeGreaterThan(0.6);
    const [first, , , last] = result.blocks;
    expect(result.blocks).toHaveLength(4);
    expect(last!.betterArmProportion.meanLower).toBeGreaterThan(first!.betterArmProportion.meanUpper);
    expect(last!.meanOutcome.mean).toBeGreaterThan(first!.meanOutcome.mean);
    expect(last!.betterArmProportion.lower).toBeLessThan(last!.betterArmProportion.mean);
    expect(last!.betterArmProportion.upper).toBeGreaterThan(last!.betterArmProportion.mean);
  });

  it("higher inverse temperature β gives more exploitation", () => {
    const low = run({ learningRate: { mean: 0.3 }, inverseTemperature: { mean: 1 } }, 2);
    const high = run({ learningRate: { mean: 0.3 }, inverseTemperature: { mean: 5 } }, 2);
    const lo = low.population.betterArmProportion;
    const hi = high.population.betterArmProportion;
    expect(hi.meanLower).toBeGreaterThan(lo.meanUpper + 0.1);
  });

  it("α = 0 gives chance performance: the population interval contains 0.5", () => {
    const inert = run({ learningRate: { mean: 0, sd: 0 } }, 3).population.betterArmProportion;
    expect(inert.meanLower).toBeLessThan(0.5);
    expect(inert.meanUpper).toBeGreaterThan(0.5);
    expect(inert.meanUpper - inert.meanLower).toBeLessThan(0.01);
  });

  it("the same seed gives the same result, a different seed a different one", () => {
    const a = run({}, 7, 3);
    expect(run({}, 7, 3)).toEqual(a);
    expect(run({}, 8, 3).agents.totalReward).not.toEqual(a.agents.totalReward);
  });

  it("keeps per-trial traces only when asked, for the first agents, consistent with the summaries", () => {
    expect(run({}, 9).traces).toBeNull();
    const result = run({ agents: 50 }, 9, 2);
    const traces = result.traces!;
    expect(traces.choice).toHaveLength(2 * 200);
    for (let a = 0; a < 2; a++) {
      let better = 0;
      let total = 0;
      for (let t = 0; t < 200; t++) {
        better += traces.choice[a * 200 + t] === 1 ? 1 : 0;
        total += traces.outcome[a * 200 + t]!;
      }
      expect(better / 200).toBe(result.agents.betterArmProportion[a]);
      expect(total).toBe(result.agents.totalReward[a]);
      expect(traces.value0[a * 200]).toBe(0);
      expect(traces.choiceProbability[a * 200]).toBe(0.5);
    }
    expect(run({ agents: 50 }, 9).agents.totalReward).toEqual(result.agents.totalReward);
  });

  it("runs 10,000 agents × 1,000 trials on typed arrays", () => {
    const result = run({ agents: 10_000, trials: 1000, blockTrials: 100 }, 10);
    expect(result.agents.betterArmProportion).toHaveLength(10_000);
    expect(result.blocks).toHaveLength(10);
    expect(result.blocks[9]!.betterArmProportion.meanLower).toBeGreaterThan(0.8);
    expect(result.agents.betterArmProportion.every((p) => p >= 0 && p <= 1)).toBe(true);
  });
});
