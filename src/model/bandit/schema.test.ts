import { describe, expect, it } from "vitest";
import { type BanditProtocolInput, createBanditProtocol, parseBanditProtocol } from "./schema.ts";

const valid: BanditProtocolInput = { armRewardProbabilities: [0.2, 0.8], trials: 100, agents: 10 };

function issueOf(input: unknown) {
  const result = parseBanditProtocol(input);
  if (result.ok) throw new Error("expected a validation error");
  expect(result.error.code).toBe("invalid_protocol");
  return { ...(result.error.issues ?? [])[0]!, message: result.error.message };
}

describe("bandit protocol validation", () => {
  it("fills defaults (hBayesDM outcomes +1 / −1)", () => {
    const result = parseBanditProtocol(valid);
    expect(result.ok && result.value).toMatchObject({
      rewardValue: 1,
      lossValue: -1,
      initialValue: 0,
      blockTrials: 100,
      learningRate: { mean: 0.3, sd: 0 },
      inverseTemperature: { mean: 3, sd: 0 },
    });
  });

  it("names the field path and the allowed range", () => {
    expect(issueOf({ ...valid, armRewardProbabilities: [0.2, 1.5] })).toMatchObject({
      path: ["armRewardProbabilities", 1],
      message: "armRewardProbabilities.1: must be a finite number in [0, 1] (got 1.5)",
    });
    expect(issueOf({ ...valid, learningRate: { mean: Number.NaN } }).message).toBe(
      "learningRate.mean: must be a finite number in [0, 1] (got NaN)",
    );
    expect(issueOf({ ...valid, inverseTemperature: { mean: 2, sd: -1 } }).path).toEqual([
      "inverseTemperature",
      "sd",
    ]);
    expect(issueOf({ ...valid, trials: 0 }).message).toBe(
      "trials: must be an integer in [1, 100000] (got 0)",
    );
    expect(issueOf({ ...valid, armRewardProbabilities: [0.5] }).path).toEqual(["armRewardProbabilities"]);
  });

  it("bounds the memory of the block summary", () => {
    expect(issueOf({ ...valid, agents: 1_000_000, trials: 1000, blockTrials: 1 }).path).toEqual(["agents"]);
    expect(() => createBanditProtocol({ ...valid, agents: -1 })).toThrow("agents: must be an integer");
  });
});
