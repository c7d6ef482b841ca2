import { describe, expect, it } from "vitest";
import { meanInterval } from "../stats.ts";
import { phaseResult } from "./protocol.ts";
import { createCircuitProtocol } from "./schema.ts";
import { runAgents } from "./test-helpers.ts";

const DELAY = 4;
const CHECKPOINTS = [100, 200, 300, 400, 500, 599] as const;

function protocolFor(surge: number) {
  return createCircuitProtocol({
    trialSteps: 8,
    phases: [
      {
        name: "exposure",
        trials: 600,
        trial: {
          cues: [{ id: "cue", onsetStep: 1 }],
          rewards: [{ timeStep: 1 + DELAY, magnitude: 1, surge }],
        },
      },
    ],
  });
}

function cueValues(surge: number): number[][] {
  return runAgents(protocolFor(surge), { learningRate: 0.2 }, 2004, (result) => {
    const value = phaseResult(result, "exposure").trials.cueValue;
    return CHECKPOINTS.map((trial) => value[trial]!);
  });
}

describe("Redish 2004", () => {
  it("Redish 2004: with a non-compensable surge V of the drug cue grows without bound while natural reward value converges", () => {
    const drug = cueValues(0.5);
    const natural = cueValues(0);
    for (const values of drug) {
      for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
    }
    const lateGrowth = meanInterval(drug.map((v) => v[5]! - v[4]!));
    const earlyGrowth = meanInterval(drug.map((v) => v[1]! - v[0]!));
    expect(lateGrowth.lo).toBeGreaterThan(0.5 * earlyGrowth.mean);
    expect(meanInterval(drug.map((v) => v[5]!)).lo).toBeGreaterThan(10);
    natural.forEach((values, a) => {
      expect(Math.abs(values[5]! - values[4]!)).toBeLessThan(0.01 * (drug[a]![5]! - drug[a]![4]!));
      expect(values[5]!).toBeLessThan(1);
    });
    const naturalFinal = meanInterval(natural.map((v) => v[5]!));
    expect(Math.abs(naturalFinal.mean - 0.95 ** (DELAY - 1))).toBeLessThan(0.01);
    const preference = meanInterval(drug.map((v, a) => v[5]! - natural[a]![5]! - (v[1]! - natural[a]![1]!)));
    expect(preference.lo).toBeGreaterThan(0);
  });
});
