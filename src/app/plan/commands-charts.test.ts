import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseChartSpec, renderSvgDocument } from "../../charts/index.ts";
import { runCli } from "../../cli/test-cli.ts";
import { type OpportunityRecord, resolveConditions, simulatePerson } from "../../model/person/index.ts";
import { logFromSimulation } from "../../model/records/from-simulation.ts";
import { streamRng } from "../../model/rng.ts";
import { mapChart } from "../../profile/index.ts";
import { openStore } from "../../store/open.ts";
import { storeTargets } from "../../store/test-stores.ts";
import type { MapReport } from "../fit/commands.ts";
import { registry } from "../index.ts";
import type { PlanCharts, PlanReport, ProgressReport } from "./commands.ts";

/** Six weeks of a simulated person with the depression preset, scaffolding from week 3 (like demo/seed). */
function demoLog() {
  const { parameters, environment } = resolveConditions(["depression"]);
  const records: OpportunityRecord[] = [];
  simulatePerson(parameters, environment, [{ id: "scaffolding", startWeek: 2 }], {
    weeks: 6,
    seed: 7,
    onRecord: (r) => records.push(r),
  });
  return logFromSimulation(environment, records, {
    startDate: "2026-10-05",
    utcOffsetMin: 0,
    rng: streamRng(7, 0, 7),
  });
}
const log = demoLog();

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await registry.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}
const valid = (spec: unknown) => {
  const r = parseChartSpec(spec);
  return r.ok ? [] : r.error.issues;
};

const tmp = mkdtempSync(join(tmpdir(), "dopamap-view-charts-"));
const logFile = join(tmp, "log.json");
writeFileSync(logFile, JSON.stringify(log));
const dopamap = (...args: string[]) => runCli(args);

describe("chart specs in the results the web views read", () => {
  it("map/get carries its chart: bars with 95 % intervals per pattern, the spec the CLI draws", async () => {
    const map = await call<MapReport>("map/get", { log });
    expect(valid(map.chart)).toEqual([]);
    expect(map.chart).toEqual(mapChart(map));
    const bars = map.chart.series[0]!;
    expect(bars.kind).toBe("bar");
    expect(bars.lo?.length).toBe(6);
    expect(map.chart.x.categories).toContain("anticipatory deficit");
  });

  it("map/get with no log maps the stored records and the latest questionnaire totals", async () => {
    const store = await openStore(storeTargets()[0]!.location());
    try {
      const now = "2026-11-30T08:00:00.000Z";
      await store.ensurePerson({ id: "me", name: "", accountId: null, demo: false, createdAt: now });
      const ctx = { store, personId: "me", now: () => now };
      const run = async (name: string, input: unknown) => {
        const r = await registry.invoke(name, input, ctx);
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
        return r.value;
      };
      await run("demo/seed", {});
      const before = (await run("map/get", {})) as MapReport;
      expect(before.patterns.find((p) => p.pattern === "threatOverride")?.from).not.toContain("screening");
      for (let item = 1; item <= 7; item++)
        await run("assessment/answer", { responseId: "r1", instrument: "gad7", item, value: 3, at: now });
      await run("assessment/submit", { responseId: "r1", instrument: "gad7", at: now });
      const after = (await run("map/get", {})) as MapReport;
      const threat = after.patterns.find((p) => p.pattern === "threatOverride")!;
      expect(threat.from).toContain("screening");
      expect(threat.estimate).toBeGreaterThan(
        before.patterns.find((p) => p.pattern === "threatOverride")!.estimate!,
      );
      expect(after.chart).toEqual(mapChart(after));
    } finally {
      await store.close();
    }
  });

  it("the CLI's `map --svg` draws exactly the spec map/get returns to the web app", () => {
    const svg = join(tmp, "map.svg");
    const r = dopamap("map", logFile, "--json", "--svg", svg);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as MapReport;
    expect(readFileSync(svg, "utf8")).toBe(renderSvgDocument([report.chart]));
  });

  it("plan/create carries the day strip over the circadian curve and the forecast chart", async () => {
    const r = await call<PlanReport & { charts: PlanCharts }>("plan/create", {
      log,
      draws: 3,
      seedsPerDraw: 1,
    });
    expect(valid(r.charts.day)).toEqual([]);
    expect(r.charts.forecast).toEqual(r.plan.selection?.chart);
    expect(valid(r.charts.forecast)).toEqual([]);
    const points = r.charts.day.series.filter((s) => s.kind === "point");
    expect(points.map((s) => s.x[0])).toEqual(r.plan.activities.map((a) => a.hour));
    // the forecast draws the chosen plan against the alternatives (generic advice and no change)
    expect(r.charts.forecast?.series.length).toBe(r.plan.selection?.candidates.length);
    expect(r.charts.forecast?.series.length).toBeGreaterThanOrEqual(2);
  });

  it("progress/get carries the timeline, Motivation Gap, anticipation gap and parameter trajectories", async () => {
    const r = await call<ProgressReport>("progress/get", { log, draws: 2, seedsPerDraw: 1 });
    expect(r.charts.timeline).toEqual(r.timeline.chart);
    for (const chart of Object.values(r.charts)) expect(valid(chart)).toEqual([]);
    expect(r.charts.motivationGap.series[1]?.y).toEqual(
      r.weeks.filter((w) => w.week <= r.timeline.weeksDone).map((w) => w.motivationGap),
    );
    expect(r.parameterTrajectory.map((t) => t.name)).toEqual(["anticipatoryGain", "rewardSensitivity"]);
    expect(r.parameterTrajectory[0]?.week).toEqual([2, 3, 4, 5, 6]);
    for (const t of r.parameterTrajectory)
      t.estimate.forEach((x, i) => {
        expect(t.lo[i] ?? x).toBeLessThanOrEqual(x);
        expect(t.hi[i] ?? x).toBeGreaterThanOrEqual(x);
      });
    expect(r.charts.parameters?.series.map((s) => s.name)).toEqual([
      "anticipatory gain κ",
      "reward sensitivity",
    ]);
  });

  it("progress/get with trajectory false skips the refits", async () => {
    const r = await call<ProgressReport>("progress/get", { log, draws: 0, trajectory: false });
    expect(r.parameterTrajectory).toEqual([]);
    expect(r.charts.parameters).toBeNull();
  });

  it("the CLI's `progress --svg` draws exactly the chart specs progress/get returns", () => {
    const svg = join(tmp, "progress.svg");
    const r = dopamap("progress", logFile, "--json", "--svg", svg);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as ProgressReport;
    const specs = [report.charts.timeline, report.charts.motivationGap, report.charts.anticipationGap];
    expect(specs.every((c) => c !== null)).toBe(true);
    expect(readFileSync(svg, "utf8")).toBe(
      renderSvgDocument([...specs, report.charts.parameters].filter((c) => c !== null)),
    );
  });
});
