import { firstRecordAfter, latestDateAt, type PersonLog } from "../../model/records/index.ts";
import { AppError, type CommandContext } from "../registry.ts";

/**
 * Refuses records dated after the day after now (the instant the adapter passes in; with no clock,
 * only the schemas' fixed bounds apply), naming the first such record under `root`.
 */
export function refuseFuture(
  ctx: CommandContext,
  log: Pick<PersonLog, "checkIns" | "urges" | "closedDays">,
  root: readonly (string | number)[] = [],
): void {
  if (!ctx.now) return;
  const latest = latestDateAt(ctx.now());
  const late = firstRecordAfter(log, latest);
  if (late)
    throw new AppError({
      code: "invalid_input",
      message: `${[...root, ...late.path].join(".")}: ${late.date} is in the future; records may be dated up to ${latest}`,
      path: [...root, ...late.path],
    });
}

/** Refuses one record's date after the day after now (see {@link refuseFuture}), naming `path`. */
export function refuseFutureDate(
  ctx: CommandContext,
  date: string,
  path: readonly (string | number)[],
): void {
  if (!ctx.now) return;
  const latest = latestDateAt(ctx.now());
  if (date > latest)
    throw new AppError({
      code: "invalid_input",
      message: `${path.join(".")}: ${date} is in the future; records may be dated up to ${latest}`,
      path,
    });
}
