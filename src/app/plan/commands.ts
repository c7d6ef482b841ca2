import { z } from "zod";
import { type PersonLog, PersonLogSchema } from "../../model/records/schema.ts";
import {
  choicesFromLog,
  createPlan,
  type Plan,
  PlanChoiceSchema,
  type PlanMap,
  PlanMapSchema,
  planToIcs,
  presetDraws,
} from "../../plan/index.ts";
import {
  buildTimeline,
  dayNumber,
  dueRescues,
  expandSchedule,
  occurrenceStatuses,
  type ProgressionState,
  progressionState,
  rescueStart,
  rescueUrge,
  type StartRescue,
  type Timeline,
  type UrgeRescue,
  type WeekSummary,
  weeklySummaries,
} from "../../track/index.ts";
import { AppError, defineCommand } from "../registry.ts";
import { planningFromLog } from "./from-fit.ts";

const DEFAULT_MAP: PlanMap = PlanMapSchema.parse({ primary: "anticipatoryDeficit" });

/** Input shared by the plan commands: the log, and optionally the map, the choices and the selection settings. */
export const PlanInputSchema = z.strictObject({
  log: PersonLogSchema,
  map: PlanMapSchema.optional(),
  choices: z.array(PlanChoiceSchema).min(1).optional(),
  /** Parameter draws for the in-silico selection (0 = components only). Default 20. */
  draws: z.number().int().min(0).max(100).default(20),
  seedsPerDraw: z.number().int().min(1).max(5).default(2),
  seed: z.number().int().default(1),
});
type PlanInput = z.output<typeof PlanInputSchema>;

/** A plan with a note on what it assumed. */
export interface PlanReport {
  readonly plan: Plan;
  /** True when no map was given and the default (anticipatory deficit, peak 09:00) was assumed. */
  readonly assumedMap: boolean;
  /** Where the draws came from. */
  readonly drawsFrom: string;
}

function makePlan(input: PlanInput): PlanReport {
  const fitted = input.draws > 0 ? planningFromLog(input.log, input.draws, input.seed) : null;
  const map = input.map ?? fitted?.map ?? DEFAULT_MAP;
  const choices = input.choices ?? choicesFromLog(input.log);
  if (choices.length === 0)
    throw new AppError({
      code: "invalid_input",
      message: "log.activities: no planned (non-urge) activity to plan",
      path: ["log", "activities"],
    });
  for (const c of choices)
    if (!input.log.activities.some((a) => a.id === c.activityId))
      throw new AppError({
        code: "invalid_input",
        message: `choices: unknown activity ${c.activityId}`,
        path: ["choices"],
      });
  const plan = createPlan(
    { map, activities: input.log.activities, choices },
    fitted?.draws ?? presetDraws(map, input.draws, input.seed),
    { seed: input.seed, seedsPerDraw: input.seedsPerDraw },
  );
  return {
    plan,
    assumedMap: input.map === undefined && fitted === null,
    drawsFrom:
      fitted?.description ??
      "parameter draws around the preset of the map's primary pattern (the log is too short to fit yet)",
  };
}

const out = <T>() => z.custom<T>((v) => typeof v === "object" && v !== null);

/** `plan/create`: the circuit-matched plan with its in-silico selection. */
export const planCreateCommand = defineCommand({
  name: "plan/create",
  summary: "the circuit-matched plan for a log, simulated against its alternatives and the generic advice",
  input: PlanInputSchema,
  output: out<PlanReport>(),
  async run(input) {
    return makePlan(input);
  },
});

/** `plan/ics`: the plan as an iCalendar file with alarms. */
export const planIcsCommand = defineCommand({
  name: "plan/ics",
  summary: "the plan as iCalendar (recurring events with alarms; micro-dose and cue in the description)",
  input: PlanInputSchema.extend({
    startDate: z.iso.date(),
    alarmMinutesBefore: z.number().int().min(0).max(240).default(10),
    draws: z.number().int().min(0).max(100).default(0),
  }),
  output: z.strictObject({ ics: z.string() }),
  async run(input, ctx) {
    const { plan } = makePlan(input);
    const now = ctx.now?.() ?? `${input.startDate}T00:00:00Z`;
    return {
      ics: planToIcs(plan, { startDate: input.startDate, now, alarmMinutesBefore: input.alarmMinutesBefore }),
    };
  },
});

const LocalNowSchema = z.strictObject({
  localDate: z.iso.date(),
  localHour: z.number().int().min(0).max(23),
  localMinute: z.number().int().min(0).max(59),
});

