import { z } from "zod";
import {
  buildAnticipationGapChart,
  buildMotivationGapChart,
  buildParameterTrajectoryChart,
  type ChartSpec,
  type WeeklySeries,
} from "../../charts/index.ts";
import { fitReplay, replayFromLog } from "../../fit/index.ts";
import { type PersonLog, PersonLogSchema } from "../../model/records/schema.ts";
import {
  choicesFromLog,
  createPlan,
  type Plan,
  PlanChoiceSchema,
  type PlanComponent,
  type PlanMap,
  PlanMapSchema,
  planDayChart,
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
import { NO_EVIDENCE, type PersonEvidence, storedEvidence } from "../person/reading.ts";
import { AppError, type CommandContext, defineCommand } from "../registry.ts";
import { planningFor } from "./from-fit.ts";

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
  /** The map the plan was made from (the person's own map, unless one was given). */
  readonly map: PlanMap;
  /** True when no pattern stood out (or none was given) and an anticipatory deficit was assumed. */
  readonly assumedMap: boolean;
  /** Where the draws came from. */
  readonly drawsFrom: string;
  /** "stored": the person's stored screening shaped the map; "none": a log with no store, no screening used. */
  readonly screening: PersonEvidence["source"];
}

/** The person's screening and task evidence when a store is there; none for a bare log. */
function evidenceOf(ctx: CommandContext): Promise<PersonEvidence> {
  return ctx.store && ctx.personId ? storedEvidence(ctx.store, ctx.personId) : Promise.resolve(NO_EVIDENCE);
}

async function makePlan(input: PlanInput, ctx: CommandContext): Promise<PlanReport> {
  const evidence = await evidenceOf(ctx);
  const planning = planningFor(input.log, evidence, input.map ? 0 : input.draws, input.seed);
  const map = input.map ?? planning.map;
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
  // A map given by hand is planned on draws around its own preset, never on the fit of another map.
  const draws = input.map ? presetDraws(map, input.draws, input.seed) : planning.draws;
  const plan = createPlan({ map, activities: input.log.activities, choices }, draws, {
    seed: input.seed,
    seedsPerDraw: input.seedsPerDraw,
  });
  return {
    plan,
    map,
    assumedMap: input.map === undefined && planning.profile.primary === null,
    drawsFrom: input.map
      ? "parameter draws around the preset of the given map's primary pattern"
      : planning.description,
    screening: evidence.source,
  };
}

const out = <T>() => z.custom<T>((v) => typeof v === "object" && v !== null);

/** The plan's charts: the day strip over the circadian curve, and the forecast (null without draws). */
export interface PlanCharts {
  /** Each activity at its planned hour over the person's daily tone curve. */
  readonly day: ChartSpec;
  /** The candidates' predicted weekly start rate (the same spec as `plan.selection.chart`). */
  readonly forecast: ChartSpec | null;
}

