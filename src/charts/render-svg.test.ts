import { DOMParser } from "linkedom";
import { describe, expect, it, vi } from "vitest";
import { buildStartRateChart, buildTrialDeltaChart, type WeeklySeries } from "./builders.ts";
import { renderSvg, renderSvgDocument } from "./render-svg.ts";
import type { ChartSpec } from "./spec.ts";

/** Strict well-formedness: balanced tags, quoted and escaped attributes, no bare & or < in text. */
function expectWellFormedXml(xml: string): void {
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  const badAmpersand = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const next = xml.indexOf("<", i);
    const textEnd = next === -1 ? xml.length : next;
    const text = xml.slice(i, textEnd);
    expect(badAmpersand.test(text), `bare & in text near ${i}`).toBe(false);
    if (stack.length === 0) expect(text.trim(), "text outside the root").toBe("");
    if (next === -1) break;
    tag.lastIndex = next;
    const match = tag.exec(xml);
    expect(match, `malformed tag at ${next}: ${xml.slice(next, next + 60)}`).not.toBeNull();
    const [whole, closing, name, attributes, selfClosing] = match ?? ["", "", "", "", ""];
    expect(badAmpersand.test(attributes ?? ""), `bare & in attributes of <${name}>`).toBe(false);
    if (closing === "/") expect(stack.pop()).toBe(name);
    else {
      if (stack.length === 0) roots++;
      if (selfClosing !== "/") stack.push(name ?? "");
    }
    i = next + whole.length;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

/** linkedom's XML mode leaves entities in attribute values as written; decode them to compare. */
function attribute(element: { getAttribute(name: string): string | null }, name: string): string | undefined {
  const value = element.getAttribute(name);
  if (value === null) return undefined;
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return value.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => entities[entity] ?? "");
}

function parseSvg(xml: string) {
  expectWellFormedXml(xml);
  const document = new DOMParser().parseFromString(xml, "image/svg+xml");
  const root = document.documentElement;
  expect(root.localName).toBe("svg");
  return root;
}

const weeks = Array.from({ length: 12 }, (_, i) => i + 1);
function weekly(name: string, level: number): WeeklySeries {
  return {
    name,
    week: weeks,
    mean: weeks.map(() => level),
    lo: weeks.map(() => level - 0.1),
    hi: weeks.map(() => level + 0.1),
  };
}

const startRate = buildStartRateChart(
  [weekly("scaffolding", 0.6), weekly("justExercise", 0.25), weekly("none", 0.2)],
  {
    subtitle: "Depression preset, 200 simulated people",
  },
);
const step = Array.from({ length: 12 }, (_, i) => i);
const trialDelta = buildTrialDeltaChart(
  [
    { name: "early", step, delta: step.map((t) => (t === 8 ? 1 : 0)) },
    { name: "late", step, delta: step.map((t) => (t === 2 ? 1 : 0)) },
  ],
  { cueStep: 2, rewardStep: 8 },
);
const allKinds: ChartSpec = {
  id: "all-kinds",
  title: `Arms & "patterns" <compared>`,
  x: { label: "arm", kind: "band", categories: ["a", "b", "c"] },
  y: { label: "start rate", domain: [0, 1] },
  series: [
    { name: "bars", kind: "bar", x: [0, 1, 2], y: [0.5, 0.6, 0.7], lo: [0.4, 0.5, 0.6], hi: [0.6, 0.7, 0.8] },
    { name: "dots", kind: "point", x: [0, 1, 2], y: [0.3, 0.3, 0.3] },
    {
      name: "band",
      kind: "band",
      x: [0, 1, 2],
      y: [0.2, 0.2, 0.2],
      lo: [0.1, 0.1, 0.1],
      hi: [0.3, 0.3, 0.3],
    },
  ],
  caption: "A & B < C",
};

