import { z } from "zod";
import { PersonLogSchema } from "../../model/records/schema.ts";

/**
 * The fields by which a command names its person: a log (JSON) or a CSV log, or neither, for the
 * person in the store (with their screening, cached per data revision).
 */
export const PersonSourceFields = {
  /** The log to act on; leave out (with `csv`) for the stored person. */
  log: PersonLogSchema.optional(),
  /** The log as CSV (`dopamap … log.csv`); leave out (with `log`) for the stored person. */
  csv: z.string().max(20_000_000).optional(),
  /** Malformed CSV rows: reject the file (default) or skip them. */
  onError: z.enum(["reject", "skip"]).default("reject"),
} as const;

/** Refuses both a log and a CSV in one input. */
export const oneLogSource = <T extends { log?: unknown; csv?: unknown }>(x: T) =>
  x.log === undefined || x.csv === undefined;
export const ONE_LOG_SOURCE = { message: "give at most one of log or csv", path: ["log"] };
