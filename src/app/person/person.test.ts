/**
 * A person's state is computed once per data revision: the map, plan, progress and report on
 * unchanged data share one fit and one plan selection; a write changes the revision and the next
 * read recomputes; a snapshot made while a write landed is never taken as current.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestStore, storeTargets } from "../../store/test-stores.ts";
import { addDays } from "../../track/index.ts";
import type { MapReport } from "../fit/commands.ts";
import { registry } from "../index.ts";
import type { ProgressReport } from "../plan/commands.ts";
import type { CommandContext } from "../registry.ts";
import type { Store } from "../store-port.ts";
import type { ComputeKind } from "./state.ts";

const NOW = "2026-12-01T10:30:00.000Z";

for (const target of storeTargets())
  describe.skipIf(!target.available)(`the person's state on ${target.name}`, () => {
    let store: Store;
    let counts: Record<ComputeKind, number>;
    let onFit: (() => Promise<void>) | null;
    let ctx: CommandContext;
    const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
      const r = await registry.invoke(name, input, ctx);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    const seen = () => ({ ...counts });

    beforeEach(async () => {
      store = await openTestStore(target);
      counts = { fit: 0, selection: 0, weekFit: 0 };
      onFit = null;
      ctx = {
        store,
        personId: "me",
        now: () => NOW,
        onCompute: (kind) => {
          counts[kind]++;
        },
      };
      await store.ensurePerson({ id: "me", name: "", accountId: null, demo: false, createdAt: NOW });
      await call("demo/seed", { weeks: 4 });
    });
    afterEach(async () => {
      await store.close();
    });

    it("map → plan → progress → report on unchanged data run one fit and one plan selection", async () => {
      const first = await call<MapReport>("map/get");
      expect(seen()).toEqual({ fit: 1, selection: 0, weekFit: 0 });
      await call("plan/create");
      expect(seen()).toEqual({ fit: 1, selection: 1, weekFit: 0 });
      const progress = await call<ProgressReport>("progress/get");
      const weeks = progress.timeline.weeksDone - 1;
      expect(weeks).toBeGreaterThanOrEqual(2);
      expect(seen()).toEqual({ fit: 1, selection: 1, weekFit: weeks });
      const { html } = await call<{ html: string }>("report/html");
      expect(html).toContain("Reward-architecture map");
      await call("today/get", { now: { localDate: NOW.slice(0, 10), localHour: 10, localMinute: 30 } });
      expect(seen()).toEqual({ fit: 1, selection: 1, weekFit: weeks });
      // What the cache gives back is what was computed.
      expect(await call<MapReport>("map/get")).toEqual(first);
      expect(first.basis?.revision).toBe(await store.getRevision("me"));
    });

    it("a write changes the revision, and the next read recomputes only what it touched", async () => {
      const progress = await call<ProgressReport>("progress/get");
      const before = seen();
      const log = (await call<{ checkIns: { localDate: string }[] }>("log/get")).checkIns;
      const lastDay = log
        .map((c) => c.localDate)
        .sort()
        .at(-1)!;
      const revision = await store.getRevision("me");
      await call("checkin/record", {
        id: "late-walk",
        activityId: "walk",
        localDate: lastDay,
        localHour: 21,
        at: `${lastDay}T21:00:00Z`,
        plannedMin: 10,
        started: true,
        minutesDone: 10,
        anticipated: 3,
        experienced: 8,
      });
      expect(await store.getRevision("me")).toBe(revision + 1);
      await call("map/get");
      expect(seen().fit).toBe(before.fit + 1);
      const again = await call<ProgressReport>("progress/get");
      expect(again.timeline.weeksDone).toBe(progress.timeline.weeksDone);
      expect(seen().selection).toBe(before.selection + 1);
      // Only the last week's records changed: its refit is new, the earlier weeks come from the cache.
      expect(seen().weekFit).toBe(before.weekFit + 1);
      expect(addDays(progress.startDate, 7 * progress.timeline.weeksDone - 1) >= lastDay).toBe(true);
    });

    it("never takes a snapshot made while a write landed as current", async () => {
      onFit = async () => {
        await store.closeDay("me", NOW.slice(0, 10));
      };
      const inner = ctx.onCompute!;
      ctx = {
        ...ctx,
        onCompute: (kind) => {
          inner(kind);
          if (kind === "fit" && onFit) {
            const write = onFit;
            onFit = null;
            pending.push(write());
          }
        },
      };
      const pending: Promise<void>[] = [];
      await call("map/get");
      await Promise.all(pending);
      expect(counts.fit).toBe(1);
      // The write landed during that fit: the snapshot it made is stale, so this read fits again …
      await call("map/get");
      expect(counts.fit).toBe(2);
      // … and this one is served from the snapshot of the current revision.
      await call("map/get");
      expect(counts.fit).toBe(2);
    });
  });
