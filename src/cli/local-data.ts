import { LOCAL_PERSON_ID } from "../server/index.ts";
import { CliError } from "./errors.ts";
import { readJsonFile } from "./files.ts";
import { openLocalStore } from "./serve.ts";

/**
 * The person's log: from a JSON file when one is named, otherwise from the local database (the
 * same data folder `dopamap serve` uses), so the day's commands work on what was recorded.
 */
export async function personLogFrom(file: string | undefined, dataDir?: string): Promise<unknown> {
  if (file) return readJsonFile(file);
  const store = await openLocalStore(dataDir);
  try {
    const log = await store.readLog(LOCAL_PERSON_ID);
    if (log.activities.length === 0)
      throw new CliError({
        code: "not_found",
        message:
          "no activities recorded yet: define one (dopamap data activity/define …), run `npm run demo`, or name a log file",
      });
    return log;
  } finally {
    await store.close();
  }
}
