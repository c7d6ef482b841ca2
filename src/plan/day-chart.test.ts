import { describe, expect, it } from "vitest";
import { parseChartSpec } from "../charts/index.ts";
import { toneAt } from "../model/person/index.ts";
import { planDayChart } from "./day-chart.ts";

const activities = [
  { name: "walk", hour: 9 },
  { name: "thesis", hour: 15 },
] as const;

describe("planDayChart", () => {
  it("puts each activity on the model's tone curve and marks the peak", () => {
    const spec = planDayChart({ chronotypePeak: 9, activities: activities as never }, { amplitude: 0.3 });
    expect(parseChartSpec(spec).ok).toBe(true);
    const [curve, walk, thesis] = spec.series;
    expect(curve?.x.length).toBe(97);
    expect(curve?.y[36]).toBeCloseTo(toneAt(9, 9, 0.3), 12);
    expect(walk?.y[0]).toBeCloseTo(1.3, 12);
    // six hours after the peak is the day's dip: the 15:00 activity sits below the 09:00 one
    expect(thesis?.y[0]).toBeLessThan(walk?.y[0] ?? 0);
    expect(spec.references).toContainEqual({ kind: "line", axis: "x", value: 9, label: "peak ≈ 09:00" });
  });

  it("follows a late chronotype: the peak moves and 15:00 becomes the better hour", () => {
    const spec = planDayChart({ chronotypePeak: 15, activities: activities as never });
    const [, walk, thesis] = spec.series;
    expect(thesis?.y[0]).toBeGreaterThan(walk?.y[0] ?? 0);
    expect(spec.references).toContainEqual({ kind: "line", axis: "x", value: 15, label: "peak ≈ 15:00" });
  });
});
