import type { ChartSpec, ReferenceSpec, SeriesSpec } from "./spec.ts";

/**
 * A weekly summary over a simulated population (or a person's posterior draws): the mean and
 * an interval per week. Parallel arrays of equal length. Independent of the model's types.
 */
export interface WeeklySeries {
  /** Legend name, e.g. the arm or intervention ("scaffolding"). */
  name: string;
  /** Week numbers, e.g. 1…12. */
  week: number[];
  mean: number[];
  /** Lower end of the interval (e.g. the 2.5th percentile across people). */
  lo: number[];
  /** Upper end of the interval (e.g. the 97.5th percentile across people). */
  hi: number[];
}

/** The prediction error δ at each time step of one trial, e.g. an early or a late trial. */
export interface TrialTrace {
  /** Legend name, e.g. "trial 1 (early)". */
  name: string;
  /** Time steps within the trial (0-based or 1-based, as the caller counts them). */
  step: number[];
  /** δ(t) = r(t) + γV(t+1) − V(t) at each step. */
  delta: number[];
}

/** Overrides shared by all builders; each builder has its own defaults. */
export interface ChartTextOptions {
  id?: string;
  title?: string;
  subtitle?: string;
  caption?: string;
  note?: string;
}

/** Options of the weekly builders. */
export interface WeeklyChartOptions extends ChartTextOptions {
  /** Shade the framework's expected timeline (weeks 4–6 and 8–12). Default true. */
  timeline?: boolean;
  /** What lo–hi is, for the caption. Default "population interval". */
  intervalLabel?: string;
}

/** Options of {@link buildWantingLikingChart}. */
export interface WantingLikingChartOptions extends WeeklyChartOptions {
  /** Default "wanting and liking". */
  yLabel?: string;
  /** Default "model units". */
  yUnit?: string;
}

/** Options of {@link buildTrialDeltaChart}. */
export interface TrialDeltaChartOptions extends ChartTextOptions {
  /** Step at which the cue appears; drawn as a vertical reference line. */
  cueStep?: number;
  /** Step at which the reward is due; drawn as a vertical reference line. */
  rewardStep?: number;
}

/** The two shaded windows of the framework's timeline, labelled as the article's claim. */
export const timelineReferences: ReferenceSpec[] = [
  {
    kind: "region",
    axis: "x",
    from: 4,
    to: 6,
    label: "weeks 4–6: change expected (article's claim)",
  },
  {
    kind: "region",
    axis: "x",
    from: 8,
    to: 12,
    label: "weeks 8–12: recalibration expected (article's claim)",
  },
];

const disclaimer = "A self-help and research tool, not a diagnosis.";

function weeklyToSeries(weekly: WeeklySeries): SeriesSpec {
  return {
    name: weekly.name,
    kind: "line",
    x: [...weekly.week],
    y: [...weekly.mean],
    lo: [...weekly.lo],
    hi: [...weekly.hi],
  };
}

function weeklyCaption(options: WeeklyChartOptions): string {
  const interval = options.intervalLabel ?? "population interval";
  const bands = `Lines: mean; shaded bands: ${interval}.`;
  const timeline =
    options.timeline === false
      ? ""
      : " Grey windows: the framework's expected timeline (the article's claim), not a measured result.";
  return bands + timeline;
}

function withText(spec: ChartSpec, options: ChartTextOptions): ChartSpec {
  const result: ChartSpec = { ...spec };
  if (options.id !== undefined) result.id = options.id;
  if (options.title !== undefined) result.title = options.title;
  const subtitle = options.subtitle ?? spec.subtitle;
  if (subtitle !== undefined) result.subtitle = subtitle;
  const caption = options.caption ?? spec.caption;
  if (caption !== undefined) result.caption = caption;
  result.note = options.note ?? spec.note ?? disclaimer;
  return result;
}

function timelineFor(options: WeeklyChartOptions): ReferenceSpec[] {
  return options.timeline === false ? [] : timelineReferences.map((reference) => ({ ...reference }));
}

/**
 * Weekly start rate (starts per opportunity, 0–1) with its population interval, one series
 * per arm or intervention.
 */
export function buildStartRateChart(arms: WeeklySeries[], options: WeeklyChartOptions = {}): ChartSpec {
  return withText(
    {
      id: "start-rate",
      title: "Weekly start rate",
      caption: weeklyCaption(options),
      x: { label: "week", kind: "linear" },
      y: { label: "start rate", unit: "starts per opportunity", domain: [0, 1] },
      series: arms.map(weeklyToSeries),
      references: timelineFor(options),
    },
    options,
  );
}

/** Wanting (anticipation) against liking (experience) over weeks, both with intervals. */
export function buildWantingLikingChart(
  input: { wanting: WeeklySeries; liking: WeeklySeries },
  options: WantingLikingChartOptions = {},
): ChartSpec {
  return withText(
    {
      id: "wanting-liking",
      title: "Wanting vs liking",
      caption: weeklyCaption(options),
      x: { label: "week", kind: "linear" },
      y: { label: options.yLabel ?? "wanting and liking", unit: options.yUnit ?? "model units" },
      series: [weeklyToSeries(input.wanting), weeklyToSeries(input.liking)],
      references: timelineFor(options),
    },
    options,
  );
}

/**
 * Anticipatory gain κ over weeks (1 = healthy, drawn as a reference line), one series per
 * arm or intervention, with intervals.
 */
export function buildAnticipatoryGainChart(
  arms: WeeklySeries[],
  options: WeeklyChartOptions = {},
): ChartSpec {
  return withText(
    {
      id: "anticipatory-gain",
      title: "Anticipatory gain κ",
      caption: weeklyCaption(options),
      x: { label: "week", kind: "linear" },
      y: { label: "anticipatory gain κ", unit: "1 = healthy" },
      series: arms.map(weeklyToSeries),
      references: [...timelineFor(options), { kind: "line", axis: "y", value: 1, label: "healthy κ = 1" }],
    },
    options,
  );
}

/**
 * The prediction error δ over the time steps of several trials (e.g. early vs late in
 * learning), with the cue and reward steps marked when given.
 */
export function buildTrialDeltaChart(trials: TrialTrace[], options: TrialDeltaChartOptions = {}): ChartSpec {
  const references: ReferenceSpec[] = [{ kind: "line", axis: "y", value: 0 }];
  if (options.cueStep !== undefined) {
    references.push({ kind: "line", axis: "x", value: options.cueStep, label: "cue" });
  }
  if (options.rewardStep !== undefined) {
    references.push({ kind: "line", axis: "x", value: options.rewardStep, label: "reward" });
  }
  return withText(
    {
      id: "trial-delta",
      title: "Prediction error δ within a trial",
      caption: "δ(t) = r(t) + γV(t+1) − V(t). With learning, the response moves from the reward to the cue.",
      x: { label: "time step", kind: "linear" },
      y: { label: "prediction error δ", unit: "reward units" },
      series: trials.map((trial) => ({
        name: trial.name,
        kind: "line",
        x: [...trial.step],
        y: [...trial.delta],
      })),
      references,
    },
    options,
  );
}
