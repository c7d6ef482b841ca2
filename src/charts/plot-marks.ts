import * as Plot from "@observablehq/plot";
import { intervalOpacity } from "./palette.ts";
import type { ChartSpec, ReferenceSpec, SeriesSpec } from "./spec.ts";

export { intervalOpacity, seriesColor, seriesPalette } from "./palette.ts";

const referenceColor = "#555";
const regionFill = "#8a8a8a";
const labelFontSizePx = 10;

interface Row {
  series: string;
  x: number;
  y: number;
  lo: number;
  hi: number;
  x1: number;
  x2: number;
}

interface BarLayout {
  /** Index of each bar series among the bar series. */
  slotOf: Map<string, number>;
  slots: number;
  /** Distance between neighbouring x values, in x units. */
  gap: number;
}

function barLayout(series: SeriesSpec[]): BarLayout {
  const bars = series.filter((s) => s.kind === "bar");
  const xs = [...new Set(bars.flatMap((s) => s.x))].sort((a, b) => a - b);
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < xs.length; i++) gap = Math.min(gap, (xs[i] ?? 0) - (xs[i - 1] ?? 0));
  return {
    slotOf: new Map(bars.map((s, i) => [s.name, i])),
    slots: bars.length,
    gap: Number.isFinite(gap) ? gap : 1,
  };
}

function rowsOf(series: SeriesSpec, bars: BarLayout): Row[] {
  const slot = bars.slotOf.get(series.name) ?? 0;
  const slotWidth = (0.8 * bars.gap) / Math.max(1, bars.slots);
  const rows = series.x.map((x, i) => {
    const centre = series.kind === "bar" ? x - 0.4 * bars.gap + slotWidth * (slot + 0.5) : x;
    return {
      series: series.name,
      x: centre,
      y: series.y[i] ?? Number.NaN,
      lo: series.lo?.[i] ?? Number.NaN,
      hi: series.hi?.[i] ?? Number.NaN,
      x1: centre - 0.45 * slotWidth,
      x2: centre + 0.45 * slotWidth,
    };
  });
  return rows.sort((a, b) => a.x - b.x);
}

/** The x domain the renderer uses: the spec's, or the extent of everything drawn on x. */
export function xDomainOf(spec: ChartSpec): [number, number] {
  if (spec.x.domain !== undefined) return spec.x.domain;
  const bars = barLayout(spec.series);
  const values = spec.series.flatMap((s) => s.x);
  const pad = spec.x.kind === "band" || bars.slots > 0 ? 0.5 * bars.gap : 0;
  for (const reference of spec.references ?? []) {
    if (reference.axis !== "x") continue;
    if (reference.kind === "line") values.push(reference.value);
    else values.push(reference.from, reference.to);
  }
  const min = Math.min(...values) - pad;
  const max = Math.max(...values) + pad;
  return min < max ? [min, max] : [min - 0.5, max + 0.5];
}

/** The plot area's margins, in px. */
export const plotMargins = { top: 14, right: 24, bottom: 42, left: 62 };

