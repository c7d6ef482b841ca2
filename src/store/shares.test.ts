import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ShareRow, Store } from "../app/store-port.ts";
import { openTestStore, storeTargets } from "./test-stores.ts";

const share = (id: string, personId: string, extra: Partial<ShareRow> = {}): ShareRow => ({
  id,
  kind: "link",
  tokenHash: `hash-${id}`,
  personId,
  sections: ["map", "progress"],
  label: `for ${id}`,
  granteeAccountId: null,
  createdAt: `2026-11-0${id.length}T00:00:00.000Z`,
  expiresAt: "2026-12-30T00:00:00.000Z",
  revokedAt: null,
  ...extra,
});

for (const target of storeTargets()) {
  describe.skipIf(!target.available)(`shares on ${target.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openTestStore(target);
      for (const id of ["p1", "p2"])
        await store.ensurePerson({
          id,
          name: id,
          accountId: null,
          demo: false,
          createdAt: "2026-01-01T00:00:00Z",
        });
    });
    afterEach(async () => {
      await store.close();
    });

    it("finds a share by its token hash and lists each person's own, newest first", async () => {
      await store.createShare(share("a", "p1"));
      await store.createShare(share("bb", "p1", { kind: "grant" }));
      await store.createShare(share("ccc", "p2"));
      expect(await store.getShareByTokenHash("hash-a")).toEqual(share("a", "p1"));
      expect(await store.getShareByTokenHash("hash-zzz")).toBeUndefined();
      expect((await store.listShares("p1")).map((s) => s.id)).toEqual(["bb", "a"]);
      expect((await store.listShares("p2")).map((s) => s.id)).toEqual(["ccc"]);
      expect(await store.listSharesGrantedTo("acc-coach")).toEqual([]);
      // Redeemed once, the grant is the account's, and its code is spent.
      expect((await store.acceptGrant("hash-bb", "acc-coach"))?.granteeAccountId).toBe("acc-coach");
      expect(await store.acceptGrant("hash-bb", "acc-other")).toBeNull();
      expect(await store.getShareByTokenHash("hash-bb")).toBeUndefined();
      expect((await store.listSharesGrantedTo("acc-coach")).map((s) => s.id)).toEqual(["bb"]);
      expect(await store.acceptGrant("hash-a", "acc-coach")).toBeNull(); // a link is not a grant
      expect(await store.getShare("p2", "a")).toBeUndefined();
    });

    it("refuses a second share with the same token hash", async () => {
      await store.createShare(share("a", "p1"));
      await expect(store.createShare({ ...share("b", "p1"), tokenHash: "hash-a" })).rejects.toThrow();
    });

    it("revokes only the owner's share, once, keeping the first instant", async () => {
      await store.createShare(share("a", "p1"));
      expect(await store.revokeShare("p2", "a", "2026-11-10T00:00:00.000Z")).toBe(false);
      expect((await store.getShare("p1", "a"))?.revokedAt).toBeNull();
      expect(await store.revokeShare("p1", "a", "2026-11-10T00:00:00.000Z")).toBe(true);
      expect(await store.revokeShare("p1", "a", "2026-11-11T00:00:00.000Z")).toBe(true);
      expect((await store.getShare("p1", "a"))?.revokedAt).toBe("2026-11-10T00:00:00.000Z");
      expect(await store.revokeShare("p1", "nope", "2026-11-10T00:00:00.000Z")).toBe(false);
    });

    it("deletes a person's shares with the person", async () => {
      await store.createShare(share("a", "p1"));
      await store.createShare(share("b", "p2"));
      await store.deletePerson("p1");
      expect(await store.getShareByTokenHash("hash-a")).toBeUndefined();
      expect(await store.getShareByTokenHash("hash-b")).toBeDefined();
    });
  });
}
