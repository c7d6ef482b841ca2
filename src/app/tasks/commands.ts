import { randomInt } from "node:crypto";
import { z } from "zod";
import { type EefrtFitResult, fitEefrt, fitPrt, type PrtFitResult } from "../../fit/index.ts";
import { streamRng } from "../../model/rng.ts";
import type { TaskEvidence } from "../../profile/index.ts";
import {
  describeIssue,
  EEFRT_DESIGNS,
  type EefrtScheduledTrial,
  type EefrtTrial,
  eefrtData,
  eefrtSchedule,
  PRT_DESIGNS,
  type PrtPending,
  type PrtSchedule,
  type PrtTrial,
  prtData,
  prtPendingAfter,
  prtSchedule,
  type ReadTrialsResult,
  readTrialsCsv,
  readTrialsJson,
  simulateTaskStudy,
  TASK_DEFINITIONS,
  TASK_IDS,
  type TaskTrial,
  TaskTrialSchema,
  TRIAL_COLUMNS,
  trialsToJson,
  trialsToJsPsychRows,
  writeTrialsCsv,
  writeTrialsJsPsychCsv,
} from "../../tasks/index.ts";
import { MIN_TASK_TRIALS } from "../person/rules.ts";
import { personScope } from "../records/commands.ts";
import { AppError, defineCommand } from "../registry.ts";
import type { Store } from "../store-port.ts";
import { tasksFitExternalCommand } from "./prt-latent-command.ts";

/**
 * The behavioural tasks as commands: the browser starts a session (its schedule is drawn from a
 * stored seed, so a reload resumes exactly), autosaves every trial under its own id, exports CSV or
 * JSON, and fits. Sessions and trials are opaque per-person entries (`task_session`,
 * `task_trial`); the person's latest fit is the blob `task-fits`, which the map reads as evidence.
 */

const SessionId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/, "letters, digits and . _ : - only");
const TaskIdSchema = z.enum(TASK_IDS);
const VersionSchema = z.enum(["standard", "short"]);
const Instant = z.iso.datetime({ offset: true });

/** The blob that holds the person's latest task fits and the evidence derived from them. */
export const TASK_FITS_BLOB = "task-fits";

/** A stored session: what the schedule is drawn from. */
export interface TaskSession {
  readonly sessionId: string;
  readonly task: "eefrt" | "prt";
  readonly version: "standard" | "short";
  /** Seed of the schedule (the schedule uses stream (seed, 0, 0)). */
  readonly seed: number;
  readonly startedAt: string;
}

/** The schedule of a session, either task. */
export type TaskSchedule =
  | { readonly task: "eefrt"; readonly trials: readonly EefrtScheduledTrial[] }
  | ({ readonly task: "prt" } & PrtSchedule);

/** Draws a session's schedule from its seed. */
export function scheduleOf(s: TaskSession): TaskSchedule {
  const rng = streamRng(s.seed, 0, 0);
  return s.task === "eefrt"
    ? { task: "eefrt", trials: eefrtSchedule(EEFRT_DESIGNS[s.version], rng) }
    : { task: "prt", ...prtSchedule(PRT_DESIGNS[s.version], rng) };
}

const sessionEntryId = (sessionId: string) => `task-session/${sessionId}`;
const trialEntryId = (trialId: string) => `task-trial/${trialId}`;

async function readSession(store: Store, personId: string, sessionId: string): Promise<TaskSession> {
  const found = (await store.listEntries(personId, "task_session")).find(
    (e) => e.id === sessionEntryId(sessionId),
  );
  if (!found)
    throw new AppError({
      code: "not_found",
      message: `sessionId: no task session ${sessionId}; start it with tasks/start`,
      path: ["sessionId"],
    });
  return found.data as TaskSession;
}

async function readTrials(
  store: Store,
  personId: string,
  filter: (t: TaskTrial) => boolean,
): Promise<TaskTrial[]> {
  return (await store.listEntries(personId, "task_trial"))
    .map((e) => e.data as TaskTrial)
    .filter(filter)
    .sort((a, b) => a.sessionId.localeCompare(b.sessionId) || a.trialIndex - b.trialIndex);
}

