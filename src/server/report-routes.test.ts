import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { parseHTML } from "linkedom";
import { afterEach, describe, expect, it } from "vitest";
import { registry, type Store } from "../app/index.ts";
import { REPORT_DISCLAIMER } from "../report/index.ts";
import { openTestStore, storeTargets } from "../store/test-stores.ts";
import { buildServer } from "./app.ts";
import { SESSION_COOKIE } from "./auth.ts";
import { type Client, LOCAL, post, sampleRecords, signIn } from "./test-helpers.ts";

const START = Date.parse("2026-11-30T08:00:00.000Z");
const SECRET_NAME = "walk by the river 7f3a";

interface Harness {
  app: FastifyInstance;
  store: Store;
  clock: { ms: number };
}

let open: Harness | undefined;

async function harness(target: ReturnType<typeof storeTargets>[number], mode: "local" | "accounts") {
  const store = await openTestStore(target);
  const clock = { ms: START };
  const app = await buildServer({
    store,
    mode,
    now: () => new Date(clock.ms),
    webRoot: false,
    auth: { loginAttemptsPerMinute: 100 },
  });
  open = { app, store, clock };
  return open;
}

afterEach(async () => {
  await open?.app.close();
  await open?.store.close();
  open = undefined;
});

/** Records one activity (with a recognisable name) and one check-in for the caller. */
async function seed(app: FastifyInstance, headers: Record<string, string> = LOCAL): Promise<void> {
  const { activity, checkIn } = sampleRecords("r");
  expect((await post(app, "activity/define", { ...activity, name: SECRET_NAME }, headers)).statusCode).toBe(
    200,
  );
  expect((await post(app, "checkin/record", checkIn, headers)).statusCode).toBe(200);
}

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = { host: LOCAL.host }) =>
  app.inject({ method: "GET", url, headers });

const sectionsOf = (res: LightMyRequestResponse) =>
  [...parseHTML(res.body).document.querySelectorAll("[data-section]")].map((s) =>
    s.getAttribute("data-section"),
  );

async function createShare(app: FastifyInstance, input: unknown, headers: Record<string, string> = LOCAL) {
  const res = await post(app, "share/create", input, headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    share: { id: string; expiresAt: string };
    token?: string;
    path?: string;
    acceptCode?: string;
  };
}

