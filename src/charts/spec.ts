import { z } from "zod";
import { fromParse, type Issue, type Result } from "../errors/index.ts";

/**
 * How a series is drawn.
 * - `line`: a line through (x, y); with `lo`/`hi`, a shaded interval band behind it.
 * - `band`: only the shaded `lo`–`hi` interval; `y` is the centre, kept for readers of the JSON.
 * - `point`: dots at (x, y); with `lo`/`hi`, vertical interval bars.
 * - `bar`: bars from 0 to y; with `lo`/`hi`, interval bars. Several bar series sit side by side.
 */
export type SeriesKind = "line" | "band" | "point" | "bar";

/** One series: parallel arrays, all the same length. Plain JSON. */
export interface SeriesSpec {
  /** Legend name; unique within a chart. */
  name: string;
  kind: SeriesKind;
  x: number[];
  y: number[];
  /** Lower end of the interval at each x (needs `hi`; required for `band`). */
  lo?: number[];
  /** Upper end of the interval at each x (needs `lo`; required for `band`). */
  hi?: number[];
}

/** The y axis. */
export interface AxisSpec {
  label: string;
  /** Unit shown after the label, e.g. "starts per opportunity". */
  unit?: string;
  /** Fixed [min, max]; computed from the data when absent. */
  domain?: [number, number];
}

/** The x axis: `linear` for a continuous quantity, `band` for discrete categories. */
export interface XAxisSpec extends AxisSpec {
  kind: "linear" | "band";
  /** For `band`: names of the categories; x value `i` is labelled `categories[i]`. */
  categories?: string[];
}

/** A dashed reference line at `value` on the given axis (`y`: horizontal, `x`: vertical). */
export interface ReferenceLineSpec {
  kind: "line";
  axis: "x" | "y";
  value: number;
  label?: string;
}

/** A shaded region from `from` to `to` on the given axis, e.g. weeks 4–6 of the timeline. */
export interface ReferenceRegionSpec {
  kind: "region";
  axis: "x" | "y";
  from: number;
  to: number;
  label?: string;
}

/** A reference line or shaded region drawn behind the data. */
export type ReferenceSpec = ReferenceLineSpec | ReferenceRegionSpec;

/**
 * A chart as plain, serialisable data, shared by the CLI's SVG and `--json` output, reports
 * and the web app. Validate untrusted input with {@link parseChartSpec}.
 */
export interface ChartSpec {
  /** Stable identifier, e.g. "start-rate"; letters, digits and "-" only. */
  id: string;
  title: string;
  subtitle?: string;
  /** Below the chart: sources, or which parts are "the article's claim". */
  caption?: string;
  x: XAxisSpec;
  y: AxisSpec;
  series: SeriesSpec[];
  references?: ReferenceSpec[];
  /** A closing note, e.g. "A self-help and research tool, not a diagnosis." */
  note?: string;
}

const finite = z.number();
const text = z.string().min(1);
const domainSchema = z
  .tuple([finite, finite])
  .refine(([min, max]) => min < max, { message: "domain must be [min, max] with min < max" });

/** Zod schema for {@link SeriesSpec}: parallel arrays, `lo` ≤ `hi`, intervals where needed. */
export const seriesSpecSchema = z
  .object({
    name: text,
    kind: z.enum(["line", "band", "point", "bar"]),
    x: z.array(finite).min(1),
    y: z.array(finite),
    lo: z.array(finite).optional(),
    hi: z.array(finite).optional(),
  })
  .superRefine((series, ctx) => {
    const n = series.x.length;
    for (const key of ["y", "lo", "hi"] as const) {
      const values = series[key];
      if (values !== undefined && values.length !== n) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `${key} has ${values.length} values but x has ${n}`,
        });
      }
    }
    if ((series.lo === undefined) !== (series.hi === undefined)) {
      const missing = series.lo === undefined ? "lo" : "hi";
      ctx.addIssue({ code: "custom", path: [missing], message: "lo and hi must be given together" });
    }
    if (series.kind === "band" && (series.lo === undefined || series.hi === undefined)) {
      ctx.addIssue({ code: "custom", path: ["lo"], message: "a band series needs lo and hi" });
    }
    const { lo, hi } = series;
    if (lo !== undefined && hi !== undefined) {
      const i = lo.findIndex((low, k) => low > (hi[k] ?? Number.POSITIVE_INFINITY));
      if (i >= 0) ctx.addIssue({ code: "custom", path: ["lo", i], message: "lo must not exceed hi" });
    }
  });

/** Zod schema for the y axis ({@link AxisSpec}). */
export const axisSpecSchema = z.object({
  label: text,
  unit: text.optional(),
  domain: domainSchema.optional(),
});

/** Zod schema for the x axis ({@link XAxisSpec}). */
export const xAxisSpecSchema = axisSpecSchema.extend({
  kind: z.enum(["linear", "band"]),
  categories: z.array(text).optional(),
});

/** Zod schema for {@link ReferenceSpec}. */
export const referenceSpecSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("line"), axis: z.enum(["x", "y"]), value: finite, label: text.optional() }),
  z
    .object({
      kind: z.literal("region"),
      axis: z.enum(["x", "y"]),
      from: finite,
      to: finite,
      label: text.optional(),
    })
    .refine((region) => region.from < region.to, { message: "from must be below to", path: ["to"] }),
]);

/** Zod schema for {@link ChartSpec}; issues carry the path of the offending field. */
export const chartSpecSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "id: letters, digits and '-' only"),
    title: text,
    subtitle: text.optional(),
    caption: text.optional(),
    x: xAxisSpecSchema,
    y: axisSpecSchema,
    series: z.array(seriesSpecSchema).min(1),
    references: z.array(referenceSpecSchema).optional(),
    note: text.optional(),
  })
  .superRefine((spec, ctx) => {
    const seen = new Set<string>();
    spec.series.forEach((series, i) => {
      if (seen.has(series.name)) {
        ctx.addIssue({ code: "custom", path: ["series", i, "name"], message: "series names must be unique" });
      }
      seen.add(series.name);
    });
    const { categories } = spec.x;
    if (categories === undefined) return;
    if (spec.x.kind !== "band") {
      ctx.addIssue({ code: "custom", path: ["x", "categories"], message: "categories need x.kind 'band'" });
    }
    spec.series.forEach((series, i) => {
      const k = series.x.findIndex((x) => !Number.isInteger(x) || x < 0 || x >= categories.length);
      if (k >= 0) {
        ctx.addIssue({
          code: "custom",
          path: ["series", i, "x", k],
          message: `x must index x.categories (0 to ${categories.length - 1})`,
        });
      }
    });
  });

// The hand-written types and the schema must describe the same JSON.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<z.infer<typeof chartSpecSchema>, ChartSpec> = true;
void schemaMatchesTypes;

/** One problem with a chart spec: where, and what is wrong. */
export type ChartSpecIssue = Issue;

/** Result of {@link parseChartSpec}: the spec, or its issues under the stable code `invalid_chart_spec`. */
export type ChartSpecResult = Result<ChartSpec, "invalid_chart_spec">;

/** Validates unknown input (e.g. JSON from the API) as a {@link ChartSpec}. */
export function parseChartSpec(input: unknown): ChartSpecResult {
  return fromParse("invalid_chart_spec", chartSpecSchema.safeParse(input));
}

/** Formats issues as one line each, e.g. `series.0.lo: lo has 3 values but x has 4`. */
export function formatChartSpecIssues(issues: readonly ChartSpecIssue[] = []): string {
  return issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("\n");
}
