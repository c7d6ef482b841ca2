import type { AppErrorBody } from "../app/index.ts";

/** Exit codes: 2 for bad input (usage), 1 for any other failure. */
export const EXIT_INVALID = 2;
export const EXIT_FAILURE = 1;

/** A failure the CLI reports in words and exits on, never with a stack trace. */
export class CliError extends Error {
  constructor(
    readonly body: AppErrorBody,
    readonly exitCode = EXIT_INVALID,
  ) {
    super(body.message);
  }
}

/** Writes an error as `error [code]: message`, with allowed values and further issues when known. */
export function formatError(body: AppErrorBody): string {
  const lines = [`error [${body.code}]: ${body.message}`];
  if (body.allowed?.length) lines.push(`  allowed: ${body.allowed.join(", ")}`);
  for (const issue of (body.issues ?? []).slice(1, 6))
    lines.push(`  also ${issue.path.length ? issue.path.join(".") : "input"}: ${issue.message}`);
  return `${lines.join("\n")}\n`;
}
