import { z } from "zod";
import {
  CsvMappingSchema,
  csvHeaders,
  DAYLIO_MOODS,
  daylioMoodLabels,
  IMPORT_FORMATS,
  type ImportResult,
  ImportSettingsSchema,
  ImportSetupError,
  importCsv,
  importDaylio,
  suggestMapping,
} from "../../import/index.ts";
import type { RecordActivity } from "../../model/records/index.ts";
import { refuseFuture } from "../records/bounds.ts";
import { personScope } from "../records/commands.ts";
import { AppError, defineCommand } from "../registry.ts";
import type { StoredEntry } from "../store-port.ts";
import { importFhirCommand } from "./fhir-commands.ts";

/** The most activities a person keeps (as `PersonLogSchema` allows). */
const MAX_ACTIVITIES = 200;

/**
 * A file to import and the person's choices; `mapping` is needed for `csv` (the preview works
 * without). The text is capped at 2 million characters (about 25,000 diary entries, a second or two
 * of parsing) so one request cannot tie up a shared server.
 */
export const ImportRequestSchema = z.strictObject({
  format: z.enum(IMPORT_FORMATS),
  /** The file's text (UTF-8; a byte-order mark is fine). */
  text: z
    .string()
    .min(1, "the file is empty")
    .max(2_000_000, "the file is over 2 million characters (about 25,000 diary entries); split it"),
  mapping: CsvMappingSchema.optional(),
  ...ImportSettingsSchema.shape,
});

const RowErrorSchema = z.strictObject({ line: z.number().int(), field: z.string(), message: z.string() });

const SummarySchema = z.strictObject({
  rows: z.number().int(),
  readableRows: z.number().int(),
  rowsWithErrors: z.number().int(),
  checkIns: z.number().int(),
  notes: z.number().int(),
  rowsWithoutActivity: z.number().int(),
  newActivities: z.array(z.string()),
  matchedActivities: z.array(z.string()),
  excludedActivities: z.array(z.string()),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
});

const PreviewRowSchema = z.strictObject({
  line: z.number().int(),
  localDate: z.string(),
  time: z.string(),
  activities: z.array(z.string()),
  started: z.boolean(),
  minutesDone: z.number().nullable(),
  anticipated: z.number().nullable(),
  experienced: z.number().nullable(),
  mood: z.number().nullable(),
  note: z.string(),
});

/** The kind of stored entry that keeps a diary's titles and notes. */
export const DIARY_NOTE_KIND = "diary-note";

function run(
  input: z.output<typeof ImportRequestSchema>,
  existing: readonly RecordActivity[],
  previewRows?: number,
): ImportResult {
  const settings = { timeZone: input.timeZone, exclude: input.exclude, moods: input.moods };
  try {
    if (input.format === "daylio")
      return importDaylio(input.text, settings, { existingActivities: existing, previewRows });
    if (!input.mapping)
      throw new AppError({
        code: "invalid_input",
        message:
          "mapping: required for the csv format (which column is the date, the activity, …); preview the file to see its columns",
        path: ["mapping"],
      });
    return importCsv(input.text, input.mapping, settings, { existingActivities: existing, previewRows });
  } catch (e) {
    if (e instanceof ImportSetupError)
      throw new AppError({
        code: "invalid_input",
        message: e.message,
        path: [...e.path],
        ...(e.allowed ? { allowed: [...e.allowed] } : {}),
      });
    throw e;
  }
}

