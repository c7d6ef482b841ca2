import { type CsvTable, readCsv } from "../csv/index.ts";
import type { CheckIn, RecordActivity } from "../model/records/index.ts";
import { assemble, type DiaryRow, type ImportResult, type ImportRowError } from "./assemble.ts";
import {
  type CsvMapping,
  CsvMappingSchema,
  type CsvRole,
  type ImportFormat,
  type ImportSettings,
  ImportSettingsSchema,
} from "./spec.ts";
import {
  type ClockTime,
  DOPAMAP_SCALE,
  instantOf,
  type Read,
  readDate,
  readMinutes,
  readRating,
  readTime,
  readTimeZone,
  readYesNo,
  rescale,
  type TimeZone,
} from "./values.ts";

/** A choice that makes the whole import impossible (a column the file lacks, an unknown time zone). */
export class ImportSetupError extends Error {
  constructor(
    message: string,
    readonly path: readonly string[],
    readonly allowed?: readonly string[],
  ) {
    super(message);
    this.name = "ImportSetupError";
  }
}

/** What every import needs besides the file. */
export interface ImportContext {
  /** Activities the person already has, reused by name. */
  readonly existingActivities?: readonly RecordActivity[];
  /** Rows in the preview (default 20). */
  readonly previewRows?: number;
}

function zoneOf(settings: { timeZone: string }): TimeZone {
  const z = readTimeZone(settings.timeZone);
  if (!z.ok) throw new ImportSetupError(`timeZone: ${z.error.message}`, ["timeZone"]);
  return z.value;
}

/** Daylio's CSV export header (columns are read by name, so a newer export's extra `scales` column is fine). */
export const DAYLIO_COLUMNS = [
  "full_date",
  "date",
  "weekday",
  "time",
  "mood",
  "activities",
  "note_title",
  "note",
] as const;
const DAYLIO_REQUIRED = ["full_date", "time", "mood", "activities"] as const;

/**
 * Daylio's five default mood labels on its 1–5 levels, rescaled onto dopamap's 0–10 mood like any
 * 1–5 rating: rad = 10, good = 8, meh = 5, bad = 3, awful = 0.
 */
export const DAYLIO_MOODS: Readonly<Record<string, number>> = { rad: 5, good: 4, meh: 3, bad: 2, awful: 1 };

/** `daylio` when the header is Daylio's export header, else `csv`. */
export function detectFormat(text: string): ImportFormat {
  const first = (text.replace(/^\ufeff/, "").split(/\r\n|\n|\r/, 1)[0] ?? "").toLowerCase();
  const cols = first.split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
  return DAYLIO_REQUIRED.every((c) => cols.includes(c)) ? "daylio" : "csv";
}

/** Column names of a CSV file, for choosing a mapping (papaparse detects the delimiter). */
export function csvHeaders(text: string, delimiter?: string): readonly string[] {
  return readCsv(text, delimiter).headers;
}

const GUESS: Readonly<Record<CsvRole, RegExp>> = {
  date: /^(date|day|datum|full_?date|when)$/i,
  time: /^(time|hour|uhrzeit|heure)$/i,
  activity: /^(activity|activities|what|habit|task|name)$/i,
  started: /^(started|done|completed|did it)$/i,
  minutes: /^(minutes|duration|mins?|minutes_?done)$/i,
  plannedMinutes: /^(planned|planned_?min(utes)?)$/i,
  anticipated: /^(anticipated|expected|expectation)$/i,
  experienced: /^(experienced|enjoyment|rating|liked|pleasure)$/i,
  worry: /^(worry|anxiety)$/i,
  mood: /^(mood|feeling)$/i,
  note: /^(note|notes|comment|comments)$/i,
};

/** A first guess at a mapping from column names; the person confirms or changes it. */
export function suggestMapping(headers: readonly string[]): Partial<Record<CsvRole, string>> {
  const out: Partial<Record<CsvRole, string>> = {};
  for (const [role, re] of Object.entries(GUESS) as [CsvRole, RegExp][]) {
    const h = headers.find((x) => re.test(x.trim()));
    if (h !== undefined && !Object.values(out).includes(h)) out[role] = h;
  }
  return out;
}

function collect<T>(r: Read<T>, line: number, field: string, errors: ImportRowError[]): T | undefined {
  if (r.ok) return r.value;
  errors.push({ line, field, message: r.error.message });
  return undefined;
}

/**
 * Imports a generic CSV with a mapping the person chose: each row is one entry, its activity cell
 * (split by `activitySeparator` when given) names one or more activities, ratings and mood are
 * rescaled from their scales onto 0–10, and the local date and hour are kept as written while `at`
 * is the instant in `settings.timeZone`. Errors name the line and the column header.
 */
