import { describe, expect, it } from "vitest";
import { independentDifference, meanInterval } from "../stats.ts";
import { phaseResult, trialsToExtinction } from "./protocol.ts";
import { type CircuitParamsInput, createCircuitProtocol } from "./schema.ts";
import { AGENTS, runAgents } from "./test-helpers.ts";

function protocolFor(probability: number) {
  const trial = { cues: [{ id: "lever", onsetStep: 1 }], rewards: [{ timeStep: 6, probability }] };
  return createCircuitProtocol({
    trialSteps: 10,
    phases: [
      { name: "acquisition", trials: 300, trial },
      { name: "extinction", trials: 200, trial, outcome: { kind: "omitted" } },
    ],
  });
}

function extinctionTrials(params: CircuitParamsInput, probability: number, seed: number, threshold?: number) {
  const criterion = {
    phase: "extinction",
    fraction: 0.5,
    baselineTrials: 10,
    ...(threshold ? { threshold } : {}),
  };
  return runAgents(protocolFor(probability), params, seed, (result) => {
    const score = trialsToExtinction(result, criterion);
    expect(score.censored).toBe(false);
    return score.trials;
  });
}

describe("partial-reinforcement extinction effect", () => {
  it("Partial-reinforcement extinction effect (Humphreys 1939; Gershman, Blei & Niv 2010): with the latent-state filter, responding learned under p = 0.5 takes more trials to extinguish than under p = 1", () => {
    const latent = { learningRate: 0.1, latentState: {} };
    const continuous = extinctionTrials(latent, 1, 1939);
    const partial = extinctionTrials(latent, 0.5, 1940);
    expect(continuous).toHaveLength(AGENTS);
    const effect = independentDifference(partial, continuous);
    expect(effect.lo).toBeGreaterThan(1);
    expect(meanInterval(partial).mean / meanInterval(continuous).mean).toBeGreaterThan(1.5);
  });

  it("after continuous reinforcement the first omissions make the belief collapse; after partial reinforcement it persists", () => {
    const beliefAfter = (probability: number) =>
      runAgents(
        protocolFor(probability),
        { latentState: {} },
        2010,
        (r) => phaseResult(r, "extinction").trials.belief[3]!,
      );
    expect(independentDifference(beliefAfter(0.5), beliefAfter(1)).lo).toBeGreaterThan(0.3);
  });

  it("plain TD (latentState off) shows no partial-reinforcement extinction effect, and the reverse with an absolute criterion: why the latent-state mechanism is needed", () => {
    const plain = { learningRate: 0.1 };
    const relative = independentDifference(
      extinctionTrials(plain, 0.5, 1939),
      extinctionTrials(plain, 1, 1940),
    );
    expect(relative.lo).toBeLessThan(0);
    expect(Math.abs(relative.mean)).toBeLessThan(5);
    const absolute = independentDifference(
      extinctionTrials(plain, 0.5, 1939, 0.35),
      extinctionTrials(plain, 1, 1940, 0.35),
    );
    expect(absolute.hi).toBeLessThan(0);
  });
});
