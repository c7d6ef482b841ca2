import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry, type Store } from "../app/index.ts";
import { openStore } from "../store/index.ts";
import { chromiumPath, htmlToPdf } from "./pdf.tsx";

/** Chromium runs here; under CI a missing browser fails these tests instead of skipping them. */
const RUN = existsSync(chromiumPath()) || process.env.CI === "true";
const NOW = "2026-11-30T08:00:00.000Z";

/** Pages in a PDF: its page objects (`/Type /Page`, not `/Pages`). */
const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe("browser_missing", () => {
  it("says how to get Chromium when it is not there", async () => {
    await expect(htmlToPdf("<p>x</p>", { DOPAMAP_CHROMIUM: "/nonexistent/chromium" })).rejects.toMatchObject({
      body: { code: "browser_missing", message: expect.stringMatching(/DOPAMAP_CHROMIUM/) },
    });
  });
});

describe.runIf(RUN)("the PDF report (real Chromium)", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ kind: "sqlite", file: ":memory:" });
    await store.ensurePerson({ id: "local", name: "", accountId: null, demo: true, createdAt: NOW });
    const r = await registry.invoke("demo/seed", { weeks: 4 }, { store, personId: "local", now: () => NOW });
    expect(r.ok).toBe(true);
  });
  afterAll(async () => {
    await store?.close();
  });

  it("prints the report as a valid multi-page A4 PDF", async () => {
    const r = await registry.invoke(
      "report/html",
      { pdf: true },
      { store, personId: "local", now: () => NOW },
    );
    if (!r.ok) throw new Error(r.error.message);
    const pdf = await htmlToPdf((r.value as { html: string }).html);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-8).toString("latin1")).toContain("%%EOF");
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(5); // a page per section at least
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+\s*\]/); // A4: 595 × 842 points
  });

  it("is tagged, has an outline and a language, is searchable, and opens with a one-page summary (poppler)", async () => {
    const r = await registry.invoke(
      "report/html",
      { pdf: true },
      { store, personId: "local", now: () => NOW },
    );
    if (!r.ok) throw new Error(r.error.message);
    const dir = mkdtempSync(join(tmpdir(), "dopamap-pdf-"));
    try {
      const file = join(dir, "report.pdf");
      const pdf = await htmlToPdf((r.value as { html: string }).html);
      writeFileSync(file, pdf);
      // The document language, from <html lang="en">, in the catalog.
      expect(pdf.toString("latin1")).toMatch(/\/Lang\s*\(en\)/);
      const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)$/m);
      // The structure tree has the headings; the outline (bookmarks) lists the sections.
      expect(execFileSync("pdfinfo", ["-struct", file], { encoding: "utf8" })).toMatch(/^\s*H2\b/m);
      const xml = execFileSync("pdftohtml", ["-xml", "-stdout", "-i", "-q", file], { encoding: "utf8" });
      expect(xml).toMatch(/<outline>[\s\S]*Summary[\s\S]*<\/outline>/);
      const text = (first: number, last: number) =>
        execFileSync("pdftotext", ["-f", String(first), "-l", String(last), "-layout", file, "-"], {
          encoding: "utf8",
        });
      const page1 = text(1, 1);
      expect(page1).toMatch(/dopamap report/);
      expect(page1).toMatch(/Summary/);
      expect(page1).toMatch(/Latest questionnaire scores/);
      // The summary is alone on page 1: the first section's heading (a line of its own) starts page 2.
      expect(page1).not.toMatch(/^\s*Reward-architecture map\s*$/m);
      expect(text(2, 2)).toMatch(/^\s*Reward-architecture map\s*$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a PDF that is not tagged fails the same check (so the check can fail)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dopamap-pdf-"));
    try {
      const { chromium } = await import("playwright-core");
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
      const page = await browser.newPage();
      await page.setContent("<p>x</p>");
      writeFileSync(join(dir, "plain.pdf"), await page.pdf({ tagged: false }));
      await browser.close();
      expect(execFileSync("pdfinfo", [join(dir, "plain.pdf")], { encoding: "utf8" })).toMatch(
        /^Tagged:\s+no$/m,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
