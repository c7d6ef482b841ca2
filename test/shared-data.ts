/**
 * The real human data sets of `../shared/data/` (beside the clone, as in CI; never copied into the
 * repository), for the tests that validate the models on them.
 */
import { existsSync, readFileSync } from "node:fs";

/** The shared data folder, resolved from the repository root. */
export const SHARED_DATA = new URL("../../shared/data/", import.meta.url);

/** A file of the shared data folder as text; a clear error when the folder is not beside the clone. */
export function readSharedData(path: string): string {
  const url = new URL(path, SHARED_DATA);
  if (!existsSync(url))
    throw new Error(`${url.pathname} not found: the real-data tests need ../shared/data/ beside the clone`);
  return readFileSync(url, "utf8");
}
