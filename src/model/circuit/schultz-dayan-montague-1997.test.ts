import { describe, expect, it } from "vitest";
import { meanInterval } from "../stats.ts";
import { phaseResult, trialTrace } from "./protocol.ts";
import { createCircuitProtocol } from "./schema.ts";
import { runAgents } from "./test-helpers.ts";

const CUE_STEP = 2;
const REWARD_STEP = 12;
const DELAY = REWARD_STEP - CUE_STEP;

const protocol = createCircuitProtocol({
  trialSteps: 20,
  phases: [
    {
      name: "training",
      trials: 300,
      trial: {
        cues: [{ id: "light", onsetStep: CUE_STEP }],
        rewards: [{ timeStep: REWARD_STEP, magnitude: 1 }],
      },
      recordTraces: true,
    },
  ],
});

describe("Schultz, Dayan & Montague 1997", () => {
  it("Schultz, Dayan & Montague 1997: prediction error transfers from reward to cue with learning", () => {
    const agents = runAgents(protocol, { learningRate: 0.2, discount: 0.95 }, 1997, (result) => {
      const first = trialTrace(result, "training", 0);
      const last = trialTrace(result, "training", 299);
      const peakFirst = first.indexOf(Math.max(...first));
      const trials = phaseResult(result, "training").trials;
      return {
        peakFirst,
        initialReward: first[REWARD_STEP]!,
        finalReward: last[REWARD_STEP]!,
        finalCue: trials.cueDelta[299]!,
        expectedCue: result.params.discount ** DELAY,
      };
    });
    for (const a of agents) {
      expect(a.peakFirst).toBe(REWARD_STEP);
      expect(Math.abs(a.finalReward)).toBeLessThan(0.1 * a.initialReward);
      expect(a.finalCue).toBeGreaterThan(0);
      expect(Math.abs(a.finalCue - a.expectedCue)).toBeLessThan(0.02 * a.expectedCue);
    }
    const cue = meanInterval(agents.map((a) => a.finalCue));
    expect(cue.lo).toBeGreaterThan(0.5);
    expect(cue.mean).toBeCloseTo(0.95 ** DELAY, 1);
  });

  it("with learning the cue response grows while the reward response shrinks, trial by trial on average", () => {
    const curves = runAgents(protocol, { learningRate: 0.2 }, 11, (result) => {
      const t = phaseResult(result, "training").trials;
      return { cue: [t.cueDelta[0]!, t.cueDelta[50]!], reward: [t.rewardDelta[0]!, t.rewardDelta[50]!] };
    });
    expect(meanInterval(curves.map((c) => c.cue[1]! - c.cue[0]!)).lo).toBeGreaterThan(0.2);
    expect(meanInterval(curves.map((c) => c.reward[0]! - c.reward[1]!)).lo).toBeGreaterThan(0.5);
  });
});
