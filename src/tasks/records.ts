import { z } from "zod";
import { csvRecords, readCsv, writeCsv } from "../csv/index.ts";

/**
 * The trial record: one row per trial, the same schema for the browser's autosave, storage, the
 * exported CSV/JSON and the fits. Field names are camelCase in code; exported columns are the same
 * names in snake_case (`hardReward` → `hard_reward`), documented once in `TRIAL_COLUMNS`.
 */

const Id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:/-]+$/, "letters, digits and . _ : / - only");
const Instant = z.iso.datetime({ offset: true });
const Ms = z.number().min(0).max(86_400_000);

const common = {
  /** Unique per person; `${sessionId}/${trialIndex}` in the browser. */
  id: Id,
  sessionId: Id,
  /** Whose trials these are (the person's own sessions use "me"; simulated files p1, p2, …). */
  participantId: Id,
  /** The task version id (`standard`, `short`). */
  version: z.string().min(1).max(32),
  /** 0-based position in the session, practice trials included. */
  trialIndex: z.number().int().min(0).max(10_000),
  /** 1-based block (0 for practice). */
  block: z.number().int().min(0).max(100),
  practice: z.boolean(),
  /** Wall-clock instant the trial ended (the browser's clock), or null for simulated trials. */
  at: Instant.nullable(),
  /** Trial onset, ms since the session started (`performance.now` in the browser). */
  onsetMs: Ms.nullable(),
};

/** One EEfRT trial (Treadway et al. 2009). */
export const EefrtTrialSchema = z.strictObject({
  ...common,
  task: z.literal("eefrt"),
  /** Cued probability that a completed task pays (0.12, 0.5 or 0.88 in the standard design). */
  probability: z.number().gt(0).max(1),
  /** Reward of the easy task, dollars (points in the browser). */
  easyReward: z.number().min(0).max(1000),
  /** Reward of the hard task on this trial, dollars (points in the browser). */
  hardReward: z.number().min(0).max(1000),
  /** The task done on this trial. */
  choice: z.enum(["easy", "hard"]),
  /** `participant` when chosen in the window; `timeout` when assigned (not used by the fit). */
  chosenBy: z.enum(["participant", "timeout"]),
  /** From the choice screen's onset to the key press; null after a timeout. */
  choiceRtMs: Ms.nullable(),
  requiredPresses: z.number().int().min(1).max(10_000),
  presses: z.number().int().min(0).max(100_000),
  completed: z.boolean(),
  /** Time from the first allowed press to completion or the time limit. */
  pressTimeMs: Ms.nullable(),
  won: z.boolean(),
  earned: z.number().min(0).max(1000),
});
export type EefrtTrial = z.infer<typeof EefrtTrialSchema>;

/** One PRT trial (Pizzagalli et al. 2005). */
export const PrtTrialSchema = z.strictObject({
  ...common,
  task: z.literal("prt"),
  /** Which mouth is the rich (more often rewarded) stimulus in this session. */
  richStimulus: z.enum(["short", "long"]),
  /** The mouth shown. */
  shown: z.enum(["short", "long"]),
  /** `rich` or `lean`: the shown mouth's reinforcement class. */
  stimulusType: z.enum(["rich", "lean"]),
  /** The mouth the participant reported, null when no key was pressed in the window. */
  response: z.enum(["short", "long"]).nullable(),
  correct: z.boolean(),
  /** True when the schedule flagged this trial (or carried a missed reward to it). */
  rewardScheduled: z.boolean(),
  rewarded: z.boolean(),
  /** From mouth onset to the key press. */
  rtMs: Ms.nullable(),
  /** How long the mouth was shown. */
  stimulusMs: Ms,
});
export type PrtTrial = z.infer<typeof PrtTrialSchema>;

/** A trial of either task. */
export const TaskTrialSchema = z.discriminatedUnion("task", [EefrtTrialSchema, PrtTrialSchema]);
export type TaskTrial = z.infer<typeof TaskTrialSchema>;
export type TaskId = TaskTrial["task"];
export const TASK_IDS = ["eefrt", "prt"] as const satisfies readonly TaskId[];

/** A documented export column. */
export interface TrialColumn {
  readonly column: string;
  readonly field: string;
  readonly tasks: readonly TaskId[];
  readonly type: "string" | "integer" | "number" | "boolean";
  readonly unit: string;
  readonly meaning: string;
}

const col = (
  field: string,
  tasks: readonly TaskId[],
  type: TrialColumn["type"],
  unit: string,
  meaning: string,
): TrialColumn => ({
  column: field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  field,
  tasks,
  type,
  unit,
  meaning,
});
const both: readonly TaskId[] = ["eefrt", "prt"];

