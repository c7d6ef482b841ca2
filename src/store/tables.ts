import type { Generated } from "kysely";

/** Row types of the one migration set, shared by SQLite and PostgreSQL (text ids, ISO instants). */
export interface PersonsTable {
  id: string;
  name: string;
  account_id: string | null;
  demo: number;
  created_at: string;
  /** Bumped by every write of the person's data, in the same transaction. */
  revision: Generated<number>;
}

export interface ActivitiesTable {
  person_id: string;
  id: string;
  data: string;
}

export interface EventsTable {
  person_id: string;
  id: string;
  activity_id: string;
  local_date: string;
  at: string;
  data: string;
}

export interface ClosedDaysTable {
  person_id: string;
  local_date: string;
}

export interface EntriesTable {
  person_id: string;
  id: string;
  kind: string;
  at: string;
  data: string;
}

export interface BlobsTable {
  person_id: string;
  name: string;
  data: string;
  updated_at: string;
}

/** A computation cached per person and kind, with the revision of the data it was made from. */
export interface SnapshotsTable {
  person_id: string;
  kind: string;
  revision: number;
  data: string;
}

export interface AccountsTable {
  id: string;
  email: string;
  password_hash: string;
  person_id: string;
  created_at: string;
}

export interface SessionsTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  /** Null for sessions made before the idle timeout existed (their creation counts). */
  last_seen_at: string | null;
}

export interface SharesTable {
  id: string;
  token_hash: string;
  person_id: string;
  /** JSON array of section ids. */
  sections: string;
  label: string;
  /** Unused since grants bind to accounts (migration 0005); kept null. */
  grantee_email: string | null;
  kind: Generated<string>;
  grantee_account_id: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** The database as kysely sees it. */
export interface Database {
  persons: PersonsTable;
  activities: ActivitiesTable;
  check_ins: EventsTable;
  urges: EventsTable;
  closed_days: ClosedDaysTable;
  entries: EntriesTable;
  blobs: BlobsTable;
  snapshots: SnapshotsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  shares: SharesTable;
}
