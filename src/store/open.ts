import { mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import type { Store } from "../app/store-port.ts";
import { AppError } from "../errors/index.ts";
import { kyselyStore } from "./kysely-store.ts";
import { migrationProvider } from "./migrations.ts";
import type { Database } from "./tables.ts";

/** Where the store lives: a data folder (SQLite) or a PostgreSQL URL, optionally in its own schema. */
export type StoreLocation =
  | { readonly kind: "sqlite"; readonly file: string }
  | {
      readonly kind: "postgres";
      readonly url: string;
      readonly schema?: string;
      readonly dropSchemaOnClose?: boolean;
    };

/** The per-user data folder: `$XDG_DATA_HOME/dopamap`, else `~/.local/share/dopamap`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(base, "dopamap");
}

/**
 * Resolves the location: `DATABASE_URL` wins (in the schema `DATABASE_SCHEMA` when set); otherwise
 * SQLite in `--data`, `DOPAMAP_DATA_DIR` or the default folder.
 */
export function resolveLocation(
  dataDir: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): StoreLocation {
  if (env.DATABASE_URL)
    return {
      kind: "postgres",
      url: env.DATABASE_URL,
      ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}),
    };
  const dir = dataDir ?? env.DOPAMAP_DATA_DIR ?? defaultDataDir(env);
  return { kind: "sqlite", file: join(dir, "dopamap.sqlite") };
}

async function migrate(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** PostgreSQL error codes and driver failures that mean "the database cannot be reached", not a bad query. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300", // too_many_connections
]);

/** Whether an error from the driver means the database is out of reach (for now). */
export function isUnavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  if (!err || typeof err !== "object") return false;
  if (err.code && UNAVAILABLE_CODES.has(err.code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/i.test(
    err.message ?? "",
  );
}

/** The store with every "database out of reach" failure turned into `database_unavailable` (503, retried later). */
function unavailableAsError(store: Store): Store {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(store))
    wrapped[name] =
      typeof value === "function"
        ? async (...args: unknown[]) => {
            try {
              return await (value as (...a: unknown[]) => Promise<unknown>).apply(store, args);
            } catch (e) {
              if (isUnavailable(e))
                throw new AppError({
                  code: "database_unavailable",
                  message: "the database cannot be reached just now; try again in a few seconds",
                });
              throw e;
            }
          }
        : value;
  return wrapped as unknown as Store;
}

/** Opens (and migrates) the store. SQLite runs in WAL mode with full sync, so an acknowledged write survives a crash. */
export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.kind === "sqlite") {
    if (location.file !== ":memory:") mkdirSync(join(location.file, ".."), { recursive: true });
    const sqlite = new SQLite(location.file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("busy_timeout = 5000");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrate(db);
    return kyselyStore(db, "sqlite", () => db.destroy());
  }
  const schema = location.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`bad schema name ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: location.url });
    await admin.connect();
    await admin.query(`create schema if not exists ${schema}`);
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString: location.url,
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A connection that drops (a restart, pg_terminate_backend) is an `error` event on the pool (an
  // idle client) or on the client itself (one checked out, e.g. in a transaction); unhandled, either
  // would end the process. The query in flight fails (and becomes `database_unavailable`), the pool
  // discards the client and opens a new connection for the next query: nothing more to do here.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db, schema ?? "public");
  return unavailableAsError(
    kyselyStore(db, "postgres", async () => {
      await db.destroy();
      if (schema && location.dropSchemaOnClose) {
        const admin = new pg.Client({ connectionString: location.url });
        await admin.connect();
        await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.end();
      }
    }),
  );
}