/**
 * The CSV and JSON columns, in order. A file may hold both tasks; columns a task does not use are
 * empty (CSV) or absent (JSON). Empty means null where a field is nullable.
 */
export const TRIAL_COLUMNS: readonly TrialColumn[] = [
  col("task", both, "string", "", "eefrt or prt"),
  col("id", both, "string", "", "trial id, unique per person"),
  col("sessionId", both, "string", "", "session id"),
  col("participantId", both, "string", "", "participant id (the fit groups by it)"),
  col("version", both, "string", "", "task version: standard or short"),
  col("trialIndex", both, "integer", "", "0-based position in the session, practice included"),
  col("block", both, "integer", "", "1-based block; 0 for practice"),
  col("practice", both, "boolean", "", "practice trial (never fitted)"),
  col("at", both, "string", "ISO 8601", "when the trial ended (browser clock); empty when simulated"),
  col("onsetMs", both, "number", "ms", "trial onset since the session started (performance.now)"),
  col("probability", ["eefrt"], "number", "0..1", "cued probability that a completed task pays"),
  col("easyReward", ["eefrt"], "number", "dollars (points)", "reward of the easy task"),
  col("hardReward", ["eefrt"], "number", "dollars (points)", "reward of the hard task"),
  col("choice", ["eefrt"], "string", "", "easy or hard: the task done"),
  col("chosenBy", ["eefrt"], "string", "", "participant, or timeout when assigned (not fitted)"),
  col("choiceRtMs", ["eefrt"], "number", "ms", "choice reaction time; empty after a timeout"),
  col("requiredPresses", ["eefrt"], "integer", "presses", "presses needed to complete"),
  col("presses", ["eefrt"], "integer", "presses", "presses made"),
  col("completed", ["eefrt"], "boolean", "", "required presses made within the time limit"),
  col("pressTimeMs", ["eefrt"], "number", "ms", "time pressing, to completion or the limit"),
  col("won", ["eefrt"], "boolean", "", "completed and the lottery paid"),
  col("earned", ["eefrt"], "number", "dollars (points)", "reward earned on the trial"),
  col("richStimulus", ["prt"], "string", "", "short or long: the rich mouth in this session"),
  col("shown", ["prt"], "string", "", "short or long: the mouth shown"),
  col("stimulusType", ["prt"], "string", "", "rich or lean"),
  col("response", ["prt"], "string", "", "short or long; empty when no key was pressed"),
  col("correct", ["prt"], "boolean", "", "response matched the mouth shown"),
  col("rewardScheduled", ["prt"], "boolean", "", "a reward was due on a correct response"),
  col("rewarded", ["prt"], "boolean", "", "reward feedback shown"),
  col("rtMs", ["prt"], "number", "ms", "reaction time from mouth onset"),
  col("stimulusMs", ["prt"], "number", "ms", "how long the mouth was shown"),
];

/** A problem with one row of an imported file: its line (CSV) or index (JSON), column and message. */
export interface TrialIssue {
  readonly line: number | null;
  readonly index: number;
  readonly field: string;
  readonly message: string;
}

export type ReadTrialsResult = { ok: true; trials: TaskTrial[] } | { ok: false; issues: TrialIssue[] };

/** A trial as an export row (snake_case keys, only its task's columns, null kept). */
export function trialToRow(t: TaskTrial): Record<string, string | number | boolean | null> {
  const src = t as unknown as Record<string, string | number | boolean | null>;
  const out: Record<string, string | number | boolean | null> = {};
  for (const c of TRIAL_COLUMNS) if (c.tasks.includes(t.task)) out[c.column] = src[c.field] ?? null;
  return out;
}

/** The trials as CSV: a header of every column in `TRIAL_COLUMNS`, one row per trial (RFC 4180 quoting). */
export function writeTrialsCsv(trials: readonly TaskTrial[]): string {
  return writeCsv(
    TRIAL_COLUMNS.map((c) => c.column),
    trials.map(trialToRow),
  );
}

/** The JSON export: the documented columns and the rows. */
export interface TrialsJson {
  readonly format: "dopamap-task-trials";
  readonly version: 1;
  readonly columns: readonly TrialColumn[];
  readonly trials: readonly Record<string, string | number | boolean | null>[];
}

/** The trials as the JSON export. */
export function trialsToJson(trials: readonly TaskTrial[]): TrialsJson {
  return {
    format: "dopamap-task-trials",
    version: 1,
    columns: TRIAL_COLUMNS,
    trials: trials.map(trialToRow),
  };
}

