import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNSOURCED_FIGURES } from "../../profile/index.ts";
import {
  allStatements,
  GRADE_LABELS,
  REPORT_DISCLAIMER,
  type ReportData,
  renderReportHtml,
  SECTION_IDS,
} from "../../report/index.ts";
import { openStore } from "../../store/index.ts";
import { registry } from "../index.ts";
import type { Store } from "../store-port.ts";
import { gatherReport } from "./gather.ts";

const NOW = "2026-11-30T08:00:00.000Z";
const PHQ9_FIRST = [2, 2, 1, 2, 1, 1, 1, 1, 1]; // total 12 (moderate), item 9 = 1: a crisis event
const PHQ9_LATER = [1, 1, 1, 1, 1, 1, 1, 0, 0]; // total 7 (mild)

let store: Store;
let data: ReportData;
let html: string;

async function invoke(name: string, input: unknown): Promise<unknown> {
  const r = await registry.invoke(name, input, { store, personId: "p", now: () => NOW });
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function phq9(id: string, answers: number[], at: string): Promise<void> {
  for (const [i, value] of answers.entries())
    await invoke("assessment/answer", {
      responseId: id,
      instrument: "phq9",
      item: i + 1,
      value,
      at,
      region: "GB",
    });
  await invoke("assessment/submit", { responseId: id, instrument: "phq9", at });
}

const doc = (page: string) => parseHTML(page).document;

beforeAll(async () => {
  store = await openStore({ kind: "sqlite", file: ":memory:" });
  await store.ensurePerson({ id: "p", name: "Sam", accountId: null, demo: true, createdAt: NOW });
  await invoke("demo/seed", {});
  await phq9("r1", PHQ9_FIRST, "2026-10-20T09:00:00Z");
  await phq9("r2", PHQ9_LATER, "2026-11-27T09:00:00Z");
  data = await gatherReport({ store, personId: "p", now: () => NOW }, NOW);
  html = renderReportHtml(data);
});

afterAll(async () => {
  await store.close();
});

describe("the report of a seeded demo person", () => {
  it("gathers every section from the stored data", () => {
    expect(data.map.ok && data.map.value.map.primary?.pattern).toBe("anticipatoryDeficit");
    expect(data.plan.ok && data.plan.value.plan.selection?.candidates.length).toBeGreaterThanOrEqual(2);
    expect(data.plan.ok && data.plan.value.assumedMap).toBe(false);
    expect(data.scores.map((s) => [s.instrumentId, s.points.map((p) => p.value)])).toEqual([
      ["phq9", [12, 7]],
    ]);
    expect(data.progress.ok && data.progress.value.weeks.length).toBe(6);
    expect(data.progress.ok && data.progress.value.trajectories.map((t) => t.points.length)).toEqual([
      5, 5, 5, 5,
    ]);
    expect(data.crisis).toHaveLength(1);
    expect(data.crisis[0]).toMatchObject({ instrumentId: "phq9", itemNumber: 9, value: 1 });
    expect(data.generatedAt).toBe(NOW);
  });

  it("shows each section's key content", () => {
    const d = doc(html);
    const section = (id: string) => d.querySelector(`[data-section="${id}"]`)?.textContent ?? "";
    expect([...d.querySelectorAll("[data-section]")].map((s) => s.getAttribute("data-section"))).toEqual([
      ...SECTION_IDS,
    ]);
    expect(section("map")).toContain("Primary pattern: anticipatory deficit");
    expect(section("map")).toMatch(/anticipatory deficit\s*0\.\d\d\s*0\.\d\d–0\.\d\d/);
    expect(section("map")).toContain("Why, in your own numbers");
    expect(section("plan")).toContain("(chosen)");
    expect(section("plan")).toContain("Generic advice");
    expect(section("scores")).toContain("Patient Health Questionnaire-9");
    expect(section("scores")).toMatch(/2026-10-20\s*12\s*moderate/);
    expect(section("scores")).toMatch(/2026-11-27\s*7\s*mild/);
    expect(section("progress")).toContain("Motivation Gap");
    expect(section("progress")).toContain("experienced − anticipated");
    expect(section("progress")).toContain("Parameter trajectories");
    const charts = (id: string) =>
      [...d.querySelectorAll(`[data-section="${id}"] figure.chart img`)].filter((img) =>
        decodeURIComponent(img.getAttribute("src") ?? "").startsWith("data:image/svg+xml;charset=utf-8,<svg"),
      ).length;
    expect(charts("map")).toBe(1);
    expect(charts("plan")).toBe(1);
    expect(charts("scores")).toBe(1);
    expect(charts("progress")).toBe(7); // timeline, two gaps, four parameters
  });

  it("lists crisis events with the resources shown for the person's region", () => {
    const crisis = doc(html).querySelector('[data-section="crisis"]')!;
    expect(crisis.textContent).toContain("2026-10-20 09:00 UTC");
    expect(crisis.textContent).toContain("PHQ-9 item 9 answered 1");
    expect(crisis.textContent).toContain("Samaritans");
    expect(crisis.querySelector('a[href="tel:116123"]')).not.toBeNull();
    expect(crisis.textContent).toContain("call 999");
  });

  it("says it is not a diagnosis at the top and in the print footer of every page", () => {
    const d = doc(html);
    expect(d.querySelector(".report-header .disclaimer")?.textContent).toBe(REPORT_DISCLAIMER);
    expect(d.querySelector("footer.print-footer")?.textContent).toBe(REPORT_DISCLAIMER);
    expect(REPORT_DISCLAIMER).toMatch(/self-help and research tool.*not a diagnosis/);
    const pdf = doc(renderReportHtml(data, { pdf: true }));
    expect(pdf.querySelector("footer.print-footer")).toBeNull(); // the PDF printer adds its own
    expect(pdf.querySelector(".report-header .disclaimer")?.textContent).toBe(REPORT_DISCLAIMER);
  });

  it("gives every statement its source and grade, and lists them all under sources", () => {
    const d = doc(html);
    const statements = [...d.querySelectorAll(".statement")];
    expect(statements.length).toBeGreaterThan(10);
    for (const s of statements) {
      expect(s.querySelector(".source")?.textContent?.trim().length, s.textContent).toBeGreaterThan(3);
      expect(Object.values(GRADE_LABELS)).toContain(s.querySelector(".grade")?.textContent);
    }
    const rows = [...d.querySelectorAll("tr.source-row")];
    const expected = allStatements(data, SECTION_IDS);
    expect(rows).toHaveLength(expected.length);
    const shown = new Set(
      statements.map((s) =>
        (s.textContent ?? "").replace(s.querySelector(".cite")?.textContent ?? "", "").trim(),
      ),
    );
    for (const e of expected) expect(shown.has(e.text.trim()), e.text).toBe(true);
    for (const r of rows) expect(r.querySelectorAll("td")[1]?.textContent?.trim().length).toBeGreaterThan(3);
  });

  it("never states the article's unsourced figures as facts", () => {
    for (const s of allStatements(data, SECTION_IDS))
      for (const f of UNSOURCED_FIGURES)
        if (new RegExp(`\\b${f}\\s?%`).test(s.text)) expect(s.grade, s.text).toBe("article");
  });

  it("includes only the sections asked for, and only their sources", () => {
    const d = doc(renderReportHtml(data, { sections: ["scores", "map", "sources"] }));
    expect([...d.querySelectorAll("[data-section]")].map((s) => s.getAttribute("data-section"))).toEqual([
      "map",
      "scores",
      "sources",
    ]);
    const text = d.body.textContent ?? "";
    expect(text).not.toContain("Samaritans");
    expect(text).not.toContain("Motivation Gap by week");
    expect(text).not.toContain("(chosen)");
    expect(d.querySelectorAll("tr.source-row")).toHaveLength(
      allStatements(data, ["map", "scores", "sources"]).length,
    );
    expect(text).not.toContain("Dopamine Scaffolding; behavioural activation"); // a plan source
  });
});

describe("the report of a person with nothing recorded", () => {
  it("renders every section with a plain reason instead of content", async () => {
    const empty = await openStore({ kind: "sqlite", file: ":memory:" });
    await empty.ensurePerson({ id: "e", name: "", accountId: null, demo: false, createdAt: NOW });
    const r = await registry.invoke("report/html", {}, { store: empty, personId: "e", now: () => NOW });
    await empty.close();
    expect(r.ok).toBe(true);
    const d = doc(r.ok ? (r.value as { html: string }).html : "");
    expect(d.querySelectorAll("[data-section]")).toHaveLength(SECTION_IDS.length);
    expect(d.querySelector('[data-section="map"]')?.textContent).toContain("Not available yet");
    expect(d.querySelector('[data-section="scores"]')?.textContent).toContain(
      "No questionnaires completed yet",
    );
    expect(d.querySelector('[data-section="crisis"]')?.textContent).toContain("No crisis events recorded");
  });

  it("refuses unknown or repeated sections with the allowed values", async () => {
    const r = await registry.invoke("report/html", { sections: ["map", "diagnosis"] }, {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe("invalid_input");
    expect(!r.ok && r.error.allowed).toEqual([...SECTION_IDS]);
    const twice = await registry.invoke("report/html", { sections: ["map", "map"] }, {});
    expect(!twice.ok && twice.error.message).toMatch(/sections: each section at most once/);
  });
});