/** `rescue/get`: the matched micro-step for an activity the person cannot start, or the urge steps. */
export const rescueGetCommand = defineCommand({
  name: "rescue/get",
  summary: "the matched micro-step now (crisis resources first when the person feels unsafe)",
  input: z.strictObject({
    log: PersonLogSchema,
    map: PlanMapSchema.optional(),
    activityId: z.string().min(1),
    unsafe: z.boolean().default(false),
    region: z.string().max(10).optional(),
  }),
  output: out<StartRescue | UrgeRescue>(),
  async run(input) {
    const { plan } = makePlan({ log: input.log, map: input.map, draws: 0, seedsPerDraw: 1, seed: 1 });
    const act = input.log.activities.find((a) => a.id === input.activityId);
    if (!act)
      throw new AppError({
        code: "not_found",
        message: `activityId: unknown activity ${input.activityId}`,
        path: ["activityId"],
        allowed: input.log.activities.map((a) => a.id),
      });
    const opts = { unsafe: input.unsafe, ...(input.region ? { region: input.region } : {}) };
    return act.urge ? rescueUrge(plan, input.log, act.id, opts) : rescueStart(plan, input.log, act.id, opts);
  },
});

/** First and last dates of the log's check-ins and closed days. */
function logSpan(log: PersonLog): { first: string; last: string } | null {
  const dates = [...log.checkIns.map((c) => c.localDate), ...log.closedDays].sort();
  return dates.length ? { first: dates[0]!, last: dates[dates.length - 1]! } : null;
}

/** What `progress/get` returns. */
export interface ProgressReport {
  readonly startDate: string;
  readonly weeks: readonly WeekSummary[];
  readonly progression: readonly ProgressionState[];
  readonly timeline: Timeline;
}

/** `progress/get`: weekly Motivation Gap and anticipation gap, progression, the timeline and stall. */
export const progressGetCommand = defineCommand({
  name: "progress/get",
  summary: "weekly start rate, Motivation Gap and anticipation gap, micro-dose progression, the timeline",
  input: PlanInputSchema.extend({ draws: z.number().int().min(0).max(100).default(10) }),
  output: out<ProgressReport>(),
  async run(input) {
    const span = logSpan(input.log);
    if (!span)
      throw new AppError({
        code: "invalid_input",
        message: "log.checkIns: no check-ins yet",
        path: ["log", "checkIns"],
      });
    const { plan } = makePlan(input);
    const occ = expandSchedule(plan.activities, span.first, span.last);
    const weeks = weeklySummaries(input.log, occ, span.first);
    const weeksDone = Math.floor((dayNumber(span.last) - dayNumber(span.first) + 1) / 7);
    const forecast = plan.selection?.candidates.find((c) => c.id === "yourPlan")?.weekly ?? null;
    return {
      startDate: span.first,
      weeks,
      progression: plan.activities.map((a) => progressionState(input.log, occ, a.activityId, a.progression)),
      timeline: buildTimeline(weeks, weeksDone, forecast),
    };
  },
});

/** What `today/get` returns. */
export interface TodayReport {
  readonly occurrences: readonly {
    activityId: string;
    localHour: number;
    plannedMin: number;
    status: string;
  }[];
  readonly rescues: readonly StartRescue[];
}

/** `today/get`: today's planned occurrences with their status, and the rescue for any that passed unstarted. */
export const todayGetCommand = defineCommand({
  name: "today/get",
  summary: "today's plan with statuses, and the micro-step for any planned time that passed with no start",
  input: z.strictObject({
    log: PersonLogSchema,
    map: PlanMapSchema.optional(),
    now: LocalNowSchema,
    graceMin: z.number().int().min(0).max(240).default(15),
  }),
  output: out<TodayReport>(),
  async run(input) {
    const { plan } = makePlan({ log: input.log, map: input.map, draws: 0, seedsPerDraw: 1, seed: 1 });
    const span = logSpan(input.log);
    const from = span && span.first < input.now.localDate ? span.first : input.now.localDate;
    const occ = expandSchedule(plan.activities, from, input.now.localDate);
    const current = occ.filter((o) => o.localDate === input.now.localDate);
    const planFor = (id: string) => plan.activities.find((a) => a.activityId === id)!;
    return {
      occurrences: occurrenceStatuses(input.log, current).map(({ occurrence, status }) => ({
        activityId: occurrence.activityId,
        localHour: occurrence.localHour,
        plannedMin: progressionState(
          input.log,
          occ,
          occurrence.activityId,
          planFor(occurrence.activityId).progression,
        ).currentMin,
        status,
      })),
      rescues: dueRescues(plan, input.log, current, input.now, input.graceMin),
    };
  },
});

/** Every plan, today, rescue and progress command. */
export const PLAN_COMMANDS = [
  planCreateCommand,
  planIcsCommand,
  rescueGetCommand,
  progressGetCommand,
  todayGetCommand,
] as const;