/** What a client needs to run or resume a session. */
export interface TaskSessionState {
  readonly session: TaskSession;
  readonly design:
    | (typeof EEFRT_DESIGNS)[keyof typeof EEFRT_DESIGNS]
    | (typeof PRT_DESIGNS)[keyof typeof PRT_DESIGNS];
  readonly schedule: TaskSchedule;
  readonly trials: readonly TaskTrial[];
  /** The first trial index not yet saved (the schedule's length when complete). */
  readonly nextTrialIndex: number;
  readonly complete: boolean;
  /** PRT: rewards due but not yet delivered after the saved trials (for resuming the controller). */
  readonly pending: PrtPending | null;
}

async function sessionState(store: Store, personId: string, session: TaskSession): Promise<TaskSessionState> {
  const schedule = scheduleOf(session);
  const trials = await readTrials(store, personId, (t) => t.sessionId === session.sessionId);
  const saved = new Set(trials.map((t) => t.trialIndex));
  let next = 0;
  while (saved.has(next)) next++;
  return {
    session,
    design: session.task === "eefrt" ? EEFRT_DESIGNS[session.version] : PRT_DESIGNS[session.version],
    schedule,
    trials,
    nextTrialIndex: next,
    complete: next >= schedule.trials.length,
    pending: schedule.task === "prt" ? prtPendingAfter(schedule, trials as PrtTrial[]) : null,
  };
}

/** `tasks/list`: the task definitions (design and model with sources) and the person's sessions. */
export const tasksListCommand = defineCommand({
  name: "tasks/list",
  summary: "The behavioural tasks (EEfRT, PRT) with their designs, models and sources, and your sessions",
  input: z.strictObject({}),
  output: z.custom<{
    tasks: typeof TASK_DEFINITIONS;
    columns: typeof TRIAL_COLUMNS;
    sessions: (TaskSession & { saved: number; total: number; complete: boolean })[];
    disclaimer: string;
  }>(),
  async run(_input, ctx) {
    const sessions = [];
    if (ctx.store && ctx.personId) {
      const { store, personId } = personScope(ctx);
      for (const e of await store.listEntries(personId, "task_session")) {
        const s = await sessionState(store, personId, e.data as TaskSession);
        sessions.push({
          ...s.session,
          saved: s.trials.length,
          total: s.schedule.trials.length,
          complete: s.complete,
        });
      }
    }
    return {
      tasks: TASK_DEFINITIONS,
      columns: TRIAL_COLUMNS,
      sessions,
      disclaimer:
        "Experimental: task results are one piece of evidence in a self-help and research tool, not a diagnosis.",
    };
  },
});

/** `tasks/start`: creates a session (or returns it unchanged on a retry) with its schedule. */
export const tasksStartCommand = defineCommand({
  name: "tasks/start",
  summary: "Start a task session: the schedule is drawn from a stored seed, so the session can be resumed",
  input: z.strictObject({
    sessionId: SessionId,
    task: TaskIdSchema,
    version: VersionSchema.default("standard"),
    at: Instant,
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
  }),
  output: z.custom<TaskSessionState>(),
  async run(input, ctx) {
    const { store, personId } = personScope(ctx);
    const existing = (await store.listEntries(personId, "task_session")).find(
      (e) => e.id === sessionEntryId(input.sessionId),
    );
    if (existing) {
      const s = existing.data as TaskSession;
      if (s.task !== input.task || s.version !== input.version)
        throw new AppError({
          code: "conflict",
          message: `sessionId: session ${input.sessionId} is a ${s.task} ${s.version} session`,
          path: ["sessionId"],
        });
      return sessionState(store, personId, s);
    }
    const session: TaskSession = {
      sessionId: input.sessionId,
      task: input.task,
      version: input.version,
      seed: input.seed ?? randomInt(2 ** 31 - 1),
      startedAt: input.at,
    };
    await store.putEntry(personId, {
      id: sessionEntryId(session.sessionId),
      kind: "task_session",
      at: input.at,
      data: session,
    });
    return sessionState(store, personId, session);
  },
});

