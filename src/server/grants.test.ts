/**
 * An account grant reaches exactly the account that redeems its one-time code: never whoever
 * registers the address first, never whoever registers a deleted grantee's address next.
 */
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../app/index.ts";
import { openTestStore, storeTargets } from "../store/test-stores.ts";
import { buildServer } from "./app.ts";
import { type Client, post, sampleRecords, signIn } from "./test-helpers.ts";

let open: { app: FastifyInstance; store: Store } | undefined;
afterEach(async () => {
  await open?.app.close();
  await open?.store.close();
  open = undefined;
});

async function harness(target: ReturnType<typeof storeTargets>[number]) {
  const store = await openTestStore(target);
  const app = await buildServer({
    store,
    mode: "accounts",
    now: () => new Date("2026-12-01T10:00:00Z"),
    webRoot: false,
    auth: { loginAttemptsPerMinute: 1000, signupsPerHour: 1000 },
  });
  open = { app, store };
  return open;
}

const sharedWithMe = async (app: FastifyInstance, c: Client) =>
  ((await post(app, "share/list", {}, c.headers)).json() as { sharedWithMe: { id: string }[] }).sharedWithMe;

/** Ann shares her scores with a grant and gets its one-time code. */
async function annGrants(app: FastifyInstance, ann: Client): Promise<{ id: string; code: string }> {
  const { activity, checkIn } = sampleRecords("g");
  await post(app, "activity/define", activity, ann.headers);
  await post(app, "checkin/record", checkIn, ann.headers);
  const r = await post(
    app,
    "share/create",
    { sections: ["scores", "crisis"], expiresInDays: 7, label: "my coach", grant: true },
    ann.headers,
  );
  expect(r.statusCode).toBe(200);
  const body = r.json() as { share: { id: string; status: string }; acceptCode: string; token?: string };
  expect(body.share.status).toBe("pending");
  expect(body.token).toBeUndefined();
  expect(body.acceptCode).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
  return { id: body.share.id, code: body.acceptCode };
}

for (const target of storeTargets())
  describe.skipIf(!target.available)(`account grants (${target.name})`, () => {
    it("gives an emailed grant to nobody who merely registers that address", async () => {
      const { app } = await harness(target);
      const ann = await signIn(app, "ann@example.org");
      const old = await post(
        app,
        "share/create",
        { sections: ["scores"], expiresInDays: 7, email: "coach@example.org" },
        ann.headers,
      );
      expect(old.json()).toMatchObject({ error: { code: "invalid_input" } });
      await annGrants(app, ann);
      // Someone who is not Ann's coach signs up with the coach's address first: nothing is theirs.
      const mallory = await signIn(app, "coach@example.org");
      expect(await sharedWithMe(app, mallory)).toEqual([]);
    });

    it("binds a grant to the one account that redeems its code, once", async () => {
      const { app } = await harness(target);
      const ann = await signIn(app, "ann@example.org");
      const coach = await signIn(app, "dr.lee@example.org");
      const mallory = await signIn(app, "mallory@example.org");
      const { id, code } = await annGrants(app, ann);
      const own = await post(app, "share/accept", { code }, ann.headers);
      expect(own.json()).toMatchObject({ error: { code: "invalid_input", path: ["code"] } });
      // Typed from a message: any case, spaces for dashes.
      const accepted = await post(
        app,
        "share/accept",
        { code: code.toLowerCase().replaceAll("-", " ") },
        coach.headers,
      );
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toMatchObject({
        id,
        sections: ["scores", "crisis"],
        path: `/shared/grant/${id}`,
      });
      const again = await post(app, "share/accept", { code }, mallory.headers);
      expect(again.json()).toMatchObject({ error: { code: "not_found", path: ["code"] } });
      expect((await sharedWithMe(app, coach)).map((s) => s.id)).toEqual([id]);
      expect(await sharedWithMe(app, mallory)).toEqual([]);
      const path = `/shared/grant/${id}`;
      const get = (c: Client) =>
        app.inject({ method: "GET", url: path, headers: { cookie: c.headers.cookie! } });
      expect((await get(coach)).statusCode).toBe(200);
      expect((await get(mallory)).statusCode).toBe(404);
      const list = (await post(app, "share/list", {}, ann.headers)).json() as {
        shares: { id: string; status: string; granteeEmail: string | null }[];
      };
      expect(list.shares).toEqual([
        expect.objectContaining({ id, status: "active", granteeEmail: "dr.lee@example.org" }),
      ]);
    });

    it("refuses an expired or withdrawn code alike, revealing nothing", async () => {
      const { app } = await harness(target);
      const ann = await signIn(app, "ann@example.org");
      const coach = await signIn(app, "dr.lee@example.org");
      const { id, code } = await annGrants(app, ann);
      await post(app, "share/revoke", { id }, ann.headers);
      const withdrawn = await post(app, "share/accept", { code }, coach.headers);
      const unknown = await post(app, "share/accept", { code: "0000-0000-0000-0000-0000" }, coach.headers);
      expect(withdrawn.json()).toEqual(unknown.json());
      expect(withdrawn.statusCode).toBe(404);
    });

    it("deletes the grants made to an account with it: the same email registered again gets none", async () => {
      const { app } = await harness(target);
      const ann = await signIn(app, "ann@example.org");
      const coach = await signIn(app, "dr.lee@example.org");
      const { code } = await annGrants(app, ann);
      expect((await post(app, "share/accept", { code }, coach.headers)).statusCode).toBe(200);
      expect(
        (await post(app, "account/delete", { confirm: "delete everything" }, coach.headers)).statusCode,
      ).toBe(200);
      const again = await signIn(app, "dr.lee@example.org");
      expect(await sharedWithMe(app, again)).toEqual([]);
      const list = (await post(app, "share/list", {}, ann.headers)).json() as { shares: unknown[] };
      expect(list.shares).toEqual([]);
    });

    it("deletes the grants an account made with it", async () => {
      const { app, store } = await harness(target);
      const ann = await signIn(app, "ann@example.org");
      const coach = await signIn(app, "dr.lee@example.org");
      const { code } = await annGrants(app, ann);
      expect((await post(app, "share/accept", { code }, coach.headers)).statusCode).toBe(200);
      const annAccount = await store.findAccountByEmail("ann@example.org");
      expect(
        (await post(app, "account/delete", { confirm: "delete everything" }, ann.headers)).statusCode,
      ).toBe(200);
      expect(await sharedWithMe(app, coach)).toEqual([]);
      expect(await store.listShares(annAccount!.personId)).toEqual([]);
    });
  });
