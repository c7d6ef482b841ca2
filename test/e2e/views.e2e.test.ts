/**
 * The map, plan, progress and simulator views in a real browser, on a seeded demo person: charts
 * drawn (uPlot canvases), the key texts (intervals, the primary pattern's framework row, a source
 * and grade on every explanation), axe-core, screenshots at phone and desktop sizes, and the
 * simulator driven end to end (condition, intervention, parameter; download and load a scenario).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChartSpec, renderSvg, seriesColor } from "../../src/charts/index.ts";
import { PersonScenarioSchema, ScenarioSchema } from "../../src/model/scenario/index.ts";
import {
  checkA11y,
  DESKTOP,
  gotoView,
  HAVE_CHROMIUM,
  launchBrowser,
  openPage,
  type PageWatch,
  PHONE,
  screenshot,
  startServer,
  type TestServer,
} from "./harness.ts";

const REPO = new URL("../..", import.meta.url).pathname;

/** A locator's text content ("" when none). */
async function text(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? "";
}

/** Every explanation on the page carries a source and an evidence grade. */
async function expectSourcedExplanations(page: Page): Promise<number> {
  const explanations = page.locator("main .explanation");
  const n = await explanations.count();
  for (let i = 0; i < n; i++) {
    const text = (await explanations.nth(i).textContent()) ?? "";
    expect(text).toMatch(/Source: \S/);
    expect(text).toMatch(/Evidence: (established|supported|contested|the article's claim)/);
  }
  return n;
}

/** Waits until `count` charts have drawn their canvas. */
async function waitForCharts(page: Page, count: number): Promise<void> {
  await page
    .locator("main .chart-plot canvas")
    .nth(count - 1)
    .waitFor({ timeout: 90_000 });
}

/** The screen-reader table of one chart (its data, as text). */
function chartData(page: Page, id: string): Promise<string> {
  return text(page.locator(`main figure[data-chart-id="${id}"] .visually-hidden`).first());
}

/** How many pixels of a chart's canvas are (close to) a colour, e.g. a series' palette colour. */
function pixelsOfColour(page: Page, id: string, hex: string): Promise<number> {
  return page.evaluate(
    ({ id, hex }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`figure[data-chart-id="${id}"] canvas`);
      const ctx = canvas?.getContext("2d");
      if (!canvas || !ctx) return -1;
      const want = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (want.every((v, k) => Math.abs((data[i + k] ?? 0) - v) <= 12) && (data[i + 3] ?? 0) > 200) n++;
      return n;
    },
    { id, hex },
  );
}

/** No page width beyond the viewport (works at phone width). */
async function expectNoSideScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

describe.skipIf(!HAVE_CHROMIUM)("map, plan, progress and simulator views", () => {
  let server: TestServer;
  let browser: Browser;
  const watches: PageWatch[] = [];

  async function page(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, timezoneId: "UTC", acceptDownloads: true });
    const opened = await openPage(context, server);
    watches.push(opened.watch);
    return opened.page;
  }

  beforeAll(async () => {
    server = await startServer("local");
    browser = await launchBrowser();
    const p = await page(PHONE);
    await gotoView(p, server.url, "/");
    const seeded = await p.evaluate(async () => {
      const r = await fetch("/api/demo/seed", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      return r.status;
    });
    expect(seeded).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("map: strengths with intervals, the primary pattern's framework row, the why, sourced explanations", async () => {
    for (const [size, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      const p = await page(viewport);
      await gotoView(p, server.url, "/map");
      await waitForCharts(p, 1);
      const main = (await text(p.locator("main"))).replace(/\s+/g, " ");
      expect(main).toMatch(/95 % interval \d\.\d\d–\d\.\d\d/);
      expect(main).toContain("Your primary pattern: anticipatory deficit");
      const row = await text(p.locator("main .framework-row"));
      expect(row).toContain("Circuit disruption");
      expect(row).toContain("blunted anticipatory");
      expect(row).toContain("Dopamine Scaffolding");
      expect(await p.locator("main .why li").count()).toBeGreaterThan(0);
      expect(await text(p.locator("main .why"))).toMatch(/You started \d+ of \d+/);
      expect(await expectSourcedExplanations(p)).toBeGreaterThanOrEqual(4);
      const plot = p.locator('main figure[data-chart-id="architecture-map"] [role=img]');
      expect(await plot.getAttribute("aria-label")).toContain("Your reward-architecture map");
      expect(await chartData(p, "architecture-map")).toContain("anticipatory deficit");
      // uPlot drew the bars in the first palette colour, as the CLI's SVG does.
      expect(await pixelsOfColour(p, "architecture-map", seriesColor(0))).toBeGreaterThan(500);
      // The web draws the spec map/get returns, which is what the CLI's SVG renders.
      const spec = await p.evaluate(async () => {
        const post = (name: string, body: unknown) =>
          fetch(`/api/${name}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          }).then((r) => r.json());
        const log = await post("log/get", {});
        return (await post("map/get", { log })).chart as ChartSpec;
      });
      const figure = p.locator('main figure[data-chart-id="architecture-map"]');
      expect(await text(figure.locator(".chart-title strong"))).toBe(spec.title);
      expect(await figure.locator(".chart-legend li").allTextContents()).toEqual(
        spec.series.map((x) => x.name),
      );
      const svg = renderSvg(spec);
      for (const category of spec.x.categories ?? []) {
        expect(svg).toContain(category);
        expect(await chartData(p, "architecture-map")).toContain(category);
      }
      await expectNoSideScroll(p);
      await screenshot(p, `views-map-${size}`);
      await checkA11y(p, `map (${size})`);
    }
  });

  it("plan: forecast against the alternatives, the day strip, scaffolding layers with sources", async () => {
    const p = await page(PHONE);
    await gotoView(p, server.url, "/plan");
    await waitForCharts(p, 2);
    const main = await text(p.locator("main"));
    expect(main).toContain("(chosen)");
    expect(main).toContain("Scaffolding layers");
    expect(main).toMatch(/predicted start rate on your own activities/);
    expect(await p.locator('main figure[data-chart-id="plan-forecast"]').count()).toBe(1);
    expect(await chartData(p, "plan-day")).toContain("daily tone (model)");
    expect(await p.locator("main .activity-plan").count()).toBeGreaterThan(0);
    expect(await expectSourcedExplanations(p)).toBeGreaterThanOrEqual(3);
    await expectNoSideScroll(p);
    await screenshot(p, "views-plan-phone");
    await checkA11y(p, "plan");
  });

  it("progress: start rate, Motivation Gap, anticipation gap and parameters against the timeline", async () => {
    const p = await page(PHONE);
    await gotoView(p, server.url, "/progress");
    await waitForCharts(p, 4);
    for (const id of ["progress-timeline", "motivation-gap", "anticipation-gap", "parameter-trajectory"])
      expect(await p.locator(`main figure[data-chart-id="${id}"] canvas`).count()).toBeGreaterThan(0);
    const main = await text(p.locator("main"));
    expect(main).toContain("Motivation Gap");
    expect(main).toMatch(/first measurable change \(the framework's expectation\)/);
    expect(main).toMatch(/anticipatory gain κ \(1 = typical\): \d\.\d\d/);
    expect(await expectSourcedExplanations(p)).toBeGreaterThanOrEqual(2);
    await expectNoSideScroll(p);
    await screenshot(p, "views-progress-phone");
    await checkA11y(p, "progress");
  });

  it("simulator: condition, intervention and parameter change the curves; scenario files download and load", async () => {
    const p = await page(PHONE);
    await gotoView(p, server.url, "/simulator");
    await waitForCharts(p, 3);
    const before = await chartData(p, "start-rate");
    expect(before).toMatch(/scaffolding/i);

    // A parameter: lower anticipatory gain → different curves.
    await p.locator("#param-anticipatoryGain").fill("0.2");
    await expect.poll(() => chartData(p, "start-rate"), { timeout: 60_000 }).not.toBe(before);
    const afterParam = await chartData(p, "start-rate");

    // An intervention: compare graded approach as well.
    await p.locator('input[name="compare"][value="threatReduction"]').check();
    await expect.poll(() => chartData(p, "start-rate"), { timeout: 60_000 }).toContain("Graded approach");

    // A condition: add the anxiety preset.
    const beforeCondition = await chartData(p, "start-rate");
    await p.locator('input[name="condition"][value="anxiety"]').check();
    await expect.poll(() => chartData(p, "start-rate"), { timeout: 60_000 }).not.toBe(beforeCondition);
    expect(afterParam).not.toBe(before);
    expect(await expectSourcedExplanations(p)).toBeGreaterThanOrEqual(3);
    await expectNoSideScroll(p);
    await screenshot(p, "views-simulator-phone");
    await checkA11y(p, "simulator");

    // Download: the file is a scenario the CLI accepts, with what was chosen.
    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: "Download scenario file" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file = JSON.parse(readFileSync((await download.path()) as string, "utf8"));
    const parsed = ScenarioSchema.safeParse(file);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    const scenario = PersonScenarioSchema.parse(file);
    expect(scenario.agents.conditions).toEqual(["depression", "anxiety"]);
    expect(scenario.agents.parameters.anticipatoryGain).toBe(0.2);
    expect(scenario.compare).toContain("threatReduction");

    // Load: a shipped scenario (five comparisons, so the preview caps it and says so).
    await p.locator("#scenario-file").setInputFiles(join(REPO, "scenarios", "anxiety.json"));
    await expect.poll(() => text(p.locator("main .notice"))).toContain("Loaded anxiety.json");
    expect(await text(p.locator("main .notice"))).toMatch(/at most 200 people × 12 weeks/);
    const name = JSON.parse(readFileSync(join(REPO, "scenarios", "anxiety.json"), "utf8")).name as string;
    expect(await p.locator("#scenario-name").inputValue()).toBe(name);
    await expect.poll(() => chartData(p, "start-rate"), { timeout: 60_000 }).toContain("Graded approach");
    await screenshot(p, "views-simulator-loaded-phone");
  });

  it("made no request off the origin and threw no JavaScript error", () => {
    for (const w of watches) {
      expect(w.foreign).toEqual([]);
      expect(w.errors).toEqual([]);
    }
  });
});
