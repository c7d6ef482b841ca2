/**
 * Translates a ChartSpec (the same plain JSON the CLI's SVG renderer draws) into uPlot options and
 * aligned data. Lines and interval bands use uPlot's series and bands; bars and interval bars use
 * uPlot's bars path builder (floating bars from `lo` to `hi` for intervals); points use uPlot's
 * points; reference lines and shaded regions are drawn in uPlot's draw hooks.
 */
import uPlot from "uplot";
import { intervalOpacity, seriesColor } from "../../../src/charts/palette.ts";
import type { ChartSpec, ReferenceSpec, SeriesSpec } from "../../../src/charts/spec.ts";

/** A spec as it arrives over JSON: non-finite numbers became null. */
export type ChartSpecJson = ChartSpec;

/** The uPlot options and data for one spec at one size. */
export interface UplotConfig {
  readonly options: uPlot.Options;
  readonly data: uPlot.AlignedData;
}

/** Width of an interval bar, CSS px. */
const WHISKER_PX = 2.5;
const REFERENCE_COLOR = "#555";
const REGION_FILL = "rgba(138, 138, 138, 0.16)";
const FONT = '12px system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif';
const LABEL_FONT = 'bold 12px system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif';

/** "#4269d0" with an alpha as rgba(). */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** "label (unit)", as the SVG renderer writes axis titles. */
export function axisTitle(axis: { label: string; unit?: string }): string {
  return axis.unit === undefined ? axis.label : `${axis.label} (${axis.unit})`;
}

const num = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : v;

interface BarSlots {
  slotOf: Map<string, number>;
  slots: number;
  /** Distance between neighbouring x values of the bars, in x units. */
  gap: number;
}

function barSlots(series: readonly SeriesSpec[]): BarSlots {
  const bars = series.filter((s) => s.kind === "bar");
  const xs = [...new Set(bars.flatMap((s) => s.x))].sort((a, b) => a - b);
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < xs.length; i++) gap = Math.min(gap, (xs[i] ?? 0) - (xs[i - 1] ?? 0));
  return {
    slotOf: new Map(bars.map((s, i) => [s.name, i])),
    slots: bars.length,
    gap: Number.isFinite(gap) && gap > 0 ? gap : 1,
  };
}

/** Where each bar sits: side by side within 80 % of the gap between x values, as the SVG draws them. */
function barCentre(series: SeriesSpec, x: number, bars: BarSlots): number {
  if (series.kind !== "bar") return x;
  const slotWidth = (0.8 * bars.gap) / Math.max(1, bars.slots);
  return x - 0.4 * bars.gap + slotWidth * ((bars.slotOf.get(series.name) ?? 0) + 0.5);
}

/** The x range: the spec's domain, or the data and x references, padded half a step for bars and categories. */
export function xRange(spec: ChartSpecJson): [number, number] {
  if (spec.x.domain !== undefined) return [spec.x.domain[0], spec.x.domain[1]];
  const bars = barSlots(spec.series);
  const values = spec.series.flatMap((s) => s.x);
  for (const r of spec.references ?? []) {
    if (r.axis !== "x") continue;
    if (r.kind === "line") values.push(r.value);
    else values.push(r.from, r.to);
  }
  const pad = spec.x.kind === "band" || bars.slots > 0 ? 0.5 * bars.gap : 0;
  const min = Math.min(...values) - pad;
  const max = Math.max(...values) + pad;
  return min < max ? [min, max] : [min - 0.5, max + 0.5];
}

/** The y range: the spec's domain, or everything drawn (values, intervals, y references, 0 for bars), padded. */
export function yRange(spec: ChartSpecJson): [number, number] {
  if (spec.y.domain !== undefined) return [spec.y.domain[0], spec.y.domain[1]];
  const values: number[] = [];
  for (const s of spec.series) {
    for (const arr of [s.y, s.lo ?? [], s.hi ?? []]) for (const v of arr) if (num(v) !== null) values.push(v);
    if (s.kind === "bar") values.push(0);
  }
  for (const r of spec.references ?? []) {
    if (r.axis !== "y") continue;
    if (r.kind === "line") values.push(r.value);
    else values.push(r.from, r.to);
  }
  if (values.length === 0) return [0, 1];
  const [lo, hi] = uPlot.rangeNum(Math.min(...values), Math.max(...values), 0.1, true);
  return [lo ?? Math.min(...values), hi ?? Math.max(...values)];
}

/** One uPlot series and its data column. */
interface Column {
  series: uPlot.Series;
  values: (number | null)[];
}

/** Lookup of a series' values by x, on the joined x column. */
function aligned(xs: readonly number[], at: Map<number, number>, values: readonly (number | null)[]) {
  return xs.map((x) => {
    const i = at.get(x);
    return i === undefined ? null : num(values[i]);
  });
}

/** The hidden series that carry an interval's ends (no stroke, no points, no legend). */
function edge(label: string): uPlot.Series {
  return { label, stroke: "transparent", width: 0, points: { show: false }, spanGaps: true };
}

