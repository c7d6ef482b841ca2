import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChartSpec, formatChartSpecIssues, parseChartSpec } from "./spec.ts";

function validSpec(): ChartSpec {
  return {
    id: "start-rate",
    title: "Weekly start rate",
    x: { label: "week", kind: "linear" },
    y: { label: "start rate", unit: "starts per opportunity", domain: [0, 1] },
    series: [
      {
        name: "scaffolding",
        kind: "line",
        x: [1, 2, 3],
        y: [0.2, 0.3, 0.4],
        lo: [0.1, 0.2, 0.3],
        hi: [0.3, 0.4, 0.5],
      },
    ],
    references: [{ kind: "region", axis: "x", from: 4, to: 6, label: "weeks 4–6" }],
  };
}

function issuesOf(input: unknown): readonly { path: readonly (string | number)[]; message: string }[] {
  const result = parseChartSpec(input);
  if (result.ok) throw new Error("expected the spec to be rejected");
  expect(result.error.code).toBe("invalid_chart_spec");
  return result.error.issues ?? [];
}

function withSeries(patch: Record<string, unknown>): unknown {
  const spec = validSpec();
  return { ...spec, series: [{ ...spec.series[0], ...patch }] };
}

describe("chartSpecSchema", () => {
  it("accepts a valid spec and returns it unchanged", () => {
    const result = parseChartSpec(validSpec());
    expect(result).toEqual({ ok: true, value: validSpec() });
  });

  it("rejects NaN in y with a path naming the value", () => {
    const issues = issuesOf(withSeries({ y: [0.2, Number.NaN, 0.4] }));
    expect(issues[0]?.path).toEqual(["series", 0, "y", 1]);
  });

  it("rejects Infinity in hi", () => {
    const issues = issuesOf(withSeries({ hi: [0.3, Number.POSITIVE_INFINITY, 0.5] }));
    expect(issues[0]?.path).toEqual(["series", 0, "hi", 1]);
  });

  it("rejects lo shorter than x, naming series.0.lo and both lengths", () => {
    const issues = issuesOf(withSeries({ lo: [0.1, 0.2] }));
    expect(issues).toEqual([{ path: ["series", 0, "lo"], message: "lo has 2 values but x has 3" }]);
  });

  it("rejects hi longer than x and y shorter than x", () => {
    const issues = issuesOf(withSeries({ hi: [1, 1, 1, 1], y: [0.2] }));
    expect(issues.map((issue) => issue.path)).toEqual([
      ["series", 0, "y"],
      ["series", 0, "hi"],
    ]);
  });

  it("rejects lo without hi", () => {
    const issues = issuesOf(withSeries({ hi: undefined }));
    expect(issues).toEqual([{ path: ["series", 0, "hi"], message: "lo and hi must be given together" }]);
  });

  it("rejects a band series without an interval", () => {
    const issues = issuesOf(withSeries({ kind: "band", lo: undefined, hi: undefined }));
    expect(issues[0]?.path).toEqual(["series", 0, "lo"]);
  });

  it("rejects lo above hi at the index where it happens", () => {
    const issues = issuesOf(withSeries({ lo: [0.1, 0.9, 0.3] }));
    expect(issues).toEqual([{ path: ["series", 0, "lo", 1], message: "lo must not exceed hi" }]);
  });

  it("rejects an unknown series kind, duplicate names and no series", () => {
    expect(issuesOf(withSeries({ kind: "pie" }))[0]?.path).toEqual(["series", 0, "kind"]);
    const spec = validSpec();
    const twice = { ...spec, series: [spec.series[0], spec.series[0]] };
    expect(issuesOf(twice)[0]?.path).toEqual(["series", 1, "name"]);
    expect(issuesOf({ ...spec, series: [] })[0]?.path).toEqual(["series"]);
  });

  it("rejects an empty or inverted domain and region", () => {
    const spec = validSpec();
    expect(issuesOf({ ...spec, y: { label: "y", domain: [1, 1] } })[0]?.path).toEqual(["y", "domain"]);
    const region = { kind: "region", axis: "x", from: 6, to: 4 };
    expect(issuesOf({ ...spec, references: [region] })[0]?.path).toEqual(["references", 0, "to"]);
  });

  it("rejects x values that do not index the band categories", () => {
    const spec = { ...validSpec(), x: { label: "arm", kind: "band", categories: ["a", "b", "c"] } };
    const issues = issuesOf({ ...spec, series: [{ ...validSpec().series[0], x: [0, 1, 3] }] });
    expect(issues).toEqual([{ path: ["series", 0, "x", 2], message: "x must index x.categories (0 to 2)" }]);
  });

  it("rejects ids that are not kebab-friendly", () => {
    expect(issuesOf({ ...validSpec(), id: "start rate" })[0]?.path).toEqual(["id"]);
  });

  it("formats issues one per line with a dotted path", () => {
    const text = formatChartSpecIssues(issuesOf(withSeries({ lo: [0.1] })));
    expect(text).toBe("series.0.lo: lo has 1 values but x has 3");
  });

  it("accepts any equal-length finite series and survives a JSON round trip", () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    const columns = fc.integer({ min: 1, max: 30 }).chain((n) => {
      const column = fc.array(finite, { minLength: n, maxLength: n });
      return fc.tuple(column, column, column, column);
    });
    fc.assert(
      fc.property(columns, ([x, y, a, b]) => {
        const lo = a.map((v, i) => Math.min(v, b[i] ?? v));
        const hi = a.map((v, i) => Math.max(v, b[i] ?? v));
        const spec: ChartSpec = { ...validSpec(), series: [{ name: "s", kind: "point", x, y, lo, hi }] };
        const roundTrip = JSON.parse(JSON.stringify(spec)) as unknown;
        const result = parseChartSpec(roundTrip);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value.series[0]?.x.length).toBe(x.length);
      }),
    );
  });
});
