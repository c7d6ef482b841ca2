import { describe, expect, it } from "vitest";
import {
  buildAnticipationGapChart,
  buildAnticipatoryGainChart,
  buildDayStripChart,
  buildMotivationGapChart,
  buildParameterTrajectoryChart,
  buildStartRateChart,
  buildTrialDeltaChart,
  buildWantingLikingChart,
  type WeeklySeries,
} from "./builders.ts";
import { type ChartSpec, parseChartSpec } from "./spec.ts";

const weeks = Array.from({ length: 12 }, (_, i) => i + 1);

function weekly(name: string, level: number): WeeklySeries {
  return {
    name,
    week: [...weeks],
    mean: weeks.map(() => level),
    lo: weeks.map(() => level - 0.1),
    hi: weeks.map(() => level + 0.1),
  };
}

function expectValid(spec: ChartSpec): void {
  const result = parseChartSpec(spec);
  expect(result.ok ? [] : result.error.issues).toEqual([]);
}

function shape(spec: ChartSpec): { name: string; kind: string; n: number; interval: boolean }[] {
  return spec.series.map((s) => ({
    name: s.name,
    kind: s.kind,
    n: s.x.length,
    interval: s.lo !== undefined,
  }));
}

describe("chart builders", () => {
  it("buildStartRateChart: one line with interval per arm, 0–1 axis, the timeline as the article's claim", () => {
    const spec = buildStartRateChart([weekly("scaffolding", 0.5), weekly("justExercise", 0.2)]);
    expectValid(spec);
    expect(spec.id).toBe("start-rate");
    expect(shape(spec)).toEqual([
      { name: "scaffolding", kind: "line", n: 12, interval: true },
      { name: "justExercise", kind: "line", n: 12, interval: true },
    ]);
    expect(spec.y.domain).toEqual([0, 1]);
    const regions = (spec.references ?? []).filter((r) => r.kind === "region");
    expect(regions.map((r) => [r.from, r.to])).toEqual([
      [4, 6],
      [8, 12],
    ]);
    for (const region of regions) expect(region.label).toMatch(/article's claim/);
    expect(spec.note).toMatch(/not a diagnosis/);
  });

  it("buildStartRateChart: timeline false drops the windows; text options override the defaults", () => {
    const spec = buildStartRateChart([weekly("healthy", 0.8)], { timeline: false, id: "arm-a", title: "A" });
    expectValid(spec);
    expect(spec.references).toEqual([]);
    expect(spec.id).toBe("arm-a");
    expect(spec.title).toBe("A");
    expect(spec.caption).not.toMatch(/timeline/);
  });

  it("buildWantingLikingChart: two series with intervals, in the order wanting, liking", () => {
    const spec = buildWantingLikingChart({ wanting: weekly("wanting", 0.4), liking: weekly("liking", 0.8) });
    expectValid(spec);
    expect(shape(spec)).toEqual([
      { name: "wanting", kind: "line", n: 12, interval: true },
      { name: "liking", kind: "line", n: 12, interval: true },
    ]);
    expect(spec.series[1]?.hi?.[0]).toBeCloseTo(0.9);
  });

  it("buildAnticipatoryGainChart: κ per arm with intervals and a healthy reference line at 1", () => {
    const spec = buildAnticipatoryGainChart([weekly("scaffolding", 0.7), weekly("none", 0.5)]);
    expectValid(spec);
    expect(shape(spec).map((s) => [s.name, s.n, s.interval])).toEqual([
      ["scaffolding", 12, true],
      ["none", 12, true],
    ]);
    expect(spec.references).toContainEqual({ kind: "line", axis: "y", value: 1, label: "healthy κ = 1" });
  });

  it("buildTrialDeltaChart: one line per trial, zero line, cue and reward marked", () => {
    const step = Array.from({ length: 15 }, (_, i) => i);
    const spec = buildTrialDeltaChart(
      [
        { name: "trial 1 (early)", step, delta: step.map((t) => (t === 10 ? 1 : 0)) },
        { name: "trial 200 (late)", step, delta: step.map((t) => (t === 3 ? 1 : 0)) },
      ],
      { cueStep: 3, rewardStep: 10 },
    );
    expectValid(spec);
    expect(shape(spec)).toEqual([
      { name: "trial 1 (early)", kind: "line", n: 15, interval: false },
      { name: "trial 200 (late)", kind: "line", n: 15, interval: false },
    ]);
    expect(spec.references).toEqual([
      { kind: "line", axis: "y", value: 0 },
      { kind: "line", axis: "x", value: 3, label: "cue" },
      { kind: "line", axis: "x", value: 10, label: "reward" },
    ]);
  });

  it("copies the input arrays, so later changes to the input do not reach the spec", () => {
    const input = weekly("scaffolding", 0.5);
    const spec = buildStartRateChart([input]);
    input.mean[0] = 99;
    input.week.push(13);
    expect(spec.series[0]?.y[0]).toBe(0.5);
    expect(spec.series[0]?.x).toHaveLength(12);
  });

  it("passes mismatched input through, where the schema names the field", () => {
    const bad = { ...weekly("scaffolding", 0.5), lo: [0.1] };
    const result = parseChartSpec(buildStartRateChart([bad]));
    expect(result.ok ? [] : result.error.issues?.[0]?.path).toEqual(["series", 0, "lo"]);
  });
});

describe("chart builders for the web views (day strip, gaps, parameter trajectories)", () => {
  it("buildDayStripChart: the curve as a line, one point per activity on it, the peak as a reference", () => {
    const hour = [0, 6, 12, 18, 24];
    const spec = buildDayStripChart({
      curve: { hour, tone: [0.8, 1.1, 0.9, 1.05, 0.8] },
      activities: [{ name: "walk", hour: 9, tone: 1.2 }],
      peakHour: 9,
      waking: [7, 23],
    });
    expectValid(spec);
    expect(shape(spec)).toEqual([
      { name: "daily tone (model)", kind: "line", n: 5, interval: false },
      { name: "walk 09:00", kind: "point", n: 1, interval: false },
    ]);
    expect(spec.x.domain).toEqual([0, 24]);
    expect(spec.references).toContainEqual({ kind: "line", axis: "x", value: 9, label: "peak ≈ 09:00" });
    expect(spec.references).toContainEqual({
      kind: "region",
      axis: "x",
      from: 7,
      to: 23,
      label: "waking hours 07:00–23:00",
    });
  });

  it("buildMotivationGapChart: started and not-started bars per week", () => {
    const spec = buildMotivationGapChart([
      { week: 1, started: 3, motivationGap: 9 },
      { week: 2, started: 5, motivationGap: 7 },
    ]);
    expectValid(spec);
    expect(spec.series.map((s) => [s.name, s.kind, s.y])).toEqual([
      ["started", "bar", [3, 5]],
      ["not started (Motivation Gap)", "bar", [9, 7]],
    ]);
  });

  it("buildAnticipationGapChart: leaves out weeks without rated starts and marks 0", () => {
    const spec = buildAnticipationGapChart([
      { week: 1, gap: 2.5 },
      { week: 2, gap: null },
      { week: 3, gap: 1 },
    ]);
    expectValid(spec);
    expect(spec.series[0]?.x).toEqual([1, 3]);
    expect(spec.references).toContainEqual({ kind: "line", axis: "y", value: 0, label: "as expected" });
  });

  it("buildParameterTrajectoryChart: one line with interval per parameter and the reference", () => {
    const spec = buildParameterTrajectoryChart([weekly("κ", 0.4)], {
      reference: { value: 1, label: "typical" },
    });
    expectValid(spec);
    expect(shape(spec)).toEqual([{ name: "κ", kind: "line", n: 12, interval: true }]);
    expect(spec.references).toContainEqual({ kind: "line", axis: "y", value: 1, label: "typical" });
  });
});
