import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type {
  AccountRow,
  PersonRow,
  PutOutcome,
  SessionRow,
  ShareRow,
  Store,
  StoredEntry,
} from "../app/store-port.ts";
import {
  type CheckIn,
  completesCheckIn,
  type PersonLog,
  type RecordActivity,
  type UrgeEpisode,
} from "../model/records/index.ts";
import type { Database, EventsTable } from "./tables.ts";

type Db = Kysely<Database> | Transaction<Database>;
type EventTable = "check_ins" | "urges";
const PERSON_TABLES = [
  "activities",
  "check_ins",
  "urges",
  "closed_days",
  "entries",
  "blobs",
  "snapshots",
] as const;
const CHUNK = 400;

const inserted = (r: { numInsertedOrUpdatedRows?: bigint }) => Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;

function eventRow(personId: string, e: CheckIn | UrgeEpisode): EventsTable {
  return {
    person_id: personId,
    id: e.id,
    activity_id: e.activityId,
    local_date: e.localDate,
    at: e.at,
    data: JSON.stringify(e),
  };
}

async function insertChunks(db: Db, table: EventTable, rows: EventsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

/** Bumps the person's data revision (inside the write's own transaction). */
async function bumpRevision(db: Db, personId: string): Promise<void> {
  await db
    .updateTable("persons")
    .set((eb) => ({ revision: eb("revision", "+", 1) }))
    .where("id", "=", personId)
    .execute();
}

const changed = (r: PutOutcome | "conflict" | boolean) => r === "created" || r === "updated" || r === true;

/**
 * Runs one write of the person's data in a transaction that also bumps their revision when the
 * write changed something, so a snapshot of the data is never taken as current after a write.
 */
function personWrite<T extends PutOutcome | "conflict" | boolean | undefined>(
  db: Kysely<Database>,
  personId: string,
  write: (tx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const r = await write(tx);
    if (r === undefined || changed(r)) await bumpRevision(tx, personId);
    return r;
  });
}

async function putEvent(
  db: Db,
  table: EventTable,
  personId: string,
  e: CheckIn | UrgeEpisode,
): Promise<PutOutcome | "conflict"> {
  const row = eventRow(personId, e);
  const r = await db
    .insertInto(table)
    .values(row)
    .onConflict((oc) => oc.columns(["person_id", "id"]).doNothing())
    .executeTakeFirst();
  if (inserted(r)) return "created";
  const old = await db
    .selectFrom(table)
    .select("data")
    .where("person_id", "=", personId)
    .where("id", "=", e.id)
    .executeTakeFirst();
  if (old?.data === row.data) return "unchanged";
  if (table === "check_ins" && old && completesCheckIn(JSON.parse(old.data) as CheckIn, e as CheckIn)) {
    await db
      .updateTable(table)
      .set({ data: row.data, at: row.at })
      .where("person_id", "=", personId)
      .where("id", "=", e.id)
      .execute();
    return "updated";
  }
  return "conflict";
}

async function clearPerson(db: Db, personId: string): Promise<void> {
  for (const t of PERSON_TABLES) await db.deleteFrom(t).where("person_id", "=", personId).execute();
}

const toPerson = (r: Selectable<Database["persons"]>): PersonRow => ({
  id: r.id,
  name: r.name,
  accountId: r.account_id,
  demo: Number(r.demo) === 1,
  createdAt: r.created_at,
});

const toAccount = (r: Database["accounts"]): AccountRow => ({
  id: r.id,
  email: r.email,
  passwordHash: r.password_hash,
  personId: r.person_id,
  createdAt: r.created_at,
});

