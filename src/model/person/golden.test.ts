import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareTraces, engineTraces, fromCsv, type TraceSet } from "./golden-traces.ts";
import { INTERVENTION_IDS } from "./interventions.ts";

const FILES = ["engine", "engine-weekly", "engine-activity-weekly", "engine-daily"];
const golden: TraceSet = Object.fromEntries(
  FILES.map((f) => [f, fromCsv(readFileSync(new URL(`./golden/${f}.csv`, import.meta.url), "utf8"))]),
);

describe("the simulator reproduces its golden traces", () => {
  it("holds every intervention with plasticity off and on", () => {
    for (const f of FILES)
      expect(golden[f]!.map((t) => t.id)).toEqual(
        INTERVENTION_IDS.flatMap((iv) => [`${iv}/plasticity0`, `${iv}/plasticity1`]),
      );
    for (const t of golden.engine!) expect(t.columns.startProbability!.length).toBeGreaterThan(20);
  });

  it("matches them to 1e-12, per opportunity and in the weekly and daily summaries", () => {
    const d = compareTraces(golden, engineTraces());
    expect(d.mismatches).toEqual([]);
    expect(d.maxAbsDiff, d.where).toBeLessThanOrEqual(1e-12);
  });

  it("notices a changed value and a value missing on one side only", () => {
    const now = engineTraces();
    const wanting = now.engine![3]!.columns.wanting!;
    wanting[5] = wanting[5]! + 2e-12;
    expect(compareTraces(golden, now).maxAbsDiff).toBeGreaterThan(1e-12);
    const again = engineTraces();
    const experienced = again.engine![2]!.columns.experiencedRating!;
    const missing = experienced.indexOf(null);
    expect(missing).toBeGreaterThanOrEqual(0);
    experienced[missing] = 5;
    expect(compareTraces(golden, again).mismatches).toHaveLength(1);
  });
});
