import { describe, expect, it } from "vitest";
import type { OpportunityRecord } from "../model/person/engine.ts";
import { ratingOf } from "../model/person/engine.ts";
import { baseEnvironment, type Environment } from "../model/person/environment.ts";
import { defaultParameters } from "../model/person/params.ts";
import { simulatePerson } from "../model/person/person.ts";
import { replayFromRecords } from "./from-log.ts";
import { emptyTrace, normalCdf, ratingInverse, ratingProbability, replayLogLik } from "./replay.ts";

function quietEnvironment(): Environment {
  const env = baseEnvironment();
  return {
    ...env,
    acuteStressPerDay: 0,
    stressInput: 0.15,
    activities: env.activities.map((a) => ({ ...a, harmProbability: 0, stressRelief: 0 })),
  };
}

function simulate(plasticity: number, weeks: number) {
  const params = { ...defaultParameters(), plasticity, anticipatoryGain: 0.6, threatGain: 0.6 };
  const env = quietEnvironment();
  const records: OpportunityRecord[] = [];
  simulatePerson(params, env, [], { weeks, seed: 7, onRecord: (r) => records.push(r) });
  return { params, env, records };
}

describe("replay is the engine's model", () => {
  for (const plasticity of [0, 1])
    it(`reproduces the engine's start probabilities with the true outcomes (plasticity ${plasticity})`, () => {
      const { params, env, records } = simulate(plasticity, 8);
      const data = replayFromRecords(env, records, true);
      const trace = emptyTrace(data.opportunities.length);
      replayLogLik(params, data, undefined, trace);
      const planned = records.filter((r) => r.planned || r.cued);
      expect(planned.length).toBe(data.opportunities.length);
      expect(planned.length).toBeGreaterThan(100);
      let worst = 0;
      planned.forEach((r, i) => {
        worst = Math.max(worst, Math.abs(r.startProbability - trace.startProbability[i]!));
      });
      expect(worst).toBeLessThan(1e-9);
    });

  it("lets D recover in abstinence as the engine does (a person below normal D)", () => {
    const params = { ...defaultParameters(), d2Availability: 0.8, anticipatoryGain: 0.6 };
    const env = quietEnvironment();
    const records: OpportunityRecord[] = [];
    simulatePerson(params, env, [], { weeks: 8, seed: 7, onRecord: (r) => records.push(r) });
    const data = replayFromRecords(env, records, true);
    const trace = emptyTrace(data.opportunities.length);
    replayLogLik(params, data, undefined, trace);
    let worst = 0;
    records.forEach((r, i) => {
      worst = Math.max(worst, Math.abs(r.startProbability - trace.startProbability[i]!));
    });
    expect(worst).toBeLessThan(1e-9);
  });

  it("stays close when outcomes come from the experienced ratings instead", () => {
    const { params, env, records } = simulate(1, 8);
    const data = replayFromRecords(env, records, false);
    const trace = emptyTrace(data.opportunities.length);
    replayLogLik(params, data, undefined, trace);
    let sum = 0;
    records.forEach((r, i) => {
      sum += Math.abs(r.startProbability - trace.startProbability[i]!);
    });
    expect(sum / records.length).toBeLessThan(0.03);
  });
});

describe("rating likelihood", () => {
  it("sums to one over 0..10 and inverts the rating map", () => {
    for (const mean of [-1, 0, 3.3, 7.9, 10, 12]) {
      let total = 0;
      for (let r = 0; r <= 10; r++) total += ratingProbability(r, mean);
      expect(total).toBeCloseTo(1, 5);
    }
    for (const x of [0.1, 0.5, 1, 1.5]) expect(ratingInverse(ratingOf(x))).toBeCloseTo(x, 9);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });
});