export function importCsv(
  text: string,
  mapping: CsvMapping,
  settings: ImportSettings = {},
  context: ImportContext = {},
): ImportResult {
  const m = CsvMappingSchema.parse(mapping);
  const s = ImportSettingsSchema.parse(settings);
  const zone = zoneOf(s);
  const table = readCsv(text, m.delimiter);
  const index = new Map(table.headers.map((h, i) => [h, i] as const));
  for (const [role, name] of Object.entries(m.columns) as [CsvRole, string | undefined][])
    if (name !== undefined && !index.has(name))
      throw new ImportSetupError(
        `mapping.columns.${role}: the file has no column "${name}"`,
        ["mapping", "columns", role],
        table.headers,
      );
  const col = (role: CsvRole) => m.columns[role];
  const cell = (cells: readonly string[], role: CsvRole) => {
    const name = col(role);
    return name === undefined ? undefined : (cells[index.get(name)!] ?? "");
  };
  const ratingScale = m.ratingScale ?? DOPAMAP_SCALE;
  const moodScale = m.moodScale ?? DOPAMAP_SCALE;
  const errors: ImportRowError[] = [...table.issues];
  const rows: DiaryRow[] = [];
  const fieldNames: Partial<Record<keyof CheckIn, string>> = {
    experienced: col("experienced") ?? "experienced",
    minutesDone: col("minutes") ?? "minutes",
    anticipated: col("anticipated") ?? "anticipated",
    plannedMin: col("plannedMinutes") ?? "plannedMinutes",
  };
  for (const { line, cells } of table.rows) {
    const e: ImportRowError[] = [];
    const date = collect(readDate(cell(cells, "date")!, m.dateFormat), line, m.columns.date, e);
    const timeCell = cell(cells, "time");
    const time: ClockTime | undefined =
      timeCell !== undefined && timeCell.trim() !== ""
        ? collect(readTime(timeCell), line, m.columns.time!, e)
        : (date?.time ?? { hour: m.defaultHour, minute: 0 });
    const rawActivity = cell(cells, "activity")!;
    const activities = (m.activitySeparator ? rawActivity.split(m.activitySeparator) : [rawActivity])
      .map((a) => a.trim())
      .filter((a) => a !== "");
    if (activities.length === 0)
      e.push({ line, field: m.columns.activity, message: "empty; every row needs an activity" });
    const tooLong = activities.find((a) => a.length > 200);
    if (tooLong)
      e.push({ line, field: m.columns.activity, message: "an activity name is longer than 200 characters" });
    const startedCell = cell(cells, "started");
    const started =
      startedCell === undefined ? true : collect(readYesNo(startedCell), line, col("started")!, e);
    const num = (role: CsvRole, read: (c: string) => Read<number | null>) => {
      const c = cell(cells, role);
      return c === undefined ? null : (collect(read(c), line, col(role)!, e) ?? null);
    };
    const minutesDone = num("minutes", readMinutes);
    const plannedMin = num("plannedMinutes", readMinutes);
    if (plannedMin === 0)
      e.push({ line, field: col("plannedMinutes")!, message: "planned minutes must be above 0" });
    const anticipated = num("anticipated", (c) => readRating(c, ratingScale));
    const experienced = num("experienced", (c) => readRating(c, ratingScale));
    const worry = num("worry", (c) => readRating(c, ratingScale));
    const mood = num("mood", (c) => readRating(c, moodScale));
    if (e.length > 0 || !date || !time || started === undefined) {
      errors.push(...e);
      continue;
    }
    rows.push({
      line,
      key: cells.join("\u001f"),
      localDate: date.date,
      localHour: time.hour,
      minute: time.minute,
      at: instantOf(date.date, time, zone),
      activities,
      started,
      minutesDone,
      plannedMin,
      anticipated,
      experienced,
      worry,
      mood,
      title: "",
      note: (cell(cells, "note") ?? "").trim(),
      fieldNames,
    });
  }
  return assemble(rows, errors, {
    format: "csv",
    headers: table.headers,
    rowCount: table.rows.length + table.issues.length,
    existingActivities: context.existingActivities,
    exclude: s.exclude,
    previewRows: context.previewRows,
    sourceLabel: "a CSV file",
  });
}

