import { buildStartRateChart, type ChartSpec, type WeeklySeries } from "../charts/index.ts";
import {
  type Activity,
  activity,
  type Environment,
  INTERVENTIONS,
  type InterventionId,
  type PersonParameters,
  simulatePerson,
} from "../model/person/index.ts";
import type { RecordActivity } from "../model/records/schema.ts";
import { type Interval, meanInterval, pairedDifference, quantileSorted } from "../model/stats.ts";
import { HIGH_STRESS, PLAUSIBLE_THRESHOLD, secondaryPatterns, suggestedTiming } from "./components.ts";
import { PATTERN_INTERVENTIONS } from "./library.ts";
import type { PatternId, PlanChoice, PlanRequest } from "./types.ts";

/** One plan to forecast: model interventions on the person's environment, at their hours or re-timed. */
export interface Candidate {
  readonly id: string;
  readonly label: string;
  readonly interventions: readonly InterventionId[];
  /** The person's own choices (hours and days) for this candidate. */
  readonly choices: readonly PlanChoice[];
  /** True for the generic advice shown for contrast. */
  readonly generic: boolean;
  /** Sum of the interventions' burdens (ties go to the lighter plan). */
  readonly burden: number;
}

/** A candidate's forecast on the person's fitted model. */
export interface CandidateForecast {
  readonly id: string;
  readonly label: string;
  readonly interventions: readonly InterventionId[];
  readonly generic: boolean;
  readonly burden: number;
  /** Start rate on the person's own planned activities in weeks 9–12: mean with its 95 % interval. */
  readonly startRate: Interval;
  /** 2.5th and 97.5th percentiles over draws × seeds. */
  readonly range: { readonly lo: number; readonly hi: number };
  /** Weekly own start rate, mean and 2.5–97.5 % over draws × seeds. */
  readonly weekly: WeeklySeries;
  /** Per-run weeks 9–12 start rate, in draw × seed order (the same runs for every candidate). */
  readonly runs: readonly number[];
  /** Paired difference from the selected plan (this − best) with its 95 % interval; set by `selectPlan`. */
  readonly differenceFromBest?: Interval;
}

/** Options of the in-silico selection; the same options and draws give the same result. */
export interface SelectionOptions {
  /** Base seed. Default 1. */
  readonly seed?: number;
  /** Seeds per posterior draw. Default 2. */
  readonly seedsPerDraw?: number;
  /** Weeks simulated. Default 12. */
  readonly weeks?: number;
  /** Weeks (1-based, inclusive) over which the start rate is compared. Default [9, 12]. */
  readonly window?: readonly [number, number];
  /** Candidates within this start rate of the best count as tied. Default 0.02. */
  readonly tieTolerance?: number;
}

/** The selection: every candidate's forecast, the best one and why. */
export interface Selection {
  readonly candidates: readonly CandidateForecast[];
  readonly bestId: string;
  readonly explanation: string;
  readonly tieTolerance: number;
  readonly window: readonly [number, number];
  readonly draws: number;
  readonly seedsPerDraw: number;
  readonly chart: ChartSpec;
}

/** The model's activity for one of the person's recorded activities at the chosen hours. */
export function toModelActivity(a: RecordActivity, choice: PlanChoice | undefined): Activity {
  const base = activity({
    id: a.id,
    label: a.name,
    kind: a.kind as Activity["kind"],
    importance: a.importance,
    novelty: a.novelty,
    effort: a.effort,
    threat: a.threat,
    harmProbability: a.threat * 0.25,
    durationMin: a.durationMin,
    urge: a.urge,
    plannedHours: a.urge ? [] : [choice?.hour ?? 9],
    ...(choice ? { days: [...choice.days] } : {}),
  });
  if (!a.urge) return base;
  if (a.kind === "substance")
    return {
      ...base,
      surge: 0.5,
      cueRatePerHour: 0.12,
      reward: { kind: "fixed", magnitude: 0.8, probability: 1 },
    };
  return {
    ...base,
    cueRatePerHour: 0.3,
    reward: { kind: "variableRatio", magnitude: 1.2, probability: 0.3 },
  };
}

