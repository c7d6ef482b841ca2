import type { CheckIn, PersonLog, RecordActivity, UrgeEpisode } from "../model/records/index.ts";

/** A person whose data the store holds; `accountId` is null for the local single person. */
export interface PersonRow {
  readonly id: string;
  readonly name: string;
  readonly accountId: string | null;
  readonly demo: boolean;
  /** ISO 8601 instant. */
  readonly createdAt: string;
}

/** Whether a write made a new row, found the same row already there (a retry), or replaced one. */
export type PutOutcome = "created" | "unchanged" | "updated";

/** A stored item answer (or any assessment event) as opaque JSON, in the person's own data. */
export interface StoredEntry {
  readonly id: string;
  readonly kind: string;
  /** ISO 8601 instant. */
  readonly at: string;
  readonly data: unknown;
}

/** What `importData` writes. */
export interface ImportData {
  readonly log: PersonLog;
  readonly entries: readonly StoredEntry[];
  readonly blobs: readonly { name: string; data: unknown; updatedAt: string }[];
}

/** A login account. */
export interface AccountRow {
  readonly id: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly personId: string;
  readonly createdAt: string;
}

/** A session: only the SHA-256 of its token is stored. */
export interface SessionRow {
  readonly tokenHash: string;
  readonly accountId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** ISO 8601 instant of the session's last use (the idle timeout counts from it). */
  readonly lastSeenAt: string;
}

/**
 * A read-only share of a person's report: a link (only the SHA-256 of its token is stored), or an
 * account grant, which reaches no one until a signed-in account redeems its one-time acceptance
 * code (only the code's SHA-256 is stored, in `tokenHash`) and binds it to that account's id. It
 * shows only `sections`, until `expiresAt` or until revoked.
 */
export interface ShareRow {
  readonly id: string;
  readonly kind: "link" | "grant";
  /** SHA-256 of the link's token, or of a grant's acceptance code until it is redeemed. */
  readonly tokenHash: string;
  readonly personId: string;
  readonly sections: readonly string[];
  /** The person's own note of who it is for, e.g. "my coach". */
  readonly label: string;
  /** The account a grant was redeemed by; null for a link or a grant not yet accepted. */
  readonly granteeAccountId: string | null;
  /** ISO 8601 instants. */
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}

/**
 * Persistence the app layer needs. Every method scoped by `personId` reads and writes only that
 * person's rows; ids are client-generated and unique per person, so retries are idempotent.
 * Methods that write several rows are transactions.
 */
export interface Store {
  readonly dialect: "sqlite" | "postgres";
  /** Resolves when the database answers a trivial query (health checks). */
  ping(): Promise<void>;
  ensurePerson(person: PersonRow): Promise<void>;
  getPerson(personId: string): Promise<PersonRow | undefined>;
  putActivity(personId: string, activity: RecordActivity): Promise<PutOutcome>;
  /** Inserts once; a retry with the same content is `unchanged`, different content under the same id is `updated` only when `replace`. */
  putCheckIn(personId: string, checkIn: CheckIn): Promise<PutOutcome | "conflict">;
  putUrge(personId: string, urge: UrgeEpisode): Promise<PutOutcome | "conflict">;
  closeDay(personId: string, localDate: string): Promise<PutOutcome>;
  hasActivity(personId: string, activityId: string): Promise<boolean>;
  readLog(personId: string): Promise<PersonLog>;
  /**
   * Writes a whole log with its entries and blobs in one transaction. With `replace` the person's
   * data is cleared first; otherwise rows whose ids exist are kept and the rest are added.
   */
  importData(personId: string, data: ImportData, replace: boolean): Promise<void>;
  putEntry(personId: string, entry: StoredEntry): Promise<PutOutcome | "conflict">;
  listEntries(personId: string, kind?: string): Promise<StoredEntry[]>;
  deleteEntry(personId: string, id: string): Promise<void>;
  /** JSON blobs keyed by person and name (fits, maps). */
  putBlob(personId: string, name: string, data: unknown, updatedAt: string): Promise<void>;
  getBlob(personId: string, name: string): Promise<unknown | undefined>;
  listBlobs(personId: string): Promise<{ name: string; data: unknown; updatedAt: string }[]>;
  /**
   * The person's data revision: 0 for a new person, bumped by every write that changes their data
   * (records, entries, blobs, imports), in the write's own transaction.
   */
  getRevision(personId: string): Promise<number>;
  /** A computation cached for the person under `kind`, with the revision of the data it was made from. */
  getSnapshot(personId: string, kind: string): Promise<{ revision: number; data: unknown } | undefined>;
  /**
   * Keeps `data` as the person's `kind` snapshot made from `revision`, only if that is still their
   * revision (a write that landed meanwhile makes it stale); returns whether it was kept.
   */
  putSnapshot(personId: string, kind: string, revision: number, data: unknown): Promise<boolean>;
  /** Deletes every row of the person (records, entries, blobs, their account and sessions) in one transaction. */
  deletePerson(personId: string): Promise<void>;
  createAccount(account: AccountRow, person: PersonRow): Promise<"created" | "email_taken">;
  findAccountByEmail(email: string): Promise<AccountRow | undefined>;
  getAccount(accountId: string): Promise<AccountRow | undefined>;
  createSession(session: SessionRow): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRow | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of the account except `keep` (a token hash), when given. */
  deleteSessionsOf(accountId: string, keep?: string): Promise<void>;
  /** Records a session's use at `at` (the idle timeout counts from the last use). */
  touchSession(tokenHash: string, at: string): Promise<void>;
  /** Replaces an account's password hash. */
  setPasswordHash(accountId: string, passwordHash: string): Promise<void>;
  createShare(share: ShareRow): Promise<void>;
  /** The share with this token hash, whatever its state (the caller checks expiry and revocation). */
  getShareByTokenHash(tokenHash: string): Promise<ShareRow | undefined>;
  /** One of the person's shares by id. */
  getShare(personId: string, shareId: string): Promise<ShareRow | undefined>;
  /** The person's shares, newest first. */
  listShares(personId: string): Promise<ShareRow[]>;
  /** Account grants redeemed by this account, newest first. */
  listSharesGrantedTo(accountId: string): Promise<ShareRow[]>;
  /**
   * Redeems a grant's acceptance code (by its SHA-256) for `accountId`, once: binds the grant to
   * the account and retires the code. Null when no unredeemed, unrevoked grant has that code.
   */
  acceptGrant(codeHash: string, accountId: string): Promise<ShareRow | null>;
  /** Marks one of the person's shares revoked at `at`; false when the person has no such share. */
  revokeShare(personId: string, shareId: string, at: string): Promise<boolean>;
  close(): Promise<void>;
}
