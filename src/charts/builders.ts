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

/** One activity on the day strip: when it is planned, and the tone the curve gives at that hour. */
export interface DayStripActivity {
  /** Legend name, e.g. the activity's name. */
  name: string;
  /** Planned hour of day, 0–23. */
  hour: number;
  /** The curve's value at `hour` (so the point sits on the curve). */
  tone: number;
}

/** Input of {@link buildDayStripChart}: the daily curve, the activities and the peak hour. */
export interface DayStripInput {
  /** The daily curve, hour of day (0–24) against tone (1 = the day's average). */
  curve: { hour: number[]; tone: number[] };
  activities: DayStripActivity[];
  /** Hour of the curve's peak, drawn as a vertical reference line. */
  peakHour: number;
  /** Waking hours [from, to), shaded; omitted when absent. */
  waking?: [number, number];
}

const clock = (hour: number) => {
  const h = Math.floor(hour) % 24;
  const m = Math.round((hour - Math.floor(hour)) * 60) % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
};

/**
 * The plan's day: each activity as a point at its planned hour, drawn over the person's daily
 * (circadian) tone curve, with the peak hour marked. x: hour of day 0–24; y: tone, 1 = average.
 */
export function buildDayStripChart(input: DayStripInput, options: ChartTextOptions = {}): ChartSpec {
  const references: ReferenceSpec[] = [
    { kind: "line", axis: "x", value: input.peakHour, label: `peak ≈ ${clock(input.peakHour)}` },
  ];
  if (input.waking !== undefined) {
    const [from, to] = input.waking;
    references.unshift({
      kind: "region",
      axis: "x",
      from,
      to,
      label: `waking hours ${clock(from)}–${clock(to)}`,
    });
  }
  return withText(
    {
      id: "plan-day",
      title: "Your day: when each activity is planned",
      caption:
        "Line: your daily tone from your model (the circadian estimate; contested in the literature, so it is your own estimate). Points: the planned hours.",
      x: { label: "hour of day", unit: "h", kind: "linear", domain: [0, 24] },
      y: { label: "daily tone", unit: "1 = your average" },
      series: [
        { name: "daily tone (model)", kind: "line", x: [...input.curve.hour], y: [...input.curve.tone] },
        ...input.activities.map(
          (a): SeriesSpec => ({
            name: `${a.name} ${clock(a.hour)}`,
            kind: "point",
            x: [a.hour],
            y: [a.tone],
          }),
        ),
      ],
      references,
    },
    options,
  );
}

/** One week of the record for {@link buildMotivationGapChart}. */
export interface WeekGap {
  week: number;
  /** Planned occurrences with a known outcome that were started. */
  started: number;
  /** The Motivation Gap: planned occurrences with a known outcome that were not started. */
  motivationGap: number;
}

/** Started against not started (the Motivation Gap) per week, as side-by-side bars. */
export function buildMotivationGapChart(weeks: WeekGap[], options: WeeklyChartOptions = {}): ChartSpec {
  const x = weeks.map((w) => w.week);
  return withText(
    {
      id: "motivation-gap",
      title: "Motivation Gap per week",
      caption:
        "Bars: planned times you started, and planned times you did not (the Motivation Gap); open days are left out." +
        (options.timeline === false
          ? ""
          : " Grey windows: the framework's expected timeline (the article's claim)."),
      x: { label: "week", kind: "linear" },
      y: { label: "planned times", unit: "count" },
      series: [
        { name: "started", kind: "bar", x, y: weeks.map((w) => w.started) },
        {
          name: "not started (Motivation Gap)",
          kind: "bar",
          x: [...x],
          y: weeks.map((w) => w.motivationGap),
        },
      ],
      references: timelineFor(options),
    },
    options,
  );
}

/** One week's mean experienced − anticipated rating, or null when no started check-in had both. */
export interface WeekAnticipationGap {
  week: number;
  gap: number | null;
}

/**
 * The anticipation gap per week (experienced − anticipated rating, 0–10 scale): above 0, the
 * activity felt better than expected. Weeks without rated starts are left out.
 */
export function buildAnticipationGapChart(
  weeks: WeekAnticipationGap[],
  options: WeeklyChartOptions = {},
): ChartSpec {
  const rated = weeks.filter(
    (w): w is { week: number; gap: number } => w.gap !== null && Number.isFinite(w.gap),
  );
  return withText(
    {
      id: "anticipation-gap",
      title: "Anticipated vs experienced",
      caption:
        "Mean experienced − anticipated rating per week over rated starts: above 0, it felt better than you expected." +
        (options.timeline === false
          ? ""
          : " Grey windows: the framework's expected timeline (the article's claim)."),
      x: { label: "week", kind: "linear" },
      y: { label: "experienced − anticipated", unit: "rating points, 0–10 scale" },
      series: [
        {
          name: "anticipation gap",
          kind: "line",
          x: rated.map((w) => w.week),
          y: rated.map((w) => w.gap),
        },
      ],
      references: [...timelineFor(options), { kind: "line", axis: "y", value: 0, label: "as expected" }],
    },
    options,
  );
}

/** Options of {@link buildParameterTrajectoryChart}. */
export interface ParameterTrajectoryOptions extends WeeklyChartOptions {
  /** Default "estimate". */
  yLabel?: string;
  /** Default "model units". */
  yUnit?: string;
  /** A horizontal reference, e.g. the typical value 1. */
  reference?: { value: number; label: string };
}

/**
 * Fitted parameters over weeks (each week's estimate from the records up to it, with its 95 %
 * interval), one line per parameter.
 */
export function buildParameterTrajectoryChart(
  parameters: WeeklySeries[],
  options: ParameterTrajectoryOptions = {},
): ChartSpec {
  const references = timelineFor(options);
  if (options.reference !== undefined) {
    references.push({
      kind: "line",
      axis: "y",
      value: options.reference.value,
      label: options.reference.label,
    });
  }
  return withText(
    {
      id: "parameter-trajectory",
      title: "Your fitted parameters over weeks",
      caption: weeklyCaption({ intervalLabel: "95 % interval of each week's fit", ...options }),
      x: { label: "week", kind: "linear" },
      y: { label: options.yLabel ?? "estimate", unit: options.yUnit ?? "model units" },
      series: parameters.map(weeklyToSeries),
      references,
    },
    options,
  );
}