export const importPreviewCommand = defineCommand({
  name: "import/preview",
  summary:
    "Preview an import (a CSV with a column mapping, or a Daylio export): the first rows as they would be saved, counts, and every unreadable row with its line. Writes nothing.",
  input: ImportRequestSchema.extend({ previewRows: z.number().int().min(1).max(500).default(20) }),
  output: z.strictObject({
    format: z.enum(IMPORT_FORMATS),
    headers: z.array(z.string()),
    /** For csv: a first guess at which column is which. */
    suggestedMapping: z.record(z.string(), z.string()),
    /** For daylio: mood labels in the file that are not Daylio's defaults (give them a level with `moods`). */
    customMoods: z.array(z.string()),
    /** True when a csv came without a mapping: only the headers are read. */
    needsMapping: z.boolean(),
    preview: z.array(PreviewRowSchema),
    errors: z.array(RowErrorSchema),
    summary: SummarySchema.nullable(),
  }),
  async run(input, ctx) {
    const { store, personId } = personScope(ctx);
    const customMoods =
      input.format === "daylio" ? daylioMoodLabels(input.text).filter((l) => !(l in DAYLIO_MOODS)) : [];
    if (input.format === "csv" && !input.mapping) {
      const headers = [...csvHeaders(input.text)];
      return {
        format: input.format,
        headers,
        suggestedMapping: suggestMapping(headers) as Record<string, string>,
        customMoods,
        needsMapping: true,
        preview: [],
        errors: [],
        summary: null,
      };
    }
    const log = await store.readLog(personId);
    const r = run(input, log.activities, input.previewRows);
    return {
      format: r.format,
      headers: [...r.headers],
      suggestedMapping: input.format === "csv" ? (suggestMapping(r.headers) as Record<string, string>) : {},
      customMoods,
      needsMapping: false,
      preview: r.preview.map((p) => ({ ...p, activities: [...p.activities] })),
      errors: [...r.errors],
      summary: {
        ...r.summary,
        newActivities: [...r.summary.newActivities],
        matchedActivities: [...r.summary.matchedActivities],
        excludedActivities: [...r.summary.excludedActivities],
      },
    };
  },
});

export const importRecordsCommand = defineCommand({
  name: "import/records",
  summary:
    'Import a CSV (with a column mapping) or a Daylio export in one transaction. onErrors "reject" (the default) writes nothing if any row is unreadable; "skip" writes the readable rows. A re-import adds nothing twice.',
  input: ImportRequestSchema.extend({ onErrors: z.enum(["reject", "skip"]).default("reject") }),
  output: z.strictObject({
    written: z.strictObject({
      activities: z.number().int(),
      checkIns: z.number().int(),
      notes: z.number().int(),
    }),
    /** Check-ins already stored by an earlier import of the same entries. */
    alreadyPresent: z.number().int(),
    /** Rows left out (with onErrors "skip"). */
    skipped: z.array(RowErrorSchema),
    summary: SummarySchema,
  }),
  async run(input, ctx) {
    const { store, personId } = personScope(ctx);
    const before = await store.readLog(personId);
    const r = run(input, before.activities);
    if (r.errors.length > 0 && input.onErrors === "reject") {
      const shown = r.errors.slice(0, 5).map((e) => `line ${e.line} (${e.field}): ${e.message}`);
      throw new AppError({
        code: "import_rows_invalid",
        message: `${r.summary.rowsWithErrors} row(s) cannot be read, so nothing was imported: ${shown.join("; ")}${r.errors.length > 5 ? "; …" : ""}. Fix them, or set onErrors to "skip" to import the readable rows`,
        path: ["onErrors"],
        allowed: ["reject", "skip"],
        issues: r.errors.map((e) => ({ path: [e.line, e.field], message: e.message })),
      });
    }
    if (before.activities.length + r.log.activities.length > MAX_ACTIVITIES)
      throw new AppError({
        code: "import_too_many_activities",
        message: `exclude: the file names ${r.log.activities.length} new activities; with the ${before.activities.length} you have that is over ${MAX_ACTIVITIES}. Leave some out with exclude`,
        path: ["exclude"],
      });
    refuseFuture(ctx, r.log, ["records"]);
    const have = new Set(before.checkIns.map((c) => c.id));
    const fresh = r.log.checkIns.filter((c) => !have.has(c.id)).length;
    const entries: StoredEntry[] = r.notes.map((n) => ({
      id: n.id,
      kind: DIARY_NOTE_KIND,
      at: n.at,
      data: n,
    }));
    const haveNotes = new Set((await store.listEntries(personId, DIARY_NOTE_KIND)).map((e) => e.id));
    await store.importData(personId, { log: r.log, entries, blobs: [] }, false);
    return {
      written: {
        activities: r.log.activities.length,
        checkIns: fresh,
        notes: entries.filter((e) => !haveNotes.has(e.id)).length,
      },
      alreadyPresent: r.log.checkIns.length - fresh,
      skipped: [...r.errors],
      summary: {
        ...r.summary,
        newActivities: [...r.summary.newActivities],
        matchedActivities: [...r.summary.matchedActivities],
        excludedActivities: [...r.summary.excludedActivities],
      },
    };
  },
});

/** The import commands, for the registry. */
export const IMPORT_COMMANDS = [importPreviewCommand, importRecordsCommand, importFhirCommand] as const;
