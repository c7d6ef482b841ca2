import { z } from "zod";
import {
  buildAnticipatoryGainChart,
  buildStartRateChart,
  buildWantingLikingChart,
  type ChartSpec,
  chartSpecSchema,
  type WeeklySeries,
} from "../../charts/index.ts";
import {
  type IntervalSeries,
  type PopulationResult,
  type PopulationSlice,
  personMeans,
  simulateSlice,
  summarisePopulation,
  type WeekMetric,
} from "../../model/person/index.ts";
import type { PersonScenario } from "../../model/scenario/person-schema.ts";
import { type PersonArm, resolvePersonScenario } from "../../model/scenario/resolve-person.ts";
import { type Interval, meanInterval, pairedDifference } from "../../model/stats.ts";
import type { CommandContext } from "../registry.ts";
import type { SliceJob } from "./slice-job.ts";

const num = z.number().nullable();
export const IntervalSeriesSchema = z.object({
  mean: z.array(num),
  ciLo: z.array(num),
  ciHi: z.array(num),
  lo: z.array(num),
  hi: z.array(num),
  n: z.array(z.number()),
});
export const IntervalSchema = z.object({ mean: num, lo: num, hi: num, n: z.number() });

/** The weekly metrics a report carries for each arm. */
export const REPORT_METRICS = [
  "startRate",
  "wanting",
  "liking",
  "anticipatedRating",
  "experiencedRating",
  "ratingGap",
  "anticipatoryGain",
  "d2Availability",
  "threatGain",
  "stressLoad",
  "urgeActs",
] as const satisfies readonly WeekMetric[];
const ACTIVITY_REPORT_METRICS = ["startRate", "wanting", "liking", "probeStartProbability"] as const;

export const PersonArmReportSchema = z.object({
  id: z.string(),
  label: z.string(),
  interventions: z.array(z.object({ id: z.string(), startWeek: z.number() })),
  metrics: z.record(z.string(), IntervalSeriesSchema),
  activities: z.record(z.string(), z.record(z.string(), IntervalSeriesSchema)),
});

export const ComparisonSchema = z.object({
  arm: z.string(),
  label: z.string(),
  metric: z.string(),
  weeks: z.tuple([z.number(), z.number()]),
  armMean: IntervalSchema,
  noneMean: IntervalSchema,
  effect: IntervalSchema,
});

export const PersonReportSchema = z.object({
  level: z.literal("person"),
  name: z.string(),
  seed: z.number(),
  people: z.number(),
  weeks: z.number(),
  conditions: z.array(z.string()),
  parameters: z.record(z.string(), z.number()),
  activities: z.array(z.object({ id: z.string(), label: z.string(), own: z.boolean() })),
  arms: z.array(PersonArmReportSchema),
  comparison: z.array(ComparisonSchema),
  charts: z.array(chartSpecSchema),
  notes: z.array(z.string()),
});
export type PersonReport = z.infer<typeof PersonReportSchema>;

const clean = (xs: readonly number[]) => xs.map((x) => (Number.isFinite(x) ? x : null));
const cleanSeries = (s: IntervalSeries) => ({
  mean: clean(s.mean),
  ciLo: clean(s.ciLo),
  ciHi: clean(s.ciHi),
  lo: clean(s.lo),
  hi: clean(s.hi),
  n: [...s.n],
});
const cleanInterval = (x: Interval) => ({
  mean: Number.isFinite(x.mean) ? x.mean : null,
  lo: Number.isFinite(x.lo) ? x.lo : null,
  hi: Number.isFinite(x.hi) ? x.hi : null,
  n: x.n,
});

async function runArm(
  arm: PersonArm,
  ctx: CommandContext,
  done: (n: number) => void,
): Promise<PopulationResult> {
  const { spec } = arm;
  const workers = ctx.parallel?.workers ?? 1;
  // Threads pay off once an arm has thousands of person-weeks; below that, start-up costs more.
  if (ctx.parallel && workers > 1 && spec.people * spec.weeks >= 60_000) {
    const chunk = Math.max(50, Math.ceil(spec.people / (workers * 4)));
    const jobs: SliceJob[] = [];
    for (let from = 0; from < spec.people; from += chunk)
      jobs.push({ spec, from, to: Math.min(spec.people, from + chunk) });
    let people = 0;
    const slices = await ctx.parallel.run<SliceJob, PopulationSlice>(
      new URL("./slice-job.ts", import.meta.url).href,
      jobs,
      (k) => {
        const job = jobs[k];
        if (job) people += job.to - job.from;
        done(people);
      },
    );
    return summarisePopulation(spec, slices);
  }
  return summarisePopulation(spec, [simulateSlice(spec, 0, spec.people, done)]);
}

