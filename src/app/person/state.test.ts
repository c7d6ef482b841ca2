import { describe, expect, it } from "vitest";
import { resolveConditions, samplePerson, simulatePerson } from "../../model/person/index.ts";
import { logFromSimulation, type PersonLog } from "../../model/records/index.ts";
import { seededRng } from "../../model/rng.ts";
import { registry } from "../index.ts";
import { NO_EVIDENCE } from "./reading.ts";
import { computeState } from "./state.ts";

const stateOf = (log: PersonLog, draws: number) =>
  computeState(
    { log, evidence: NO_EVIDENCE, scores: [], crisisEvents: [], source: { log: "given", revision: null } },
    { draws, seed: 1 },
  );

function depressedLog(weeks: number): PersonLog {
  const { parameters, environment } = resolveConditions(["depression"]);
  const records: Parameters<typeof logFromSimulation>[1][number][] = [];
  simulatePerson(samplePerson(parameters, 3, 0), environment, [{ id: "scaffolding", startWeek: 1 }], {
    weeks,
    seed: 3,
    onRecord: (r) => records.push(r),
  });
  return logFromSimulation(environment, records, {
    startDate: "2026-01-05",
    utcOffsetMin: 0,
    rng: seededRng(4),
  });
}

describe("planning on the person's own fitted model", () => {
  it("fits a long enough log, maps it, and draws from its posterior", () => {
    const state = stateOf(depressedLog(4), 10);
    expect(state.basis.fittedEnough).toBe(true);
    expect(state.planMap.primary).toBe("anticipatoryDeficit");
    expect(state.draws).toHaveLength(10);
    const kappas = state.draws.map((d) => d.anticipatoryGain);
    expect(Math.max(...kappas)).toBeGreaterThan(Math.min(...kappas));
    expect(Math.max(...kappas)).toBeLessThan(1);
  });

  it("falls back to presets for a log shorter than two weeks", () => {
    const state = stateOf(depressedLog(1), 10);
    expect(state.basis.fittedEnough).toBe(false);
    expect(state.basis.drawsFrom).toMatch(/preset/);
    expect(state.draws).toHaveLength(10);
  });

  it("plan/create says where its draws came from", async () => {
    const r = await registry.invoke("plan/create", { log: depressedLog(4), draws: 6, seedsPerDraw: 1 });
    expect(r.ok).toBe(true);
    const report = (r.ok ? r.value : {}) as { basis: { drawsFrom: string }; assumedMap: boolean };
    expect(report.basis.drawsFrom).toMatch(/6 draws from the posterior of your fitted model/);
    expect(report.assumedMap).toBe(false);
  });
});