/**
 * Imports Daylio's CSV export (Settings → Export → CSV), one row per entry, newest first:
 * `full_date,date,weekday,time,mood,activities,note_title,note`, with `full_date` as YYYY-MM-DD,
 * `time` as `20:05` or `8:05 pm` depending on the phone, `mood` a label (rad, good, meh, bad, awful,
 * or the person's own), and `activities` separated by ` | ` (possibly empty, sometimes with trailing
 * spaces). Format checked against the sample export and notes in MichaelCurrin/daylio-csv-parser
 * (`dayliopy/sample.csv`, `docs/csv-format.md`: eight columns, activities piped, custom mood labels)
 * and other public parsers' fixtures (24-hour times, a newer `scales` column); `date` and `weekday`
 * are display text in the phone's language and are not read.
 *
 * Each activity of an entry becomes a started check-in at the entry's local date and hour with the
 * entry's mood (via `DAYLIO_MOODS` or `settings.moods` for custom labels: levels 1–5 onto 0–10);
 * Daylio has no anticipated or experienced ratings, minutes or plan, so those stay empty (minutes 0,
 * planned minutes the activity's usual duration). Titles and notes, and the mood of an entry with no
 * activities, are kept as notes.
 */
export function importDaylio(
  text: string,
  settings: ImportSettings = {},
  context: ImportContext = {},
): ImportResult {
  const s = ImportSettingsSchema.parse(settings);
  const zone = zoneOf(s);
  const table: CsvTable = readCsv(text, ",");
  const index = new Map(table.headers.map((h, i) => [h.toLowerCase(), i] as const));
  const missing = DAYLIO_REQUIRED.filter((c) => !index.has(c));
  const base = {
    format: "daylio" as const,
    headers: table.headers,
    rowCount: table.rows.length + table.issues.length,
    existingActivities: context.existingActivities,
    exclude: s.exclude,
    previewRows: context.previewRows,
    sourceLabel: "Daylio",
  };
  if (missing.length > 0)
    return assemble(
      [],
      [
        {
          line: 1,
          field: "header",
          message: `not a Daylio CSV export: no ${missing.join(", ")} column (expected ${DAYLIO_COLUMNS.join(",")})`,
        },
      ],
      base,
    );
  const moods = new Map<string, number>(Object.entries(DAYLIO_MOODS));
  for (const [label, level] of Object.entries(s.moods)) moods.set(label.trim().toLowerCase(), level);
  const get = (cells: readonly string[], c: string) => {
    const i = index.get(c);
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };
  const errors: ImportRowError[] = [...table.issues];
  const rows: DiaryRow[] = [];
  for (const { line, cells } of table.rows) {
    const e: ImportRowError[] = [];
    const date = collect(readDate(get(cells, "full_date"), "YYYY-MM-DD"), line, "full_date", e);
    const time = collect(readTime(get(cells, "time")), line, "time", e);
    const label = get(cells, "mood").toLowerCase().replace(/\s+/g, " ");
    const level = label === "" ? null : moods.get(label);
    if (level === undefined)
      e.push({
        line,
        field: "mood",
        message: `unknown mood "${get(cells, "mood")}"; allowed: ${[...moods.keys()].join(", ")} (give custom labels their level 1–5 with moods)`,
      });
    const activities = get(cells, "activities")
      .split("|")
      .map((a) => a.trim())
      .filter((a) => a !== "");
    if (e.length > 0 || !date || !time || level === undefined) {
      errors.push(...e);
      continue;
    }
    const hhmm = `${String(time.hour).padStart(2, "0")}:${String(time.minute).padStart(2, "0")}`;
    const title = get(cells, "note_title");
    const note = get(cells, "note");
    rows.push({
      line,
      key: [
        date.date,
        hhmm,
        label,
        [...activities]
          .map((a) => a.toLowerCase())
          .sort()
          .join("|"),
        title,
        note,
      ].join("\u001f"),
      localDate: date.date,
      localHour: time.hour,
      minute: time.minute,
      at: instantOf(date.date, time, zone),
      activities,
      started: true,
      minutesDone: null,
      plannedMin: null,
      anticipated: null,
      experienced: null,
      worry: null,
      mood: level === null ? null : rescale(level, { min: 1, max: 5 }),
      title,
      note,
    });
  }
  return assemble(rows, errors, base);
}

/** The distinct mood labels of a Daylio export (lower case, first-seen order), for mapping custom ones to levels. */
export function daylioMoodLabels(text: string): readonly string[] {
  const table = readCsv(text, ",");
  const i = table.headers.findIndex((h) => h.toLowerCase() === "mood");
  if (i < 0) return [];
  const labels = new Set<string>();
  for (const r of table.rows) {
    const label = (r.cells[i] ?? "").trim().toLowerCase().replace(/\s+/g, " ");
    if (label !== "") labels.add(label);
  }
  return [...labels];
}
