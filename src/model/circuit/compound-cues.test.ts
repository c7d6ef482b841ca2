import { describe, expect, it } from "vitest";
import { meanInterval } from "../stats.ts";
import { phaseResult } from "./protocol.ts";
import { createCircuitProtocol, type TrialSpecInput } from "./schema.ts";
import { runAgents } from "./test-helpers.ts";

const REWARD_STEP = 6;
const reward = [{ timeStep: REWARD_STEP, magnitude: 1 }];
const only = (...ids: string[]): TrialSpecInput => ({
  cues: ids.map((id) => ({ id, onsetStep: 1 })),
  rewards: reward,
});

describe("compound cues", () => {
  it("two cues presented together each learn part of the prediction and their values sum to it", () => {
    const protocol = createCircuitProtocol({
      trialSteps: 10,
      phases: [{ name: "compound", trials: 300, trial: only("light", "tone") }],
    });
    const agents = runAgents(protocol, { learningRate: 0.1 }, 7, (result) => ({
      light: result.weights.light![0]!,
      tone: result.weights.tone![0]!,
      predicted: result.params.discount ** (REWARD_STEP - 1 - 1),
      compound: phaseResult(result, "compound").trials.cueValue[299]!,
    }));
    for (const a of agents) {
      expect(Math.abs(a.light + a.tone - a.compound)).toBeLessThan(1e-3);
      expect(Math.abs(a.compound - a.predicted)).toBeLessThan(0.01);
      expect(a.light).toBeGreaterThan(0.25 * a.predicted);
      expect(a.tone).toBeGreaterThan(0.25 * a.predicted);
    }
  });

  it("the more salient cue of a compound takes the larger share (overshadowing)", () => {
    const protocol = createCircuitProtocol({
      trialSteps: 10,
      phases: [
        {
          name: "compound",
          trials: 300,
          trial: {
            cues: [
              { id: "bright", onsetStep: 1, salience: 1 },
              { id: "dim", onsetStep: 1, salience: 0.3 },
            ],
            rewards: reward,
          },
        },
      ],
    });
    const share = runAgents(protocol, {}, 8, (r) => r.weights.bright![0]! - r.weights.dim![0]!);
    expect(meanInterval(share).lo).toBeGreaterThan(0.2);
  });

  it("Kamin 1969: pretraining one cue blocks learning about a cue added to it (natural reward)", () => {
    const probe = {
      name: "probe",
      trials: 1,
      trial: only("added"),
      frozen: true,
      outcome: { kind: "omitted" as const },
    };
    const blocked = createCircuitProtocol({
      trialSteps: 10,
      phases: [
        { name: "pretraining", trials: 200, trial: only("pretrained") },
        { name: "compound", trials: 200, trial: only("pretrained", "added") },
        probe,
      ],
    });
    const control = createCircuitProtocol({
      trialSteps: 10,
      phases: [
        { name: "pretraining", trials: 200, trial: only("other") },
        { name: "compound", trials: 200, trial: only("pretrained", "added") },
        probe,
      ],
    });
    const value = (r: Parameters<typeof phaseResult>[0]) => phaseResult(r, "probe").trials.cueValue[0]!;
    const block = runAgents(blocked, { learningRate: 0.1 }, 1969, value);
    const free = runAgents(control, { learningRate: 0.1 }, 1969, value);
    const ratio = meanInterval(block).mean / meanInterval(free).mean;
    expect(ratio).toBeLessThan(0.2);
    expect(meanInterval(free.map((v, a) => v - block[a]!)).lo).toBeGreaterThan(0.2);
  });
});
