import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareTraces, fromCsv, type TraceSet } from "../model/person/golden-traces.ts";
import { replayTraces } from "./golden-traces.ts";

const FILES = ["replay", "replay-loglik"];
const golden: TraceSet = Object.fromEntries(
  FILES.map((f) => [f, fromCsv(readFileSync(new URL(`./golden/${f}.csv`, import.meta.url), "utf8"))]),
);

describe("the fitting replay reproduces its golden traces", () => {
  it("matches them to 1e-12: per-opportunity latents, state and log-likelihoods", () => {
    expect(golden.replay).toHaveLength(6);
    for (const t of golden.replay!) expect(t.columns.startProbability!.length).toBeGreaterThan(50);
    const d = compareTraces(golden, replayTraces());
    expect(d.mismatches).toEqual([]);
    expect(d.maxAbsDiff, d.where).toBeLessThanOrEqual(1e-12);
  });
});
