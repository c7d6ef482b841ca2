import { describe, expect, it } from "vitest";
import { resolveConditions, samplePerson, simulatePerson } from "../../model/person/index.ts";
import { logFromSimulation, type PersonLog } from "../../model/records/index.ts";
import { seededRng } from "../../model/rng.ts";
import { registry } from "../index.ts";
import { NO_EVIDENCE } from "../person/reading.ts";
import { planningFor } from "./from-fit.ts";

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
    const planning = planningFor(depressedLog(4), NO_EVIDENCE, 10, 1);
    expect(planning.fitted).toBe(true);
    expect(planning.map.primary).toBe("anticipatoryDeficit");
    expect(planning?.draws).toHaveLength(10);
    const kappas = planning!.draws.map((d) => d.anticipatoryGain);
    expect(Math.max(...kappas)).toBeGreaterThan(Math.min(...kappas));
    expect(Math.max(...kappas)).toBeLessThan(1);
  });

  it("falls back to presets for a log shorter than two weeks", () => {
    const planning = planningFor(depressedLog(1), NO_EVIDENCE, 10, 1);
    expect(planning.fitted).toBe(false);
    expect(planning.description).toMatch(/preset/);
  });

  it("plan/create says where its draws came from", async () => {
    const r = await registry.invoke("plan/create", { log: depressedLog(4), draws: 6, seedsPerDraw: 1 });
    expect(r.ok).toBe(true);
    const report = (r.ok ? r.value : {}) as { drawsFrom: string; assumedMap: boolean };
    expect(report.drawsFrom).toMatch(/posterior of your fitted model/);
    expect(report.assumedMap).toBe(false);
  });
});
