import type { CommandContext } from "../app/index.ts";
import { LOCAL_PERSON_ID } from "../server/index.ts";
import { cliNowIso } from "./clock.ts";
import { CliError } from "./errors.ts";
import { readJsonFile } from "./files.ts";
import { openLocalStore } from "./serve.ts";

/**
 * Runs `use` on the person's log and the context to invoke commands with: from a JSON file when
 * one is named (no store: no screening is used), otherwise from the local database (the same data
 * folder `dopamap serve` uses), with the store in the context so the person's screening applies.
 */
export async function withPersonLog<T>(
  file: string | undefined,
  dataDir: string | undefined,
  use: (log: unknown, ctx: CommandContext) => Promise<T>,
): Promise<T> {
  if (file) return use(readJsonFile(file), { now: cliNowIso });
  const store = await openLocalStore(dataDir);
  try {
    const log = await store.readLog(LOCAL_PERSON_ID);
    if (log.activities.length === 0)
      throw new CliError({
        code: "not_found",
        message:
          "no activities recorded yet: define one (dopamap data activity/define …), run `npm run demo`, or name a log file",
      });
    return await use(log, { store, personId: LOCAL_PERSON_ID, now: cliNowIso });
  } finally {
    await store.close();
  }
}

/** The local person's log (for commands that take a log but not the store). */
export const localLog = (dataDir: string | undefined): Promise<unknown> =>
  withPersonLog(undefined, dataDir, async (log) => log);
