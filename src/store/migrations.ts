import { type Kysely, sql } from "kysely";
import type { Migration, MigrationProvider } from "kysely/migration";

/** The one migration set for both dialects: text ids and ISO 8601 instants, so no branch on dialect. */
const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("persons")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("account_id", "text")
      .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("activities")
      .addColumn("person_id", "text", (c) => c.notNull())
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("data", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("activities_pk", ["person_id", "id"])
      .execute();
    for (const table of ["check_ins", "urges"]) {
      await db.schema
        .createTable(table)
        .addColumn("person_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("activity_id", "text", (c) => c.notNull())
        .addColumn("local_date", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("data", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, ["person_id", "id"])
        .execute();
      await db.schema.createIndex(`${table}_by_at`).on(table).columns(["person_id", "at"]).execute();
    }
    await db.schema
      .createTable("closed_days")
      .addColumn("person_id", "text", (c) => c.notNull())
      .addColumn("local_date", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("closed_days_pk", ["person_id", "local_date"])
      .execute();
    await db.schema
      .createTable("entries")
      .addColumn("person_id", "text", (c) => c.notNull())
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("data", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("entries_pk", ["person_id", "id"])
      .execute();
    await db.schema
      .createTable("blobs")
      .addColumn("person_id", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("data", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("blobs_pk", ["person_id", "name"])
      .execute();
    await db.schema
      .createTable("accounts")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("email", "text", (c) => c.notNull().unique())
      .addColumn("password_hash", "text", (c) => c.notNull())
      .addColumn("person_id", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("sessions")
      .addColumn("token_hash", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull())
      .addColumn("csrf_token", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("sessions_by_account").on("sessions").column("account_id").execute();
  },
};

/** Read-only shares of a person's report: a link (token) or an account grant (email); only the token's SHA-256 is kept. */
const shares: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("shares")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("person_id", "text", (c) => c.notNull())
      .addColumn("sections", "text", (c) => c.notNull())
      .addColumn("label", "text", (c) => c.notNull())
      .addColumn("grantee_email", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("revoked_at", "text")
      .execute();
    await db.schema.createIndex("shares_by_person").on("shares").column("person_id").execute();
    await db.schema.createIndex("shares_by_grantee").on("shares").column("grantee_email").execute();
  },
};

/**
 * The person's data revision (every write of theirs bumps it in the same transaction) and the
 * snapshots computed from it (the person's state, plan selection, week-by-week fits).
 */
const snapshots: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("persons")
      .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable("snapshots")
      .addColumn("person_id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("revision", "integer", (c) => c.notNull())
      .addColumn("data", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("snapshots_pk", ["person_id", "kind"])
      .execute();
  },
};

/** When each session was last used, for the idle timeout. */
const sessionUse: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("sessions").addColumn("last_seen_at", "text").execute();
  },
};

/**
 * Account grants bound to the account that redeems a one-time code, not to an email address (which
 * anyone could register first). Grants made to an email before this are withdrawn.
 */
const grantsToAccounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("shares")
      .addColumn("kind", "text", (c) => c.notNull().defaultTo("link"))
      .execute();
    await db.schema.alterTable("shares").addColumn("grantee_account_id", "text").execute();
    await sql`update shares set kind = 'grant', revoked_at = coalesce(revoked_at, created_at) where grantee_email is not null`.execute(
      db,
    );
    await sql`update shares set grantee_email = null`.execute(db);
    await db.schema
      .createIndex("shares_by_grantee_account")
      .on("shares")
      .column("grantee_account_id")
      .execute();
  },
};

/** Migrations in order; names sort lexically. */
export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return {
      "0001_initial": initial,
      "0002_shares": shares,
      "0003_snapshots": snapshots,
      "0004_session_use": sessionUse,
      "0005_grants_to_accounts": grantsToAccounts,
    };
  },
};
