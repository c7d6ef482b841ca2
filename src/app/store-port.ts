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
}

/**
 * Persistence the app layer needs. Every method scoped by `personId` reads and writes only that
 * person's rows; ids are client-generated and unique per person, so retries are idempotent.
 * Methods that write several rows are transactions.
 */
export interface Store {
  readonly dialect: "sqlite" | "postgres";
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
  /** Deletes every row of the person (records, entries, blobs, their account and sessions) in one transaction. */
  deletePerson(personId: string): Promise<void>;
  createAccount(account: AccountRow, person: PersonRow): Promise<"created" | "email_taken">;
  findAccountByEmail(email: string): Promise<AccountRow | undefined>;
  getAccount(accountId: string): Promise<AccountRow | undefined>;
  createSession(session: SessionRow): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRow | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOf(accountId: string): Promise<void>;
  close(): Promise<void>;
}