/** Runs every arm of a person-level scenario on the same simulated people and reports with intervals. */
export async function runPersonScenario(s: PersonScenario, ctx: CommandContext): Promise<PersonReport> {
  const resolved = resolvePersonScenario(s);
  const total = resolved.arms.length * s.agents.people;
  const results: PopulationResult[] = [];
  for (const arm of resolved.arms) {
    const offset = results.length * s.agents.people;
    results.push(await runArm(arm, ctx, (n) => ctx.onProgress?.(offset + n, total)));
  }
  const weeks = s.protocol.weeks;
  const [from, to] = resolved.compareWeeks;
  const first = results[0]!;
  const comparison: PersonReport["comparison"] = [];
  if (resolved.arms.length > 1) {
    const base = first;
    resolved.arms.slice(1).forEach((arm, k) => {
      const r = results[k + 1]!;
      for (const metric of [
        "startRate",
        "anticipatoryGain",
        "d2Availability",
        "threatGain",
        "ratingGap",
      ] as const) {
        const [a, b] =
          metric === "startRate"
            ? [personMeans(r, metric, from - 1, to), personMeans(base, metric, from - 1, to)]
            : [personMeans(r, metric, to - 1, to), personMeans(base, metric, to - 1, to)];
        comparison.push({
          arm: arm.id,
          label: arm.label,
          metric,
          weeks: metric === "startRate" ? [from, to] : [to, to],
          armMean: cleanInterval(meanInterval(a)),
          noneMean: cleanInterval(meanInterval(b)),
          effect: cleanInterval(pairedDifference(a, b)),
        });
      }
    });
  }
  const own = new Set(resolved.environment.activities.filter((a) => !a.urge && a.available).map((a) => a.id));
  const arms = resolved.arms.map((arm, k) => {
    const r = results[k]!;
    const metrics: Record<string, ReturnType<typeof cleanSeries>> = {};
    for (const m of REPORT_METRICS) metrics[m] = cleanSeries(r.metrics[m]);
    const activities: Record<string, Record<string, ReturnType<typeof cleanSeries>>> = {};
    for (const id of r.activityIds) {
      const rec: Record<string, ReturnType<typeof cleanSeries>> = {};
      for (const m of ACTIVITY_REPORT_METRICS) rec[m] = cleanSeries(r.activities[id]![m]);
      activities[id] = rec;
    }
    return { id: arm.id, label: arm.label, interventions: [...arm.interventions], metrics, activities };
  });
  const labels = new Map<string, string>();
  for (const arm of resolved.arms) for (const a of arm.spec.environment.activities) labels.set(a.id, a.label);
  return {
    level: "person",
    name: s.name,
    seed: s.seed,
    people: s.agents.people,
    weeks,
    conditions: [...s.agents.conditions],
    parameters: { ...resolved.parameters },
    activities: first.activityIds.map((id) => ({ id, label: labels.get(id) ?? id, own: own.has(id) })),
    arms,
    comparison,
    charts: personCharts(resolved.arms, results, weeks),
    notes: [
      "Simulated people, not a forecast for any real person. dopamap is a self-help and research tool, not a diagnosis.",
      "Intervals: ciLo/ciHi = 95 % interval of the population mean; lo/hi = 2.5th–97.5th percentiles across people.",
      "The 4–6 and 8–12-week windows are the article's expectation, not a published finding (Lally et al. 2010: habit automaticity took a median of 66 days, range 18–254).",
    ],
  };
}

function weekly(name: string, s: IntervalSeries, weeks: number): WeeklySeries {
  const idx = Array.from({ length: weeks }, (_, i) => i);
  const keep = idx.filter((i) => Number.isFinite(s.mean[i]!));
  return {
    name,
    week: keep.map((i) => i + 1),
    mean: keep.map((i) => s.mean[i]!),
    lo: keep.map((i) => s.ciLo[i]!),
    hi: keep.map((i) => s.ciHi[i]!),
  };
}

function personCharts(
  arms: readonly PersonArm[],
  results: readonly PopulationResult[],
  weeks: number,
): ChartSpec[] {
  const caption = "Bands: 95 % interval of the population mean.";
  const startRate = buildStartRateChart(
    arms.map((a, k) => weekly(a.label, results[k]!.metrics.startRate, weeks)),
    { caption },
  );
  const focus = results.length > 1 ? 1 : 0;
  const wantingLiking = buildWantingLikingChart(
    {
      wanting: weekly("wanting", results[focus]!.metrics.wanting, weeks),
      liking: weekly("liking", results[focus]!.metrics.liking, weeks),
    },
    { subtitle: arms[focus]!.label, caption },
  );
  const kappa = buildAnticipatoryGainChart(
    arms.map((a, k) => weekly(a.label, results[k]!.metrics.anticipatoryGain, weeks)),
    { caption },
  );
  return [startRate, wantingLiking, kappa];
}
