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

for (const target of storeTargets())
  describe.skipIf(!target.available)(`account grants (${target.name})`, () => {
    it.fails("gives an emailed grant to nobody who merely registers that address", async () => {
      const { app } = await harness(target);
      const ann = await signIn(app, "ann@example.org");
      const { activity, checkIn } = sampleRecords("g");
      await post(app, "activity/define", activity, ann.headers);
      await post(app, "checkin/record", checkIn, ann.headers);
      const r = await post(
        app,
        "share/create",
        { sections: ["scores", "crisis"], expiresInDays: 7, email: "coach@example.org" },
        ann.headers,
      );
      expect([200, 400]).toContain(r.statusCode);
      // Someone who is not Ann's coach signs up with the coach's address first.
      const mallory = await signIn(app, "coach@example.org");
      expect(await sharedWithMe(app, mallory)).toEqual([]);
    });
  });
