import { describe, expect, it } from "vitest";
import { parseChartSpec } from "../../charts/index.ts";
import { ScenarioSchema } from "../../model/scenario/index.ts";
import { registry } from "../index.ts";
import type { PersonReport } from "./person-report.ts";

const scenario = {
  level: "person",
  name: "depression: scaffolding",
  seed: 3,
  agents: { conditions: ["depression"], people: 60 },
  protocol: { weeks: 8 },
  compare: ["scaffolding"],
};

async function preview(input: unknown): Promise<PersonReport> {
  const r = await registry.invoke("simulate/preview", input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as PersonReport;
}

describe("simulate/preview", () => {
  it("is served to accounts (not local-only) and is a scenario the CLI accepts", () => {
    const command = registry.commands.get("simulate/preview");
    expect(command?.localOnly).toBeFalsy();
    expect(ScenarioSchema.safeParse(scenario).success).toBe(true);
  });

  it("returns the simulate report: arms with intervals and valid chart specs", async () => {
    const report = await preview(scenario);
    expect(report.arms.map((a) => a.id)).toEqual(["none", "scaffolding"]);
    expect(report.weeks).toBe(8);
    expect(report.charts.map((c) => c.id)).toEqual(["start-rate", "wanting-liking", "anticipatory-gain"]);
    for (const chart of report.charts) expect(parseChartSpec(chart).ok).toBe(true);
    // Depression + scaffolding on the same 60 people: starts rise (paired effect, weeks 5–8, above 0).
    const effect = report.comparison.find((c) => c.arm === "scaffolding" && c.metric === "startRate")?.effect;
    expect(effect?.lo).toBeGreaterThan(0);
  });

  it("the same scenario as `simulate` gives the same charts (one spec for CLI and web)", async () => {
    const full = await registry.invoke("simulate", scenario);
    expect(full.ok).toBe(true);
    const charts = (full as { value: PersonReport }).value.charts;
    expect((await preview(scenario)).charts).toEqual(charts);
  });

  it("moving a parameter changes the curve", async () => {
    const base = await preview({ ...scenario, compare: [] });
    const lowGain = await preview({
      ...scenario,
      compare: [],
      agents: { ...scenario.agents, parameters: { anticipatoryGain: 0.1 } },
    });
    const mean = (r: PersonReport) => {
      const xs = r.arms[0]!.metrics.startRate!.mean.filter((x): x is number => x !== null);
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    expect(mean(lowGain)).toBeLessThan(mean(base));
  });

  it.each([
    [{ agents: { conditions: ["depression"], people: 201 } }, "agents.people", /at most 200 people/],
    [{ protocol: { weeks: 13 } }, "protocol.weeks", /at most 12 weeks/],
    [{ compare: ["scaffolding", "justExercise", "dopamineFast", "coldShower"] }, "compare", /at most 3/],
    [{ outputs: { trace: true } }, "outputs.trace", /not available in a preview/],
    [{ agents: { conditions: ["sad"] } }, "agents.conditions.0", /depression/],
  ])("rejects %j with a clear error on %s", async (change, path, message) => {
    const r = await registry.invoke("simulate/preview", { ...scenario, ...change });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("invalid_input");
    expect(r.error.path?.join(".")).toBe(path);
    expect(`${r.error.message} ${(r.error.allowed ?? []).join(",")}`).toMatch(message);
  });
});
