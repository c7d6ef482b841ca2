/** Persistence: the app's `Store` port over SQLite (embedded default) and PostgreSQL, one migration set. */
export { kyselyStore } from "./kysely-store.ts";
export { defaultDataDir, openStore, resolveLocation, type StoreLocation } from "./open.ts";
