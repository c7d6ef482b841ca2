import { z } from "zod";
import { type CsvValue, csvRecords, readCsv, writeCsv } from "../../csv/index.ts";
import { fail, type Issue, ok, type Result } from "../../errors/index.ts";
import {
  CheckInSchema,
  InstantSchema,
  type PersonLog,
  PersonLogSchema,
  RecordActivitySchema,
  UrgeEpisodeSchema,
} from "../../model/records/index.ts";

/** A stored entry (an answer, a submitted assessment, a crisis event) as it travels in an export. */
export const ExportEntrySchema = z.strictObject({
  id: z.string().min(1).max(200),
  kind: z.string().min(1).max(50),
  at: InstantSchema,
  data: z.json(),
});

/** A stored JSON blob (a fit, a map) as it travels in an export. */
export const ExportBlobSchema = z.strictObject({
  name: z.string().min(1).max(200),
  updatedAt: InstantSchema,
  data: z.json(),
});

/** Everything a person has, as one JSON document that `import/all` reads back losslessly. */
export const ExportDocumentSchema = z.strictObject({
  format: z.literal("dopamap-export"),
  version: z.literal(1),
  exportedAt: InstantSchema,
  person: z.strictObject({ name: z.string().max(200), demo: z.boolean() }),
  log: PersonLogSchema,
  entries: z.array(ExportEntrySchema).default([]),
  blobs: z.array(ExportBlobSchema).default([]),
});
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;

/** A diary note as the CSV export holds it (what the Daylio and CSV imports keep beside the records). */
export const DiaryNoteRowSchema = z.strictObject({
  id: z.string().min(1).max(200),
  at: InstantSchema,
  localDate: z.iso.date(),
  localHour: z.number().int().min(0).max(23),
  source: z.string().min(1).max(50),
  title: z.string().max(10_000),
  text: z.string().max(100_000),
  mood: z.number().min(0).max(10).nullable(),
  activityIds: z.array(z.string().min(1).max(100)),
});
export type DiaryNoteRow = z.infer<typeof DiaryNoteRowSchema>;

/** The columns of each CSV file of the export, in order (snake_case; booleans `true`/`false`). */
export const EXPORT_CSV_COLUMNS = {
  "activities.csv": [
    "id",
    "name",
    "kind",
    "importance",
    "novelty",
    "effort",
    "threat",
    "urge",
    "duration_min",
    "notes",
  ],
  "check_ins.csv": [
    "id",
    "activity_id",
    "local_date",
    "local_hour",
    "at",
    "planned_min",
    "environment_cue",
    "commitment",
    "micro_dose",
    "anticipated",
    "started",
    "minutes_done",
    "experienced",
    "worry",
    "mood",
    "sleep_time",
    "wake_time",
  ],
  "urges.csv": [
    "id",
    "activity_id",
    "local_date",
    "local_hour",
    "at",
    "cue",
    "strength",
    "acted",
    "minutes",
    "liking",
  ],
  "closed_days.csv": ["local_date"],
  "diary_notes.csv": [
    "id",
    "at",
    "local_date",
    "local_hour",
    "source",
    "title",
    "text",
    "mood",
    "activity_ids",
  ],
} as const satisfies Record<string, readonly string[]>;
type ExportCsvFile = keyof typeof EXPORT_CSV_COLUMNS;

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** An object's fields under snake_case names (nested scaffolding flattened). */
function flat(o: Readonly<Record<string, unknown>>): Record<string, CsvValue> {
  const out: Record<string, CsvValue> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v !== null && typeof v === "object" && !Array.isArray(v))
      for (const [k2, v2] of Object.entries(v)) out[snake(k2)] = v2 as CsvValue;
    else out[snake(k)] = Array.isArray(v) ? JSON.stringify(v) : (v as CsvValue);
  }
  return out;
}

/**
 * The log and the diary notes as CSV files, one per record kind, with the columns of
 * {@link EXPORT_CSV_COLUMNS}. Text is defused for spreadsheets (`src/csv`); {@link exportFromCsv}
 * reads the files back to the same records.
 */
export function logToCsv(log: PersonLog, notes: readonly DiaryNoteRow[] = []): Record<ExportCsvFile, string> {
  const file = (name: ExportCsvFile, rows: readonly Readonly<Record<string, unknown>>[]) =>
    writeCsv(EXPORT_CSV_COLUMNS[name], rows.map(flat));
  return {
    "activities.csv": file("activities.csv", log.activities),
    "check_ins.csv": file("check_ins.csv", log.checkIns),
    "urges.csv": file("urges.csv", log.urges),
    "closed_days.csv": file(
      "closed_days.csv",
      log.closedDays.map((d) => ({ localDate: d })),
    ),
    "diary_notes.csv": file("diary_notes.csv", notes),
  };
}

