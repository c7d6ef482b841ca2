import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry, type Store } from "../app/index.ts";
import { chromiumPath } from "../printer/pdf.tsx";
import { openStore } from "../store/index.ts";
import { buildServer } from "./app.ts";
import { LOCAL } from "./test-helpers.ts";

/** Chromium runs here; under CI a missing browser fails these tests instead of skipping them. */
const RUN = existsSync(chromiumPath()) || process.env.CI === "true";
const NOW = "2026-11-30T08:00:00.000Z";

/** Pages in a PDF: its page objects (`/Type /Page`, not `/Pages`). */
const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe.runIf(RUN)("GET /report?format=pdf (real Chromium)", () => {
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

  it("serves it at GET /report?format=pdf", async () => {
    const app = await buildServer({ store, mode: "local", now: () => new Date(NOW), webRoot: false });
    try {
      const res = await app.inject({ method: "GET", url: "/report?format=pdf&sections=map", headers: LOCAL });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.headers["content-disposition"]).toContain('filename="dopamap-report-2026-11-30.pdf"');
      expect(res.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pageCount(res.rawPayload)).toBeGreaterThanOrEqual(1);
    } finally {
      await app.close();
    }
  });
});
