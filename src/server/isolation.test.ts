import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { registry, type Store } from "../app/index.ts";
import { openTestStore, storeTargets } from "../store/test-stores.ts";
import { buildServer } from "./app.ts";
import { DATA_COMMANDS, post, sampleRecords, signIn, testClock } from "./test-helpers.ts";

const SECRET = "ann's private note 5c1e";

for (const target of storeTargets()) {
  describe.skipIf(!target.available)(
    `one account never reads or changes another's data (${target.name})`,
    () => {
      let store: Store;
      let app: FastifyInstance;
      beforeEach(async () => {
        store = await openTestStore(target);
        app = await buildServer({
          store,
          mode: "accounts",
          now: testClock,
          auth: { loginAttemptsPerMinute: 100 },
        });
      });
      afterEach(async () => {
        await app.close();
        await store.close();
      });

      it("tries every endpoint as Bob with Ann's ids", async () => {
        const ann = await signIn(app, "ann@example.org");
        const bob = await signIn(app, "bob@example.org");
        const { activity, checkIn } = sampleRecords("ann");
        await post(app, "activity/define", { ...activity, notes: SECRET }, ann.headers);
        await post(app, "checkin/record", checkIn, ann.headers);
        const urge = {
          id: "ann-u1",
          activityId: "ann-act",
          localDate: "2026-11-29",
          localHour: 9,
          at: checkIn.at,
          strength: 6,
          acted: false,
        };
        expect((await post(app, "urge/record", urge, ann.headers)).statusCode).toBe(200);
        await post(app, "day/close", { localDate: "2026-11-29" }, ann.headers);
        const annShare = (
          await post(app, "share/create", { sections: ["map"], expiresInDays: 7, label: SECRET }, ann.headers)
        ).json() as { share: { id: string } };
        const before = (await post(app, "export/all", {}, ann.headers)).json() as {
          document: Record<string, unknown>;
        };

        const annExport = before.document;
        const bodies: Record<string, unknown[]> = {
          "activity/define": [{ ...activity, name: "bob overwrites", notes: "bob" }],
          "checkin/record": [{ ...checkIn, experienced: 0 }, checkIn],
          "urge/record": [{ ...urge, strength: 1 }],
          "day/close": [{ localDate: "2026-11-29" }],
          "log/get": [{}],
          "export/all": [{ format: "json" }, { format: "csv" }, { format: "fhir" }],
          "import/all": [{ document: annExport, replace: true }],
          "account/delete": [{ confirm: "delete everything" }],
          "demo/seed": [{ weeks: 1, replace: true }],
          "share/revoke": [{ id: annShare.share.id }],
        };
        const seen: string[] = [];
        const names = [...registry.commands.keys()].sort(
          (a, b) => Number(a === "account/delete") - Number(b === "account/delete"),
        );
        for (const name of names) {
          const inputs = DATA_COMMANDS.has(name) ? (bodies[name] ?? [{}]) : [[annExport]];
          for (const input of inputs) {
            const res = await post(app, name, input, bob.headers);
            expect(res.statusCode, name).toBeLessThan(500);
            expect(res.statusCode, `${name} ${res.body}`).not.toBe(401);
            if (name !== "import/all") expect(res.body, name).not.toContain(SECRET);
            seen.push(name);
          }
        }
        expect(new Set(seen).size).toBe(registry.commands.size);

        const after = (await post(app, "export/all", {}, ann.headers)).json() as {
          document: Record<string, unknown>;
        };
        expect({ ...after.document, exportedAt: null }).toEqual({ ...annExport, exportedAt: null });
        // Bob's revoke of Ann's share id found nothing; her share is still live.
        const annShares = (await post(app, "share/list", {}, ann.headers)).json() as {
          shares: { id: string; status: string }[];
        };
        expect(annShares.shares.find((x) => x.id === annShare.share.id)?.status).toBe("active");
        const anon = await post(app, "log/get", {}, { "content-type": "application/json" });
        expect(anon.statusCode).toBe(401);
      });

      it("ignores a person id smuggled into a body", async () => {
        const ann = await signIn(app, "ann@example.org");
        const bob = await signIn(app, "bob@example.org");
        await post(app, "activity/define", sampleRecords("ann").activity, ann.headers);
        const annAccount = await store.findAccountByEmail("ann@example.org");
        const res = await post(app, "log/get", { personId: annAccount?.personId }, bob.headers);
        expect(res.json()).toMatchObject({ error: { code: "invalid_input" } });
        const own = (await post(app, "log/get", {}, bob.headers)).json() as { activities: unknown[] };
        expect(own.activities).toEqual([]);
      });
    },
  );
}
