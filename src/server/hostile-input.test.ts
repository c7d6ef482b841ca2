/**
 * Input that passes the schemas used to crash handlers (500) or freeze the server: each is now a
 * 400 naming the field, on both databases. Found by an independent attack on the server.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../app/index.ts";
import { openTestStore, storeTargets } from "../store/test-stores.ts";
import { buildServer } from "./app.ts";
import { LOCAL, post, sampleRecords } from "./test-helpers.ts";

const NOW = new Date("2026-12-01T10:30:00Z");

for (const target of storeTargets())
  describe.skipIf(!target.available)(`hostile input that passes validation (${target.name})`, () => {
    let store: Store;
    let app: FastifyInstance;
    beforeAll(async () => {
      store = await openTestStore(target);
      app = await buildServer({ store, mode: "local", now: () => NOW, webRoot: false });
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    const expect400 = async (command: string, body: unknown, path: readonly (string | number)[]) => {
      const r = await post(app, command, body, LOCAL);
      expect(r.statusCode, `${command}: ${r.body.slice(0, 300)}`).toBe(400);
      expect(r.json().error.path?.slice(0, path.length)).toEqual(path);
      return r.json().error as { code: string; message: string };
    };

    const { activity, checkIn } = sampleRecords("h");
    const doc = (log: object, extra: object = {}) => ({
      document: {
        format: "dopamap-export",
        version: 1,
        exportedAt: NOW.toISOString(),
        person: { name: "", demo: false },
        log: {
          version: 1,
          activities: [{ ...activity, threat: 0, urge: false, durationMin: 30 }],
          checkIns: [],
          urges: [],
          closedDays: [],
          ...log,
        },
        entries: [],
        blobs: [],
        ...extra,
      },
    });

    it("import/all with the same check-in id twice", async () => {
      const c = {
        ...checkIn,
        scaffolding: { environmentCue: false, commitment: false, microDose: false },
        anticipated: 3,
        experienced: 8,
        worry: null,
        mood: null,
        sleepTime: null,
        wakeTime: null,
      };
      await expect400("import/all", doc({ checkIns: [c, { ...c, experienced: 2 }] }), [
        "document",
        "log",
        "checkIns",
      ]);
      expect((await store.readLog("local")).checkIns).toEqual([]);
    });

    it("import/all with JSON nested 2,000 deep in an entry's data", async () => {
      let deep: unknown = 1;
      for (let i = 0; i < 2000; i++) deep = { d: deep };
      await expect400(
        "import/all",
        doc({}, { entries: [{ id: "e", kind: "answer", at: NOW.toISOString(), data: deep }] }),
        ["document", "entries"],
      );
    });

    it("a NUL character in an id or a label", async () => {
      await expect400("activity/define", { ...activity, id: "a\u0000b" }, ["id"]);
      await expect400("share/create", { sections: ["map"], expiresInDays: 1, label: "coach\u0000" }, [
        "label",
      ]);
    });

    it("records dated outside 2000-01-01 … now + 1 day, or with an instant far from their local time", async () => {
      expect((await post(app, "activity/define", activity, LOCAL)).statusCode).toBe(200);
      await expect400(
        "checkin/record",
        { ...checkIn, id: "old", localDate: "0001-01-01", at: "0001-01-01T09:00:00Z" },
        ["localDate"],
      );
      await expect400(
        "checkin/record",
        { ...checkIn, id: "future", localDate: "9999-12-31", at: "9999-12-31T09:00:00Z" },
        ["localDate"],
      );
      await expect400("checkin/record", { ...checkIn, id: "drift", at: "1999-11-29T09:00:00Z" }, ["at"]);
      await expect400("day/close", { localDate: "2027-01-01" }, ["localDate"]);
      // The fit's window is the recorded days, so two far-apart days cost what two days cost.
      const first = await expect400(
        "fit/run",
        {
          log: {
            activities: [activity],
            checkIns: [
              { ...checkIn, localDate: "0001-01-01", at: "0001-01-01T09:00:00Z" },
              { ...checkIn, id: "b", localDate: "9999-12-31", at: "9999-12-31T09:00:00Z" },
            ],
          },
        },
        ["log", "checkIns", 0, "localDate"],
      );
      expect(first.code).toBe("invalid_input");
    });

    it("plan/create, progress/get and today/get on a log whose forecasts cannot be computed", async () => {
      const log = {
        activities: [activity],
        checkIns: [
          { ...checkIn, localDate: "2000-01-01", at: "2000-01-01T09:00:00Z" },
          { ...checkIn, id: "x2", localDate: "2026-11-30", at: "2026-11-30T09:00:00Z" },
        ],
      };
      for (const [command, body] of [
        ["plan/create", { log, draws: 2, seedsPerDraw: 1 }],
        ["progress/get", { log, draws: 2, trajectory: false }],
        ["today/get", { log, now: { localDate: "2026-12-01", localHour: 10, localMinute: 30 } }],
      ] as const) {
        const r = await post(app, command, body, LOCAL);
        expect(r.statusCode, `${command}: ${r.body.slice(0, 200)}`).toBeLessThan(500);
      }
    });
  });
