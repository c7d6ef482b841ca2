import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestStore, storeTargets } from "../../store/test-stores.ts";
import { registry } from "../index.ts";
import type { CommandContext } from "../registry.ts";
import type { Store } from "../store-port.ts";

const NOW = "2026-11-30T08:00:00Z";
const daylio = readFileSync(new URL("../../import/fixtures/daylio-export.csv", import.meta.url), "utf8");
const csv = "Date,What,Enjoyed\n2026-11-01,Piano,4\n2026-11-02,Piano,9\n2026-11-03,Run,2\n";
const mapping = {
  columns: { date: "Date", activity: "What", experienced: "Enjoyed" },
  ratingScale: { min: 1, max: 5 },
};

for (const target of storeTargets()) {
  describe.skipIf(!target.available)(`import commands on ${target.name}`, () => {
    let store: Store;
    let ctx: CommandContext;
    const call = async (name: string, input: unknown, c: CommandContext = ctx) => {
      const r = await registry.invoke(name, input, c);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value as Record<string, unknown> & {
        written: Record<string, number>;
        summary: Record<string, unknown>;
      };
    };
    const log = async () =>
      (await call("log/get", {})) as unknown as {
        activities: { id: string; name: string }[];
        checkIns: { id: string; activityId: string; mood: number | null }[];
      };
    beforeEach(async () => {
      store = await openTestStore(target);
      ctx = { store, personId: "me", now: () => NOW };
      await store.ensurePerson({ id: "me", name: "", accountId: null, demo: false, createdAt: NOW });
    });
    afterEach(async () => {
      await store.close();
    });

    it("previews without writing, then imports a Daylio export once, however often it is imported", async () => {
      const preview = await call("import/preview", {
        format: "daylio",
        text: daylio,
        timeZone: "Europe/Berlin",
        previewRows: 3,
      });
      expect(preview).toMatchObject({
        needsMapping: false,
        errors: [],
        customMoods: [],
        summary: { checkIns: 32, rowsWithErrors: 0 },
      });
      expect(preview.preview).toHaveLength(3);
      expect((await log()).checkIns).toHaveLength(0);

      const first = await call("import/records", {
        format: "daylio",
        text: daylio,
        timeZone: "Europe/Berlin",
      });
      expect(first).toMatchObject({
        written: { activities: 12, checkIns: 32, notes: 4 },
        alreadyPresent: 0,
        skipped: [],
      });
      const again = await call("import/records", {
        format: "daylio",
        text: daylio,
        timeZone: "Europe/Berlin",
      });
      expect(again).toMatchObject({ written: { activities: 0, checkIns: 0, notes: 0 }, alreadyPresent: 32 });
      const l = await log();
      expect(l.checkIns).toHaveLength(32);
      expect(l.activities).toHaveLength(12);
      expect(l.checkIns.find((c) => c.activityId === "imported-guitar")?.mood).toBe(10);
      const notes = await store.listEntries("me", "diary-note");
      expect(notes.map((n) => (n.data as { title: string }).title)).toContain("Band practice");
    });

    it("keeps the person's own activity settings when a file names them", async () => {
      await call("activity/define", {
        id: "walk",
        name: "Walk",
        kind: "movement",
        importance: 0.9,
        novelty: 0.1,
        effort: 0.2,
        durationMin: 50,
      });
      await call("import/records", { format: "daylio", text: daylio });
      const l = await log();
      expect(l.activities.find((a) => a.id === "walk")).toMatchObject({ name: "Walk", importance: 0.9 });
      expect(l.activities.some((a) => a.id === "imported-walk")).toBe(false);
      expect(l.checkIns.filter((c) => c.activityId === "walk")).toHaveLength(4);
    });

    it("shows a CSV's columns and a suggested mapping before one is chosen", async () => {
      const r = await call("import/preview", { format: "csv", text: csv });
      expect(r).toMatchObject({
        needsMapping: true,
        headers: ["Date", "What", "Enjoyed"],
        suggestedMapping: { date: "Date" },
        summary: null,
      });
      const bad = await registry.invoke(
        "import/preview",
        { format: "csv", text: csv, mapping: { columns: { date: "Date", activity: "Activity" } } },
        ctx,
      );
      expect(bad).toMatchObject({
        ok: false,
        error: {
          code: "invalid_input",
          path: ["mapping", "columns", "activity"],
          allowed: ["Date", "What", "Enjoyed"],
        },
      });
      const zone = await registry.invoke(
        "import/records",
        { format: "daylio", text: daylio, timeZone: "Berlin" },
        ctx,
      );
      expect(zone).toMatchObject({ ok: false, error: { code: "invalid_input", path: ["timeZone"] } });
      const fmt = await registry.invoke("import/records", { format: "xlsx", text: csv }, ctx);
      expect(fmt).toMatchObject({ ok: false, error: { code: "invalid_input", allowed: ["csv", "daylio"] } });
    });

    it("rejects a file with unreadable rows, writing nothing, or skips them when asked", async () => {
      const rejected = await registry.invoke("import/records", { format: "csv", text: csv, mapping }, ctx);
      expect(rejected).toMatchObject({
        ok: false,
        error: {
          code: "import_rows_invalid",
          allowed: ["reject", "skip"],
          issues: [{ path: [3, "Enjoyed"], message: "9 is outside the scale 1–5" }],
        },
      });
      if (!rejected.ok)
        expect(rejected.error.message).toMatch(/line 3 \(Enjoyed\): 9 is outside the scale 1–5/);
      expect((await log()).checkIns).toHaveLength(0);
      expect((await log()).activities).toHaveLength(0);
      const skipped = await call("import/records", { format: "csv", text: csv, mapping, onErrors: "skip" });
      expect(skipped).toMatchObject({
        written: { activities: 2, checkIns: 2 },
        skipped: [{ line: 3, field: "Enjoyed" }],
      });
      expect((await log()).checkIns.map((c) => c.activityId).sort()).toEqual([
        "imported-piano",
        "imported-run",
      ]);
    });

    it("writes nothing at all when the store fails half-way through the transaction", async () => {
      const failing = new Proxy(store, {
        get(t, key, receiver) {
          if (key !== "importData") return Reflect.get(t, key, receiver);
          return (personId: string, data: Parameters<Store["importData"]>[1], replace: boolean) =>
            t.importData(
              personId,
              {
                ...data,
                // Activities and check-ins are inserted before urges are read: fail right there.
                log: {
                  ...data.log,
                  get urges(): never {
                    throw new Error("disk full");
                  },
                },
              },
              replace,
            );
        },
      });
      await expect(
        registry.invoke("import/records", { format: "daylio", text: daylio }, { ...ctx, store: failing }),
      ).rejects.toThrow(/disk full/);
      const l = await log();
      expect(l.activities).toHaveLength(0);
      expect(l.checkIns).toHaveLength(0);
      expect(await store.listEntries("me", "diary-note")).toHaveLength(0);
    });
  });
}