/** `tasks/session`: the state to resume a session (schedule, saved trials, next index). */
export const tasksSessionCommand = defineCommand({
  name: "tasks/session",
  summary: "A task session's schedule and saved trials, to resume it",
  input: z.strictObject({ sessionId: SessionId }),
  output: z.custom<TaskSessionState>(),
  async run(input, ctx) {
    const { store, personId } = personScope(ctx);
    return sessionState(store, personId, await readSession(store, personId, input.sessionId));
  },
});

/** `tasks/trial`: autosaves one trial; a retry with the same content is `unchanged`, never a duplicate. */
export const tasksTrialCommand = defineCommand({
  name: "tasks/trial",
  summary: "Save one task trial the moment it ends (idempotent by trial id)",
  input: z.strictObject({ trial: TaskTrialSchema }),
  output: z.strictObject({
    id: z.string(),
    outcome: z.enum(["created", "unchanged"]),
    nextTrialIndex: z.number(),
  }),
  async run(input, ctx) {
    const { store, personId } = personScope(ctx);
    const t = input.trial;
    const session = await readSession(store, personId, t.sessionId);
    const schedule = scheduleOf(session);
    const where = (field: string, message: string) =>
      new AppError({ code: "invalid_input", message: `trial.${field}: ${message}`, path: ["trial", field] });
    if (t.task !== session.task || t.version !== session.version)
      throw where("task", `session ${session.sessionId} is a ${session.task} ${session.version} session`);
    const s = schedule.trials[t.trialIndex];
    if (!s)
      throw where(
        "trialIndex",
        `the session has ${schedule.trials.length} trials (0–${schedule.trials.length - 1})`,
      );
    if (t.id !== `${t.sessionId}/${t.trialIndex}`)
      throw where("id", `expected ${t.sessionId}/${t.trialIndex}`);
    if (t.practice !== s.practice || t.block !== s.block)
      throw where(
        "practice",
        `trial ${t.trialIndex} is ${s.practice ? "" : "not "}practice, block ${s.block}`,
      );
    if (
      t.task === "eefrt" &&
      "hardReward" in s &&
      (t.hardReward !== s.hardReward || t.probability !== s.probability)
    )
      throw where("hardReward", `trial ${t.trialIndex} offers ${s.hardReward} at ${s.probability}`);
    if (t.task === "prt" && "shown" in s && t.shown !== s.shown)
      throw where("shown", `trial ${t.trialIndex} shows ${s.shown}`);
    const outcome = await store.putEntry(personId, {
      id: trialEntryId(t.id),
      kind: "task_trial",
      at: t.at ?? session.startedAt,
      data: t,
    });
    if (outcome === "conflict")
      throw new AppError({
        code: "conflict",
        message: `trial.id: trial ${t.id} is already saved with different content`,
        path: ["trial", "id"],
      });
    const state = await sessionState(store, personId, session);
    return {
      id: t.id,
      outcome: outcome === "created" ? ("created" as const) : ("unchanged" as const),
      nextTrialIndex: state.nextTrialIndex,
    };
  },
});

/** A file the client offers for download. */
export interface TaskExportFile {
  readonly filename: string;
  readonly mediaType: "text/csv" | "application/json";
  readonly content: string;
  readonly trials: number;
}

/** Column conventions of an export: dopamap's (`TRIAL_COLUMNS`) or jsPsych's (`JSPSYCH_COLUMNS`). */
const ColumnsSchema = z.enum(["dopamap", "jspsych"]).default("dopamap");

const file = (
  trials: TaskTrial[],
  format: "csv" | "json",
  stem: string,
  columns: "dopamap" | "jspsych" = "dopamap",
): TaskExportFile => {
  const jspsych = columns === "jspsych";
  const name = jspsych ? `${stem}-jspsych` : stem;
  return format === "csv"
    ? {
        filename: `${name}.csv`,
        mediaType: "text/csv",
        content: jspsych ? writeTrialsJsPsychCsv(trials) : writeTrialsCsv(trials),
        trials: trials.length,
      }
    : {
        filename: `${name}.json`,
        mediaType: "application/json",
        // jsPsych's `data.get().json()` is a bare array of trial rows.
        content: `${JSON.stringify(jspsych ? trialsToJsPsychRows(trials) : trialsToJson(trials), null, 2)}\n`,
        trials: trials.length,
      };
};