/**
 * The uPlot configuration for a spec at a width and height (CSS px). Pure: the same spec and size
 * give the same options and data (the draw hooks close over the spec).
 */
export function toUplot(spec: ChartSpecJson, widthPx: number, heightPx: number): UplotConfig {
  const bars = barSlots(spec.series);
  const slotWidth = (0.8 * bars.gap) / Math.max(1, bars.slots);
  // Every x any series is drawn at, joined into one sorted column.
  const xs = [...new Set(spec.series.flatMap((s) => s.x.map((x) => barCentre(s, x, bars))))].sort(
    (a, b) => a - b,
  );
  const columns: Column[] = [];
  const bands: uPlot.Band[] = [];
  const [xMin, xMax] = xRange(spec);
  const valuesPerPx = (u: uPlot) => (xMax - xMin) / Math.max(1, u.bbox.width / uPlot.pxRatio);

  spec.series.forEach((s, k) => {
    const color = seriesColor(k);
    const at = new Map(s.x.map((x, i) => [barCentre(s, x, bars), i]));
    const y = aligned(xs, at, s.y);
    const lo = s.lo ? aligned(xs, at, s.lo) : null;
    const hi = s.hi ? aligned(xs, at, s.hi) : null;
    if ((s.kind === "line" || s.kind === "band") && lo && hi) {
      const hiIdx = columns.length + 1;
      columns.push({ series: edge(`${s.name} (upper)`), values: hi });
      columns.push({ series: edge(`${s.name} (lower)`), values: lo });
      const alpha = s.kind === "band" ? intervalOpacity.band : intervalOpacity.behindLine;
      bands.push({ series: [hiIdx, hiIdx + 1], fill: withAlpha(color, alpha) });
    }
    if (s.kind === "line") {
      const single = y.filter((v) => v !== null).length === 1;
      columns.push({
        series: {
          label: s.name,
          stroke: color,
          width: 2,
          spanGaps: true,
          points: { show: single, size: 7, fill: color, stroke: color },
        },
        values: y,
      });
    } else if (s.kind === "point") {
      columns.push({
        series: {
          label: s.name,
          stroke: color,
          fill: color,
          width: 0,
          paths: () => null,
          points: { show: true, size: 9, fill: color, stroke: color, width: 1 },
        },
        values: y,
      });
    } else if (s.kind === "bar") {
      columns.push({
        series: {
          label: s.name,
          stroke: color,
          fill: color,
          width: 0,
          points: { show: false },
          paths: uPlot.paths.bars?.({
            size: [1, Number.POSITIVE_INFINITY, 2],
            disp: {
              // left edge and width in x units: bars sit side by side like the SVG's
              x0: { unit: 1, values: (u) => (u.data[0] as number[]).map((x) => x - 0.45 * slotWidth) },
              size: { unit: 1, values: () => [0.9 * slotWidth] },
            },
          }),
        },
        values: y,
      });
    }
    if ((s.kind === "point" || s.kind === "bar") && lo && hi) {
      const loCol = lo;
      columns.push({
        series: {
          label: `${s.name} (interval)`,
          stroke: s.kind === "bar" ? "#333" : color,
          fill: s.kind === "bar" ? "#333" : color,
          width: 0,
          points: { show: false },
          // an interval bar: a thin floating bar from lo to hi, drawn by uPlot's bars path builder
          paths: uPlot.paths.bars?.({
            size: [1, Number.POSITIVE_INFINITY, 1],
            disp: {
              x0: {
                unit: 1,
                values: (u) => (u.data[0] as number[]).map((x) => x - (WHISKER_PX / 2) * valuesPerPx(u)),
              },
              size: { unit: 1, values: (u) => [WHISKER_PX * valuesPerPx(u)] },
              y0: { unit: 1, values: () => loCol },
              y1: { unit: 1, values: () => hi },
            },
          }),
        },
        values: hi,
      });
    }
  });

  const categories = spec.x.kind === "band" ? spec.x.categories : undefined;
  const bandTicks = [...new Set(spec.series.flatMap((s) => s.x))].sort((a, b) => a - b);
  const layout = categoryLayout(categories, bandTicks.length, widthPx);
  const integerX =
    spec.series.every((s) => s.x.every(Number.isInteger)) || spec.x.domain?.every(Number.isInteger) === true;
  const xAxis: uPlot.Axis = {
    label: axisTitle(spec.x),
    font: FONT,
    labelFont: LABEL_FONT,
    stroke: "#333",
    grid: { show: false },
    ...(integerX && spec.x.kind !== "band" ? { incrs: INTEGER_INCRS } : {}),
    ...(spec.x.kind === "band"
      ? {
          splits: () => bandTicks,
          values: (_u: uPlot, splits: number[]) =>
            splits.map((v) => {
              const name = categories?.[v];
              if (name === undefined) return String(Number(v.toPrecision(4)));
              return layout.rotate ? name : name.split(" ").join("\n");
            }),
          size: layout.sizePx,
          ...(layout.rotate ? { rotate: 90 } : {}),
        }
      : {}),
  };
  // The y axis title is written above the plot in HTML (horizontal, so it never clips).
  const yAxis: uPlot.Axis = {
    font: FONT,
    stroke: "#333",
    grid: { stroke: "#e3e6ea", width: 1 },
    size: 48,
  };
  const [yMin, yMax] = yRange(spec);
  const options: uPlot.Options = {
    width: widthPx,
    height: heightPx + layout.extraHeightPx,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: () => [xMin, xMax] },
      y: { range: () => [yMin, yMax] },
    },
    axes: [xAxis, yAxis],
    series: [{ label: axisTitle(spec.x) }, ...columns.map((c) => c.series)],
    bands,
    hooks: {
      drawClear: [(u) => drawRegions(u, spec.references ?? [])],
      draw: [(u) => drawLines(u, spec.references ?? [])],
    },
  };
  return { options, data: [xs, ...columns.map((c) => c.values)] as unknown as uPlot.AlignedData };
}

