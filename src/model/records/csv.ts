import type { z } from "zod";
import { type CsvIssue, type CsvValue, csvRecords, readCsv, writeCsv } from "../../csv/index.ts";
import { ok, type Result, rowsFailure } from "../../errors/index.ts";
import {
  CheckInSchema,
  LocalDateSchema,
  type PersonLog,
  RecordActivitySchema,
  UrgeEpisodeSchema,
} from "./schema.ts";

/**
 * The CSV form of a log: one file, one row per record, the `record` column saying which kind
 * (`activity`, `checkin`, `urge`, `closed`), and the columns a kind does not use left empty.
 *
 * | column | used by | meaning |
 * |---|---|---|
 * | record | all | activity, checkin, urge or closed |
 * | id | activity, checkin, urge | the record's id (unique per kind) |
 * | activity_id | checkin, urge | an id from an activity row |
 * | local_date | checkin, urge, closed | YYYY-MM-DD as lived |
 * | local_hour | checkin, urge | 0–23 |
 * | at | checkin, urge | UTC instant, ISO 8601 with offset |
 * | planned_min | checkin | minutes asked for |
 * | environment_cue, commitment, micro_dose | checkin | scaffolding in place (true/false) |
 * | anticipated, experienced, worry | checkin | 0–10, empty when missing |
 * | started | checkin | true/false |
 * | minutes | checkin, urge | minutes done |
 * | cue, strength, acted, liking | urge | what set it off; 0–10; true/false; 0–10 or empty |
 * | name, kind, importance, novelty, effort, threat, urge, duration_min | activity | as in `RecordActivity` |
 */
export const LOG_CSV_COLUMNS = [
  "record",
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
  "minutes",
  "experienced",
  "worry",
  "cue",
  "strength",
  "acted",
  "liking",
  "name",
  "kind",
  "importance",
  "novelty",
  "effort",
  "threat",
  "urge",
  "duration_min",
] as const;
export type LogCsvColumn = (typeof LOG_CSV_COLUMNS)[number];

/** A malformed row: its 1-based line number in the file, the field, and what is wrong. */
export type CsvRowIssue = CsvIssue;

/** The log with the rows left out under `onError: "skip"`, or `invalid_input` naming the first bad row's line and field. */
export type CsvReadResult = Result<
  { readonly log: PersonLog; readonly skipped: readonly CsvRowIssue[] },
  "invalid_input"
>;

/** Writes a log as CSV with the documented columns (header first). */
export function writeLogCsv(log: PersonLog): string {
  const rows: Partial<Record<LogCsvColumn, CsvValue>>[] = [];
  for (const a of log.activities)
    rows.push({
      record: "activity",
      id: a.id,
      name: a.name,
      kind: a.kind,
      importance: a.importance,
      novelty: a.novelty,
      effort: a.effort,
      threat: a.threat,
      urge: a.urge,
      duration_min: a.durationMin,
    });
  for (const c of log.checkIns)
    rows.push({
      record: "checkin",
      id: c.id,
      activity_id: c.activityId,
      local_date: c.localDate,
      local_hour: c.localHour,
      at: c.at,
      planned_min: c.plannedMin,
      environment_cue: c.scaffolding.environmentCue,
      commitment: c.scaffolding.commitment,
      micro_dose: c.scaffolding.microDose,
      anticipated: c.anticipated,
      started: c.started,
      minutes: c.minutesDone,
      experienced: c.experienced,
      worry: c.worry,
    });
  for (const u of log.urges)
    rows.push({
      record: "urge",
      id: u.id,
      activity_id: u.activityId,
      local_date: u.localDate,
      local_hour: u.localHour,
      at: u.at,
      cue: u.cue,
      strength: u.strength,
      acted: u.acted,
      minutes: u.minutes,
      liking: u.liking,
    });
  for (const d of log.closedDays) rows.push({ record: "closed", local_date: d });
  return writeCsv(LOG_CSV_COLUMNS, rows);
}

const CAMEL: Partial<Record<LogCsvColumn, string>> = {
  activity_id: "activityId",
  local_date: "localDate",
  local_hour: "localHour",
  planned_min: "plannedMin",
  duration_min: "durationMin",
};

/**
 * Reads the CSV form. Every malformed row is reported with its line number and field (an unknown
 * record kind or activity, a rating outside 0–10, a duplicate id, an impossible date or hour, an
 * instant that is not ISO 8601); `onError: "skip"` drops such rows and returns the rest,
 * `"reject"` (the default) returns only the issues.
 */