const toShare = (r: Selectable<Database["shares"]>): ShareRow => ({
  id: r.id,
  kind: r.kind === "grant" ? "grant" : "link",
  tokenHash: r.token_hash,
  personId: r.person_id,
  sections: JSON.parse(r.sections) as string[],
  label: r.label,
  granteeAccountId: r.grantee_account_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

const personRow = (p: PersonRow): Insertable<Database["persons"]> => ({
  id: p.id,
  name: p.name,
  account_id: p.accountId,
  demo: p.demo ? 1 : 0,
  created_at: p.createdAt,
});

/** The `Store` over kysely: one implementation for SQLite and PostgreSQL. */
export function kyselyStore(
  db: Kysely<Database>,
  dialect: Store["dialect"],
  onClose: () => Promise<void>,
): Store {
  return {
    dialect,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async ensurePerson(p) {
      await db
        .insertInto("persons")
        .values(personRow(p))
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
    },
    async getPerson(personId) {
      const r = await db.selectFrom("persons").selectAll().where("id", "=", personId).executeTakeFirst();
      return r ? toPerson(r) : undefined;
    },
    putActivity: (personId, a: RecordActivity) =>
      personWrite(db, personId, async (tx): Promise<PutOutcome> => {
        const data = JSON.stringify(a);
        const old = await tx
          .selectFrom("activities")
          .select("data")
          .where("person_id", "=", personId)
          .where("id", "=", a.id)
          .executeTakeFirst();
        if (old?.data === data) return "unchanged";
        const r = await tx
          .insertInto("activities")
          .values({ person_id: personId, id: a.id, data })
          .onConflict((oc) => oc.columns(["person_id", "id"]).doUpdateSet({ data }))
          .executeTakeFirst();
        return old || !inserted(r) ? "updated" : "created";
      }),
    putCheckIn: (personId, c) => personWrite(db, personId, (tx) => putEvent(tx, "check_ins", personId, c)),
    putUrge: (personId, u) => personWrite(db, personId, (tx) => putEvent(tx, "urges", personId, u)),
    closeDay: (personId, localDate) =>
      personWrite(db, personId, async (tx): Promise<PutOutcome> => {
        const r = await tx
          .insertInto("closed_days")
          .values({ person_id: personId, local_date: localDate })
          .onConflict((oc) => oc.columns(["person_id", "local_date"]).doNothing())
          .executeTakeFirst();
        return inserted(r) ? "created" : "unchanged";
      }),
    async hasActivity(personId, activityId) {
      const r = await db
        .selectFrom("activities")
        .select("id")
        .where("person_id", "=", personId)
        .where("id", "=", activityId)
        .executeTakeFirst();
      return r !== undefined;
    },
    async readLog(personId): Promise<PersonLog> {
      const [activities, checkIns, urges, days] = await Promise.all([
        db.selectFrom("activities").select("data").where("person_id", "=", personId).orderBy("id").execute(),
        db
          .selectFrom("check_ins")
          .select("data")
          .where("person_id", "=", personId)
          .orderBy("at")
          .orderBy("id")
          .execute(),
        db
          .selectFrom("urges")
          .select("data")
          .where("person_id", "=", personId)
          .orderBy("at")
          .orderBy("id")
          .execute(),
        db
          .selectFrom("closed_days")
          .select("local_date")
          .where("person_id", "=", personId)
          .orderBy("local_date")
          .execute(),
      ]);
      return {
        version: 1,
        activities: activities.map((r) => JSON.parse(r.data)),
        checkIns: checkIns.map((r) => JSON.parse(r.data)),
        urges: urges.map((r) => JSON.parse(r.data)),
        closedDays: days.map((r) => r.local_date),
      };
    },
    async importData(personId, { log, entries, blobs }, replace) {
      await db.transaction().execute(async (tx) => {
        if (replace) await clearPerson(tx, personId);
        for (const a of log.activities)
          await tx
            .insertInto("activities")
            .values({ person_id: personId, id: a.id, data: JSON.stringify(a) })
            .onConflict((oc) => oc.columns(["person_id", "id"]).doUpdateSet({ data: JSON.stringify(a) }))
            .execute();
        const ids = async (table: EventTable) =>
          new Set(
            (await tx.selectFrom(table).select("id").where("person_id", "=", personId).execute()).map(
              (r) => r.id,
            ),
          );
        const haveC = await ids("check_ins");
        await insertChunks(
          tx,
          "check_ins",
          log.checkIns.filter((c) => !haveC.has(c.id)).map((c) => eventRow(personId, c)),
        );
        const haveU = await ids("urges");
        await insertChunks(
          tx,
          "urges",
          log.urges.filter((u) => !haveU.has(u.id)).map((u) => eventRow(personId, u)),
        );
        for (const d of log.closedDays)
          await tx
            .insertInto("closed_days")
            .values({ person_id: personId, local_date: d })
            .onConflict((oc) => oc.columns(["person_id", "local_date"]).doNothing())
            .execute();
        for (const e of entries)
          await tx
            .insertInto("entries")
            .values({ person_id: personId, id: e.id, kind: e.kind, at: e.at, data: JSON.stringify(e.data) })
            .onConflict((oc) => oc.columns(["person_id", "id"]).doNothing())
            .execute();
        for (const b of blobs) {
          const data = JSON.stringify(b.data);
          await tx
            .insertInto("blobs")
            .values({ person_id: personId, name: b.name, data, updated_at: b.updatedAt })
            .onConflict((oc) =>
              oc.columns(["person_id", "name"]).doUpdateSet({ data, updated_at: b.updatedAt }),
            )
            .execute();
        }
        await bumpRevision(tx, personId);
      });
    },
    putEntry: (personId, e: StoredEntry) =>
      personWrite(db, personId, async (tx): Promise<PutOutcome | "conflict"> => {
        const data = JSON.stringify(e.data);
        const r = await tx
          .insertInto("entries")
          .values({ person_id: personId, id: e.id, kind: e.kind, at: e.at, data })
          .onConflict((oc) => oc.columns(["person_id", "id"]).doNothing())
          .executeTakeFirst();
        if (inserted(r)) return "created";
        const old = await tx
          .selectFrom("entries")
          .select(["data", "kind", "at"])
          .where("person_id", "=", personId)
          .where("id", "=", e.id)
          .executeTakeFirst();
        return old?.data === data && old.kind === e.kind && old.at === e.at ? "unchanged" : "conflict";
      }),
    async listEntries(personId, kind) {
      let q = db.selectFrom("entries").selectAll().where("person_id", "=", personId);
      if (kind !== undefined) q = q.where("kind", "=", kind);
      const rows = await q.orderBy("at").orderBy("id").execute();
      return rows.map((r) => ({ id: r.id, kind: r.kind, at: r.at, data: JSON.parse(r.data) as unknown }));
    },
    async deleteEntry(personId, id) {
      await personWrite(db, personId, async (tx) => {
        const r = await tx
          .deleteFrom("entries")
          .where("person_id", "=", personId)
          .where("id", "=", id)
          .executeTakeFirst();
        return Number(r.numDeletedRows) > 0;
      });
    },
    async putBlob(personId, name, data, updatedAt) {
      const text = JSON.stringify(data);
      await personWrite(db, personId, async (tx) => {
        await tx
          .insertInto("blobs")
          .values({ person_id: personId, name, data: text, updated_at: updatedAt })
          .onConflict((oc) =>
            oc.columns(["person_id", "name"]).doUpdateSet({ data: text, updated_at: updatedAt }),
          )
          .execute();
        return true;
      });
    },
    async getRevision(personId) {
      const r = await db
        .selectFrom("persons")
        .select("revision")
        .where("id", "=", personId)
        .executeTakeFirst();
      return r ? Number(r.revision) : 0;
    },
    async getSnapshot(personId, kind) {
      const r = await db
        .selectFrom("snapshots")
        .select(["revision", "data"])
        .where("person_id", "=", personId)
        .where("kind", "=", kind)
        .executeTakeFirst();
      return r ? { revision: Number(r.revision), data: JSON.parse(r.data) as unknown } : undefined;
    },
    async putSnapshot(personId, kind, revision, data) {
      const text = JSON.stringify(data);
      return db.transaction().execute(async (tx) => {
        const current = await tx
          .selectFrom("persons")
          .select("revision")
          .where("id", "=", personId)
          .executeTakeFirst();
        if (!current || Number(current.revision) !== revision) return false;
        await tx
          .insertInto("snapshots")
          .values({ person_id: personId, kind, revision, data: text })
          .onConflict((oc) => oc.columns(["person_id", "kind"]).doUpdateSet({ revision, data: text }))
          .execute();
        return true;
      });
    },
    async getBlob(personId, name) {
      const r = await db
        .selectFrom("blobs")
        .select("data")
        .where("person_id", "=", personId)
        .where("name", "=", name)
        .executeTakeFirst();
      return r ? (JSON.parse(r.data) as unknown) : undefined;
    },
    async listBlobs(personId) {
      const rows = await db
        .selectFrom("blobs")
        .selectAll()
        .where("person_id", "=", personId)
        .orderBy("name")
        .execute();
      return rows.map((r) => ({
        name: r.name,
        data: JSON.parse(r.data) as unknown,
        updatedAt: r.updated_at,
      }));
    },
    async deletePerson(personId) {
      await db.transaction().execute(async (tx) => {
        await clearPerson(tx, personId);
        const accounts = await tx
          .selectFrom("accounts")
          .select("id")
          .where("person_id", "=", personId)
          .execute();
        for (const a of accounts) {
          await tx.deleteFrom("sessions").where("account_id", "=", a.id).execute();
          // The grants made to this account go with it: a new account with the same email gets none.
          await tx.deleteFrom("shares").where("grantee_account_id", "=", a.id).execute();
        }
        await tx.deleteFrom("accounts").where("person_id", "=", personId).execute();
        await tx.deleteFrom("shares").where("person_id", "=", personId).execute();
        await tx.deleteFrom("persons").where("id", "=", personId).execute();
      });
    },
    async createAccount(account, person) {
      return db.transaction().execute(async (tx) => {
        const taken = await tx
          .selectFrom("accounts")
          .select("id")
          .where("email", "=", account.email)
          .executeTakeFirst();
        if (taken) return "email_taken" as const;
        await tx.insertInto("persons").values(personRow(person)).execute();
        await tx
          .insertInto("accounts")
          .values({
            id: account.id,
            email: account.email,
            password_hash: account.passwordHash,
            person_id: account.personId,
            created_at: account.createdAt,
          })
          .execute();
        return "created" as const;
      });
    },
    async findAccountByEmail(email) {
      const r = await db.selectFrom("accounts").selectAll().where("email", "=", email).executeTakeFirst();
      return r ? toAccount(r) : undefined;
    },
    async getAccount(accountId) {
      const r = await db.selectFrom("accounts").selectAll().where("id", "=", accountId).executeTakeFirst();
      return r ? toAccount(r) : undefined;
    },
    async createSession(s: SessionRow) {
      await db
        .insertInto("sessions")
        .values({
          token_hash: s.tokenHash,
          account_id: s.accountId,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          last_seen_at: s.lastSeenAt,
        })
        .execute();
    },
    async getSession(tokenHash) {
      const r = await db
        .selectFrom("sessions")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
      return r
        ? {
            tokenHash: r.token_hash,
            accountId: r.account_id,
            csrfToken: r.csrf_token,
            createdAt: r.created_at,
            expiresAt: r.expires_at,
            lastSeenAt: r.last_seen_at ?? r.created_at,
          }
        : undefined;
    },
    async deleteSession(tokenHash) {
      await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
    },
    async deleteSessionsOf(accountId, keep) {
      let q = db.deleteFrom("sessions").where("account_id", "=", accountId);
      if (keep !== undefined) q = q.where("token_hash", "!=", keep);
      await q.execute();
    },
    async touchSession(tokenHash, at) {
      await db
        .updateTable("sessions")
        .set({ last_seen_at: at })
        .where("token_hash", "=", tokenHash)
        .execute();
    },
    async setPasswordHash(accountId, passwordHash) {
      await db
        .updateTable("accounts")
        .set({ password_hash: passwordHash })
        .where("id", "=", accountId)
        .execute();
    },
    async createShare(s: ShareRow) {
      await db
        .insertInto("shares")
        .values({
          id: s.id,
          token_hash: s.tokenHash,
          person_id: s.personId,
          sections: JSON.stringify(s.sections),
          label: s.label,
          kind: s.kind,
          grantee_account_id: s.granteeAccountId,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          revoked_at: s.revokedAt,
        })
        .execute();
    },
    async getShareByTokenHash(tokenHash) {
      const r = await db
        .selectFrom("shares")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
      return r ? toShare(r) : undefined;
    },
    async getShare(personId, shareId) {
      const r = await db
        .selectFrom("shares")
        .selectAll()
        .where("person_id", "=", personId)
        .where("id", "=", shareId)
        .executeTakeFirst();
      return r ? toShare(r) : undefined;
    },
    async listShares(personId) {
      const rows = await db
        .selectFrom("shares")
        .selectAll()
        .where("person_id", "=", personId)
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute();
      return rows.map(toShare);
    },
    async listSharesGrantedTo(accountId) {
      const rows = await db
        .selectFrom("shares")
        .selectAll()
        .where("kind", "=", "grant")
        .where("grantee_account_id", "=", accountId)
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute();
      return rows.map(toShare);
    },
    async acceptGrant(codeHash, accountId) {
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom("shares")
          .selectAll()
          .where("token_hash", "=", codeHash)
          .where("kind", "=", "grant")
          .where("grantee_account_id", "is", null)
          .where("revoked_at", "is", null)
          .executeTakeFirst();
        if (!row) return null;
        // The code is retired with the redemption: its hash gives way to a value no code hashes to.
        const retired = `accepted:${row.id}`;
        const r = await tx
          .updateTable("shares")
          .set({ grantee_account_id: accountId, token_hash: retired })
          .where("id", "=", row.id)
          .where("grantee_account_id", "is", null)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return null;
        return toShare({ ...row, grantee_account_id: accountId, token_hash: retired });
      });
    },
    async revokeShare(personId, shareId, at) {
      const r = await db
        .updateTable("shares")
        .set({ revoked_at: at })
        .where("person_id", "=", personId)
        .where("id", "=", shareId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) > 0) return true;
      const row = await db
        .selectFrom("shares")
        .select("id")
        .where("person_id", "=", personId)
        .where("id", "=", shareId)
        .executeTakeFirst();
      return row !== undefined;
    },
    close: onClose,
  };
}