/** The person's environment: the chosen activities at their hours, their urge activities, their stress load. */
export function toEnvironment(
  activities: readonly RecordActivity[],
  choices: readonly PlanChoice[],
  stressLoad: number,
): Environment {
  const chosen = new Map(choices.map((c) => [c.activityId, c]));
  return {
    activities: activities
      .filter((a) => a.urge || chosen.has(a.id))
      .map((a) => toModelActivity(a, chosen.get(a.id))),
    stressInput: stressLoad,
    acuteStressPerDay: 0.1,
    wakeHour: 7,
    wakingHours: 16,
  };
}

const burdenOf = (ids: readonly InterventionId[]): number =>
  ids.reduce((s, id) => s + INTERVENTIONS[id].burden, 0);

/**
 * The person's plan (matched interventions at their hours), its re-timed version, the primary
 * intervention alone, scaffolding alone, each plausible pattern's intervention alone (strength ≥
 * `PLAUSIBLE_THRESHOLD`), the generic advice and no change.
 */
export function candidatePlans(request: PlanRequest): Candidate[] {
  const { map, activities, choices } = request;
  const byId = new Map(activities.map((a) => [a.id, a]));
  const matched = [map.primary, ...secondaryPatterns(map)].map(
    (p) => PATTERN_INTERVENTIONS[p],
  ) as InterventionId[];
  if (map.stressLoad >= HIGH_STRESS) matched.push("stressReduction");
  const retimed = choices.map((c) => {
    const a = byId.get(c.activityId);
    const t = a ? suggestedTiming(a, map.chronotypePeak) : { hour: -1 };
    return t.hour >= 0 ? { ...c, hour: t.hour } : c;
  });
  const out: Candidate[] = [];
  const add = (
    id: string,
    label: string,
    ivs: InterventionId[],
    cs: readonly PlanChoice[],
    generic = false,
  ) => {
    const key = `${[...ivs].sort().join("+")}@${cs.map((c) => c.hour).join(",")}`;
    if (
      out.some(
        (c) => `${[...c.interventions].sort().join("+")}@${c.choices.map((x) => x.hour).join(",")}` === key,
      )
    )
      return;
    out.push({ id, label, interventions: ivs, choices: cs, generic, burden: burdenOf(ivs) });
  };
  const names = (ivs: readonly InterventionId[]) => ivs.map((i) => INTERVENTIONS[i].label).join(" + ");
  add("yourPlan", `Your plan: ${names(matched)} at your hours`, matched, choices);
  add("yourPlanRetimed", "Your plan with consequential work moved to your peak", matched, retimed);
  const plausible = (Object.entries(map.strengths) as [PatternId, { mean: number } | undefined][])
    .filter(([, s]) => (s?.mean ?? 0) >= PLAUSIBLE_THRESHOLD)
    .map(([p]) => PATTERN_INTERVENTIONS[p] as InterventionId);
  for (const id of new Set<InterventionId>([matched[0]!, "scaffolding", ...plausible]))
    add(id, `${INTERVENTIONS[id].label} alone`, [id], choices);
  add("justExercise", INTERVENTIONS.justExercise.label, ["justExercise"], choices, true);
  add("none", "No change (reference)", [], choices);
  return out;
}

/**
 * Simulates one candidate over the posterior draws × seeds with the person-level model; the same
 * draws and seeds are used for every candidate, so the comparison is paired.
 */