export function readLogCsv(text: string, options: { onError?: "skip" | "reject" } = {}): CsvReadResult {
  const table = readCsv(text, ",");
  const issues: CsvRowIssue[] = [...table.issues];
  if (table.headers.length === 0)
    return rowsFailure([{ line: 1, field: "header", message: "the file is empty" }]);
  const cols = table.headers;
  if (!cols.includes("record"))
    return rowsFailure([{ line: 1, field: "record", message: "missing the record column" }]);
  const log: PersonLog = { version: 1, activities: [], checkIns: [], urges: [], closedDays: [] };
  const seen = { activity: new Set<string>(), checkin: new Set<string>(), urge: new Set<string>() };
  const pending: { line: number; obj: Record<string, string> }[] = [];
  for (const row of csvRecords(table)) {
    const obj = row.cells;
    if (obj.record === "activity") {
      const r = parseRow(RecordActivitySchema, activityInput(obj), row.line, issues);
      if (!r) continue;
      if (seen.activity.has(r.id))
        issues.push({ line: row.line, field: "id", message: `duplicate activity id ${r.id}` });
      else {
        seen.activity.add(r.id);
        log.activities.push(r);
      }
    } else pending.push({ line: row.line, obj });
  }
  for (const { line, obj } of pending) {
    const kind = obj.record ?? "";
    if (kind === "closed") {
      const d = LocalDateSchema.safeParse(obj.local_date);
      if (d.success) log.closedDays.push(d.data);
      else issues.push({ line, field: "local_date", message: `not a real date: ${obj.local_date}` });
      continue;
    }
    if (kind !== "checkin" && kind !== "urge") {
      issues.push({
        line,
        field: "record",
        message: `unknown record kind "${kind}" (allowed: activity, checkin, urge, closed)`,
      });
      continue;
    }
    if (!seen.activity.has(obj.activity_id ?? "")) {
      issues.push({ line, field: "activity_id", message: `unknown activity ${obj.activity_id}` });
      continue;
    }
    const ids = seen[kind];
    if (ids.has(obj.id ?? "")) {
      issues.push({ line, field: "id", message: `duplicate ${kind} id ${obj.id}` });
      continue;
    }
    if (kind === "checkin") {
      const r = parseRow(CheckInSchema, checkInInput(obj), line, issues);
      if (r) {
        ids.add(r.id);
        log.checkIns.push(r);
      }
    } else {
      const r = parseRow(UrgeEpisodeSchema, urgeInput(obj), line, issues);
      if (r) {
        ids.add(r.id);
        log.urges.push(r);
      }
    }
  }
  issues.sort((a, b) => a.line - b.line);
  if (issues.length > 0 && options.onError !== "skip") return rowsFailure(issues);
  return ok({ log, skipped: issues });
}

function parseRow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  line: number,
  issues: CsvRowIssue[],
): z.output<S> | null {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  for (const i of r.error.issues) {
    const key = String(i.path[0] ?? "row");
    const col = (Object.entries(CAMEL).find(([, v]) => v === key)?.[0] ?? snake(key)) as string;
    issues.push({ line, field: col, message: i.message });
  }
  return null;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
const num = (s: string | undefined) => (s === undefined || s === "" ? undefined : Number(s));
const rating = (s: string | undefined) => (s === undefined || s === "" ? null : Number(s));
/** `true`/`false` as written; `1`/`0` from files made before booleans had one style. */
const bool = (s: string | undefined) =>
  s === "true" || s === "1" ? true : s === "false" || s === "0" || s === "" || s === undefined ? false : s;

function activityInput(o: Record<string, string>): unknown {
  return {
    id: o.id,
    name: o.name || o.id,
    kind: o.kind,
    importance: num(o.importance),
    novelty: num(o.novelty),
    effort: num(o.effort),
    threat: num(o.threat),
    urge: bool(o.urge),
    durationMin: num(o.duration_min),
  };
}

function checkInInput(o: Record<string, string>): unknown {
  return {
    id: o.id,
    activityId: o.activity_id,
    localDate: o.local_date,
    localHour: num(o.local_hour),
    at: o.at,
    plannedMin: num(o.planned_min),
    scaffolding: {
      environmentCue: bool(o.environment_cue),
      commitment: bool(o.commitment),
      microDose: bool(o.micro_dose),
    },
    anticipated: rating(o.anticipated),
    started: bool(o.started),
    minutesDone: num(o.minutes) ?? 0,
    experienced: rating(o.experienced),
    worry: rating(o.worry),
  };
}

function urgeInput(o: Record<string, string>): unknown {
  return {
    id: o.id,
    activityId: o.activity_id,
    localDate: o.local_date,
    localHour: num(o.local_hour),
    at: o.at,
    cue: o.cue ?? "",
    strength: num(o.strength),
    acted: bool(o.acted),
    minutes: num(o.minutes) ?? 0,
    liking: rating(o.liking),
  };
}
