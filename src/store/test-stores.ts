import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "../app/store-port.ts";
import { openStore, type StoreLocation } from "./open.ts";

/** A database the shared test suites run against. */
export interface StoreTarget {
  readonly name: "sqlite" | "postgres";
  /** False for PostgreSQL when DATABASE_URL is not set (CI=true fails instead; see store.test.ts). */
  readonly available: boolean;
  /** A fresh, empty location: a temp-file SQLite, or a new PostgreSQL schema dropped on close. */
  location(): StoreLocation;
}

/** SQLite always; PostgreSQL when DATABASE_URL is set. */
export function storeTargets(env: NodeJS.ProcessEnv = process.env): StoreTarget[] {
  const url = env.DATABASE_URL;
  return [
    {
      name: "sqlite",
      available: true,
      location: () => ({
        kind: "sqlite",
        file: join(mkdtempSync(join(tmpdir(), "dopamap-test-")), "dopamap.sqlite"),
      }),
    },
    {
      name: "postgres",
      available: Boolean(url),
      location: () => ({
        kind: "postgres",
        url: url ?? "",
        schema: `t_${randomBytes(6).toString("hex")}`,
        dropSchemaOnClose: true,
      }),
    },
  ];
}

/** Opens a fresh store on a target. */
export function openTestStore(target: StoreTarget): Promise<Store> {
  return openStore(target.location());
}
