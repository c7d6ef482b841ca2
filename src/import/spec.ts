import { z } from "zod";
import { DATE_FORMATS } from "./values.ts";

/**
 * What a person chooses before an import: the format, and for a generic CSV which column is which.
 * The same schemas validate the CLI flags, the API and the web form.
 */

/** Import formats: a generic CSV with a column mapping, or Daylio's CSV export. */
export const IMPORT_FORMATS = ["csv", "daylio"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The roles a CSV column can play; `date` and `activity` are required. */
export const CSV_ROLES = [
  "date",
  "time",
  "activity",
  "started",
  "minutes",
  "plannedMinutes",
  "anticipated",
  "experienced",
  "worry",
  "mood",
  "note",
] as const;
export type CsvRole = (typeof CSV_ROLES)[number];

const column = z.string().min(1).max(200);

/** An inclusive scale in the file, e.g. `{min: 1, max: 5}`; rescaled onto 0–10. */
export const RatingScaleSchema = z
  .strictObject({ min: z.number().finite(), max: z.number().finite() })
  .refine((s) => s.max > s.min, { message: "max must be above min" });

/**
 * A generic CSV mapping: the header name of the column for each role (`date` and `activity`
 * required), how dates are written, the scales ratings and mood use (0–10 unless given), and the
 * separator when one cell lists several activities. With no `started` column every row counts as
 * started (a diary lists what was done). With no `time` column entries sit at `defaultHour`.
 */
export const CsvMappingSchema = z.strictObject({
  columns: z.strictObject({
    date: column,
    time: column.optional(),
    activity: column,
    started: column.optional(),
    minutes: column.optional(),
    plannedMinutes: column.optional(),
    anticipated: column.optional(),
    experienced: column.optional(),
    worry: column.optional(),
    mood: column.optional(),
    note: column.optional(),
  }),
  dateFormat: z.enum(DATE_FORMATS).default("YYYY-MM-DD"),
  /** Scale of the anticipated, experienced and worry ratings in the file (default 0–10). */
  ratingScale: RatingScaleSchema.optional(),
  /** Scale of the mood column in the file (default 0–10). */
  moodScale: RatingScaleSchema.optional(),
  /** Splits one activity cell into several (e.g. `|` or `;`); none by default. */
  activitySeparator: z.string().min(1).max(5).optional(),
  /** Hour (0–23) for rows without a time. */
  defaultHour: z.number().int().min(0).max(23).default(12),
  /** The field delimiter; detected among `,`, `;` and tab when absent. */
  delimiter: z.enum([",", ";", "\t"]).optional(),
});
export type CsvMapping = z.input<typeof CsvMappingSchema>;
export type CsvMappingParsed = z.output<typeof CsvMappingSchema>;

/** Daylio's five mood levels (1 = lowest) for custom mood labels, e.g. `{ "sad": 2, "ok but sleepy": 3 }`. */
export const MoodLabelsSchema = z.record(z.string().min(1).max(100), z.number().int().min(1).max(5));

/** Options every format shares. */
export const ImportSettingsSchema = z.strictObject({
  /** The person's time zone when the entries were made: an IANA name or a UTC offset (`+02:00`). */
  timeZone: z.string().min(1).max(64).default("UTC"),
  /** Activity names to leave out (compared case-insensitively), e.g. states like "bad sleep". */
  exclude: z.array(z.string().min(1).max(200)).max(500).default([]),
  /** Custom Daylio mood labels mapped to its five levels. */
  moods: MoodLabelsSchema.default({}),
});
export type ImportSettings = z.input<typeof ImportSettingsSchema>;