/** `plan/create`: the circuit-matched plan with its in-silico selection. */
export const planCreateCommand = defineCommand({
  name: "plan/create",
  summary: "the circuit-matched plan for a log, simulated against its alternatives and the generic advice",
  input: PlanInputSchema,
  output: out<PlanReport & { readonly charts: PlanCharts }>(),
  async run(input, ctx) {
    const report = await makePlan(input, ctx);
    const charts = { day: planDayChart(report.plan), forecast: report.plan.selection?.chart ?? null };
    return { ...report, charts };
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
    const { plan } = await makePlan(input, ctx);
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
  async run(input, ctx) {
    const { plan } = await makePlan(
      { log: input.log, map: input.map, draws: 0, seedsPerDraw: 1, seed: 1 },
      ctx,
    );
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

/** One fitted parameter's trajectory: each completed week's estimate from the records up to that week. */
export interface ParameterTrajectory {
  readonly name: string;
  readonly week: readonly number[];
  readonly estimate: readonly number[];
  /** 95 % interval; null where the fit could not give one. */
  readonly lo: readonly (number | null)[];
  readonly hi: readonly (number | null)[];
}

/** The progress charts; a chart is null when there is nothing to draw yet. */
export interface ProgressCharts {
  /** The start rate against the framework's timeline (the same spec as `timeline.chart`). */
  readonly timeline: ChartSpec;
  readonly motivationGap: ChartSpec;
  readonly anticipationGap: ChartSpec | null;
  readonly parameters: ChartSpec | null;
}

/** What `progress/get` returns. */
export interface ProgressReport {
  /** The plan's professional-help component when screening recommends it (shown first); else null. */
  readonly professionalHelp: PlanComponent | null;
  readonly startDate: string;
  readonly weeks: readonly WeekSummary[];
  readonly progression: readonly ProgressionState[];
  readonly timeline: Timeline;
  /** Fitted parameters week by week (empty when `trajectory` is false or under two weeks are done). */
  readonly parameterTrajectory: readonly ParameterTrajectory[];
  readonly charts: ProgressCharts;
}

/** Parameters whose trajectory `progress/get` reports: anticipatory gain κ and reward sensitivity (1 = typical). */
export const TRAJECTORY_PARAMETERS = ["anticipatoryGain", "rewardSensitivity"] as const;

/** Refits the model on the records of weeks 1..k for each completed week k ≥ 2 (one start each). */
function parameterTrajectory(log: PersonLog, startDate: string, weeksDone: number): ParameterTrajectory[] {
  const rows = TRAJECTORY_PARAMETERS.map((name) => ({
    name,
    week: [] as number[],
    estimate: [] as number[],
    lo: [] as (number | null)[],
    hi: [] as (number | null)[],
  }));
  for (let k = 2; k <= weeksDone; k++) {
    const before = (date: string) => dayNumber(date) < dayNumber(startDate) + 7 * k;
    const sub: PersonLog = {
      ...log,
      checkIns: log.checkIns.filter((c) => before(c.localDate)),
      urges: log.urges.filter((u) => before(u.localDate)),
      closedDays: log.closedDays.filter(before),
    };
    const data = replayFromLog(sub);
    if (data.opportunities.length === 0) continue;
    const fit = fitReplay(data, { starts: 1 });
    for (const row of rows) {
      const p = fit.parameters.find((x) => x.name === row.name);
      if (!p) continue;
      row.week.push(k);
      row.estimate.push(p.estimate);
      row.lo.push(Number.isFinite(p.lo) ? p.lo : null);
      row.hi.push(Number.isFinite(p.hi) ? p.hi : null);
    }
  }
  return rows.filter((r) => r.week.length > 0);
}

const PARAMETER_LABELS: Record<string, string> = {
  anticipatoryGain: "anticipatory gain κ",
  rewardSensitivity: "reward sensitivity",
};

function progressCharts(
  weeks: readonly WeekSummary[],
  timeline: Timeline,
  trajectory: readonly ParameterTrajectory[],
): ProgressCharts {
  const done = weeks.filter((w) => w.week <= timeline.weeksDone);
  const gaps = done.map((w) => ({ week: w.week, gap: w.anticipationGap }));
  const series: WeeklySeries[] = trajectory.map((t) => ({
    name: PARAMETER_LABELS[t.name] ?? t.name,
    week: [...t.week],
    mean: [...t.estimate],
    lo: t.lo.map((x, i) => x ?? t.estimate[i]!),
    hi: t.hi.map((x, i) => x ?? t.estimate[i]!),
  }));
  return {
    timeline: timeline.chart,
    motivationGap: buildMotivationGapChart(
      done.map((w) => ({ week: w.week, started: w.started, motivationGap: w.motivationGap })),
    ),
    anticipationGap: gaps.some((g) => g.gap !== null) ? buildAnticipationGapChart(gaps) : null,
    parameters:
      series.length > 0
        ? buildParameterTrajectoryChart(series, {
            yLabel: "estimate",
            yUnit: "1 = typical",
            reference: { value: 1, label: "typical = 1" },
          })
        : null,
  };
}

/** `progress/get`: weekly Motivation Gap and anticipation gap, progression, the timeline and stall. */
export const progressGetCommand = defineCommand({
  name: "progress/get",
  summary: "weekly start rate, Motivation Gap and anticipation gap, micro-dose progression, the timeline",
  input: PlanInputSchema.extend({
    draws: z.number().int().min(0).max(100).default(10),
    /** Refit week by week for the parameter trajectories (one fit per completed week). Default true. */
    trajectory: z.boolean().default(true),
  }),
  output: out<ProgressReport>(),
  async run(input, ctx) {
    const span = logSpan(input.log);
    if (!span)
      throw new AppError({
        code: "invalid_input",
        message: "log.checkIns: no check-ins yet",
        path: ["log", "checkIns"],
      });
    const { plan } = await makePlan(input, ctx);
    const occ = expandSchedule(plan.activities, span.first, span.last);
    const weeks = weeklySummaries(input.log, occ, span.first);
    const weeksDone = Math.floor((dayNumber(span.last) - dayNumber(span.first) + 1) / 7);
    const forecast = plan.selection?.candidates.find((c) => c.id === "yourPlan")?.weekly ?? null;
    const timeline = buildTimeline(weeks, weeksDone, forecast);
    const trajectory = input.trajectory ? parameterTrajectory(input.log, span.first, weeksDone) : [];
    return {
      professionalHelp: plan.general.find((c) => c.kind === "professionalHelp") ?? null,
      startDate: span.first,
      weeks,
      progression: plan.activities.map((a) => progressionState(input.log, occ, a.activityId, a.progression)),
      timeline,
      parameterTrajectory: trajectory,
      charts: progressCharts(weeks, timeline, trajectory),
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
  async run(input, ctx) {
    const { plan } = await makePlan(
      { log: input.log, map: input.map, draws: 0, seedsPerDraw: 1, seed: 1 },
      ctx,
    );
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
