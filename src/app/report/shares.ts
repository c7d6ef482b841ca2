import { createHash, randomBytes, randomUUID } from "node:crypto";
import { renderNothingHtml, SECTION_IDS, type SectionId } from "../../report/index.ts";
import type { ShareRow, Store } from "../store-port.ts";
import { personReportHtml } from "./gather.ts";

/** SHA-256 (hex) of a share token: the only form of it the store keeps. */
export const shareTokenHash = (token: string): string => createHash("sha256").update(token).digest("hex");

/** A new share token: 32 random bytes, base64url (43 characters). */
export const newShareToken = (): string => randomBytes(32).toString("base64url");

/** Crockford's base-32 letters for a grant's acceptance code (no I, L, O or U to misread). */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A grant's one-time acceptance code: 20 characters (100 bits), in groups of four. */
export function newAcceptCode(): string {
  const chars = [...randomBytes(20)].map((b) => CODE_ALPHABET[b & 31]!);
  return chars.join("").replace(/(.{4})(?=.)/g, "$1-");
}

/** A code as typed (any case, spaces or dashes; O read as 0, I and L as 1) in the form it was issued. */
export function normaliseCode(code: string): string {
  const bare = code
    .toUpperCase()
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1")
    .replace(/[^0-9A-Z]/g, "");
  return bare.replace(/(.{4})(?=.)/g, "$1-");
}

/** A new share id. */
export const newShareId = (): string => randomUUID();

/** Where a share stands at `now`. */
export function shareStatus(share: ShareRow, now: string): "active" | "expired" | "revoked" {
  if (share.revokedAt !== null) return "revoked";
  return Date.parse(share.expiresAt) <= Date.parse(now) ? "expired" : "active";
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The active link share for a token, or null (unknown, malformed, expired, revoked or an account grant). */
export async function activeLinkShare(store: Store, token: string, now: string): Promise<ShareRow | null> {
  if (!TOKEN.test(token)) return null;
  const share = await store.getShareByTokenHash(shareTokenHash(token));
  if (share?.kind !== "link" || shareStatus(share, now) !== "active") return null;
  return share;
}

/** The active account grant with this id redeemed by this account, or null. */
export async function activeGrant(
  store: Store,
  shareId: string,
  accountId: string,
  now: string,
): Promise<ShareRow | null> {
  const share = (await store.listSharesGrantedTo(accountId)).find((s) => s.id === shareId);
  return share && shareStatus(share, now) === "active" ? share : null;
}

/** The sections a share names, in report order (unknown names, should any be stored, are dropped). */
export function shareSections(share: ShareRow): SectionId[] {
  return SECTION_IDS.filter((s) => share.sections.includes(s));
}

/**
 * The report restricted to a share's sections, with a read-only banner; for an inactive share
 * (`null`), the page that reveals nothing.
 */
export async function sharedReportHtml(store: Store, share: ShareRow | null, now: string): Promise<string> {
  if (!share) return renderNothingHtml();
  return personReportHtml(
    { store, personId: share.personId, now: () => now },
    {
      sections: shareSections(share),
      banner: `Shared with you read-only until ${share.expiresAt.slice(0, 10)}. The person who shared it can withdraw it at any time.`,
    },
  );
}
