import { type ErrorBody, exitCode } from "../errors/index.ts";

/** Exit codes: 2 for bad input (usage), 1 for any other failure. */
export const EXIT_INVALID = 2;
export const EXIT_FAILURE = 1;

/** A failure the CLI reports in words and exits on (the code's exit code), never with a stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(
    readonly body: ErrorBody,
    exit?: number,
  ) {
    super(body.message);
    this.exitCode = exit ?? exitCode(body.code);
  }
}

/** Writes an error as `error [code]: message`, with allowed values and further issues when known. */
export function formatError(body: ErrorBody): string {
  const lines = [`error [${body.code}]: ${body.message}`];
  if (body.allowed?.length) lines.push(`  allowed: ${body.allowed.join(", ")}`);
  for (const issue of (body.issues ?? []).slice(1, 6))
    lines.push(`  also ${issue.path.length ? issue.path.join(".") : "input"}: ${issue.message}`);
  return `${lines.join("\n")}\n`;
}
