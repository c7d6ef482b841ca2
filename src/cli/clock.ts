import { CliError } from "./errors.ts";

/**
 * The CLI's clock: the real one, or the instant in `DOPAMAP_NOW` (ISO 8601) when it is set, so a
 * process spawned by a test (or a person replaying a day) runs at a stated instant. Every CLI
 * command reads the time here and nowhere else.
 */
export function cliNow(): Date {
  const fixed = process.env.DOPAMAP_NOW;
  if (fixed === undefined || fixed === "") return new Date();
  const t = Date.parse(fixed);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(fixed) || Number.isNaN(t))
    throw new CliError({
      code: "invalid_input",
      message: `DOPAMAP_NOW: expected an ISO 8601 instant such as 2026-12-01T09:30:00Z, got ${JSON.stringify(fixed)}`,
      path: ["DOPAMAP_NOW"],
    });
  return new Date(t);
}

/** `cliNow()` as an ISO 8601 string, the form the command registry's `now` port takes. */
export const cliNowIso = (): string => cliNow().toISOString();
