import * as Plot from "@observablehq/plot";
import { chartMarks, intervalOpacity, plotMargins, seriesColor, xDomainOf } from "./plot-marks.ts";
import { type ChartSpec, formatChartSpecIssues, parseChartSpec, type SeriesSpec } from "./spec.ts";
import {
  createDocument,
  type DomDocument,
  type DomElement,
  estimateTextWidthPx,
  isElement,
  renumberIds,
  serializeXml,
  svgElement,
  svgNamespace,
  wrapText,
} from "./svg-dom.ts";

/** Size of one chart in px. */
export interface RenderSvgOptions {
  /** Total width. Default 640. */
  width?: number;
  /** Total height, title, legend and caption included; the plot area gets at least 180. Default 440. */
  height?: number;
}

/** Options of {@link renderSvgDocument}. */
export interface RenderSvgDocumentOptions extends RenderSvgOptions {
  /** The document's title (its `<title>` and aria-label). Default: the charts' titles. */
  title?: string;
  /** Vertical space between charts, in px. Default 16. */
  gapPx?: number;
}

const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const padPx = 16;
const minPlotHeightPx = 180;
const legendSwatchPx = 22;
const text = {
  title: { size: 16, line: 21, fill: "#111" },
  subtitle: { size: 12, line: 16, fill: "#444" },
  legend: { size: 11, line: 18, fill: "#222" },
  caption: { size: 11, line: 15, fill: "#444" },
  note: { size: 10, line: 14, fill: "#666" },
};
type TextStyle = (typeof text)[keyof typeof text];

interface Cursor {
  y: number;
}

function addLines(
  document: DomDocument,
  parent: DomElement,
  lines: string[],
  style: TextStyle,
  cursor: Cursor,
  extra: Record<string, string> = {},
): void {
  for (const line of lines) {
    cursor.y += style.line;
    const attributes = { x: padPx, y: cursor.y - (style.line - style.size) / 2, ...extra };
    parent.appendChild(
      svgElement(document, "text", { ...attributes, "font-size": style.size, fill: style.fill }, line),
    );
  }
}

function legendSwatch(document: DomDocument, series: SeriesSpec, color: string): DomElement {
  const g = svgElement(document, "g");
  const hasInterval = series.lo !== undefined;
  if (series.kind === "line") {
    if (hasInterval) {
      const band = { y: -5, width: legendSwatchPx - 4, height: 10, fill: color };
      g.appendChild(svgElement(document, "rect", { ...band, "fill-opacity": intervalOpacity.behindLine }));
    }
    const line = { x1: 0, x2: legendSwatchPx - 4, y1: 0, y2: 0, stroke: color, "stroke-width": 2.5 };
    g.appendChild(svgElement(document, "line", line));
  } else if (series.kind === "point") {
    g.appendChild(svgElement(document, "circle", { cx: 9, cy: 0, r: 4, fill: color }));
  } else {
    const opacity = series.kind === "band" ? intervalOpacity.band : 1;
    const rect = { y: -5, width: legendSwatchPx - 4, height: 10, fill: color, "fill-opacity": opacity };
    g.appendChild(svgElement(document, "rect", rect));
  }
  return g;
}

function addLegend(
  document: DomDocument,
  parent: DomElement,
  series: SeriesSpec[],
  widthPx: number,
  cursor: Cursor,
): void {
  const legend = svgElement(document, "g", { "aria-label": "legend", "font-size": text.legend.size });
  let x = padPx;
  cursor.y += text.legend.line;
  series.forEach((s, i) => {
    const entryWidth = legendSwatchPx + estimateTextWidthPx(s.name, text.legend.size) + 18;
    if (x > padPx && x + entryWidth > widthPx - padPx) {
      x = padPx;
      cursor.y += text.legend.line;
    }
    const middle = cursor.y - text.legend.line / 2;
    const entry = svgElement(document, "g", { transform: `translate(${Math.round(x)},${middle})` });
    entry.appendChild(legendSwatch(document, s, seriesColor(i)));
    const label = { x: legendSwatchPx, y: 0, dy: "0.35em", fill: text.legend.fill };
    entry.appendChild(svgElement(document, "text", label, s.name));
    legend.appendChild(entry);
    x += entryWidth;
  });
  parent.appendChild(legend);
}

