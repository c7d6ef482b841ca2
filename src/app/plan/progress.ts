import { z } from "zod";
import {
  buildAnticipationGapChart,
  buildMotivationGapChart,
  buildParameterTrajectoryChart,
  type ChartSpec,
  type WeeklySeries,
} from "../../charts/index.ts";
import type { PersonLog } from "../../model/records/schema.ts";
import { type PlanComponent, type PlanMap, PlanMapSchema } from "../../plan/index.ts";
import {
  buildTimeline,
  dayNumber,
  expandSchedule,
  type ProgressionState,
  progressionState,
  type Timeline,
  type WeekSummary,
  weeklySummaries,
} from "../../track/index.ts";
import {
  ONE_LOG_SOURCE,
  oneLogSource,
  type Person,
  PersonSourceFields,
  type StateBasis,
} from "../person/index.ts";
import { AppError, defineCommand } from "../registry.ts";
import { personOf } from "./input.ts";

/** First and last dates of the log's check-ins and closed days. */
export function logSpan(log: PersonLog): { first: string; last: string } | null {
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
  /** The person's name for each activity, by id. */
  readonly activityNames: Readonly<Record<string, string>>;
  /** The log, screening, revision and draws behind it. */
  readonly basis: StateBasis;
}

/** Parameters whose trajectory `progress/get` charts: anticipatory gain κ and reward sensitivity (1 = typical). */
export const TRAJECTORY_PARAMETERS = ["anticipatoryGain", "rewardSensitivity"] as const;

const PARAMETER_LABELS: Record<string, string> = {
  anticipatoryGain: "anticipatory gain κ",
  rewardSensitivity: "reward sensitivity",
};

/** Each named parameter's estimates over the person's week-by-week refits. */
export async function parameterTrajectories(
  person: Person,
  names: readonly string[],
  first: string,
  weeksDone: number,
): Promise<ParameterTrajectory[]> {
  const fits = await person.weekFits(first, weeksDone);
  return names
    .map((name) => {
      const rows = fits.flatMap((f) => {
        const p = f.parameters.find((x) => x.name === name);
        return p ? [{ week: f.week, p }] : [];
      });
      return {
        name,
        week: rows.map((r) => r.week),
        estimate: rows.map((r) => r.p.estimate),
        lo: rows.map((r) => (Number.isFinite(r.p.lo) ? r.p.lo : null)),
        hi: rows.map((r) => (Number.isFinite(r.p.hi) ? r.p.hi : null)),
      };
    })
    .filter((r) => r.week.length > 0);
}

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

/** `progress/get`'s output for a person; null when they have no check-ins or closed days yet. */
export async function progressReport(
  person: Person,
  options: {
    trajectory?: boolean;
    trajectoryParameters?: readonly string[];
    map?: PlanMap | undefined;
    seedsPerDraw?: number | undefined;
  } = {},
): Promise<ProgressReport | null> {
  const log = await person.log();
  const span = logSpan(log);
  if (!span) return null;
  const plan = await person.plan({ map: options.map, seedsPerDraw: options.seedsPerDraw });
  const occ = expandSchedule(plan.activities, span.first, span.last);
  const weeks = weeklySummaries(log, occ, span.first);
  const weeksDone = Math.floor((dayNumber(span.last) - dayNumber(span.first) + 1) / 7);
  const forecast = plan.selection?.candidates.find((c) => c.id === "yourPlan")?.weekly ?? null;
  const timeline = buildTimeline(weeks, weeksDone, forecast);
  const trajectory =
    options.trajectory === false
      ? []
      : await parameterTrajectories(
          person,
          options.trajectoryParameters ?? TRAJECTORY_PARAMETERS,
          span.first,
          weeksDone,
        );
  return {
    professionalHelp: plan.general.find((c) => c.kind === "professionalHelp") ?? null,
    startDate: span.first,
    weeks,
    progression: plan.activities.map((a) => progressionState(log, occ, a.activityId, a.progression)),
    timeline,
    parameterTrajectory: trajectory,
    charts: progressCharts(weeks, timeline, trajectory),
    activityNames: Object.fromEntries(log.activities.map((a) => [a.id, a.name])),
    basis: person.state.basis,
  };
}

/** `progress/get`: weekly Motivation Gap and anticipation gap, progression, the timeline and stall. */
export const progressGetCommand = defineCommand({
  name: "progress/get",
  summary: "weekly start rate, Motivation Gap and anticipation gap, micro-dose progression, the timeline",
  input: z
    .strictObject({
      ...PersonSourceFields,
      map: PlanMapSchema.optional(),
      /** Parameter draws for the forecast; left out, the shared ones. */
      draws: z.number().int().min(0).max(100).optional(),
      seedsPerDraw: z.number().int().min(1).max(5).optional(),
      seed: z.number().int().optional(),
      /** Refit week by week for the parameter trajectories (cached per week). Default true. */
      trajectory: z.boolean().default(true),
    })
    .refine(oneLogSource, ONE_LOG_SOURCE),
  output: z.custom<ProgressReport>((v) => typeof v === "object" && v !== null),
  async run(input, ctx) {
    const person = await personOf(input, ctx);
    const report = await progressReport(person, {
      trajectory: input.trajectory,
      map: input.map,
      seedsPerDraw: input.seedsPerDraw,
    });
    if (!report)
      throw new AppError({
        code: "no_records",
        message: "log.checkIns: no check-ins yet",
        path: ["log", "checkIns"],
      });
    return report;
  },
});
