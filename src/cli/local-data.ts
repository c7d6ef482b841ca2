import { type CommandContext, LOCAL_PERSON_ID } from "../app/index.ts";
import { cliNowIso } from "./clock.ts";
import { CliError } from "./errors.ts";
import { parseJsonText, readText } from "./files.ts";
import { openLocalStore } from "./serve.ts";

/** How a command names its person: a log (JSON) or CSV from a file, or nothing (the stored person). */
export type LogSource =
  | { log: unknown; onError: "reject" | "skip" }
  | { csv: string; onError: "reject" | "skip" }
  | Record<string, never>;

/**
 * A log file as a command's source: `-` reads standard input; a name ending in `.csv` (or standard
 * input that does not start with `{`) is a CSV log, anything else a PersonLog JSON file.
 */
export function logSource(file: string, skipBadRows: boolean | undefined): LogSource {
  const text = readText(file);
  const onError = skipBadRows ? "skip" : "reject";
  const csv = file === "-" ? !text.trimStart().startsWith("{") : file.toLowerCase().endsWith(".csv");
  if (csv) return { csv: text, onError };
  return { log: parseJsonText(text, file === "-" ? "standard input" : file), onError };
}

/**
 * Runs `use` with the source and the context to invoke a command with: a log file when one is
 * named (no store: no screening is used), otherwise the local database's person (the data folder
 * `dopamap serve` uses), whose state is computed once per data revision.
 */
export async function withPerson<T>(
  file: string | undefined,
  flags: { data?: string | undefined; skipBadRows?: boolean | undefined },
  use: (source: LogSource, ctx: CommandContext) => Promise<T>,
): Promise<T> {
  if (file) return use(logSource(file, flags.skipBadRows), { now: cliNowIso });
  const store = await openLocalStore(flags.data);
  try {
    if ((await store.readLog(LOCAL_PERSON_ID)).activities.length === 0)
      throw new CliError({
        code: "not_found",
        message:
          "no activities recorded yet: define one (dopamap data activity/define …), run `npm run demo`, or name a log file",
      });
    return await use({}, { store, personId: LOCAL_PERSON_ID, now: cliNowIso });
  } finally {
    await store.close();
  }
}

/** The local person's log (for commands that take a log but not the store). */
export const localLog = (dataDir: string | undefined): Promise<unknown> =>
  withPerson(undefined, { data: dataDir }, async (_source, ctx) => ctx.store!.readLog(LOCAL_PERSON_ID));
