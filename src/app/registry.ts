import { z } from "zod";
import { AppError, type ErrorBody, type Result } from "../errors/index.ts";
import type { Store } from "./store-port.ts";

export { AppError, type ErrorBody, type ErrorCode, type Result, unwrap } from "../errors/index.ts";

/** What the adapters pass to a command: ports to the outside world, never globals. */
export interface CommandContext {
  /** Progress of a long run: people (or agents) done of total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Runs work in parallel (worker threads in the CLI); commands fall back to in-process work. */
  readonly parallel?: ParallelRunner;
  /** Receives per-opportunity or per-trial records as they are made, when a trace is asked for. */
  readonly onRecord?: (record: Readonly<Record<string, unknown>>) => void;
  /** Persistence, for commands that read or write the person's data. */
  readonly store?: Store;
  /** The person whose data a command acts on (the local person, or the signed-in account's). */
  readonly personId?: string;
  /** The current instant, ISO 8601; adapters pass the clock in. */
  readonly now?: () => string;
  /** Prints report HTML to PDF, for `report/pdf`. */
  readonly printer?: PdfPrinter;
  /** Told of each expensive computation (a fit, a plan selection, a week's refit): for tracing and tests. */
  readonly onCompute?: (kind: "fit" | "selection" | "weekFit") => void;
}

/** Port for printing report HTML to PDF (Chromium in the CLI and the server). */
export interface PdfPrinter {
  /** Throws `AppError` `browser_missing` (saying how to install it) when printing cannot work here. */
  check(): void;
  print(html: string): Promise<Uint8Array>;
}

/** Port for splitting a population run across threads: returns the slices' results in any order. */
export interface ParallelRunner {
  readonly workers: number;
  run<TJob, TOut>(
    moduleUrl: string,
    jobs: readonly TJob[],
    onJobDone?: (done: number) => void,
  ): Promise<TOut[]>;
}

export interface Command<
  N extends string = string,
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
> {
  readonly name: N;
  readonly summary: string;
  readonly input: I;
  readonly output: O;
  /**
   * Long computations (population studies, recovery runs): served to the person on their own
   * machine, never to signed-in accounts on a shared server, where they would tie it up.
   */
  readonly localOnly?: boolean;
  run(input: z.output<I>, ctx: CommandContext): Promise<z.output<O>>;
}

/** Declares a command with its name and typed input and output schemas. */
export function defineCommand<const N extends string, I extends z.ZodType, O extends z.ZodType>(
  c: Command<N, I, O>,
): Command<N, I, O> {
  return c;
}

/** Any command, whatever its schemas (what a registry holds). */
// biome-ignore lint/suspicious/noExplicitAny: the one place commands of every schema meet
export type AnyCommand = Command<string, any, any>;

/** The commands of a list by name: what types `call`. */
export type CommandMap<Cs extends readonly AnyCommand[]> = { readonly [C in Cs[number] as C["name"]]: C };

/** What a command takes (before defaults) and gives. */
export type CommandInput<C extends AnyCommand> = z.input<C["input"]>;
export type CommandOutput<C extends AnyCommand> = z.output<C["output"]>;

/** Turns zod issues into one error naming the first offending field and the allowed values. */
export function invalidInput(error: z.ZodError, root = "input"): ErrorBody<"invalid_input"> {
  const issues = error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: i.message,
  }));
  const first = error.issues[0];
  const path = issues[0]?.path ?? [];
  const where = path.length ? path.join(".") : root;
  const allowed =
    first && "values" in first && Array.isArray(first.values) ? first.values.map(String) : undefined;
  const extra = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return {
    code: "invalid_input",
    message: `${where}: ${first?.message ?? "invalid"}${extra}`,
    path,
    ...(allowed ? { allowed } : {}),
    issues,
  };
}

export interface Registry<
  M extends Readonly<Record<string, AnyCommand>> = Readonly<Record<string, AnyCommand>>,
> {
  readonly commands: ReadonlyMap<string, AnyCommand>;
  /** Runs a command named at compile time, typed by its own schemas; never throws for bad input. */
  call<K extends keyof M & string>(
    name: K,
    input: CommandInput<M[K]>,
    ctx?: CommandContext,
  ): Promise<Result<CommandOutput<M[K]>>>;
  /** Runs a command named at run time (an HTTP route, `dopamap data <name>`): input and output unknown. */
  invoke(name: string, input: unknown, ctx?: CommandContext): Promise<Result<unknown>>;
}

/** How deep an input may nest (the deepest command input, an export's entry data, is far shallower). */
export const MAX_INPUT_DEPTH = 64;

/**
 * What no schema should have to meet: nesting deeper than {@link MAX_INPUT_DEPTH} (which overflows
 * recursive validators and writers) and NUL characters in strings (which PostgreSQL text cannot
 * hold). Walked without recursion; null when the input is fine.
 */
export function unsafeShape(input: unknown): ErrorBody<"invalid_input"> | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: input, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    const where = path.length ? path.join(".") : "input";
    if (typeof v === "string") {
      if (v.includes("\u0000"))
        return { code: "invalid_input", message: `${where}: contains a NUL character`, path };
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (path.length >= MAX_INPUT_DEPTH)
      return {
        code: "invalid_input",
        message: `${where}: nested deeper than ${MAX_INPUT_DEPTH} levels`,
        path,
      };
    for (const [k, x] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
      if (typeof k === "string" && k.includes("\u0000"))
        return { code: "invalid_input", message: `${where}: a key contains a NUL character`, path };
      stack.push({ v: x, path: [...path, k] });
    }
  }
  return null;
}

export function createRegistry<const Cs extends readonly AnyCommand[]>(
  commands: Cs,
): Registry<CommandMap<Cs>> {
  const map = new Map<string, AnyCommand>();
  for (const c of commands) {
    if (map.has(c.name)) throw new Error(`command ${c.name} is defined twice`);
    map.set(c.name, c);
  }
  const invoke = async (name: string, input: unknown, ctx: CommandContext = {}): Promise<Result<unknown>> => {
    const command = map.get(name);
    if (!command)
      return {
        ok: false,
        error: { code: "unknown_command", message: `unknown command ${name}`, allowed: [...map.keys()] },
      };
    const shape = unsafeShape(input);
    if (shape) return { ok: false, error: shape };
    const parsed = command.input.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
    try {
      return { ok: true, value: await command.run(parsed.data, ctx) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.body };
      if (e instanceof z.ZodError) return { ok: false, error: invalidInput(e) };
      throw e;
    }
  };
  return {
    commands: map,
    invoke,
    call: (name, input, ctx) => invoke(name, input, ctx) as never,
  };
}
