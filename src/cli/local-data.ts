import { readFileSync } from "node:fs";
import { LOCAL_PERSON_ID } from "../server/index.ts";
import { CliError } from "./errors.ts";
import { openLocalStore } from "./serve.ts";

/**
 * The person's log: from a JSON file when one is named, otherwise from the local database (the
 * same data folder `dopamap serve` uses), so the day's commands work on what was recorded.
 */
export async function personLogFrom(file: string | undefined, dataDir?: string): Promise<unknown> {
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new CliError({ code: "not_found", message: `cannot read ${file}: ${(e as Error).message}` });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new CliError({
        code: "invalid_input",
        message: `${file} is not valid JSON: ${(e as Error).message}`,
      });
    }
  }
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
