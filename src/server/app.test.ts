import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { registry, type Store } from "../app/index.ts";
import { openTestStore, storeTargets } from "../store/test-stores.ts";
import { buildServer } from "./app.ts";
import { LOCAL, post, sampleRecords, signIn, testClock } from "./test-helpers.ts";

const sqlite = storeTargets()[0]!;

for (const target of storeTargets())
  describe.skipIf(!target.available)(`local mode (loopback, one person, no login) on ${target.name}`, () => {
    let store: Store;
    let app: FastifyInstance;
    const logs: string[] = [];
    beforeEach(async () => {
      logs.length = 0;
      store = await openTestStore(target);
      app = await buildServer({
        store,
        mode: "local",
        now: testClock,
        logger: { level: "trace", stream: { write: (s: string) => logs.push(s) } },
      });
    });
    afterEach(async () => {
      await app.close();
      await store.close();
    });

    it("answers health once ready and offers the demo person on an empty store", async () => {
      const res = await app.inject({ method: "GET", url: "/api/health", headers: LOCAL });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        status: "ok",
        store: target.name,
        mode: "local",
        database: "ok",
        demoOffered: true,
      });
    });

    it("serves an OpenAPI document with one operation per command, from the zod schemas", async () => {
      const doc = (await app.inject({ method: "GET", url: "/api/openapi.json", headers: LOCAL })).json() as {
        paths: Record<string, { post?: { requestBody: { content: Record<string, { schema: object }> } } }>;
      };
      for (const name of registry.commands.keys()) expect(doc.paths[`/api/${name}`]?.post).toBeDefined();
      const body = doc.paths["/api/checkin/record"]?.post?.requestBody.content["application/json"]?.schema;
      expect(body).toMatchObject({
        type: "object",
        properties: { anticipated: {}, started: { type: "boolean" } },
      });
    });

    it("records, retries and reads back a check-in over HTTP", async () => {
      const { activity, checkIn } = sampleRecords("a");
      expect((await post(app, "activity/define", activity)).json()).toEqual({
        id: "a-act",
        outcome: "created",
      });
      expect((await post(app, "checkin/record", checkIn)).json()).toEqual({ id: "a-c1", outcome: "created" });
      expect((await post(app, "checkin/record", checkIn)).json()).toEqual({
        id: "a-c1",
        outcome: "unchanged",
      });
      const log = (await post(app, "log/get", {})).json() as { checkIns: unknown[] };
      expect(log.checkIns).toHaveLength(1);
    });

    it("refuses other Host names (DNS rebinding) and cross-site Origins", async () => {
      const rebinding = await post(app, "log/get", {}, { ...LOCAL, host: "attacker.example:3000" });
      expect(rebinding.statusCode).toBe(403);
      expect(rebinding.json()).toMatchObject({ error: { code: "bad_host" } });
      const crossSite = await post(app, "log/get", {}, { ...LOCAL, origin: "http://attacker.example" });
      expect(crossSite.json()).toMatchObject({ error: { code: "bad_origin" } });
      const fetchMeta = await post(app, "log/get", {}, { ...LOCAL, "sec-fetch-site": "cross-site" });
      expect(fetchMeta.statusCode).toBe(403);
      const sameOrigin = await post(app, "log/get", {}, { ...LOCAL, origin: "http://127.0.0.1:3000" });
      expect(sameOrigin.statusCode).toBe(200);
    });

    it("refuses form posts (no simple cross-site request gets through)", async () => {
      for (const type of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
      ]) {
        const res = await app.inject({
          method: "POST",
          url: "/api/account/delete",
          headers: { host: LOCAL.host, "content-type": type },
          payload: "confirm=delete+everything",
        });
        expect(res.statusCode).toBe(415);
        expect(res.json()).toMatchObject({ error: { code: "unsupported_media_type" } });
      }
    });

    it("answers every error as JSON with a stable code", async () => {
      const cases: [string, string, number, string][] = [
        ["/api/checkin/record", "{not json", 400, "invalid_json"],
        ["/api/checkin/record", "[]", 400, "invalid_input"],
        ["/api/no/such-command", "{}", 404, "not_found"],
        [
          "/api/checkin/record",
          JSON.stringify({ ...sampleRecords("x").checkIn, anticipated: 11 }),
          400,
          "invalid_input",
        ],
      ];
      for (const [url, payload, status, code] of cases) {
        const res = await app.inject({ method: "POST", url, headers: LOCAL, payload });
        expect(res.statusCode, url).toBe(status);
        expect(res.json()).toMatchObject({ error: { code } });
      }
      const big = await app.inject({ method: "GET", url: "/api/openapi.json?x", headers: LOCAL });
      expect(big.statusCode).toBe(200);
    });

    it("keeps answers, ratings and notes out of the logs", async () => {
      const secret = "my very private note 8d2f";
      await post(app, "activity/define", { ...sampleRecords("n").activity, notes: secret });
      await post(app, "checkin/record", { ...sampleRecords("n").checkIn, anticipated: 9, experienced: 1 });
      await post(app, "checkin/record", { ...sampleRecords("n").checkIn, id: "bad", anticipated: 99 });
      const answer = { responseId: "r1", instrument: "phq9", item: 9, value: 3, at: "2026-11-30T08:00:00Z" };
      expect((await post(app, "assessment/answer", answer)).json()).toMatchObject({ crisis: {} });
      const text = logs.join("");
      expect(text).not.toMatch(/crisis|phq9|"value"/);
      expect(logs.length).toBeGreaterThan(4);
      expect(text).not.toContain(secret);
      expect(text).not.toMatch(/anticipated|experienced|"notes"/);
    });

    it("redacts share tokens (and every other secret in a path or query) from the request log", async () => {
      const token = "Abcdefghijklmnopqrstuvwxyz0123456789_-ABCDE";
      await app.inject({ method: "GET", url: `/shared/${token}`, headers: LOCAL });
      await app.inject({ method: "GET", url: `/report?token=${token}&format=html`, headers: LOCAL });
      const text = logs.join("");
      expect(text).toContain("/shared/[redacted]");
      expect(text).not.toContain(token);
    });
  });

