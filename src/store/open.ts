import { mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import type { Store } from "../app/store-port.ts";
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
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db, schema ?? "public");
  return kyselyStore(db, "postgres", async () => {
    await db.destroy();
    if (schema && location.dropSchemaOnClose) {
      const admin = new pg.Client({ connectionString: location.url });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  });
}