function axisLabel(axis: { label: string; unit?: string }): string {
  return axis.unit === undefined ? axis.label : `${axis.label} (${axis.unit})`;
}

function formatTick(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

function drawPlot(document: DomDocument, spec: ChartSpec, widthPx: number, heightPx: number): DomElement {
  const xDomain = xDomainOf(spec);
  const categories = spec.x.categories;
  const bandTicks = [...new Set(spec.series.flatMap((s) => s.x))].sort((a, b) => a - b);
  const plotted = Plot.plot({
    document: document as never,
    width: widthPx,
    height: heightPx,
    marginTop: plotMargins.top,
    marginRight: plotMargins.right,
    marginBottom: plotMargins.bottom,
    marginLeft: plotMargins.left,
    x: {
      type: "linear",
      domain: xDomain,
      nice: false,
      label: axisLabel(spec.x),
      labelAnchor: "center",
      labelArrow: "none",
      ...(spec.x.kind === "band"
        ? { ticks: bandTicks, tickFormat: (v: number) => categories?.[v] ?? formatTick(v) }
        : {}),
    },
    y: {
      type: "linear",
      grid: true,
      nice: spec.y.domain === undefined,
      label: axisLabel(spec.y),
      labelAnchor: "center",
      labelArrow: "none",
      ...(spec.y.domain !== undefined ? { domain: spec.y.domain } : {}),
    },
    color: {
      type: "ordinal",
      domain: spec.series.map((s) => s.name),
      range: spec.series.map((_, i) => seriesColor(i)),
    },
    marks: chartMarks(spec, xDomain, widthPx),
  }) as unknown as DomElement;
  // Plot's root <svg> becomes a <g>: same coordinates (its viewBox is 0 0 width height),
  // without the page-level CSS that is meant for HTML embedding.
  const group = svgElement(document, "g", { "aria-label": "plot" });
  for (const { name, value } of Array.from(plotted.attributes)) {
    if (["fill", "font-family", "text-anchor"].includes(name)) group.setAttribute(name, value);
  }
  group.setAttribute("font-size", "11");
  for (const child of Array.from(plotted.childNodes)) {
    if (isElement(child) && child.localName !== "style") group.appendChild(child);
  }
  return group;
}

/** Builds one chart's `<svg>` element (validated spec, deterministic ids under `idPrefix`). */
function drawChart(
  document: DomDocument,
  spec: ChartSpec,
  options: RenderSvgOptions,
  idPrefix: string,
): { element: DomElement; widthPx: number; heightPx: number } {
  const parsed = parseChartSpec(spec);
  if (!parsed.ok) {
    throw new TypeError(`invalid chart spec "${spec.id}":\n${formatChartSpecIssues(parsed.error.issues)}`);
  }
  const widthPx = options.width ?? 640;
  const textWidthPx = widthPx - 2 * padPx;
  const header = svgElement(document, "g", { "aria-hidden": "true" });
  const cursor: Cursor = { y: 6 };
  const titleLines = wrapText(spec.title, textWidthPx, text.title.size);
  addLines(document, header, titleLines, text.title, cursor, { "font-weight": "bold" });
  if (spec.subtitle !== undefined) {
    addLines(
      document,
      header,
      wrapText(spec.subtitle, textWidthPx, text.subtitle.size),
      text.subtitle,
      cursor,
    );
  }
  addLegend(document, header, spec.series, widthPx, cursor);
  const plotTopPx = cursor.y + 4;

  const footer = svgElement(document, "g", { "aria-hidden": "true" });
  const footerCursor: Cursor = { y: 0 };
  if (spec.caption !== undefined) {
    const lines = wrapText(spec.caption, textWidthPx, text.caption.size);
    addLines(document, footer, lines, text.caption, footerCursor);
  }
  if (spec.note !== undefined) {
    const lines = wrapText(spec.note, textWidthPx, text.note.size);
    addLines(document, footer, lines, text.note, footerCursor, { "font-style": "italic" });
  }
  const footerHeightPx = footerCursor.y + 8;
  const plotHeightPx = Math.max(minPlotHeightPx, (options.height ?? 440) - plotTopPx - footerHeightPx);
  const heightPx = plotTopPx + plotHeightPx + footerHeightPx;
  footer.setAttribute("transform", `translate(0,${plotTopPx + plotHeightPx})`);

  const plot = drawPlot(document, spec, widthPx, plotHeightPx);
  plot.setAttribute("transform", `translate(0,${plotTopPx})`);

  const root = svgElement(document, "svg", {
    xmlns: svgNamespace,
    width: widthPx,
    height: heightPx,
    viewBox: `0 0 ${widthPx} ${heightPx}`,
    role: "img",
    "aria-label": spec.title,
    "font-family": fontFamily,
  });
  root.appendChild(svgElement(document, "title", {}, spec.title));
  const description = [spec.subtitle, spec.caption, spec.note].filter((s) => s !== undefined).join(" ");
  if (description !== "") root.appendChild(svgElement(document, "desc", {}, description));
  root.appendChild(svgElement(document, "rect", { width: "100%", height: "100%", fill: "white" }));
  root.appendChild(header);
  root.appendChild(plot);
  root.appendChild(footer);
  renumberIds(root, idPrefix);
  return { element: root, widthPx, heightPx };
}

/**
 * Draws a chart with Observable Plot in a linkedom document and returns a standalone SVG
 * string (xmlns, `<title>`, role="img", aria-label = title, white background) that opens in
 * a browser. Pure and deterministic: the same spec gives the same string.
 *
 * @throws TypeError when the spec fails {@link chartSpecSchema} (the message names the field).
 */
export function renderSvg(spec: ChartSpec, options: RenderSvgOptions = {}): string {
  const document = createDocument();
  return serializeXml(drawChart(document, spec, options, spec.id).element);
}

/**
 * Stacks several charts vertically into one standalone SVG (for `--svg FILE`). Each chart keeps
 * its own title and aria-label; ids are made unique across charts.
 *
 * @throws RangeError when `specs` is empty; TypeError when a spec is invalid.
 */
export function renderSvgDocument(specs: ChartSpec[], options: RenderSvgDocumentOptions = {}): string {
  if (specs.length === 0) throw new RangeError("renderSvgDocument needs at least one chart spec");
  const document = createDocument();
  const gapPx = options.gapPx ?? 16;
  const title = options.title ?? specs.map((spec) => spec.title).join("; ");
  const charts = specs.map((spec, i) => drawChart(document, spec, options, `${spec.id}-${i}`));
  const widthPx = Math.max(...charts.map((chart) => chart.widthPx));
  const heightPx = charts.reduce((sum, chart) => sum + chart.heightPx, 0) + gapPx * (charts.length - 1);
  const root = svgElement(document, "svg", {
    xmlns: svgNamespace,
    width: widthPx,
    height: heightPx,
    viewBox: `0 0 ${widthPx} ${heightPx}`,
    role: "group",
    "aria-label": title,
  });
  root.appendChild(svgElement(document, "title", {}, title));
  root.appendChild(svgElement(document, "rect", { width: "100%", height: "100%", fill: "white" }));
  let offsetPx = 0;
  for (const chart of charts) {
    chart.element.removeAttribute("xmlns");
    chart.element.setAttribute("y", String(offsetPx));
    root.appendChild(chart.element);
    offsetPx += chart.heightPx + gapPx;
  }
  return serializeXml(root);
}
