import { describe, expect, it } from "vitest";
import { resolveConditions } from "./conditions.ts";
import type { OpportunityRecord } from "./engine.ts";
import { simulatePerson } from "./person.ts";

const { parameters, environment } = resolveConditions(["depression"]);
const run = (onRecord?: (r: OpportunityRecord) => void, seed = 3) =>
  simulatePerson(parameters, environment, [{ id: "scaffolding", startWeek: 1 }], {
    weeks: 3,
    seed,
    onRecord,
  });

describe("simulatePerson", () => {
  it("gives daily summaries that add up to the weekly ones", () => {
    const r = run();
    expect(r.days).toHaveLength(21);
    for (let w = 0; w < 3; w++) {
      const days = r.days.slice(w * 7, w * 7 + 7);
      const starts = days.reduce((a, d) => a + d.metrics.starts, 0);
      const opps = days.reduce((a, d) => a + d.metrics.opportunities, 0);
      expect(starts).toBe(r.weeks[w]!.metrics.starts);
      expect(opps).toBe(r.weeks[w]!.metrics.opportunities);
      expect(days[6]!.metrics.anticipatoryGain).toBe(r.weeks[w]!.metrics.anticipatoryGain);
    }
  });

  it("emits one record per opportunity, and tracing does not change the result", () => {
    const records: OpportunityRecord[] = [];
    const traced = run((rec) => records.push(rec));
    const plain = run();
    expect(JSON.stringify(traced.weeks)).toBe(JSON.stringify(plain.weeks));
    const own = records.filter((x) => x.planned);
    expect(own.length).toBe(traced.weeks.reduce((a, w) => a + w.metrics.opportunities, 0));
    expect(own.filter((x) => x.started).length).toBe(traced.weeks.reduce((a, w) => a + w.metrics.starts, 0));
    for (const rec of records) {
      expect(rec.startProbability).toBeGreaterThanOrEqual(0);
      expect(rec.startProbability).toBeLessThanOrEqual(1);
      expect(rec.started || Number.isNaN(rec.experiencedRating)).toBe(true);
    }
    // micro-doses only once scaffolding is in place (from week 2)
    expect(records.some((x) => x.day < 7 && x.microDose)).toBe(false);
    expect(records.some((x) => x.day >= 7 && x.microDose)).toBe(true);
  });

  it("repeats itself for the same seed and differs for another", () => {
    expect(JSON.stringify(run().weeks)).toBe(JSON.stringify(run().weeks));
    expect(JSON.stringify(run(undefined, 4).weeks)).not.toBe(JSON.stringify(run().weeks));
  });
});
