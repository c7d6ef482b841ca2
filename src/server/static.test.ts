import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../app/index.ts";
import { openTestStore, storeTargets } from "../store/test-stores.ts";
import { buildServer } from "./app.ts";
import { WEB_CSP } from "./static.ts";
import { LOCAL, testClock } from "./test-helpers.ts";

const sqlite = storeTargets()[0]!;

describe("the built web app, served at /", () => {
  let root: string;
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "dopamap-web-root-"));
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>dopamap</title>");
    writeFileSync(join(root, "assets", "index-abc123.js"), "console.log(1)");
    writeFileSync(join(root, "sw.js"), "self.addEventListener('fetch', () => {})");
    writeFileSync(join(root, "help.html"), "<!doctype html><title>help</title>");
    store = await openTestStore(sqlite);
    app = await buildServer({ store, mode: "local", webRoot: root, now: testClock });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("serves index.html at / with no-cache and a CSP that allows only 'self'", async () => {
    const res = await app.inject({ method: "GET", url: "/", headers: LOCAL });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("<title>dopamap</title>");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["content-security-policy"]).toBe(WEB_CSP);
    expect(WEB_CSP).not.toMatch(/unsafe|https?:|\*/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("caches hashed assets for a year as immutable; the worker and help page are revalidated", async () => {
    const asset = await app.inject({ method: "GET", url: "/assets/index-abc123.js", headers: LOCAL });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    for (const url of ["/sw.js", "/help.html"]) {
      const res = await app.inject({ method: "GET", url, headers: LOCAL });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("keeps the API's answers uncached and its loopback Host check in front of the files", async () => {
    const api = await app.inject({ method: "GET", url: "/api/health", headers: LOCAL });
    expect(api.headers["cache-control"]).toBe("no-store");
    const rebinding = await app.inject({ method: "GET", url: "/", headers: { host: "evil.example:3000" } });
    expect(rebinding.statusCode).toBe(403);
    expect(rebinding.json()).toMatchObject({ error: { code: "bad_host" } });
    const missing = await app.inject({ method: "GET", url: "/nope.js", headers: LOCAL });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("serves the API alone when the web app is not built", async () => {
    const empty = mkdtempSync(join(tmpdir(), "dopamap-web-empty-"));
    const bare = await buildServer({ store, mode: "local", webRoot: empty, now: testClock });
    try {
      expect((await bare.inject({ method: "GET", url: "/", headers: LOCAL })).statusCode).toBe(404);
      expect((await bare.inject({ method: "GET", url: "/api/health", headers: LOCAL })).statusCode).toBe(200);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
