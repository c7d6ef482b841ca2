import { existsSync } from "node:fs";
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
});
