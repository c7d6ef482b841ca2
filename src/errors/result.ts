import type { ErrorCode } from "./codes.ts";

/** One problem found in an input: where it is (a path of keys, or ["line", n, field]) and what is wrong. */
export interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * An expected failure: a stable code, a message naming the field, the path to it, the allowed
 * values when there is a closed set, and every issue when there are several.
 */
export interface ErrorBody<C extends ErrorCode = ErrorCode> {
  readonly code: C;
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly allowed?: readonly string[];
  readonly issues?: readonly Issue[];
}

/** The one result type: a value, or an {@link ErrorBody}. */
export type Result<T, C extends ErrorCode = ErrorCode> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ErrorBody<C> };

/** An expected failure thrown through code that does not return results (a command's handler). */
export class AppError extends Error {
  readonly body: ErrorBody;
  constructor(body: ErrorBody) {
    super(body.message);
    this.name = "AppError";
    this.body = body;
  }
}

/** A success. */
export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

/** A failure with a stable code (`path`, `issues` and `allowed` only when given). */
export function fail<C extends ErrorCode>(
  code: C,
  message: string,
  extra: { path?: readonly (string | number)[]; issues?: readonly Issue[]; allowed?: readonly string[] } = {},
): { readonly ok: false; readonly error: ErrorBody<C> } {
  return {
    ok: false,
    error: {
      code,
      message,
      ...(extra.path ? { path: extra.path } : {}),
      ...(extra.issues && extra.issues.length > 0 ? { issues: extra.issues } : {}),
      ...(extra.allowed ? { allowed: extra.allowed } : {}),
    },
  };
}

/** The value of a success; a failure is thrown as an {@link AppError}. */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw new AppError(r.error);
}

/** Turns zod-style issues into {@link Issue}s (symbols in paths become strings). */
export function issuesFrom(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Issue[] {
  return issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)) as (string | number)[],
    message: i.message,
  }));
}

/** "a.b.0: message; …" for a message that names every offending place (at most `max`). */
export function describeIssues(issues: readonly Issue[], max = 5): string {
  const shown = issues.slice(0, max).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : "";
  return shown.join("; ") + more;
}

/**
 * The failure for rows of a file that cannot be read: the first row's line and field in the
 * message ("line 3: rating: …"), every row in `issues`.
 */
export function rowsFailure(
  rows: readonly { line: number; field: string; message: string }[],
  root = "csv",
): { readonly ok: false; readonly error: ErrorBody<"invalid_input"> } {
  const first = rows[0]!;
  const more = rows.length > 1 ? ` (and ${rows.length - 1} more malformed rows)` : "";
  return fail("invalid_input", `line ${first.line}: ${first.field}: ${first.message}${more}`, {
    path: [root, first.line, first.field],
    issues: rows.map((r) => ({ path: ["line", r.line, r.field], message: r.message })),
  });
}

/** What a zod `safeParse` returns, structurally (this module does not depend on zod). */
export type SafeParsed<T> =
  | { readonly success: true; readonly data: T }
  | {
      readonly success: false;
      readonly error: {
        readonly issues: readonly { path: readonly PropertyKey[]; message: string; input?: unknown }[];
      };
    };

const got = (value: unknown) =>
  value === undefined || typeof value === "object" ? "" : ` (got ${String(value)})`;

/**
 * A `safeParse` outcome as a {@link Result} with a stable code; the message lists every issue as
 * `path: rule (got value)` (the value when the parse was run with `reportInput`).
 */
export function fromParse<T, C extends ErrorCode>(code: C, parsed: SafeParsed<T>): Result<T, C> {
  if (parsed.success) return ok(parsed.data);
  const raw = parsed.error.issues;
  const issues = issuesFrom(raw);
  const message = raw
    .map((i, k) => `${issues[k]!.path.join(".") || "(root)"}: ${i.message}${got(i.input)}`)
    .join("; ");
  return { ok: false, error: { code, message, issues } };
}
