import { describe, expect, it } from "vitest";
import { writeLogCsv } from "../../model/records/csv.ts";
import type { PersonLog } from "../../model/records/schema.ts";
import { createRegistry } from "../registry.ts";
import type { FitReport } from "./commands.ts";
import { FIT_COMMANDS } from "./commands.ts";

const registry = createRegistry(FIT_COMMANDS as never);
const scenario = {
  level: "person",
  name: "t",
  seed: 2,
  agents: { conditions: ["depression"], people: 1 },
  protocol: { weeks: 4 },
};

describe("fit commands", () => {
  it("exports a simulated log, fits it, and maps it", async () => {
    const exported = await registry.invoke("logs/export", { scenario });
    expect(exported.ok).toBe(true);
    const log = (exported as { value: PersonLog }).value;
    const fit = await registry.invoke("fit/run", { csv: writeLogCsv(log), compare: false, starts: 1 });
    expect(fit.ok).toBe(true);
    const report = (fit as { value: FitReport }).value;
    expect(report.parameters.map((p) => p.name)).toContain("anticipatoryGain");
    expect(report.latentByDay.length).toBeGreaterThan(20);
    const map = await registry.invoke("map/get", { log, fit: { parameters: report.parameters } });
    expect(map.ok).toBe(true);
  });

  it("gives MCMC intervals with R̂ and ESS when asked, names the parameters not fitted, and rejects an unknown method", async () => {
    const log = ((await registry.invoke("logs/export", { scenario })) as { value: PersonLog }).value;
    const r = await registry.invoke("fit/run", { log, compare: false, starts: 1, uncertainty: "mcmc" });
    expect(r.ok).toBe(true);
    const report = (r as { value: FitReport }).value;
    expect(report.uncertaintyMethod).toBe("mcmc");
    expect(report.sampler?.chains).toBe(4);
    expect(report.parameters.every((p) => typeof p.rHat === "number" && typeof p.ess === "number")).toBe(
      true,
    );
    expect(report.parameters.map((p) => p.name)).not.toContain("learningRatePos");
    expect(report.notes.some((n) => n.startsWith("Not fitted: α+"))).toBe(true);
    const bad = await registry.invoke("fit/run", { log, uncertainty: "bootstrap" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe("invalid_input");
      expect(bad.error.message).toContain("uncertainty");
    }
  });

  it("rejects a malformed CSV with the line and field, and can skip the bad rows", async () => {
    const log = (await registry.invoke("logs/export", { scenario })) as { value: PersonLog };
    const lines = writeLogCsv(log.value).split("\n");
    const i = lines.findIndex((l) => l.startsWith("checkin"));
    lines[i] = lines[i]!.replace(/^checkin,([^,]*),([^,]*),/, "checkin,$1,nosuch,");
    const csv = lines.join("\n");
    const bad = await registry.invoke("fit/run", { csv, compare: false, starts: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe("invalid_input");
      expect(bad.error.message).toBe(`line ${i + 1}: activity_id: unknown activity nosuch`);
    }
    const skipped = await registry.invoke("fit/run", { csv, onError: "skip", compare: false, starts: 1 });
    expect(skipped.ok).toBe(true);
    if (skipped.ok) expect((skipped.value as FitReport).skippedRows).toHaveLength(1);
  });

  it("names the field for bad bandit rows and for an empty log", async () => {
    const r = await registry.invoke("fit/bandit2arm", { csv: "subjID,choice,outcome\na,1,x\n" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('line 2: outcome: expected a number, got "x"');
    const empty = await registry.invoke("fit/run", { log: { activities: [], checkIns: [] } });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.path).toEqual(["log", "checkIns"]);
    const both = await registry.invoke("fit/run", {});
    expect(both.ok).toBe(false);
  });
});
