/**
 * `Chart`: draws any ChartSpec with uPlot in a canvas that follows its container's width, with an
 * HTML legend, the caption and note, and a visually hidden data table for screen readers.
 */
import type { JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { intervalOpacity, seriesColor } from "../../../src/charts/palette.ts";
import type { ChartSpec, ReferenceSpec, SeriesSpec } from "../../../src/charts/spec.ts";
import "./chart.css";
import { axisTitle, toUplot, withAlpha } from "./uplot-options.ts";

/** Plot height for a width: 60 % of it, between 220 and 340 CSS px. */
export function plotHeight(widthPx: number): number {
  return Math.round(Math.min(340, Math.max(220, widthPx * 0.6)));
}

const fmt = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? "–" : String(Number(v.toPrecision(3)));

function Swatch(props: { series: SeriesSpec; index: number }): JSX.Element {
  const color = seriesColor(props.index);
  const { kind } = props.series;
  const interval = props.series.lo !== undefined;
  const style: Record<string, string> = { "--swatch": color };
  if (interval && kind === "line") style["--swatch-band"] = withAlpha(color, intervalOpacity.behindLine);
  if (kind === "band") style["--swatch"] = withAlpha(color, intervalOpacity.band);
  return (
    <span class={`chart-swatch chart-swatch-${kind}${interval ? " with-interval" : ""}`} style={style} />
  );
}

function referenceText(r: ReferenceSpec): string | null {
  if (r.label === undefined) return null;
  return r.kind === "line" ? `Dashed line: ${r.label}` : `Shaded: ${r.label}`;
}

function xText(spec: ChartSpec, x: number): string {
  return spec.x.categories?.[x] ?? fmt(x);
}

/** The data as a table, for screen readers (visually hidden). */
function DataTable(props: { spec: ChartSpec }): JSX.Element {
  const { spec } = props;
  return (
    <div class="visually-hidden">
      {spec.series.map((s) => (
        <table key={s.name}>
          <caption>
            {spec.title}: {s.name}
          </caption>
          <thead>
            <tr>
              <th scope="col">{axisTitle(spec.x)}</th>
              <th scope="col">{axisTitle(spec.y)}</th>
              {s.lo ? <th scope="col">interval</th> : null}
            </tr>
          </thead>
          <tbody>
            {s.x.map((x, i) => (
              <tr key={`${x}-${i}`}>
                <th scope="row">{xText(spec, x)}</th>
                <td>{fmt(s.y[i])}</td>
                {s.lo ? (
                  <td>
                    {fmt(s.lo[i])} to {fmt(s.hi?.[i])}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** Draws one ChartSpec: the same spec the CLI's `--svg` and the reports render. */
export function Chart(props: { spec: ChartSpec }): JSX.Element {
  const { spec } = props;
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    let plot: uPlot | null = null;
    let width = 0;
    const draw = () => {
      const next = Math.max(200, Math.floor(el.clientWidth));
      if (next === width && plot) return;
      width = next;
      const { options, data } = toUplot(spec, width, plotHeight(width));
      plot?.destroy();
      plot = new uPlot(options, data, el);
    };
    draw();
    const observer = new ResizeObserver(() => draw());
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot?.destroy();
    };
  }, [spec]);
  const references = (spec.references ?? [])
    .map((r) => referenceText(r))
    .filter((t): t is string => t !== null);
  const label = [spec.title, spec.subtitle].filter(Boolean).join(": ");
  return (
    <figure class="chart" data-chart-id={spec.id}>
      <figcaption class="chart-title">
        <strong>{spec.title}</strong>
        {spec.subtitle ? <span class="chart-subtitle">{spec.subtitle}</span> : null}
      </figcaption>
      <ul class="chart-legend" aria-label={`${spec.title}: legend`}>
        {spec.series.map((s, i) => (
          <li key={s.name}>
            <Swatch series={s} index={i} />
            {s.name}
          </li>
        ))}
      </ul>
      <p class="chart-y-title" aria-hidden="true">
        {axisTitle(spec.y)}
      </p>
      <div class="chart-plot" ref={holder} role="img" aria-label={label} />
      {references.length ? (
        <ul class="chart-references">
          {references.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      ) : null}
      {spec.caption ? <p class="chart-caption">{spec.caption}</p> : null}
      {spec.note ? <p class="chart-note">{spec.note}</p> : null}
      <DataTable spec={spec} />
    </figure>
  );
}
