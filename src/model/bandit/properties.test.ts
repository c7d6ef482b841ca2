import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRng } from "../rng.ts";
import { parseBanditProtocol } from "./schema.ts";
import { runBandit } from "./simulate.ts";

const unit = fc.double({ min: 0, max: 1, noNaN: true });

describe("bandit invariants (fast-check)", () => {
  it("any valid protocol gives finite summaries within their ranges, one block per blockTrials", () => {
    fc.assert(
      fc.property(
        fc.record({
          armRewardProbabilities: fc.tuple(unit, unit),
          rewardValue: fc.double({ min: -5, max: 5, noNaN: true }),
          lossValue: fc.double({ min: -5, max: 5, noNaN: true }),
          trials: fc.integer({ min: 1, max: 60 }),
          agents: fc.integer({ min: 1, max: 30 }),
          blockTrials: fc.integer({ min: 1, max: 70 }),
          learningRate: fc.record({ mean: unit, sd: unit }),
          inverseTemperature: fc.record({
            mean: fc.double({ min: 0, max: 100, noNaN: true }),
            sd: fc.double({ min: 0, max: 100, noNaN: true }),
          }),
        }),
        fc.integer(),
        (input, seed) => {
          const parsed = parseBanditProtocol(input);
          if (!parsed.ok) throw new Error(parsed.error.message);
          const result = runBandit(parsed.value, { rng: seededRng(seed), traceAgentCount: 2 });
          expect(result.blocks).toHaveLength(Math.ceil(input.trials / input.blockTrials));
          expect(result.agents.betterArmProportion.every((p) => p >= 0 && p <= 1)).toBe(true);
          expect(result.agents.totalReward.every(Number.isFinite)).toBe(true);
          expect(result.agents.learningRate.every((a) => a >= 0 && a <= 1)).toBe(true);
          expect(result.traces!.value1.every(Number.isFinite)).toBe(true);
          for (const block of result.blocks) {
            const s = block.betterArmProportion;
            expect(s.lower).toBeLessThanOrEqual(s.upper);
            expect(Number.isFinite(s.meanLower) && Number.isFinite(block.meanOutcome.mean)).toBe(true);
          }
        },
      ),
      { numRuns: 200, seed: 4242 },
    );
  });
});
