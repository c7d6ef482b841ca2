import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestStore, storeTargets } from "../../store/test-stores.ts";
import { registry } from "../index.ts";
import type { CommandContext } from "../registry.ts";
import type { Store } from "../store-port.ts";

const NOW = "2026-11-30T08:00:00Z";

for (const target of storeTargets()) {
  describe.skipIf(!target.available)(`data commands on ${target.name}`, () => {
    let store: Store;
    let ctx: CommandContext;
    const call = async (name: string, input: unknown) => {
      const r = await registry.invoke(name, input, ctx);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value as Record<string, unknown>;
    };
    beforeEach(async () => {
      store = await openTestStore(target);
      ctx = { store, personId: "me", now: () => NOW };
      await store.ensurePerson({ id: "me", name: "", accountId: null, demo: false, createdAt: NOW });
    });
    afterEach(async () => {
      await store.close();
    });

    it("refuses a check-in for an undefined activity, and stores a retried one once", async () => {
      const c = {
        id: "c1",
        activityId: "walk",
        localDate: "2026-11-29",
        localHour: 9,
        at: "2026-11-29T09:00:00Z",
        plannedMin: 30,
        started: true,
        minutesDone: 10,
        anticipated: 3,
        experienced: 7,
      };
      const missing = await registry.invoke("checkin/record", c, ctx);
      expect(missing).toMatchObject({ ok: false, error: { code: "not_found", path: ["activityId"] } });
      await call("activity/define", {
        id: "walk",
        name: "walk",
        kind: "movement",
        importance: 0.5,
        novelty: 0.1,
        effort: 0.4,
      });
      expect(await call("checkin/record", c)).toEqual({ id: "c1", outcome: "created" });
      expect(await call("checkin/record", c)).toEqual({ id: "c1", outcome: "unchanged" });
      const changed = await registry.invoke("checkin/record", { ...c, experienced: 1 }, ctx);
      expect(changed).toMatchObject({ ok: false, error: { code: "conflict" } });
      expect((await call("log/get", {})).checkIns).toHaveLength(1);
    });

    it("completes a check-in recorded before the activity with the one recorded after it", async () => {
      await call("activity/define", {
        id: "walk",
        name: "walk",
        kind: "movement",
        importance: 0.5,
        novelty: 0.1,
        effort: 0.4,
      });
      const before = {
        id: "c2",
        activityId: "walk",
        localDate: "2026-11-30",
        localHour: 9,
        at: "2026-11-30T08:55:00Z",
        plannedMin: 5,
        started: false,
        anticipated: 3,
      };
      expect(await call("checkin/record", before)).toEqual({ id: "c2", outcome: "created" });
      const after = { ...before, at: "2026-11-30T09:20:00Z", started: true, minutesDone: 8, experienced: 7 };
      expect(await call("checkin/record", after)).toEqual({ id: "c2", outcome: "updated" });
      expect(await call("checkin/record", after)).toEqual({ id: "c2", outcome: "unchanged" });
      const log = (await call("log/get", {})) as unknown as { checkIns: { id: string }[] };
      const stored = log.checkIns.find((x) => x.id === "c2");
      expect(stored).toMatchObject({ started: true, anticipated: 3, experienced: 7, minutesDone: 8 });
      // an "after" may not rewrite what the "before" said, and a finished check-in stays finished
      const rewrite = await registry.invoke("checkin/record", { ...after, anticipated: 9 }, ctx);
      expect(rewrite).toMatchObject({ ok: false, error: { code: "conflict" } });
    });

    it("seeds a demo person with six weeks of history, once", async () => {
      const r = await call("demo/seed", {});
      expect(r.checkIns).toBeGreaterThan(40);
      expect(r.firstDate).toBe("2026-10-19");
      const again = await registry.invoke("demo/seed", {}, ctx);
      expect(again).toMatchObject({ ok: false, error: { code: "conflict" } });
    });

    it("round-trips a JSON export losslessly through delete and import", async () => {
      await call("demo/seed", { weeks: 2 });
      await store.putEntry("me", { id: "r1:1", kind: "answer", at: NOW, data: { value: 2, note: "x" } });
      await store.putBlob("me", "fit", { kappa: 0.42, draws: [1, 2] }, NOW);
      await call("day/close", { localDate: "2026-11-29" });
      const first = (await call("export/all", {})).document as Record<string, unknown>;
      expect(await call("account/delete", { confirm: "delete everything" })).toEqual({ deleted: true });
      expect(
        ((await call("export/all", {})).document as { log: { checkIns: unknown[] } }).log.checkIns,
      ).toEqual([]);
      const counts = await call("import/all", { document: first, replace: true });
      expect(counts.entries).toBe(1);
      const second = (await call("export/all", {})).document as Record<string, unknown>;
      expect({ ...second, person: null }).toEqual({ ...first, person: null });
    });

    it("exports CSV with one file per record kind and FHIR as a Bundle", async () => {
      await call("demo/seed", { weeks: 1 });
      const log = (await call("log/get", {})) as { checkIns: unknown[] };
      const csv = (await call("export/all", { format: "csv" })).files as Record<string, string>;
      expect(Object.keys(csv).sort()).toEqual([
        "activities.csv",
        "check_ins.csv",
        "closed_days.csv",
        "diary_notes.csv",
        "urges.csv",
      ]);
      expect(csv["check_ins.csv"]?.trim().split("\n")).toHaveLength(log.checkIns.length + 1);
      const fhir = (await call("export/all", { format: "fhir" })).bundle as Record<string, unknown>;
      expect(fhir).toMatchObject({ resourceType: "Bundle", type: "transaction" });
    });

    it("round-trips a CSV export (records and diary notes) unchanged, formula-like text included", async () => {
      await call("demo/seed", { weeks: 1 });
      await call("activity/define", {
        id: "sum",
        name: "=2+3",
        kind: "leisure",
        importance: 0.5,
        novelty: 0.1,
        effort: 0.2,
        notes: "-05:00",
      });
      const note = {
        id: "note-1",
        at: "2026-11-29T20:00:00Z",
        localDate: "2026-11-29",
        localHour: 15,
        source: "daylio",
        title: "@home",
        text: '- felt good\n+ slept, "mostly"',
        mood: 7.5,
        activityIds: ["sum"],
      };
      await store.putEntry("me", { id: note.id, kind: "diary-note", at: note.at, data: note });
      await call("day/close", { localDate: "2026-11-28" });
      const before = (await call("export/all", {})).document as { log: unknown; entries: { kind: string }[] };
      const files = (await call("export/all", { format: "csv" })).files as Record<string, string>;
      expect(files["activities.csv"]).toContain("'=2+3");
      expect(files["check_ins.csv"]?.split("\n")[1]).toMatch(/,(true|false),/);
      expect(files["check_ins.csv"]).not.toMatch(/,[01],(true|false|[01]),/);
      await call("account/delete", { confirm: "delete everything" });
      await store.ensurePerson({ id: "me", name: "", accountId: null, demo: false, createdAt: NOW });
      await call("import/all", { csv: files, replace: true });
      const after = (await call("export/all", {})).document as typeof before;
      expect(after.log).toEqual(before.log);
      expect(after.entries.filter((e) => e.kind === "diary-note")).toEqual(
        before.entries.filter((e) => e.kind === "diary-note"),
      );
      const bad = await registry.invoke(
        "import/all",
        { csv: { ...files, "urges.csv": "id,activity_id,strength\nu1,sum,eleven\n" } },
        ctx,
      );
      expect(bad).toMatchObject({
        ok: false,
        error: {
          code: "invalid_input",
          message: expect.stringMatching(/^urges\.csv: line 2: local_date: /),
          path: ["csv", "urges.csv", 2, "local_date"],
        },
      });
      expect(!bad.ok && bad.error.issues?.some((i) => i.path.join() === "urges.csv,2,strength")).toBe(true);
    });

    it("says which field is wrong, never throws, for a bad import", async () => {
      const r = await registry.invoke("import/all", { document: { format: "other" } }, ctx);
      expect(r).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    });
  });
}