function referenceMarks(
  references: ReferenceSpec[],
  xDomain: [number, number],
  plotWidthPx: number,
): { regions: Plot.Markish[]; rules: Plot.Markish[]; labels: Plot.Markish[] } {
  const regions: Plot.Markish[] = [];
  const rules: Plot.Markish[] = [];
  const labels: Plot.Markish[] = [];
  const pxPerX = (plotWidthPx - plotMargins.left - plotMargins.right) / (xDomain[1] - xDomain[0]);
  const halo = { stroke: "white", strokeWidth: 3, fill: "#333", fontSize: labelFontSizePx };
  for (const r of references) {
    const data = [r];
    if (r.kind === "region" && r.axis === "x") {
      regions.push(
        Plot.rect(data, { x1: () => r.from, x2: () => r.to, fill: regionFill, fillOpacity: 0.14 }),
      );
      if (r.label === undefined) continue;
      // Plot wraps with Helvetica metrics; common sans fonts run wider, hence 0.85.
      const widthEm = Math.max(4, (0.85 * (r.to - r.from) * pxPerX) / labelFontSizePx - 0.5);
      labels.push(
        Plot.text(data, {
          ...halo,
          x: () => (r.from + r.to) / 2,
          text: () => r.label,
          frameAnchor: "top",
          lineAnchor: "top",
          dy: 4,
          lineWidth: widthEm,
        }),
      );
    } else if (r.kind === "region") {
      regions.push(
        Plot.rect(data, { y1: () => r.from, y2: () => r.to, fill: regionFill, fillOpacity: 0.14 }),
      );
      if (r.label === undefined) continue;
      labels.push(
        Plot.text(data, {
          ...halo,
          y: () => r.to,
          text: () => r.label,
          frameAnchor: "left",
          textAnchor: "start",
          lineAnchor: "top",
          dx: 4,
          dy: 3,
        }),
      );
    } else {
      const rule = { stroke: referenceColor, strokeDasharray: "4 3", strokeWidth: 1.2 };
      if (r.axis === "y") rules.push(Plot.ruleY(data, { ...rule, y: () => r.value }));
      else rules.push(Plot.ruleX(data, { ...rule, x: () => r.value }));
      if (r.label === undefined) continue;
      // y lines: labelled at the left, above the line; x lines: in the top margin, above the frame.
      const place =
        r.axis === "y"
          ? { y: () => r.value, frameAnchor: "left" as const, textAnchor: "start" as const, dx: 4, dy: -6 }
          : { x: () => r.value, frameAnchor: "top" as const, lineAnchor: "bottom" as const, dy: -3 };
      labels.push(Plot.text(data, { ...halo, ...place, text: () => r.label }));
    }
  }
  return { regions, rules, labels };
}

/**
 * Observable Plot marks for a spec, in drawing order: shaded regions, interval bands, bars,
 * reference lines, data lines, interval bars, dots, then labels. Colour comes from the
 * ordinal `color` scale over the series names.
 */
export function chartMarks(spec: ChartSpec, xDomain: [number, number], plotWidthPx: number): Plot.Markish[] {
  const clip = spec.x.domain !== undefined || spec.y.domain !== undefined ? "frame" : undefined;
  const bars = barLayout(spec.series);
  const areas: Plot.Markish[] = [];
  const rects: Plot.Markish[] = [];
  const lines: Plot.Markish[] = [];
  const intervals: Plot.Markish[] = [];
  const dots: Plot.Markish[] = [];
  for (const series of spec.series) {
    const rows = rowsOf(series, bars);
    const hasInterval = series.lo !== undefined && series.hi !== undefined;
    if (series.kind === "line" || series.kind === "band") {
      if (hasInterval) {
        const fillOpacity = series.kind === "band" ? intervalOpacity.band : intervalOpacity.behindLine;
        areas.push(Plot.areaY(rows, { x: "x", y1: "lo", y2: "hi", fill: "series", fillOpacity, clip }));
      }
      if (series.kind === "line") {
        lines.push(Plot.line(rows, { x: "x", y: "y", stroke: "series", strokeWidth: 2, clip }));
        if (rows.length === 1) dots.push(Plot.dot(rows, { x: "x", y: "y", fill: "series", r: 3, clip }));
      }
      continue;
    }
    if (series.kind === "bar") {
      rects.push(Plot.rect(rows, { x1: "x1", x2: "x2", y1: () => 0, y2: "y", fill: "series", clip }));
    } else {
      dots.push(Plot.dot(rows, { x: "x", y: "y", fill: "series", r: 3.5, clip }));
    }
    if (hasInterval) {
      const stroke = series.kind === "bar" ? "#333" : "series";
      intervals.push(Plot.ruleX(rows, { x: "x", y1: "lo", y2: "hi", stroke, strokeWidth: 1.5, clip }));
    }
  }
  const { regions, rules, labels } = referenceMarks(spec.references ?? [], xDomain, plotWidthPx);
  return [...regions, ...areas, ...rects, ...rules, ...lines, ...intervals, ...dots, ...labels];
}
