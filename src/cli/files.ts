import { readFileSync } from "node:fs";
import { CliError } from "./errors.ts";

/** A file's text (`-`: standard input); an unreadable file is a `not_found` error naming it (no stack trace). */
export function readText(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    const name = file === "-" ? "standard input" : file;
    throw new CliError({ code: "not_found", message: `cannot read ${name}: ${(e as Error).message}` });
  }
}

/** `text` (read from `file`) parsed as JSON; malformed JSON is an `invalid_input` error naming the file. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError({
      code: "invalid_input",
      message: `${file} is not valid JSON: ${(e as Error).message}`,
    });
  }
}

/** A JSON file's content, with the two errors above. */
export function readJsonFile(file: string): unknown {
  return parseJsonText(readText(file), file);
}
