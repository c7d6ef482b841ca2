/**
 * Accounts under attack: sign-up does not reveal which emails are registered, guesses are limited
 * per account as well as per address (so rotating X-Forwarded-For does not help), passwords are
 * long and not common, a password change ends every other session, idle sessions expire, and the
 * headers a browser needs to isolate the app are sent.
 */
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../app/index.ts";
import { openTestStore, storeTargets } from "../store/test-stores.ts";
import { buildServer, type ServerOptions } from "./app.ts";
import { CSRF_HEADER, SESSION_COOKIE } from "./auth.ts";
import { post, signIn } from "./test-helpers.ts";

const sqlite = storeTargets()[0]!;
const JSON_HEADERS = { "content-type": "application/json" };

describe("accounts under attack", () => {
  let store: Store;
  let app: FastifyInstance;
  let clock = Date.parse("2026-12-01T10:00:00Z");
  beforeEach(async () => {
    clock = Date.parse("2026-12-01T10:00:00Z");
    store = await openTestStore(sqlite);
    app = await buildServer({
      store,
      mode: "accounts",
      now: () => new Date(clock),
      auth: {
        loginAttemptsPerMinute: 1000,
        signupsPerHour: 1000,
        sessionTtlMs: 14 * 24 * 3600_000,
        idleTimeoutMs: 3600_000,
      } as NonNullable<ServerOptions["auth"]>,
    });
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const auth = (path: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: "POST",
      url: `/api/auth/${path}`,
      headers: { ...JSON_HEADERS, ...headers },
      payload: JSON.stringify(payload),
    });

  it("answers sign-up the same whether or not the email is taken", async () => {
    const first = await auth("signup", { email: "ann@example.org", password: "correct horse battery" });
    const again = await auth("signup", { email: "ANN@example.org", password: "another long passphrase" });
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.json()).toEqual(first.json());
    expect(first.cookies.map((c) => c.name)).toEqual(again.cookies.map((c) => c.name));
    // The first password still works, the second does not: nothing was overwritten.
    expect(
      (await auth("login", { email: "ann@example.org", password: "correct horse battery" })).statusCode,
    ).toBe(200);
    expect(
      (await auth("login", { email: "ann@example.org", password: "another long passphrase" })).statusCode,
    ).toBe(401);
  });

  it("limits guesses per account, so a client rotating X-Forwarded-For cannot keep guessing", async () => {
    await auth("signup", { email: "bo@example.org", password: "correct horse battery" });
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await auth(
        "login",
        { email: "bo@example.org", password: `wrong guess number ${i}` },
        { "x-forwarded-for": `10.0.0.${i}` },
      );
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
    // While the account is held, even the right password is refused …
    const right = await auth("login", { email: "bo@example.org", password: "correct horse battery" });
    expect(right.json()).toMatchObject({ error: { code: "rate_limited" } });
    // … and after the window it works again.
    clock += 15 * 60_000 + 1;
    expect(
      (await auth("login", { email: "bo@example.org", password: "correct horse battery" })).statusCode,
    ).toBe(200);
  });

  it("refuses short and common passwords, naming the field", async () => {
    const short = await auth("signup", { email: "cy@example.org", password: "elevenchars" });
    expect(short.json()).toMatchObject({ error: { code: "invalid_input", path: ["password"] } });
    expect(short.json().error.message).toMatch(/at least 12/);
    const common = await auth("signup", { email: "cy@example.org", password: "qwerty123456" });
    expect(common.json()).toMatchObject({ error: { code: "invalid_input", path: ["password"] } });
    expect(common.json().error.message).toMatch(/too common/);
  });

  it("ends every other session when the password changes", async () => {
    await auth("signup", { email: "dee@example.org", password: "correct horse battery" });
    const a = await signIn(app, "dee@example.org", "login");
    const b = await signIn(app, "dee@example.org", "login");
    const changed = await app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: a.headers,
      payload: JSON.stringify({
        currentPassword: "correct horse battery",
        newPassword: "a different long passphrase",
      }),
    });
    expect(changed.statusCode).toBe(200);
    expect((await post(app, "log/get", {}, a.headers)).statusCode).toBe(200);
    expect((await post(app, "log/get", {}, b.headers)).statusCode).toBe(401);
    expect(
      (await auth("login", { email: "dee@example.org", password: "a different long passphrase" })).statusCode,
    ).toBe(200);
  });

  it("expires a session left idle, as well as at its fixed limit", async () => {
    await auth("signup", { email: "eve@example.org", password: "correct horse battery" });
    const s = await signIn(app, "eve@example.org", "login");
    clock += 50 * 60_000;
    expect((await post(app, "log/get", {}, s.headers)).statusCode).toBe(200);
    clock += 50 * 60_000; // 100 min since sign-in, 50 since last use: still within an hour of idleness
    expect((await post(app, "log/get", {}, s.headers)).statusCode).toBe(200);
    clock += 61 * 60_000;
    expect((await post(app, "log/get", {}, s.headers)).json()).toMatchObject({
      error: { code: "session_expired" },
    });
  });

  it("sends isolation headers and a __Host- session cookie", async () => {
    const r = await auth("signup", { email: "fay@example.org", password: "correct horse battery" });
    const login = await auth("login", { email: "fay@example.org", password: "correct horse battery" });
    expect(login.cookies[0]?.name).toBe("__Host-dopamap_session");
    expect(login.cookies[0]).toMatchObject({ secure: true, path: "/" });
    expect(r.headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(r.headers["cross-origin-resource-policy"]).toBe("same-origin");
    expect(r.headers["permissions-policy"]).toMatch(/camera=\(\)/);
    void CSRF_HEADER;
    void SESSION_COOKIE;
  });
});

describe("loopback checks normalise what they compare", () => {
  it("refuses a Host header with two values and a cross-site fetch in capitals", async () => {
    const store = await openTestStore(sqlite);
    const app = await buildServer({ store, mode: "local", now: () => new Date("2026-12-01T10:00:00Z") });
    try {
      const two = await app.inject({
        method: "GET",
        url: "/api/health",
        headers: { host: "localhost:3000, evil.example" },
      });
      expect(two.json()).toMatchObject({ error: { code: "bad_host" } });
      const cross = await app.inject({
        method: "POST",
        url: "/api/log/get",
        headers: {
          host: "127.0.0.1:3000",
          "content-type": "application/json",
          "sec-fetch-site": "CROSS-SITE",
        },
        payload: "{}",
      });
      expect(cross.json()).toMatchObject({ error: { code: "bad_origin" } });
    } finally {
      await app.close();
      await store.close();
    }
  });
});