const BY_COLUMN = new Map(TRIAL_COLUMNS.map((c) => [c.column, c]));

function coerce(c: TrialColumn, raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  const s = raw.trim();
  if (s === "") return null;
  if (c.type === "boolean") return s === "true" ? true : s === "false" ? false : s;
  if (c.type === "integer" || c.type === "number") {
    const n = Number(s);
    return Number.isFinite(n) ? n : s;
  }
  return s;
}

function readRow(row: Record<string, unknown>, index: number, line: number | null): TaskTrial | TrialIssue {
  const task = typeof row.task === "string" ? row.task.trim() : row.task;
  if (task !== "eefrt" && task !== "prt")
    return {
      line,
      index,
      field: "task",
      message: `task must be eefrt or prt, got ${JSON.stringify(task ?? "")}`,
    };
  const obj: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    const c = BY_COLUMN.get(k);
    if (!c) return { line, index, field: k, message: `unknown column ${k}` };
    if (!c.tasks.includes(task)) continue;
    const value = coerce(c, v);
    if (value === null && !(c.field === "at" || /Ms$/.test(c.field) || c.field === "response")) continue;
    obj[c.field] = value;
  }
  const r = TaskTrialSchema.safeParse(obj);
  if (r.success) return r.data;
  const first = r.error.issues[0]!;
  const field = String(first.path[0] ?? "row");
  const column = TRIAL_COLUMNS.find((c) => c.field === field)?.column ?? field;
  return { line, index, field: column, message: first.message };
}

function gather(
  rows: readonly Record<string, unknown>[],
  lineOf: (i: number) => number | null,
): ReadTrialsResult {
  const trials: TaskTrial[] = [];
  const issues: TrialIssue[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const r = readRow(row, i, lineOf(i));
    if ("message" in r) issues.push(r);
    else if (seen.has(r.id))
      issues.push({ line: lineOf(i), index: i, field: "id", message: `duplicate trial id ${r.id}` });
    else {
      seen.add(r.id);
      trials.push(r);
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  if (trials.length === 0)
    return { ok: false, issues: [{ line: lineOf(0), index: 0, field: "task", message: "no trials" }] };
  return { ok: true, trials };
}

/**
 * Reads the CSV export. Every bad row is reported with its line (1 = header), column and problem;
 * unknown columns are errors, so a misspelt header is caught rather than silently dropped.
 */
export function readTrialsCsv(text: string): ReadTrialsResult {
  const table = readCsv(text, ",");
  const head = table.headers;
  const missing = ["task", "id", "session_id", "participant_id"].filter((h) => !head.includes(h));
  if (missing.length > 0)
    return {
      ok: false,
      issues: missing.map((m) => ({ line: 1, index: 0, field: m, message: `missing column ${m}` })),
    };
  const unknown = head.filter((h) => !BY_COLUMN.has(h));
  if (unknown.length > 0)
    return {
      ok: false,
      issues: unknown.map((u) => ({ line: 1, index: 0, field: u, message: `unknown column ${u}` })),
    };
  const bad = table.issues[0];
  if (bad)
    return { ok: false, issues: [{ line: bad.line, index: 0, field: bad.field, message: bad.message }] };
  const rows = csvRecords(table);
  return gather(
    rows.map((r) => r.cells),
    (i) => rows[i]?.line ?? i + 2,
  );
}

/** Reads the JSON export (`{ format, trials }`) or a bare array of rows; issues name `trials[i]` and the column. */
export function readTrialsJson(value: unknown): ReadTrialsResult {
  const rows = Array.isArray(value)
    ? value
    : value && typeof value === "object" && Array.isArray((value as { trials?: unknown }).trials)
      ? (value as { trials: unknown[] }).trials
      : null;
  if (!rows)
    return {
      ok: false,
      issues: [
        {
          line: null,
          index: 0,
          field: "trials",
          message: "expected an array of trials or { trials: [...] }",
        },
      ],
    };
  const notObject = rows.findIndex((r) => !r || typeof r !== "object" || Array.isArray(r));
  if (notObject >= 0)
    return {
      ok: false,
      issues: [{ line: null, index: notObject, field: "row", message: "expected an object" }],
    };
  return gather(rows as Record<string, unknown>[], () => null);
}

/** The issue in words: `line 7: hard_reward: …` (CSV) or `trials[5]: hard_reward: …` (JSON). */
export function describeIssue(i: TrialIssue): string {
  return `${i.line !== null ? `line ${i.line}` : `trials[${i.index}]`}: ${i.field}: ${i.message}`;
}
