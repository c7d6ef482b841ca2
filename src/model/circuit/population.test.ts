import { describe, expect, it } from "vitest";
import { seededRng } from "../rng.ts";
import { runCircuitPopulation } from "./population.ts";
import { phaseResult, runCircuitProtocol, trialsToExtinction } from "./protocol.ts";
import { createCircuitParams, createCircuitProtocol } from "./schema.ts";

const trial = { cues: [{ id: "cue", onsetStep: 1 }], rewards: [{ timeStep: 8, probability: 0.5 }] };
const protocol = createCircuitProtocol({
  trialSteps: 12,
  params: { latentState: {} },
  phases: [
    { name: "acquisition", trials: 60, trial },
    { name: "extinction", trials: 20, trial, outcome: { kind: "omitted" } },
  ],
});

describe("circuit populations", () => {
  it("are reproducible, and an agent's run does not depend on the population size", () => {
    const finals = (agentCount: number) => {
      const out: number[] = [];
      runCircuitPopulation(protocol, {
        rng: seededRng(5),
        population: { agentCount, spread: { learningRate: 0.03 } },
        onAgent: (_, r) => out.push(phaseResult(r, "acquisition").trials.cueValue[59]!),
      });
      return out;
    };
    const small = finals(10);
    expect(finals(20).slice(0, 10)).toEqual(small);
    expect(finals(10)).toEqual(small);
    expect(new Set(small).size).toBe(10);
  });

  it("summarises each trial by the mean and the 2.5 / 97.5 % percentiles across agents", () => {
    const result = runCircuitPopulation(protocol, {
      rng: seededRng(6),
      population: { agentCount: 50, spread: { learningRate: 0.03, discount: 0.01 } },
      measures: ["cueValue", "belief"],
    });
    expect(result.trialCount).toBe(80);
    expect(result.phases.map((p) => [p.name, p.firstTrialIndex])).toEqual([
      ["acquisition", 0],
      ["extinction", 60],
    ]);
    expect(Object.keys(result.perTrial)).toEqual(["cueValue", "belief"]);
    const value = result.perTrial.cueValue!;
    for (let t = 0; t < 80; t++) {
      expect(value.lower[t]!).toBeLessThanOrEqual(value.mean[t]! + 1e-12);
      expect(value.mean[t]!).toBeLessThanOrEqual(value.upper[t]! + 1e-12);
    }
    expect(value.mean[59]!).toBeGreaterThan(value.mean[79]!);
    expect(result.agents.learningRate.every((a) => a >= 0 && a <= 1)).toBe(true);
    expect(() =>
      runCircuitPopulation(protocol, { rng: seededRng(1), population: { agentCount: 0 } }),
    ).toThrow("agentCount: must be an integer in [1, 100000] (got 0)");
  });
});

describe("TD(λ) and extinction scoring", () => {
  it("Sutton 1988: eligibility traces (λ = 0.9) carry the prediction back to the cue in fewer trials than TD(0)", () => {
    const fixed = createCircuitProtocol({
      trialSteps: 20,
      phases: [
        {
          name: "training",
          trials: 200,
          trial: { cues: [{ id: "cue", onsetStep: 1 }], rewards: [{ timeStep: 15 }] },
        },
      ],
    });
    const trialsTo90 = (traceDecay: number) => {
      const params = createCircuitParams({ learningRate: 0.1, traceDecay });
      const value = runCircuitProtocol(fixed, { rng: seededRng(1), params }).phases[0]!.trials.cueValue;
      return value.findIndex((v) => v > 0.9 * 0.95 ** 13);
    };
    const lambda = trialsTo90(0.9);
    const td0 = trialsTo90(0);
    expect(lambda).toBeGreaterThan(0);
    expect(td0).toBeGreaterThan(2 * lambda);
  });

  it("reports a censored score when responding never falls below criterion", () => {
    const result = runCircuitProtocol(protocol, { rng: seededRng(2), params: createCircuitParams({}) });
    const scored = trialsToExtinction(result, { phase: "extinction", fraction: 0.01 });
    expect(scored).toMatchObject({ censored: true, trials: 20 });
    expect(() => trialsToExtinction(result, { phase: "nope" })).toThrow('no phase named "nope"');
  });
});
