import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../app/store-port.ts";
import type { CheckIn, RecordActivity } from "../model/records/index.ts";
import { openStore } from "./open.ts";
import { openTestStore, storeTargets } from "./test-stores.ts";

const activity: RecordActivity = {
  id: "walk",
  name: "walk",
  kind: "movement",
  importance: 0.6,
  novelty: 0.2,
  effort: 0.4,
  threat: 0,
  urge: false,
  durationMin: 30,
};

function checkIn(id: string, at: string, extra: Partial<CheckIn> = {}): CheckIn {
  return {
    id,
    activityId: "walk",
    localDate: at.slice(0, 10),
    localHour: Number(at.slice(11, 13)),
    at,
    plannedMin: 30,
    scaffolding: { environmentCue: false, commitment: false, microDose: false },
    anticipated: 4,
    started: true,
    minutesDone: 30,
    experienced: 7,
    worry: null,
    mood: null,
    sleepTime: null,
    wakeTime: null,
    ...extra,
  };
}

const person = (id: string) => ({
  id,
  name: id,
  accountId: null,
  demo: false,
  createdAt: "2026-01-01T00:00:00Z",
});

describe("CI runs the PostgreSQL suite", () => {
  it.runIf(process.env.CI === "true")(
    "has DATABASE_URL set when CI=true (a missing PostgreSQL fails the run)",
    () => {
      expect(
        process.env.DATABASE_URL,
        "CI=true but DATABASE_URL is not set: .ci/run must start PostgreSQL",
      ).toBeTruthy();
    },
  );
});