describe("renderSvg", () => {
  it("returns a standalone, accessible SVG: xmlns, <title>, role=img, aria-label from the title", () => {
    const root = parseSvg(renderSvg(startRate));
    expect(root.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(root.getAttribute("role")).toBe("img");
    expect(root.getAttribute("aria-label")).toBe("Weekly start rate");
    expect(root.querySelector("title")?.textContent).toBe("Weekly start rate");
    expect(root.querySelector("desc")?.textContent).toMatch(/article's claim/);
  });

  it("draws one line and one interval band per weekly series, the two timeline windows and the legend", () => {
    const root = parseSvg(renderSvg(startRate));
    expect(root.querySelectorAll('g[aria-label="line"] path')).toHaveLength(3);
    expect(root.querySelectorAll('g[aria-label="area"] path')).toHaveLength(3);
    expect(root.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(2);
    const legend = Array.from(root.querySelectorAll('g[aria-label="legend"] text')).map((t) => t.textContent);
    expect(legend).toEqual(["scaffolding", "justExercise", "none"]);
    const texts = Array.from(root.querySelectorAll("text")).map((t) => t.textContent);
    expect(texts).toContain("start rate (starts per opportunity)");
    expect(texts).toContain("week");
  });

  it("draws no interval band when the series have no lo/hi, and labels the reference lines", () => {
    const root = parseSvg(renderSvg(trialDelta));
    expect(root.querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
    expect(root.querySelectorAll('g[aria-label="area"]')).toHaveLength(0);
    expect(root.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(3);
    const texts = Array.from(root.querySelectorAll("text")).map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(["cue", "reward"]));
  });

  it("draws bars with interval rules, dots and a band series on a band axis with category ticks", () => {
    const root = parseSvg(renderSvg(allKinds));
    expect(root.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(3);
    expect(root.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(3);
    expect(root.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(3);
    expect(root.querySelectorAll('g[aria-label="area"] path')).toHaveLength(1);
    const ticks = Array.from(root.querySelectorAll('g[aria-label="x-axis tick label"] text')).map(
      (t) => t.textContent,
    );
    expect(ticks).toEqual(["a", "b", "c"]);
  });

  it("escapes &, < and quotes so titles and captions survive as text", () => {
    const xml = renderSvg(allKinds);
    const root = parseSvg(xml);
    expect(attribute(root, "aria-label")).toBe(`Arms & "patterns" <compared>`);
    expect(root.querySelector("title")?.textContent).toBe(`Arms & "patterns" <compared>`);
    expect(xml).not.toContain("NaN");
  });

  it("is deterministic, also across other renders (ids are renumbered per chart)", () => {
    const first = renderSvg(allKinds);
    renderSvg(startRate);
    expect(renderSvg(allKinds)).toBe(first);
    const ids = Array.from(first.matchAll(/ id="([^"]+)"/g), (m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^all-kinds-\d+$/);
  });

  it("writes nothing to the console, even for series names that look like numbers", () => {
    const warn = vi.spyOn(console, "warn");
    try {
      const numeric = {
        ...trialDelta,
        series: trialDelta.series.map((s, i) => ({ ...s, name: String(i + 1) })),
      };
      parseSvg(renderSvg(numeric));
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it("honours width and height", () => {
    const root = parseSvg(renderSvg(startRate, { width: 800, height: 500 }));
    expect(root.getAttribute("width")).toBe("800");
    expect(root.getAttribute("height")).toBe("500");
    expect(root.getAttribute("viewBox")).toBe("0 0 800 500");
  });

  it("throws a TypeError naming the field of an invalid spec", () => {
    const bad = {
      ...trialDelta,
      series: [{ name: "x", kind: "line" as const, x: [1, 2], y: [1, Number.NaN] }],
    };
    expect(() => renderSvg(bad)).toThrow(/series\.0\.y\.1: Invalid input: expected number, received NaN/);
  });
});

describe("renderSvgDocument", () => {
  it("stacks the charts in one standalone SVG with unique ids", () => {
    const xml = renderSvgDocument([startRate, trialDelta, allKinds], { width: 600, height: 400, gapPx: 10 });
    const root = parseSvg(xml);
    expect(root.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    const charts = Array.from(root.querySelectorAll('svg[role="img"]'));
    expect(charts.map((chart) => attribute(chart, "aria-label"))).toEqual([
      "Weekly start rate",
      "Prediction error δ within a trial",
      `Arms & "patterns" <compared>`,
    ]);
    expect(charts.map((chart) => chart.getAttribute("y"))).toEqual(["0", "410", "820"]);
    expect(root.getAttribute("height")).toBe("1220");
    const ids = Array.from(xml.matchAll(/ id="([^"]+)"/g), (m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(root.querySelector("title")?.textContent).toContain("Weekly start rate; ");
  });

  it("refuses an empty list", () => {
    expect(() => renderSvgDocument([])).toThrow(RangeError);
  });
});