const NUMBER_COLUMNS = new Set([
  "importance",
  "novelty",
  "effort",
  "threat",
  "duration_min",
  "local_hour",
  "planned_min",
  "anticipated",
  "minutes_done",
  "experienced",
  "worry",
  "mood",
  "strength",
  "minutes",
  "liking",
]);
const BOOLEAN_COLUMNS = new Set(["urge", "environment_cue", "commitment", "micro_dose", "started", "acted"]);
const NULLABLE_TEXT = new Set(["sleep_time", "wake_time"]);
const SCAFFOLDING = new Set(["environment_cue", "commitment", "micro_dose"]);

function cellValue(column: string, raw: string): unknown {
  if (NUMBER_COLUMNS.has(column)) return raw === "" ? null : Number(raw);
  if (BOOLEAN_COLUMNS.has(column)) return raw === "true" ? true : raw === "false" ? false : raw;
  if (NULLABLE_TEXT.has(column)) return raw === "" ? null : raw;
  if (column === "activity_ids") {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}

/**
 * Reads the CSV files of {@link logToCsv} back into the log and the diary notes; a missing file is
 * empty. Every bad row is an issue naming the file, its line and column; any issue fails the read.
 */
export function exportFromCsv(
  files: Readonly<Record<string, string>>,
): Result<{ log: PersonLog; notes: DiaryNoteRow[] }, "invalid_input"> {
  const issues: Issue[] = [];
  const read = (name: ExportCsvFile): { line: number; obj: Record<string, unknown> }[] => {
    const text = files[name];
    if (text === undefined || text.trim() === "") return [];
    const table = readCsv(text, ",");
    for (const i of table.issues) issues.push({ path: [name, i.line, i.field], message: i.message });
    const unknown = table.headers.filter((h) => !(EXPORT_CSV_COLUMNS[name] as readonly string[]).includes(h));
    for (const h of unknown) issues.push({ path: [name, 1, h], message: `unknown column ${h}` });
    return csvRecords(table).map(({ line, cells }) => {
      const obj: Record<string, unknown> = {};
      const scaffolding: Record<string, unknown> = {};
      for (const [k, raw] of Object.entries(cells)) {
        const v = cellValue(k, raw);
        if (SCAFFOLDING.has(k)) scaffolding[camel(k)] = v;
        else if (!(v === null && (k === "notes" || k === "activity_ids"))) obj[camel(k)] = v;
      }
      if (name === "check_ins.csv") obj.scaffolding = scaffolding;
      if (name === "activities.csv" && obj.notes === "") delete obj.notes;
      return { line, obj };
    });
  };
  const check = <T>(
    name: ExportCsvFile,
    schema: z.ZodType<T>,
    rows: { line: number; obj: Record<string, unknown> }[],
  ): T[] =>
    rows.flatMap(({ line, obj }) => {
      const r = schema.safeParse(obj);
      if (r.success) return [r.data];
      for (const i of r.error.issues)
        issues.push({ path: [name, line, snake(String(i.path.at(-1) ?? "row"))], message: i.message });
      return [];
    });
  const activities = check("activities.csv", RecordActivitySchema, read("activities.csv"));
  const checkIns = check("check_ins.csv", CheckInSchema, read("check_ins.csv"));
  const urges = check("urges.csv", UrgeEpisodeSchema, read("urges.csv"));
  const closedDays = read("closed_days.csv").flatMap(({ line, obj }) => {
    const d = z.iso.date().safeParse(obj.localDate);
    if (d.success) return [d.data];
    issues.push({ path: ["closed_days.csv", line, "local_date"], message: "not a real date" });
    return [];
  });
  const notes = check("diary_notes.csv", DiaryNoteRowSchema, read("diary_notes.csv"));
  if (issues.length > 0) {
    const first = issues[0]!;
    const [file, line, field] = first.path;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    return fail("invalid_input", `${file}: line ${line}: ${field}: ${first.message}${more}`, {
      path: first.path,
      issues,
    });
  }
  return ok({ log: { version: 1, activities, checkIns, urges, closedDays }, notes });
}