for (const target of storeTargets()) {
  describe.skipIf(!target.available)(`the report and read-only shares, local mode (${target.name})`, () => {
    it("serves the person's report as HTML with no script, selectable sections and a strict CSP", async () => {
      const { app } = await harness(target, "local");
      await seed(app);
      const res = await get(app, "/report");
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
      expect(res.body).toContain(REPORT_DISCLAIMER);
      expect(res.body).toContain(SECRET_NAME);
      expect(res.body).not.toMatch(/<script/i);
      expect(sectionsOf(res)).toEqual(["map", "plan", "scores", "progress", "crisis", "sources"]);
      expect(sectionsOf(await get(app, "/report?sections=crisis,map"))).toEqual(["map", "crisis"]);
      for (const bad of ["/report?sections=map,diagnosis", "/report?format=docx"]) {
        const r = await get(app, bad);
        expect(r.statusCode, bad).toBe(400);
        expect(r.json().error.code).toBe("invalid_input");
      }
    });

    it("shows a link share's sections only, without a session, and nothing once revoked", async () => {
      const { app } = await harness(target, "local");
      await seed(app);
      const { share, token, path } = await createShare(app, {
        sections: ["crisis", "map"],
        expiresInDays: 30,
        label: "coach",
      });
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(path).toBe(`/shared/${token}`);
      const shared = await get(app, path!);
      expect(shared.statusCode).toBe(200);
      expect(sectionsOf(shared)).toEqual(["map", "crisis"]);
      expect(shared.body).toContain("Shared with you read-only until 2026-12-30");
      expect(shared.body).toContain(REPORT_DISCLAIMER);
      expect(shared.body).not.toContain("Motivation Gap");
      expect(shared.headers["set-cookie"]).toBeUndefined();

      const listed = (await post(app, "share/list", {})).json() as {
        shares: { id: string; status: string }[];
      };
      expect(listed.shares).toEqual([expect.objectContaining({ id: share.id, status: "active" })]);
      expect(JSON.stringify(listed)).not.toContain(token!);

      expect((await post(app, "share/revoke", { id: share.id })).json()).toEqual({
        id: share.id,
        revoked: true,
      });
      const revoked = await get(app, path!);
      const unknown = await get(app, `/shared/${"x".repeat(43)}`);
      expect(revoked.statusCode).toBe(404);
      expect(unknown.statusCode).toBe(404);
      expect(revoked.body).toBe(unknown.body);
      expect(revoked.body).not.toContain(SECRET_NAME);
      expect(revoked.body).not.toContain("data-section");
      expect((await post(app, "share/revoke", { id: "no-such-share" })).statusCode).toBe(404);
    });

    it("shows nothing once a share has expired", async () => {
      const { app, clock } = await harness(target, "local");
      await seed(app);
      const { path, share } = await createShare(app, { sections: ["map"], expiresInDays: 1 });
      expect(share.expiresAt).toBe("2026-12-01T08:00:00.000Z");
      clock.ms = START + 86_400_000 - 1000;
      expect((await get(app, path!)).statusCode).toBe(200);
      clock.ms = START + 86_400_000;
      const expired = await get(app, path!);
      expect(expired.statusCode).toBe(404);
      expect(expired.body).not.toContain(SECRET_NAME);
      const listed = (await post(app, "share/list", {})).json() as { shares: { status: string }[] };
      expect(listed.shares.map((s) => s.status)).toEqual(["expired"]);
    });

    it("refuses expiry outside 1–90 days, no sections, and account grants without accounts", async () => {
      const { app } = await harness(target, "local");
      for (const input of [
        { sections: ["map"], expiresInDays: 0 },
        { sections: ["map"], expiresInDays: 91 },
        { sections: [], expiresInDays: 7 },
        { sections: ["everything"], expiresInDays: 7 },
      ]) {
        const res = await post(app, "share/create", input);
        expect(res.statusCode, JSON.stringify(input)).toBe(400);
        expect(res.json().error.code).toBe("invalid_input");
      }
      const grant = await post(app, "share/create", { sections: ["map"], expiresInDays: 7, grant: true });
      expect(grant.json().error.code).toBe("accounts_only");
    });
  });

  describe.skipIf(!target.available)(`read-only shares, accounts mode (${target.name})`, () => {
    it("never lets a share token authorise a write or the owner's report", async () => {
      const { app } = await harness(target, "accounts");
      const ann = await signIn(app, "ann@example.org");
      await seed(app, ann.headers);
      const { token } = await createShare(app, { sections: ["map", "plan"], expiresInDays: 7 }, ann.headers);
      const before = (await post(app, "export/all", {}, ann.headers)).json() as { document: object };
      const ways: Record<string, string>[] = [
        { cookie: `${SESSION_COOKIE}=${token}` },
        { authorization: `Bearer ${token}` },
        { "x-share-token": token!, "x-csrf-token": token! },
      ];
      const { activity } = sampleRecords("r");
      for (const name of registry.commands.keys())
        for (const extra of ways) {
          const headers = { "content-type": "application/json", ...extra };
          const body = name === "activity/define" ? { ...activity, name: "overwritten" } : {};
          const res = await app.inject({
            method: "POST",
            url: `/api/${name}?token=${token}`,
            headers,
            payload: JSON.stringify(body),
          });
          expect([401, 403], `${name} ${JSON.stringify(extra)} ${res.statusCode}`).toContain(res.statusCode);
        }
      expect((await get(app, "/report", { cookie: `${SESSION_COOKIE}=${token}` })).statusCode).toBe(401);
      expect((await get(app, "/report")).statusCode).toBe(401);
      const after = (await post(app, "export/all", {}, ann.headers)).json() as { document: object };
      expect({ ...after.document, exportedAt: null }).toEqual({ ...before.document, exportedAt: null });
      expect((await get(app, `/shared/${token}`)).statusCode).toBe(200);
    });

    it("shows an account grant only to the signed-in grantee, and nothing after revocation", async () => {
      const { app } = await harness(target, "accounts");
      const ann = await signIn(app, "ann@example.org");
      const bob = await signIn(app, "bob@example.org");
      const carol = await signIn(app, "carol@example.org");
      await seed(app, ann.headers);
      const created = await createShare(
        app,
        { sections: ["progress"], expiresInDays: 14, grant: true },
        ann.headers,
      );
      expect(created.token).toBeUndefined();
      expect((await post(app, "share/accept", { code: created.acceptCode }, bob.headers)).statusCode).toBe(
        200,
      );

      const list = async (c: Client) =>
        (
          (await post(app, "share/list", {}, c.headers)).json() as {
            sharedWithMe: { id: string; path: string }[];
          }
        ).sharedWithMe;
      const received = await list(bob);
      expect(received).toEqual([expect.objectContaining({ id: created.share.id, sections: ["progress"] })]);
      expect(await list(carol)).toEqual([]);
      expect(await list(ann)).toEqual([]);

      const path = received[0]!.path;
      const cookie = (c: Client) => ({ cookie: c.headers.cookie! });
      const asBob = await get(app, path, cookie(bob));
      expect(asBob.statusCode).toBe(200);
      expect(sectionsOf(asBob)).toEqual(["progress"]);
      for (const other of [cookie(carol), cookie(ann), {}]) {
        const res = await get(app, path, other);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain("data-section");
      }

      await post(app, "share/revoke", { id: created.share.id }, ann.headers);
      expect(await list(bob)).toEqual([]);
      expect((await get(app, path, cookie(bob))).statusCode).toBe(404);
      expect((await post(app, "share/revoke", { id: created.share.id }, bob.headers)).statusCode).toBe(404);
    });
  });
}