/** `tasks/export`: a session's (or every session of a task's) trials as CSV or JSON with documented columns. */
export const tasksExportCommand = defineCommand({
  name: "tasks/export",
  summary: "Export task trials as CSV or JSON (columns documented in the JSON and in tasks/list)",
  input: z
    .strictObject({
      sessionId: SessionId.optional(),
      task: TaskIdSchema.optional(),
      format: z.enum(["csv", "json"]),
      /** `jspsych`: jsPsych's columns and units (time_elapsed at each trial's end, one rt per row). */
      columns: ColumnsSchema,
    })
    .refine((x) => x.sessionId !== undefined || x.task !== undefined, {
      message: "give a sessionId or a task",
      path: ["sessionId"],
    }),
  output: z.custom<TaskExportFile>(),
  async run(input, ctx) {
    const { store, personId } = personScope(ctx);
    if (input.sessionId) await readSession(store, personId, input.sessionId);
    const trials = await readTrials(store, personId, (t) =>
      input.sessionId ? t.sessionId === input.sessionId : t.task === input.task,
    );
    return file(trials, input.format, `dopamap-${input.sessionId ?? input.task}`, input.columns);
  },
});

function readPosted(input: { csv?: string; json?: unknown }): TaskTrial[] {
  const r: ReadTrialsResult = input.csv !== undefined ? readTrialsCsv(input.csv) : readTrialsJson(input.json);
  if (r.ok) return r.trials;
  const first = r.issues[0]!;
  throw new AppError({
    code: "invalid_input",
    message: `${describeIssue(first)}${r.issues.length > 1 ? ` (and ${r.issues.length - 1} more malformed rows)` : ""}`,
    path: [input.csv !== undefined ? "csv" : "json", first.line ?? first.index, first.field],
    issues: r.issues.map((i) => ({
      path: [i.line !== null ? "line" : "trials", i.line ?? i.index, i.field],
      message: i.message,
    })),
  });
}

/** The result of `tasks/fit`. */
export interface TaskFitReport {
  readonly eefrt: EefrtFitResult | null;
  readonly prt: PrtFitResult | null;
  /** Evidence for the map from the person's own sessions (null for posted files). */
  readonly evidence: TaskEvidence | null;
  readonly stored: boolean;
  readonly notes: readonly string[];
}

const MAX_PARTICIPANTS = 500;

/** Fits whatever tasks the trials hold, one participant at a time (empirical Bayes from 10 participants). */
export function fitTrials(trials: readonly TaskTrial[]): {
  eefrt: EefrtFitResult | null;
  prt: PrtFitResult | null;
} {
  const e = eefrtData(trials.filter((t): t is EefrtTrial => t.task === "eefrt"));
  const p = prtData(trials.filter((t): t is PrtTrial => t.task === "prt"));
  if (e.length + p.length > MAX_PARTICIPANTS)
    throw new AppError({
      code: "invalid_input",
      message: `trials: at most ${MAX_PARTICIPANTS} participants per fit, got ${e.length + p.length}`,
      path: ["trials"],
    });
  if (e.length + p.length === 0)
    throw new AppError({
      code: "invalid_input",
      message:
        "trials: no scored trials to fit (practice trials, timeouts and unanswered trials are not fitted)",
      path: ["trials"],
    });
  return { eefrt: e.length ? fitEefrt(e) : null, prt: p.length ? fitPrt(p) : null };
}