/** Shaded regions behind the data (drawn before the series). */
function drawRegions(u: uPlot, references: readonly ReferenceSpec[]): void {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  ctx.fillStyle = REGION_FILL;
  for (const r of references) {
    if (r.kind !== "region") continue;
    if (r.axis === "x") {
      const a = u.valToPos(r.from, "x", true);
      const b = u.valToPos(r.to, "x", true);
      ctx.fillRect(Math.min(a, b), bbox.top, Math.abs(b - a), bbox.height);
    } else {
      const a = u.valToPos(r.from, "y", true);
      const b = u.valToPos(r.to, "y", true);
      ctx.fillRect(bbox.left, Math.min(a, b), bbox.width, Math.abs(b - a));
    }
  }
  ctx.restore();
}

/** Tick steps for x values that are whole numbers (weeks, hours): never 2.5. */
const INTEGER_INCRS = [1, 2, 3, 4, 6, 8, 12, 24, 48, 100, 200, 500, 1000];

/** Approximate width of a text at 12px, CSS px. */
const textWidthPx = (text: string) => text.length * 6.8;

/**
 * How category names fit under the plot: word per line when every word fits its slot, else
 * turned 90° (narrow screens); the axis grows to hold them, and the chart grows with it.
 */
function categoryLayout(
  categories: readonly string[] | undefined,
  ticks: number,
  widthPx: number,
): { rotate: boolean; sizePx: number; extraHeightPx: number } {
  if (!categories || categories.length === 0) return { rotate: false, sizePx: 50, extraHeightPx: 0 };
  const slotPx = (widthPx - 70) / Math.max(1, ticks);
  const words = categories.flatMap((c) => c.split(" "));
  const fits = Math.max(...words.map(textWidthPx)) <= slotPx - 6;
  if (fits) {
    const lines = Math.max(...categories.map((c) => c.split(" ").length));
    const sizePx = 14 + lines * 18;
    return { rotate: false, sizePx, extraHeightPx: Math.max(0, sizePx - 50) };
  }
  const sizePx = 16 + Math.max(...categories.map(textWidthPx));
  return { rotate: true, sizePx, extraHeightPx: Math.max(0, sizePx - 50) };
}

/** A label on a white ground, so lines under it do not cross the letters. */
function haloText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, px: number): void {
  const w = ctx.measureText(text).width;
  ctx.save();
  ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
  ctx.fillRect(x - 2 * px, y - 10 * px, w + 4 * px, 13 * px);
  ctx.restore();
  ctx.fillText(text, x, y);
}

/** Dashed reference lines over the data, with their labels where they fit. */
function drawLines(u: uPlot, references: readonly ReferenceSpec[]): void {
  const { ctx, bbox } = u;
  const px = uPlot.pxRatio;
  ctx.save();
  ctx.strokeStyle = REFERENCE_COLOR;
  ctx.lineWidth = 1.2 * px;
  ctx.setLineDash([4 * px, 3 * px]);
  ctx.font = `${11 * px}px system-ui, sans-serif`;
  ctx.fillStyle = "#222";
  ctx.textAlign = "left";
  ctx.textBaseline = "alphabetic";
  for (const r of references) {
    if (r.kind !== "line") continue;
    ctx.beginPath();
    if (r.axis === "y") {
      const y = u.valToPos(r.value, "y", true);
      if (y < bbox.top || y > bbox.top + bbox.height) continue;
      ctx.moveTo(bbox.left, y);
      ctx.lineTo(bbox.left + bbox.width, y);
      ctx.stroke();
      if (r.label) {
        const w = ctx.measureText(r.label).width;
        haloText(ctx, r.label, bbox.left + bbox.width - w - 4 * px, y - 4 * px, px);
      }
    } else {
      const x = u.valToPos(r.value, "x", true);
      if (x < bbox.left || x > bbox.left + bbox.width) continue;
      ctx.moveTo(x, bbox.top);
      ctx.lineTo(x, bbox.top + bbox.height);
      ctx.stroke();
      if (r.label) {
        const w = ctx.measureText(r.label).width;
        const left = Math.min(x + 4 * px, bbox.left + bbox.width - w - 2 * px);
        haloText(ctx, r.label, left, bbox.top + 12 * px, px);
      }
    }
  }
  ctx.restore();
}
