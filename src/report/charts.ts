import type { ChartSpec, SeriesSpec } from "../charts/index.ts";
import type { WeekSummary } from "../track/index.ts";
import type { ParameterTrajectory, ScoreSeries } from "./types.ts";

const ok = (x: number | undefined) => x !== undefined && Number.isFinite(x);

/**
 * The spec with every point that has a non-finite value dropped (a week with no known outcome has no
 * rate), series left empty removed; null when nothing is left to draw.
 */
export function drawable(spec: ChartSpec): ChartSpec | null {
  const series: SeriesSpec[] = [];
  for (const s of spec.series) {
    const keep = s.x
      .map((_, i) => i)
      .filter((i) => ok(s.x[i]) && ok(s.y[i]) && (!s.lo || (ok(s.lo[i]) && ok(s.hi?.[i]))));
    if (keep.length === 0) continue;
    const pick = (a: number[]) => keep.map((i) => a[i]!);
    series.push({
      ...s,
      x: pick(s.x),
      y: pick(s.y),
      ...(s.lo && s.hi ? { lo: pick(s.lo), hi: pick(s.hi) } : {}),
    });
  }
  return series.length ? { ...spec, series } : null;
}

/** A questionnaire's totals over time (x: the dates, in order) with its band boundaries as labelled lines. */
export function scoreChart(s: ScoreSeries): ChartSpec {
  const dates = s.points.map((p) => p.at.slice(0, 10));
  return {
    id: `score-${s.instrumentId.replace(/[^A-Za-z0-9]/g, "-")}`,
    title: `${s.title}: total over time`,
    x: { kind: "band", label: "date", categories: dates },
    y: { label: "total", ...(s.range ? { domain: [s.range[0], s.range[1]] as [number, number] } : {}) },
    series: [
      { name: "total", kind: "line", x: dates.map((_, i) => i), y: s.points.map((p) => p.value) },
      { name: "each form", kind: "point", x: dates.map((_, i) => i), y: s.points.map((p) => p.value) },
    ],
    references: s.bands
      .filter((b, i) => i > 0 && (!s.range || b.min > s.range[0]))
      .map((b) => ({
        kind: "line" as const,
        axis: "y" as const,
        value: b.min - 0.5,
        label: `${b.label} from ${b.min}`,
      })),
    ...(s.bandSource
      ? {
          caption: `Bands: ${s.bandSource}${s.bandsInformal ? " (informal bands)" : ""}. Screening results, not diagnoses.`,
        }
      : {}),
  };
}

/** The map's chart with its long category names broken over two lines, so they fit the page. */
export function printableMapChart(spec: ChartSpec): ChartSpec {
  const categories = spec.x.categories?.map((c) => c.replace(" ", "\n"));
  return categories ? { ...spec, x: { ...spec.x, categories } } : spec;
}

/** Weekly Motivation Gap (planned occurrences not started) as bars. */
export function motivationGapChart(weeks: readonly WeekSummary[]): ChartSpec {
  return {
    id: "motivation-gap",
    title: "Motivation Gap by week",
    subtitle: "Planned times with a known outcome that were not started",
    x: { kind: "linear", label: "week" },
    y: { label: "not started", unit: "occurrences" },
    series: [
      {
        name: "Motivation Gap",
        kind: "bar",
        x: weeks.map((w) => w.week),
        y: weeks.map((w) => w.motivationGap),
      },
    ],
  };
}

/** Weekly anticipation gap: mean experienced − anticipated rating over rated starts (0–10 scale). */
export function anticipationGapChart(weeks: readonly WeekSummary[]): ChartSpec {
  const rated = weeks.filter((w) => w.anticipationGap !== null);
  return {
    id: "anticipation-gap",
    title: "Anticipation gap by week",
    subtitle: "Experienced minus anticipated rating, mean over rated starts; above 0: better than expected",
    x: { kind: "linear", label: "week" },
    y: { label: "experienced − anticipated", unit: "points of 10" },
    series: [
      {
        name: "anticipation gap",
        kind: "line",
        x: rated.map((w) => w.week),
        y: rated.map((w) => w.anticipationGap!),
      },
    ],
    references: [{ kind: "line", axis: "y", value: 0, label: "as expected" }],
  };
}

/** One fitted parameter's estimate, refitted on the log up to each week, with its 95 % interval. */
export function trajectoryChart(t: ParameterTrajectory): ChartSpec {
  return {
    id: `trajectory-${t.name}`,
    title: `${t.symbol} (${t.name})`,
    subtitle: t.meaning,
    caption: "Refitted on your records up to the end of each week; band: 95 % interval.",
    x: { kind: "linear", label: "week" },
    y: { label: "estimate" },
    series: [
      {
        name: "estimate",
        kind: "line",
        x: t.points.map((p) => p.week),
        y: t.points.map((p) => p.estimate),
        lo: t.points.map((p) => p.lo),
        hi: t.points.map((p) => p.hi),
      },
    ],
  };
}