describe("accounts mode", () => {
  let store: Store;
  let app: FastifyInstance;
  let clock = Date.parse("2026-11-30T08:00:00Z");
  beforeEach(async () => {
    clock = Date.parse("2026-11-30T08:00:00Z");
    store = await openTestStore(sqlite);
    app = await buildServer({
      store,
      mode: "accounts",
      now: () => new Date(clock),
      auth: { loginAttemptsPerMinute: 5, sessionTtlMs: 3600_000 },
    });
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  it("requires sign-in, sets an http-only Secure SameSite session cookie, and requires the CSRF token", async () => {
    expect((await post(app, "log/get", {}, { "content-type": "application/json" })).statusCode).toBe(401);
    await app.inject({
      method: "POST",
      url: "/api/auth/signup",
      headers: { "content-type": "application/json" },
      payload: { email: "Ann@Example.org", password: "correct horse battery" },
    });
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: { email: "ann@example.org", password: "correct horse battery" },
    });
    const cookie = res.cookies[0] as { httpOnly?: boolean; secure?: boolean; sameSite?: string };
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict" });
    const ann = await signIn(app, "ann@example.org", "login");
    expect((await post(app, "log/get", {}, ann.headers)).statusCode).toBe(200);
    const noCsrf = { ...ann.headers, "x-csrf-token": "wrong" };
    expect((await post(app, "log/get", {}, noCsrf)).json()).toMatchObject({ error: { code: "csrf_failed" } });
  });

  it("refuses a wrong password, keeps a taken email's account as it was, and stores only an argon2 hash", async () => {
    await signIn(app, "bob@example.org");
    const wrong = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: { email: "bob@example.org", password: "not the password" },
    });
    expect(wrong.json()).toMatchObject({ error: { code: "invalid_credentials" } });
    // Signing up again with a taken email changes nothing (and answers as any sign-up does).
    await signIn(app, "bob@example.org");
    expect(await store.findAccountByEmail("bob@example.org")).toBeDefined();
    expect((await store.findAccountByEmail("bob@example.org"))?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("rate-limits login attempts", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "content-type": "application/json" },
        payload: { email: "nobody@example.org", password: "guess guess guess" },
      });
      codes.push(r.statusCode);
      if (r.statusCode === 429) expect(r.json()).toMatchObject({ error: { code: "rate_limited" } });
    }
    expect(codes.slice(0, 5).every((c) => c === 401)).toBe(true);
    expect(codes.slice(5)).toEqual([429, 429]);
  });

  it("keeps long computations off the shared server (local_only), whoever asks", async () => {
    const ann = await signIn(app, "dee@example.org");
    for (const name of ["simulate", "model/crossover", "fit/recovery", "fit/bandit2arm"]) {
      const r = await post(app, name, {}, ann.headers);
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({ error: { code: "local_only" } });
    }
    expect((await post(app, "log/get", {}, ann.headers)).statusCode).toBe(200);
  });

  it("expires sessions and logs out everywhere", async () => {
    const first = await signIn(app, "cy@example.org");
    const second = await signIn(app, "cy@example.org", "login");
    expect((await post(app, "log/get", {}, first.headers)).statusCode).toBe(200);
    expect((await post(app, "auth/logout-all", {}, second.headers)).statusCode).toBe(200);
    expect((await post(app, "log/get", {}, first.headers)).statusCode).toBe(401);
    const third = await signIn(app, "cy@example.org", "login");
    clock += 3600_000 + 1;
    expect((await post(app, "log/get", {}, third.headers)).json()).toMatchObject({
      error: { code: "session_expired" },
    });
  });
});

describe("accounts mode behind a reverse proxy", () => {
  it("refuses plain http and accepts what the proxy marks https", async () => {
    const store = await openTestStore(sqlite);
    const app = await buildServer({ store, mode: "accounts", behindProxy: true, now: testClock });
    const plain = await app.inject({ method: "GET", url: "/api/health" });
    expect(plain.json()).toMatchObject({ error: { code: "tls_required" } });
    const viaProxy = await app.inject({
      method: "GET",
      url: "/api/health",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(viaProxy.statusCode).toBe(200);
    await app.close();
    await store.close();
  });
});
