import { z } from "zod";
import type { ChartSpec } from "../../charts/index.ts";
import {
  type Plan,
  PlanChoiceSchema,
  type PlanMap,
  PlanMapSchema,
  planDayChart,
  planToIcs,
} from "../../plan/index.ts";
import {
  dueRescues,
  expandSchedule,
  occurrenceStatuses,
  progressionState,
  rescueStart,
  rescueUrge,
  type StartRescue,
  type UrgeRescue,
} from "../../track/index.ts";
import {
  ONE_LOG_SOURCE,
  oneLogSource,
  type Person,
  PersonSourceFields,
  type StateBasis,
} from "../person/index.ts";
import { AppError, defineCommand } from "../registry.ts";
import { type PlanInput, PlanInputSchema, personOf, planOptionsOf } from "./input.ts";
import { logSpan, progressGetCommand } from "./progress.ts";

/** A plan with what it rests on. */
export interface PlanReport {
  readonly plan: Plan;
  /** The map the plan was made from (the person's own map, unless one was given). */
  readonly map: PlanMap;
  /** True when no map was given and none stood out in the person's: an anticipatory deficit was assumed. */
  readonly assumedMap: boolean;
  /** The log, screening, revision and draws behind it. */
  readonly basis: StateBasis;
}

/** The plan's charts: the day strip over the circadian curve, and the forecast (null without draws). */
export interface PlanCharts {
  /** Each activity at its planned hour over the person's daily tone curve. */
  readonly day: ChartSpec;
  /** The candidates' predicted weekly start rate (the same spec as `plan.selection.chart`). */
  readonly forecast: ChartSpec | null;
}

/** `plan/create`'s output for a person: their plan, the map it came from, and its charts. */
export async function planReport(
  person: Person,
  input: Pick<PlanInput, "map" | "choices" | "seedsPerDraw"> = {},
): Promise<PlanReport & { readonly charts: PlanCharts }> {
  const plan = await person.plan(planOptionsOf(input));
  return {
    plan,
    map: input.map ?? person.state.planMap,
    assumedMap: input.map === undefined && person.state.map.primary === null,
    basis: person.state.basis,
    charts: { day: planDayChart(plan), forecast: plan.selection?.chart ?? null },
  };
}

const out = <T>() => z.custom<T>((v) => typeof v === "object" && v !== null);

/** `plan/create`: the circuit-matched plan with its in-silico selection. */
export const planCreateCommand = defineCommand({
  name: "plan/create",
  summary:
    "the circuit-matched plan (the stored person's, or for a log given), simulated against its alternatives and the generic advice",
  input: PlanInputSchema,
  output: out<PlanReport & { readonly charts: PlanCharts }>(),
  async run(input, ctx) {
    return planReport(await personOf(input, ctx), input);
  },
});

/** `plan/ics`: the plan as an iCalendar file with alarms. */
export const planIcsCommand = defineCommand({
  name: "plan/ics",
  summary: "the plan as iCalendar (recurring events with alarms; micro-dose and cue in the description)",
  input: z
    .strictObject({
      ...PersonSourceFields,
      map: PlanMapSchema.optional(),
      choices: z.array(PlanChoiceSchema).min(1).optional(),
      startDate: z.iso.date(),
      alarmMinutesBefore: z.number().int().min(0).max(240).default(10),
    })
    .refine(oneLogSource, ONE_LOG_SOURCE),
  output: z.strictObject({ ics: z.string() }),
  async run(input, ctx) {
    const person = await personOf(input, ctx);
    const plan = await person.plan({ ...planOptionsOf(input), select: false });
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
  input: z
    .strictObject({
      ...PersonSourceFields,
      map: PlanMapSchema.optional(),
      activityId: z.string().min(1),
      unsafe: z.boolean().default(false),
      region: z.string().max(10).optional(),
    })
    .refine(oneLogSource, ONE_LOG_SOURCE),
  output: out<StartRescue | UrgeRescue>(),
  async run(input, ctx) {
    const person = await personOf(input, ctx);
    const log = await person.log();
    const act = log.activities.find((a) => a.id === input.activityId);
    if (!act)
      throw new AppError({
        code: "not_found",
        message: `activityId: unknown activity ${input.activityId}`,
        path: ["activityId"],
        allowed: log.activities.map((a) => a.id),
      });
    const plan = await person.plan({ map: input.map, select: false });
    const opts = { unsafe: input.unsafe, ...(input.region ? { region: input.region } : {}) };
    return act.urge ? rescueUrge(plan, log, act.id, opts) : rescueStart(plan, log, act.id, opts);
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
  input: z
    .strictObject({
      ...PersonSourceFields,
      map: PlanMapSchema.optional(),
      now: LocalNowSchema,
      graceMin: z.number().int().min(0).max(240).default(15),
    })
    .refine(oneLogSource, ONE_LOG_SOURCE),
  output: out<TodayReport>(),
  async run(input, ctx) {
    const person = await personOf(input, ctx);
    const log = await person.log();
    const plan = await person.plan({ map: input.map, select: false });
    const span = logSpan(log);
    const from = span && span.first < input.now.localDate ? span.first : input.now.localDate;
    const occ = expandSchedule(plan.activities, from, input.now.localDate);
    const current = occ.filter((o) => o.localDate === input.now.localDate);
    const planFor = (id: string) => plan.activities.find((a) => a.activityId === id)!;
    return {
      occurrences: occurrenceStatuses(log, current).map(({ occurrence, status }) => ({
        activityId: occurrence.activityId,
        localHour: occurrence.localHour,
        plannedMin: progressionState(
          log,
          occ,
          occurrence.activityId,
          planFor(occurrence.activityId).progression,
        ).currentMin,
        status,
      })),
      rescues: dueRescues(plan, log, current, input.now, input.graceMin),
    };
  },
});

export type { ProgressReport } from "./progress.ts";

/** Every plan, today, rescue and progress command. */
export const PLAN_COMMANDS = [
  planCreateCommand,
  planIcsCommand,
  rescueGetCommand,
  progressGetCommand,
  todayGetCommand,
] as const;
