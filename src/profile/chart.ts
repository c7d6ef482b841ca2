import type { ChartSpec } from "../charts/spec.ts";
import { type ArchitectureMap, FRAMEWORK } from "./map.ts";

/** The map as a chart: each pattern's strength (0..1) as a bar with its 95 % interval; unknown ones at 0 with the full range. */
export function mapChart(map: ArchitectureMap): ChartSpec {
  const rows = [
    ...map.patterns.map((p) => ({ name: FRAMEWORK[p.pattern].pattern, s: p })),
    { name: "stress load", s: map.stressLoad },
  ];
  return {
    id: "architecture-map",
    title: "Your reward-architecture map",
    subtitle: map.primary
      ? `Primary pattern: ${FRAMEWORK[map.primary.pattern].pattern}`
      : "Not enough data yet for a primary pattern",
    caption: "Bars: strength 0–1 from your logs and screening answers; lines: 95 % intervals.",
    x: { kind: "band", label: "pattern", categories: rows.map((r) => r.name) },
    y: { label: "strength", domain: [0, 1] },
    series: [
      {
        name: "strength",
        kind: "bar",
        x: rows.map((_, i) => i),
        y: rows.map((r) => r.s.estimate ?? 0),
        lo: rows.map((r) => r.s.lo),
        hi: rows.map((r) => r.s.hi),
      },
    ],
    note: map.disclaimer,
  };
}
