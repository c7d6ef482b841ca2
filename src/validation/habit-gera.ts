import { wilson } from "../fit/recovery.ts";
import { streamRng } from "../model/rng.ts";
import { CellReader, readTable, type TableIssue } from "../tasks/table.ts";
import { bootstrapInterval, type Interval, mean, welchInterval } from "./stats.ts";

/**
 * What Gera, Barak & Schonberg 2024 (Behav Res Methods 56:3937) allow now (docs/validation.md G1,
 * G2): the devaluation contrast by training length, and a descriptive habit-strength curve (daily
 * response latency) with its per-person timescale. The raw entry logs are not in the snapshot, so
 * there is no day-by-day automaticity self-report of the Lally et al. 2010 kind.
 */

export const GERA_CITATION =
  "Gera, Barak & Schonberg 2024, Behav Res Methods 56:3937 (doi:10.3758/s13428-023-02263-6; MIT)";

export interface GeraPerson {
  readonly subID: string;
  readonly group: "short_training" | "long_training" | "long_training_parallel_manipulations";
  /** App entries on the valued test day before devaluation, and on the devaluation day. */
  readonly valuedEntries: number;
  readonly devaluedEntries: number;
  /** Mean latency to the first press per training day (seconds; null where the day has none). */
  readonly latencyByDay: readonly (number | null)[];
}

const GROUPS = ["short_training", "long_training", "long_training_parallel_manipulations"] as const;
export const GERA_DAYS = 11;
const dayColumn = (d: number) => `timeDelta_MEANsecsToPress1_day${d}`;

/** Reads `all_data_for_R.csv` (one row per person). */
export function readGeraPeople(
  text: string,
): { ok: true; people: GeraPerson[] } | { ok: false; issues: readonly TableIssue[] } {
  const days = Array.from({ length: GERA_DAYS }, (_, i) => dayColumn(i + 1));
  const t = readTable(text, ["subID", "group", "still_valued", "devaluation", ...days]);
  if (!t.ok) return t;
  const c = new CellReader();
  const people: GeraPerson[] = [];
  for (const row of t.rows) {
    const subID = c.text(row, "subID");
    const group = c.oneOf(row, "group", GROUPS);
    const valued = c.number(row, "still_valued", { min: 0 });
    const devalued = c.number(row, "devaluation", { min: 0 });
    const latencyByDay = days.map((d) => c.number(row, d, { min: 0, optional: true }));
    if (subID === null || group === null || valued === null || devalued === null) continue;
    people.push({ subID, group, valuedEntries: valued, devaluedEntries: devalued, latencyByDay });
  }
  return c.issues.length ? { ok: false, issues: c.issues } : { ok: true, people };
}

/** d = log((devalued + 1)/(valued + 1)): how much entries fell when the outcome was devalued. */
export const devaluationContrast = (p: GeraPerson) =>
  Math.log((p.devaluedEntries + 1) / (p.valuedEntries + 1));

/** G1: mean d per group and extensive (both long groups) minus short, Welch 95 % interval. */
export function devaluationReport(people: readonly GeraPerson[]) {
  const d = (g: (p: GeraPerson) => boolean) => people.filter(g).map(devaluationContrast);
  const short = d((p) => p.group === "short_training");
  const long = d((p) => p.group !== "short_training");
  const byGroup = GROUPS.map((g) => ({
    group: g,
    n: d((p) => p.group === g).length,
    mean: mean(d((p) => p.group === g)),
  }));
  const difference = welchInterval(long, short);
  return {
    citation: GERA_CITATION,
    byGroup,
    difference,
    verdict:
      difference.lo > 0
        ? ("agrees with Gera et al." as const)
        : difference.hi < 0
          ? ("disagrees" as const)
          : ("matches the later null" as const),
  };
}

/** Least-squares a + b·x; returns the coefficients. */
function lineFit(x: readonly number[], y: readonly number[]): [number, number] {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  return [my - b * mx, b];
}

/** Timescales tried for the asymptotic curve, days (log-spaced 0.25–200). */
const TAUS = Array.from({ length: 80 }, (_, i) => 0.25 * 800 ** (i / 79));

/** The asymptotic curve a + b·e^(−(day−1)/τ): τ on a grid, a and b by least squares. */
export function asymptoticFit(days: readonly number[], y: readonly number[]) {
  let best = { tau: Number.NaN, a: Number.NaN, b: Number.NaN, sse: Number.POSITIVE_INFINITY };
  for (const tau of TAUS) {
    const x = days.map((d) => Math.exp(-(d - 1) / tau));
    const [a, b] = lineFit(x, y);
    const sse = y.reduce((s, v, i) => s + (v - a - b * x[i]!) ** 2, 0);
    if (sse < best.sse) best = { tau, a, b, sse };
  }
  return best;
}

function looError(days: readonly number[], y: readonly number[], kind: "asymptotic" | "linear"): number {
  let sse = 0;
  for (let k = 0; k < days.length; k++) {
    const d = days.filter((_, i) => i !== k);
    const v = y.filter((_, i) => i !== k);
    let pred: number;
    if (kind === "linear") {
      const [a, b] = lineFit(d, v);
      pred = a + b * days[k]!;
    } else {
      const f = asymptoticFit(d, v);
      pred = f.a + f.b * Math.exp(-(days[k]! - 1) / f.tau);
    }
    sse += (y[k]! - pred) ** 2;
  }
  return sse;
}

/** One person's habit-strength curve on log latency. */
export interface HabitCurveFit {
  readonly subID: string;
  readonly days: number;
  readonly tauDays: number;
  /** Leave-one-day-out squared error of each curve. */
  readonly asymptoticError: number;
  readonly linearError: number;
}

/** G2: per person in the extensive-training groups with at least `minDays` days (default 8). */
export function habitCurves(people: readonly GeraPerson[], minDays = 8): HabitCurveFit[] {
  return people
    .filter((p) => p.group !== "short_training")
    .flatMap((p) => {
      const days: number[] = [];
      const y: number[] = [];
      p.latencyByDay.forEach((v, i) => {
        if (v !== null && v > 0) {
          days.push(i + 1);
          y.push(Math.log(v));
        }
      });
      if (days.length < minDays) return [];
      return [
        {
          subID: p.subID,
          days: days.length,
          tauDays: asymptoticFit(days, y).tau,
          asymptoticError: looError(days, y, "asymptotic"),
          linearError: looError(days, y, "linear"),
        },
      ];
    });
}

/** G2 summary: share preferring the asymptotic curve (Wilson interval), median τ (bootstrap interval). */
export function habitCurveReport(
  fits: readonly HabitCurveFit[],
  options: { resamples?: number; seed?: number } = {},
) {
  const k = fits.filter((f) => f.asymptoticError < f.linearError).length;
  const [lo, hi] = wilson(k, fits.length);
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const taus = fits.map((f) => f.tauDays);
  const medianTau: Interval = bootstrapInterval(
    fits.length,
    (idx) => median(idx.map((i) => taus[i]!)),
    options.resamples ?? 2000,
    streamRng(options.seed ?? 3, 0, 81),
  );
  const share: Interval = { estimate: k / fits.length, lo, hi };
  return {
    citation: GERA_CITATION,
    people: fits.length,
    asymptoticPreferred: share,
    medianTauDays: medianTau,
    verdict:
      lo > 0.5
        ? ("asymptotic preferred" as const)
        : hi < 0.5
          ? ("linear preferred" as const)
          : ("undecided" as const),
  };
}
