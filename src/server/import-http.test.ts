import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../app/index.ts";
import { openTestStore, storeTargets } from "../store/test-stores.ts";
import { buildServer } from "./app.ts";
import { post, testClock } from "./test-helpers.ts";

const daylio = readFileSync(new URL("../import/fixtures/daylio-export.csv", import.meta.url), "utf8");
const sqlite = storeTargets().find((t) => t.name === "sqlite")!;

describe("import over HTTP", () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openTestStore(sqlite);
    app = await buildServer({ store, mode: "local", now: testClock });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("previews and imports a Daylio export, and answers bad input with a code, never a 500", async () => {
    const preview = await post(app, "import/preview", { format: "daylio", text: daylio });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ summary: { checkIns: 32 } });
    const done = await post(app, "import/records", { format: "daylio", text: daylio });
    expect(done.json()).toMatchObject({ written: { checkIns: 32 } });

    const bad = [
      { format: "daylio", text: "" },
      { format: "csv", text: "a,b\n1,2\n", mapping: { columns: { date: "a" } } },
      { format: "csv", text: "a,b\n1,2\n", mapping: { columns: { date: "a", activity: "c" } } },
      { format: "daylio", text: daylio, timeZone: "Atlantis/Capital" },
      {
        format: "csv",
        text: "a,b\n1,2\n",
        mapping: { columns: { date: "a", activity: "b" } },
        onErrors: "maybe",
      },
      { format: "daylio", text: daylio, moods: { sad: 9 } },
    ];
    for (const body of bad) {
      const res = await post(app, "import/records", body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe("invalid_input");
    }
    const rejected = await post(app, "import/records", {
      format: "csv",
      text: "Date,What\n2026-13-01,Run\n",
      mapping: { columns: { date: "Date", activity: "What" } },
    });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().error).toMatchObject({
      code: "import_rows_invalid",
      issues: [{ path: [2, "Date"], message: expect.stringMatching(/not a real date/) }],
    });
  });
});
