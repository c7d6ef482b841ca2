import {
  type CommandContext,
  type CommandInput,
  type CommandOutput,
  type Commands,
  type Result,
  registry,
} from "../app/index.ts";
import { CliError } from "./errors.ts";

/** How to word a failure as the person typed it. */
export interface UnwrapOptions {
  /** The flag a field of the input came from (e.g. ["people"] → "--people"), to name it in the message. */
  readonly flagOf?: (path: readonly (string | number)[]) => string | undefined;
  /** The file the input came from, to name it first in the message. */
  readonly file?: string;
}

/** The value of a result; a failure becomes a `CliError` (its code's exit code) worded as the person typed it. */
export function unwrapCli<T>(r: Result<T>, o: UnwrapOptions = {}): T {
  if (r.ok) return r.value;
  const flag = o.flagOf?.(r.error.path ?? []);
  const message = flag ? r.error.message.replace(/^[^:]+:/, `${flag}:`) : r.error.message;
  throw new CliError({ ...r.error, message: o.file ? `${o.file}: ${message}` : message });
}

/** Runs a command named at compile time, typed by its schemas; a failure exits with its code's exit code. */
export async function call<K extends keyof Commands & string>(
  name: K,
  input: CommandInput<Commands[K]>,
  ctx: CommandContext = {},
  o: UnwrapOptions = {},
): Promise<CommandOutput<Commands[K]>> {
  return unwrapCli(await registry.call(name, input, ctx), o);
}

/**
 * Runs a command on input read from a file or built at run time (the registry validates it);
 * `T` is what the caller reads of the output.
 */
export async function run<T>(
  name: string,
  input: unknown,
  ctx: CommandContext = {},
  o: UnwrapOptions = {},
): Promise<T> {
  return unwrapCli(await registry.invoke(name, input, ctx), o) as T;
}

/** Maps an input's first path key to a flag, from a table of key → flag. */
export const flagsFrom =
  (table: Readonly<Record<string, string>>) =>
  (path: readonly (string | number)[]): string | undefined =>
    typeof path[0] === "string" ? table[path[0]] : undefined;
