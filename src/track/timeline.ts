import { buildStartRateChart, type ChartSpec, type WeeklySeries } from "../charts/index.ts";
import type { WeekSummary } from "./gaps.ts";

/** A phase of the framework's timeline, labelled as the article's expectation, not a measurement. */
export interface TimelinePhase {
  readonly fromWeek: number;
  readonly toWeek: number;
  readonly label: string;
  readonly grade: "article";
  readonly note: string;
}

/** The framework's phases: first measurable change in weeks 4–6, recalibration in 8–12. */
export const FRAMEWORK_PHASES: readonly TimelinePhase[] = [
  {
    fromWeek: 4,
    toWeek: 6,
    label: "first measurable change (the framework's expectation)",
    grade: "article",
    note: "The article's claim; habit formation took a median of 66 days (range 18–254) in Lally et al. 2010.",
  },
  {
    fromWeek: 8,
    toWeek: 12,
    label: "recalibration (the framework's expectation)",
    grade: "article",
    note: "The article's claim; your own forecast from your model is shown beside it.",
  },
];

/** A proposal to re-plan, with the reason. */
export interface Stall {
  readonly reason: string;
  readonly proposal: string;
}

export interface Timeline {
  readonly phases: readonly TimelinePhase[];
  /** Completed weeks so far. */
  readonly weeksDone: number;
  /** The phase the person is in by the calendar, if any. */
  readonly currentPhase: TimelinePhase | null;
  readonly observed: WeeklySeries;
  readonly forecast: WeeklySeries | null;
  readonly stall: Stall | null;
  readonly chart: ChartSpec;
}

/** Options of the stall rule. */
export interface StallOptions {
  /** Earliest completed week at which a stall can be called. Default 4. */
  readonly minWeeks?: number;
  /** Rise in start rate (last two weeks over the first two) below which progress has stalled. Default 0.05. */
  readonly minRise?: number;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const meanOf = (xs: readonly (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
};

/**
 * The timeline: the framework's phases (labelled as its expectation) beside the person's observed
 * weekly start rate and their model forecast. Progress has stalled when, from week `minWeeks` on, the
 * last two completed weeks are not `minRise` above the first two, or fall below the forecast's interval.
 */
export function buildTimeline(
  weeks: readonly WeekSummary[],
  weeksDone: number,
  forecast: WeeklySeries | null,
  options: StallOptions = {},
): Timeline {
  const done = weeks.filter((w) => w.week <= weeksDone);
  const rates = done.map((w) => w.startRate);
  const observed: WeeklySeries = {
    name: "your start rate (recorded)",
    week: done.map((w) => w.week),
    mean: rates.map((r) => r ?? Number.NaN),
    lo: rates.map((r) => r ?? Number.NaN),
    hi: rates.map((r) => r ?? Number.NaN),
  };
  let stall: Stall | null = null;
  if (weeksDone >= (options.minWeeks ?? 4)) {
    const first = meanOf(rates.slice(0, 2));
    const recent = meanOf(rates.slice(-2));
    const idx = [weeksDone - 2, weeksDone - 1];
    const fLo = forecast ? meanOf(idx.map((i) => forecast.lo[i] ?? null)) : null;
    const fMean = forecast ? meanOf(idx.map((i) => forecast.mean[i] ?? null)) : null;
    if (first !== null && recent !== null) {
      const expected = fMean !== null ? ` Your forecast expected about ${pct(fMean)}.` : "";
      if (recent - first < (options.minRise ?? 0.05))
        stall = {
          reason: `Your start rate over the last two weeks (${pct(recent)}) is not yet above the first two weeks (${pct(first)}).${expected}`,
          proposal:
            "Re-plan: refit your model to the last weeks and let the planner try a smaller step, a different time or another component.",
        };
      else if (fLo !== null && recent < fLo)
        stall = {
          reason: `Your start rate over the last two weeks (${pct(recent)}) is below your forecast's range (from ${pct(fLo)}).${expected}`,
          proposal: "Re-plan: refit your model so the forecast and the plan follow what your weeks show.",
        };
    }
  }
  const currentPhase =
    FRAMEWORK_PHASES.find((p) => weeksDone + 1 >= p.fromWeek && weeksDone + 1 <= p.toWeek) ?? null;
  const chart = buildStartRateChart(
    forecast ? [observed, { ...forecast, name: "your forecast (model)" }] : [observed],
    {
      id: "progress-timeline",
      title: "Your start rate against the timeline",
      intervalLabel: "forecast 2.5–97.5 % over posterior draws",
    },
  );
  return { phases: FRAMEWORK_PHASES, weeksDone, currentPhase, observed, forecast, stall, chart };
}