/** `tasks/fit`: fits the person's stored sessions (and keeps the fit for the map), or a posted CSV/JSON file. */
export const tasksFitCommand = defineCommand({
  name: "tasks/fit",
  summary:
    "Fit the EEfRT (effort cost k) and PRT (reward sensitivity ρ, learning rate ε) models to task trials",
  input: z
    .strictObject({
      sessionId: SessionId.optional(),
      csv: z.string().max(20_000_000).optional(),
      json: z.unknown().optional(),
    })
    .refine((x) => [x.sessionId, x.csv, x.json].filter((v) => v !== undefined).length <= 1, {
      message: "give at most one of sessionId, csv or json",
      path: ["sessionId"],
    }),
  output: z.custom<TaskFitReport>(),
  async run(input, ctx) {
    const notes: string[] = [
      "EEfRT: the Treadway lab's SV model (SV = R·p^h − k·E, softmax with T); PRT: Huys et al. 2013 (ρ, ε, γ). Maximum a posteriori with 95 % Laplace intervals.",
      "Experimental, and not a diagnosis: a task measures one session; its reliability is moderate.",
    ];
    if (input.csv !== undefined || input.json !== undefined)
      return { ...fitTrials(readPosted(input)), evidence: null, stored: false, notes };
    const { store, personId, now } = personScope(ctx);
    if (input.sessionId) await readSession(store, personId, input.sessionId);
    const trials = await readTrials(
      store,
      personId,
      (t) => !input.sessionId || t.sessionId === input.sessionId,
    );
    const mine = trials.map((t) => ({ ...t, participantId: "me" }));
    const fit = fitTrials(mine);
    // Only runs long enough to measure anything become evidence for the map (short demo runs never do).
    const counted = countedRuns(mine);
    const evidenceFit = counted.length === mine.length ? fit : counted.length ? fitTrials(counted) : null;
    const evidence: TaskEvidence = {
      ...(evidenceFit?.eefrt?.participants[0]
        ? { eefrtEffortCost: evidenceFit.eefrt.participants[0].effortCost }
        : {}),
      ...(evidenceFit?.prt?.participants[0]
        ? { prtRewardSensitivity: evidenceFit.prt.participants[0].rewardSensitivity }
        : {}),
    };
    if (counted.length < mine.length)
      notes.push(
        `Runs with fewer than ${MIN_TASK_TRIALS.eefrt} scored effort-task trials or ${MIN_TASK_TRIALS.prt} reward-task trials are shown here but never change your map.`,
      );
    const report = { ...fit, evidence, stored: true, notes };
    await store.putBlob(personId, TASK_FITS_BLOB, report, now());
    return report;
  },
});

/** The trials of the runs (sessions) with at least `MIN_TASK_TRIALS` scored trials of their task. */
export function countedRuns<T extends TaskTrial>(trials: readonly T[]): T[] {
  const scored = new Map<string, number>();
  for (const t of trials) if (!t.practice) scored.set(t.sessionId, (scored.get(t.sessionId) ?? 0) + 1);
  return trials.filter((t) => (scored.get(t.sessionId) ?? 0) >= MIN_TASK_TRIALS[t.task]);
}

/** The task evidence the map can use: from the person's stored `task-fits` blob, or undefined. */
export async function storedTaskEvidence(store: Store, personId: string): Promise<TaskEvidence | undefined> {
  const blob = (await store.getBlob(personId, TASK_FITS_BLOB)) as TaskFitReport | undefined;
  return blob?.evidence ?? undefined;
}

/** `tasks/simulate`: simulated participants play a task; their trials as CSV or JSON (example data). */
export const tasksSimulateCommand = defineCommand({
  name: "tasks/simulate",
  localOnly: true,
  summary: "Simulated participants play the EEfRT or PRT from person-level parameters (example data)",
  input: z.strictObject({
    task: TaskIdSchema,
    participants: z.number().int().min(1).max(MAX_PARTICIPANTS).default(20),
    seed: z.number().int().default(1),
    version: VersionSchema.default("standard"),
    format: z.enum(["csv", "json"]).default("csv"),
    columns: ColumnsSchema,
  }),
  output: z.custom<TaskExportFile & { truth: ReturnType<typeof simulateTaskStudy>["people"] }>(),
  async run(input) {
    const sim = simulateTaskStudy(input);
    return {
      ...file(sim.trials, input.format, `simulated-${input.task}`, input.columns),
      truth: sim.people,
    };
  },
});

/** The task commands, in registry order. */
export const TASK_COMMANDS = [
  tasksListCommand,
  tasksStartCommand,
  tasksSessionCommand,
  tasksTrialCommand,
  tasksExportCommand,
  tasksFitCommand,
  tasksSimulateCommand,
  tasksFitExternalCommand,
] as const;