export function forecastCandidate(
  request: PlanRequest,
  candidate: Candidate,
  draws: readonly PersonParameters[],
  options: SelectionOptions = {},
): CandidateForecast {
  const weeks = options.weeks ?? 12;
  const seeds = options.seedsPerDraw ?? 2;
  const [from, to] = options.window ?? [9, 12];
  const env = toEnvironment(request.activities, candidate.choices, request.map.stressLoad);
  const own = candidate.choices
    .map((c) => c.activityId)
    .filter((id) => env.activities.some((a) => a.id === id && !a.urge));
  const runs: number[][] = [];
  draws.forEach((params, d) => {
    for (let s = 0; s < seeds; s++) {
      const r = simulatePerson(
        params,
        env,
        candidate.interventions.map((id) => ({ id, startWeek: 0 })),
        { weeks, seed: options.seed ?? 1, index: d * seeds + s },
      );
      runs.push(
        r.weeks.map((w) => {
          let starts = 0;
          let opp = 0;
          for (const id of own) {
            starts += w.activities[id]?.starts ?? 0;
            opp += w.activities[id]?.opportunities ?? 0;
          }
          return opp > 0 ? starts / opp : Number.NaN;
        }),
      );
    }
  });
  const windowed = runs.map((row) => meanInterval(row.slice(from - 1, to)).mean);
  const sorted = windowed.filter(Number.isFinite).sort((a, b) => a - b);
  const weekly: WeeklySeries = { name: candidate.label, week: [], mean: [], lo: [], hi: [] };
  for (let w = 0; w < weeks; w++) {
    const col = runs
      .map((r) => r[w]!)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    weekly.week.push(w + 1);
    weekly.mean.push(meanInterval(col).mean);
    weekly.lo.push(quantileSorted(col, 0.025));
    weekly.hi.push(quantileSorted(col, 0.975));
  }
  return {
    id: candidate.id,
    label: candidate.label,
    interventions: candidate.interventions,
    generic: candidate.generic,
    burden: candidate.burden,
    startRate: meanInterval(windowed),
    range: { lo: quantileSorted(sorted, 0.025), hi: quantileSorted(sorted, 0.975) },
    weekly,
    runs: windowed,
  };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * Forecasts every candidate and picks the one with the highest predicted start rate on the person's
 * own activities in weeks 9–12; candidates within `tieTolerance` of the best go to the lightest.
 */
export function selectPlan(
  request: PlanRequest,
  draws: readonly PersonParameters[],
  options: SelectionOptions = {},
): Selection {
  if (draws.length === 0) throw new Error("draws: at least one posterior draw is needed");
  const tol = options.tieTolerance ?? 0.02;
  const window = options.window ?? [9, 12];
  const candidates = candidatePlans(request).map((c) => forecastCandidate(request, c, draws, options));
  const top = Math.max(...candidates.map((c) => c.startRate.mean));
  const tied = candidates.filter((c) => top - c.startRate.mean <= tol);
  const chosen = [...tied].sort((a, b) => a.burden - b.burden || b.startRate.mean - a.startRate.mean)[0]!;
  const withDiff = candidates.map((c) => ({
    ...c,
    differenceFromBest: pairedDifference(c.runs, chosen.runs),
  }));
  const best = withDiff.find((c) => c.id === chosen.id)!;
  const generic = withDiff.find((c) => c.generic);
  const lighter =
    tied.length > 1
      ? ` ${tied.length} plans were within ${pct(tol)} of each other; the lightest was chosen.`
      : "";
  const contrast = generic
    ? ` The generic advice (${INTERVENTIONS.justExercise.summary.toLowerCase()}) predicts ${pct(generic.startRate.mean)} ` +
      `(difference ${pct(generic.differenceFromBest!.mean)}, 95 % interval ${pct(generic.differenceFromBest!.lo)} to ${pct(generic.differenceFromBest!.hi)}).`
    : "";
  const explanation =
    `${best.label}: predicted start rate on your own activities in weeks ${window[0]}–${window[1]} ` +
    `${pct(best.startRate.mean)} (95 % interval of the mean ${pct(best.startRate.lo)}–${pct(best.startRate.hi)}; ` +
    `range over ${draws.length} draws × ${options.seedsPerDraw ?? 2} seeds ${pct(best.range.lo)}–${pct(best.range.hi)}).` +
    lighter +
    contrast +
    " A forecast from your model, not a promise.";
  const chart = buildStartRateChart(
    withDiff.map((c) => c.weekly),
    {
      id: "plan-forecast",
      title: "Predicted start rate on your activities",
      intervalLabel: "2.5–97.5 % over posterior draws × seeds",
    },
  );
  return {
    candidates: withDiff,
    bestId: best.id,
    explanation,
    tieTolerance: tol,
    window,
    draws: draws.length,
    seedsPerDraw: options.seedsPerDraw ?? 2,
    chart,
  };
}