for (const target of storeTargets()) {
  describe.skipIf(!target.available)(`store on ${target.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openTestStore(target);
      await store.ensurePerson(person("p1"));
      await store.ensurePerson(person("p2"));
    });
    afterEach(async () => {
      await store.close();
    });

    it("migrates once and reopens an existing database without error", async () => {
      const location = target.location();
      const a = await openStore(
        location.kind === "postgres" ? { ...location, dropSchemaOnClose: false } : location,
      );
      await a.ensurePerson(person("x"));
      await a.putActivity("x", activity);
      await a.close();
      const b = await openStore(
        location.kind === "postgres" ? { ...location, dropSchemaOnClose: true } : location,
      );
      expect((await b.readLog("x")).activities).toEqual([activity]);
      await b.close();
    });

    it("stores a retried check-in once, and refuses different content under the same id", async () => {
      await store.putActivity("p1", activity);
      const c = checkIn("c1", "2026-03-01T09:00:00Z");
      expect(await store.putCheckIn("p1", c)).toBe("created");
      expect(await store.putCheckIn("p1", c)).toBe("unchanged");
      expect(await store.putCheckIn("p1", { ...c, experienced: 2 })).toBe("conflict");
      expect((await store.readLog("p1")).checkIns).toEqual([c]);
    });

    it("bumps the person's revision on every write that changes their data, and only theirs", async () => {
      const rev = () => store.getRevision("p1");
      expect(await rev()).toBe(0);
      await store.putActivity("p1", activity);
      expect(await rev()).toBe(1);
      await store.putActivity("p1", activity);
      expect(await rev()).toBe(1);
      const c = checkIn("c1", "2026-03-01T09:00:00Z", { started: false, minutesDone: 0, experienced: null });
      await store.putCheckIn("p1", c);
      expect(await rev()).toBe(2);
      await store.putCheckIn("p1", { ...c, started: true, minutesDone: 10, experienced: 6 });
      expect(await rev()).toBe(3);
      expect(await store.putCheckIn("p1", { ...c, anticipated: 9 })).toBe("conflict");
      expect(await rev()).toBe(3);
      await store.closeDay("p1", "2026-03-01");
      await store.putEntry("p1", { id: "e1", kind: "answer", at: "2026-03-01T09:00:00Z", data: { v: 1 } });
      await store.deleteEntry("p1", "e1");
      await store.deleteEntry("p1", "e1");
      await store.putBlob("p1", "task-fits", { k: 1 }, "2026-03-01T09:00:00Z");
      expect(await rev()).toBe(7);
      await store.importData("p1", { log: await store.readLog("p1"), entries: [], blobs: [] }, false);
      expect(await rev()).toBe(8);
      expect(await store.getRevision("p2")).toBe(0);
    });

    it("keeps a snapshot only if it was made from the current revision", async () => {
      await store.putActivity("p1", activity);
      const made = await store.getRevision("p1");
      expect(await store.putSnapshot("p1", "state", made, { fit: 1 })).toBe(true);
      expect(await store.getSnapshot("p1", "state")).toEqual({ revision: made, data: { fit: 1 } });
      // A write lands while the next snapshot is being computed: the stale one is not kept.
      await store.putCheckIn("p1", checkIn("c1", "2026-03-01T09:00:00Z"));
      expect(await store.putSnapshot("p1", "state", made, { fit: 2 })).toBe(false);
      expect(await store.getSnapshot("p1", "state")).toEqual({ revision: made, data: { fit: 1 } });
      expect(await store.putSnapshot("p1", "state", made + 1, { fit: 3 })).toBe(true);
      expect(await store.getSnapshot("p2", "state")).toBeUndefined();
      await store.deletePerson("p1");
      expect(await store.getSnapshot("p1", "state")).toBeUndefined();
    });

    it("reports activity writes as created, unchanged, updated", async () => {
      expect(await store.putActivity("p1", activity)).toBe("created");
      expect(await store.putActivity("p1", activity)).toBe("unchanged");
      expect(await store.putActivity("p1", { ...activity, effort: 0.1 })).toBe("updated");
      expect(await store.hasActivity("p1", "walk")).toBe(true);
      expect(await store.hasActivity("p2", "walk")).toBe(false);
    });

    it("keeps each person's rows apart even under the same ids", async () => {
      await store.putActivity("p1", activity);
      await store.putActivity("p2", activity);
      await store.putCheckIn("p1", checkIn("same", "2026-03-01T09:00:00Z"));
      expect(await store.putCheckIn("p2", checkIn("same", "2026-03-01T09:00:00Z", { experienced: 1 }))).toBe(
        "created",
      );
      expect((await store.readLog("p1")).checkIns[0]?.experienced).toBe(7);
      expect((await store.readLog("p2")).checkIns[0]?.experienced).toBe(1);
    });

    it("reads the log in a stable order: check-ins by instant, days by date", async () => {
      await store.putActivity("p1", activity);
      await store.putCheckIn("p1", checkIn("b", "2026-03-02T09:00:00Z"));
      await store.putCheckIn("p1", checkIn("a", "2026-03-01T18:00:00Z"));
      expect(await store.closeDay("p1", "2026-03-02")).toBe("created");
      expect(await store.closeDay("p1", "2026-03-02")).toBe("unchanged");
      await store.closeDay("p1", "2026-03-01");
      const log = await store.readLog("p1");
      expect(log.checkIns.map((c) => c.id)).toEqual(["a", "b"]);
      expect(log.closedDays).toEqual(["2026-03-01", "2026-03-02"]);
    });

    it("imports in one transaction: a failing row leaves nothing behind", async () => {
      const c = checkIn("dup", "2026-03-01T09:00:00Z");
      const bad = {
        log: { version: 1 as const, activities: [activity], checkIns: [c, c], urges: [], closedDays: [] },
      };
      await expect(store.importData("p1", { ...bad, entries: [], blobs: [] }, true)).rejects.toThrow();
      expect(await store.readLog("p1")).toEqual({
        version: 1,
        activities: [],
        checkIns: [],
        urges: [],
        closedDays: [],
      });
    });

    it("replaces or merges on import", async () => {
      await store.putActivity("p1", activity);
      await store.putCheckIn("p1", checkIn("old", "2026-03-01T09:00:00Z"));
      const log = {
        version: 1 as const,
        activities: [activity],
        checkIns: [checkIn("new", "2026-03-02T09:00:00Z")],
        urges: [],
        closedDays: ["2026-03-02"],
      };
      await store.importData("p1", { log, entries: [], blobs: [] }, false);
      expect((await store.readLog("p1")).checkIns.map((x) => x.id)).toEqual(["old", "new"]);
      await store.importData("p1", { log, entries: [], blobs: [] }, true);
      expect((await store.readLog("p1")).checkIns.map((x) => x.id)).toEqual(["new"]);
    });

    it("keeps JSON blobs and entries per person", async () => {
      await store.putBlob("p1", "fit", { kappa: 0.5 }, "2026-03-01T00:00:00Z");
      await store.putBlob("p1", "fit", { kappa: 0.6 }, "2026-03-02T00:00:00Z");
      expect(await store.getBlob("p1", "fit")).toEqual({ kappa: 0.6 });
      expect(await store.getBlob("p2", "fit")).toBeUndefined();
      const e = { id: "r1:phq9_9", kind: "answer", at: "2026-03-01T09:00:00Z", data: { value: 1 } };
      expect(await store.putEntry("p1", e)).toBe("created");
      expect(await store.putEntry("p1", e)).toBe("unchanged");
      expect(await store.putEntry("p1", { ...e, data: { value: 2 } })).toBe("conflict");
      expect(await store.listEntries("p1", "answer")).toEqual([e]);
      expect(await store.listEntries("p2")).toEqual([]);
    });

    it("deletes everything of one person, and only of that person", async () => {
      for (const p of ["p1", "p2"]) {
        await store.putActivity(p, activity);
        await store.putCheckIn(p, checkIn("c", "2026-03-01T09:00:00Z"));
        await store.putBlob(p, "fit", {}, "2026-03-01T00:00:00Z");
      }
      await store.createAccount(
        {
          id: "acc",
          email: "a@example.org",
          passwordHash: "h",
          personId: "p3",
          createdAt: "2026-01-01T00:00:00Z",
        },
        person("p3"),
      );
      await store.createSession({
        tokenHash: "t",
        accountId: "acc",
        csrfToken: "c",
        createdAt: "2026-01-01T00:00:00Z",
        expiresAt: "2027-01-01T00:00:00Z",
        lastSeenAt: "2026-01-01T00:00:00Z",
      });
      await store.deletePerson("p1");
      await store.deletePerson("p3");
      expect(await store.readLog("p1")).toEqual({
        version: 1,
        activities: [],
        checkIns: [],
        urges: [],
        closedDays: [],
      });
      expect(await store.listBlobs("p1")).toEqual([]);
      expect(await store.getPerson("p1")).toBeUndefined();
      expect(await store.getAccount("acc")).toBeUndefined();
      expect(await store.getSession("t")).toBeUndefined();
      expect((await store.readLog("p2")).checkIns).toHaveLength(1);
    });

    it("creates accounts with unique emails and finds sessions by token hash", async () => {
      const acc = {
        id: "a1",
        email: "x@example.org",
        passwordHash: "h",
        personId: "q1",
        createdAt: "2026-01-01T00:00:00Z",
      };
      expect(await store.createAccount(acc, person("q1"))).toBe("created");
      expect(await store.createAccount({ ...acc, id: "a2", personId: "q2" }, person("q2"))).toBe(
        "email_taken",
      );
      expect(await store.getPerson("q2")).toBeUndefined();
      expect((await store.findAccountByEmail("x@example.org"))?.id).toBe("a1");
      const s = {
        tokenHash: "h1",
        accountId: "a1",
        csrfToken: "c",
        createdAt: "2026-01-01T00:00:00Z",
        expiresAt: "2026-02-01T00:00:00Z",
        lastSeenAt: "2026-01-01T00:00:00Z",
      };
      await store.createSession(s);
      await store.createSession({ ...s, tokenHash: "h2" });
      expect(await store.getSession("h1")).toEqual(s);
      await store.touchSession("h1", "2026-01-02T00:00:00Z");
      expect((await store.getSession("h1"))?.lastSeenAt).toBe("2026-01-02T00:00:00Z");
      await store.createSession({ ...s, tokenHash: "h3" });
      await store.deleteSessionsOf("a1", "h3");
      expect(await store.getSession("h1")).toBeUndefined();
      expect(await store.getSession("h3")).toBeDefined();
      await store.deleteSessionsOf("a1");
      expect(await store.getSession("h2")).toBeUndefined();
    });
  });
}
