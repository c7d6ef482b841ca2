import { describe, expect, it } from "vitest";
import {
  type CircuitProtocolInput,
  createCircuitProtocol,
  parseCircuitPopulation,
  parseCircuitProtocol,
} from "./schema.ts";

const valid = (): CircuitProtocolInput => ({
  trialSteps: 10,
  phases: [
    {
      name: "acquisition",
      trials: 5,
      trial: {
        cues: [{ id: "light", onsetStep: 1, durationSteps: 6 }],
        rewards: [{ timeStep: 6, probability: 0.5 }],
      },
    },
  ],
});

function firstIssue(input: unknown) {
  const result = parseCircuitProtocol(input);
  if (result.ok) throw new Error("expected a validation error");
  expect(result.error.code).toBe("invalid_protocol");
  return { issue: (result.error.issues ?? [])[0]!, message: result.error.message };
}

describe("circuit protocol validation", () => {
  it("fills every default of a valid protocol", () => {
    const result = parseCircuitProtocol(valid());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { params, phases } = result.value;
    expect(params).toMatchObject({ learningRate: 0.1, discount: 0.95, traceDecay: 0 });
    expect(params.latentState).toBeUndefined();
    expect(phases[0]).toMatchObject({ outcome: { kind: "drawn" }, frozen: false, recordTraces: false });
    expect(phases[0]!.trial.rewards[0]).toEqual({ timeStep: 6, magnitude: 1, probability: 0.5, surge: 0 });
    expect(phases[0]!.trial.cues[0]!.salience).toBe(1);
    const latent = parseCircuitProtocol({ ...valid(), params: { latentState: {} } });
    expect(latent.ok && latent.value.params.latentState).toEqual({
      hazard: 0.02,
      extinctionRewardProbability: 0.05,
      countDecay: 0.95,
      priorCount: 1,
      initialBelief: 1,
    });
  });

  it("rejects a negative duration, naming the field path and the allowed range", () => {
    const input = valid();
    input.phases[0]!.trial.cues![0]!.durationSteps = -3;
    const { issue, message } = firstIssue(input);
    expect(issue.path).toEqual(["phases", 0, "trial", "cues", 0, "durationSteps"]);
    expect(issue.message).toBe("must be an integer in [1, 1000]");
    expect(message).toContain(
      "phases.0.trial.cues.0.durationSteps: must be an integer in [1, 1000] (got -3)",
    );
  });

  it("rejects a probability above 1", () => {
    const input = valid();
    input.phases[0]!.trial.rewards![0]!.probability = 1.5;
    const { issue, message } = firstIssue(input);
    expect(issue.path).toEqual(["phases", 0, "trial", "rewards", 0, "probability"]);
    expect(message).toBe("phases.0.trial.rewards.0.probability: must be a finite number in [0, 1] (got 1.5)");
  });

  it("rejects NaN and infinite parameters", () => {
    const nan = firstIssue({ ...valid(), params: { learningRate: Number.NaN } });
    expect(nan.issue.path).toEqual(["params", "learningRate"]);
    expect(nan.message).toBe("params.learningRate: must be a finite number in [0, 1] (got NaN)");
    const inf = firstIssue({ ...valid(), params: { latentState: { hazard: Number.POSITIVE_INFINITY } } });
    expect(inf.issue.path).toEqual(["params", "latentState", "hazard"]);
    expect(inf.issue.message).toBe("must be a finite number in [0, 0.5]");
  });

  it("rejects fractional and missing trial counts", () => {
    const input = valid();
    input.phases[0]!.trials = 2.5;
    expect(firstIssue(input).message).toBe("phases.0.trials: must be an integer in [0, 100000] (got 2.5)");
    const { trials: _omit, ...rest } = valid().phases[0]!;
    expect(firstIssue({ ...valid(), phases: [rest] }).issue.path).toEqual(["phases", 0, "trials"]);
  });

  it("rejects steps outside the trial, shifted deliveries that leave it and duplicate cue ids", () => {
    const onset = valid();
    onset.phases[0]!.trial.cues![0]!.onsetStep = 10;
    const late = firstIssue(onset);
    expect(late.issue.path).toEqual(["phases", 0, "trial", "cues", 0, "onsetStep"]);
    expect(late.issue.message).toBe("must be an integer in [0, 9] (trialSteps − 1)");
    const shifted = valid();
    shifted.phases[0]!.outcome = { kind: "delivered", shiftSteps: 4 };
    const shift = firstIssue(shifted);
    expect(shift.issue.path).toEqual(["phases", 0, "outcome", "shiftSteps"]);
    expect(shift.issue.message).toContain("shifted step 10 not in [0, 9]");
    const twice = valid();
    twice.phases[0]!.trial.cues!.push({ id: "light", onsetStep: 2 });
    expect(firstIssue(twice).issue.path).toEqual(["phases", 0, "trial", "cues", 1, "id"]);
    const repeated = valid();
    repeated.phases.push({ ...repeated.phases[0]! });
    expect(firstIssue(repeated).issue).toEqual({
      path: ["phases", 1, "name"],
      message: "must be unique within a protocol",
    });
  });

  it("rejects an unknown outcome kind and an empty protocol", () => {
    const input = { ...valid(), phases: [{ ...valid().phases[0]!, outcome: { kind: "sometimes" } }] };
    expect(firstIssue(input).issue.path).toEqual(["phases", 0, "outcome", "kind"]);
    expect(firstIssue({ trialSteps: 10, phases: [] }).issue.path).toEqual(["phases"]);
  });

  it("throws from createCircuitProtocol with the same message", () => {
    const input = valid();
    input.trialSteps = 1;
    expect(() => createCircuitProtocol(input)).toThrow("trialSteps: must be an integer in [2, 1000] (got 1)");
  });

  it("validates a population description", () => {
    const ok = parseCircuitPopulation({ agentCount: 10 });
    expect(ok.ok && ok.value.spread).toEqual({ learningRate: 0, discount: 0, traceDecay: 0 });
    const bad = parseCircuitPopulation({ agentCount: 0, spread: { learningRate: -1 } });
    expect(!bad.ok && bad.error.issues!.map((i) => i.path.join("."))).toEqual([
      "agentCount",
      "spread.learningRate",
    ]);
  });
});
