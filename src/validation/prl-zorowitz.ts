import type { RstdParticipantFit } from "../fit/rstd.ts";
import { streamRng } from "../model/rng.ts";
import { CellReader, readTable, type TableIssue } from "../tasks/table.ts";
import { bootstrapInterval, type Interval, mean, spearman } from "./stats.ts";

/**
 * The reversal-learning comparisons of docs/validation.md (Z0–Z2) on Zorowitz, Solis, Niv & Bennett
 * 2023 (Nat Hum Behav 7:1667): the attention screening the paper used (infrequency items; chance-level
 * task accuracy), its descriptive table, and behaviour–symptom correlations before and after
 * screening.
 */

export const ZOROWITZ_CITATION =
  "Zorowitz, Solis, Niv & Bennett 2023, Nat Hum Behav 7:1667 (doi:10.1038/s41562-023-01640-7; MIT)";

/** One participant's screening metrics and symptom scores. */
export interface ZorowitzPerson {
  readonly subject: string;
  readonly platform: string;
  /** Invalid answers to the four infrequency items (0–4). */
  readonly infrequency: number;
  /** The authors' task accuracy. */
  readonly accuracy: number;
  readonly scores: Readonly<Record<ZorowitzScale, number>>;
}

export const ZOROWITZ_SCALES = ["7u", "7d", "gad7", "pswq", "bis", "bas", "shaps"] as const;
export type ZorowitzScale = (typeof ZOROWITZ_SCALES)[number];

/** Reads `metrics.csv` and `scores.csv` and joins them by subject (people in `metrics.csv` only). */
export function readZorowitzPeople(
  metricsText: string,
  scoresText: string,
): { ok: true; people: ZorowitzPerson[] } | { ok: false; issues: readonly TableIssue[] } {
  const m = readTable(metricsText, ["platform", "subject", "infreq", "accuracy"]);
  if (!m.ok) return m;
  const s = readTable(scoresText, ["subject", ...ZOROWITZ_SCALES]);
  if (!s.ok) return s;
  const c = new CellReader();
  const scores = new Map<string, Record<ZorowitzScale, number>>();
  for (const row of s.rows) {
    const subject = c.text(row, "subject");
    const values = ZOROWITZ_SCALES.map((k) => c.number(row, k, { min: 0, max: 100 }));
    if (subject === null || values.some((v) => v === null)) continue;
    scores.set(subject, Object.fromEntries(ZOROWITZ_SCALES.map((k, i) => [k, values[i]!])) as never);
  }
  const people: ZorowitzPerson[] = [];
  for (const row of m.rows) {
    const subject = c.text(row, "subject");
    const platform = c.text(row, "platform");
    const infrequency = c.number(row, "infreq", { integer: true, min: 0, max: 4 });
    const accuracy = c.number(row, "accuracy", { min: 0, max: 1 });
    if (subject === null || platform === null || infrequency === null || accuracy === null) continue;
    const sc = scores.get(subject);
    if (!sc) c.issues.push({ line: row.line, field: "subject", message: `no scores for ${subject}` });
    else people.push({ subject, platform, infrequency, accuracy, scores: sc });
  }
  return c.issues.length ? { ok: false, issues: c.issues } : { ok: true, people };
}

/** Chance-level task performance: 37 or fewer correct of 90 (one-tailed binomial, α = 0.05), as the paper. */
export const CHANCE_ACCURACY = 37 / 90;

/** Z0: the flags and the attentive vs careless means of the paper's Table 2. */
export function screeningSummary(people: readonly ZorowitzPerson[]) {
  const careless = people.filter((p) => p.infrequency > 0);
  const attentive = people.filter((p) => p.infrequency === 0);
  const means = (k: ZorowitzScale) => ({
    attentive: mean(attentive.map((p) => p.scores[k])),
    careless: mean(careless.map((p) => p.scores[k])),
  });
  return {
    people: people.length,
    infrequencyFlagged: careless.length,
    chanceFlagged: people.filter((p) => p.accuracy <= CHANCE_ACCURACY + 1e-9).length,
    means: { "7d": means("7d"), gad7: means("gad7"), shaps: means("shaps") },
  };
}

/** The paper's Table 2 and counts (Zorowitz et al. 2023). */
export const ZOROWITZ_PUBLISHED = {
  people: 386,
  infrequencyFlagged: 85,
  chanceFlagged: 26,
  means: {
    "7d": { attentive: 4.75, careless: 10.68 },
    gad7: { attentive: 4.86, careless: 9.73 },
    shaps: { attentive: 8.02, careless: 10.85 },
  },
} as const;

export const BEHAVIOUR_MEASURES = ["accuracy", "beta", "etaPos", "etaNeg", "kappa"] as const;
export type BehaviourMeasure = (typeof BEHAVIOUR_MEASURES)[number];

/** One behaviour–symptom correlation in one screening regime. */
export interface BehaviourSymptomCorrelation {
  readonly measure: BehaviourMeasure;
  readonly scale: ZorowitzScale;
  readonly regime: "none" | "infrequency";
  readonly n: number;
  readonly rho: Interval;
  readonly excludesZero: boolean;
}

const measureOf = (f: RstdParticipantFit, m: BehaviourMeasure) =>
  m === "accuracy"
    ? f.accuracy
    : m === "beta"
      ? f.inverseTemperature.estimate
      : m === "etaPos"
        ? f.learningRatePos.estimate
        : m === "etaNeg"
          ? f.learningRateNeg.estimate
          : f.asymmetry;

/**
 * Spearman ρ between each behavioural measure and `scale`, with percentile-bootstrap intervals
 * (default 2,000 resamples, seed 47404 as the paper's), with no screening and after infrequency
 * screening. The fits are per person, so screening only selects people.
 */
export function behaviourSymptomCorrelations(
  people: readonly ZorowitzPerson[],
  fits: ReadonlyMap<string, RstdParticipantFit>,
  scale: ZorowitzScale,
  options: { resamples?: number; seed?: number } = {},
): BehaviourSymptomCorrelation[] {
  const out: BehaviourSymptomCorrelation[] = [];
  for (const regime of ["none", "infrequency"] as const) {
    const sample = people.filter((p) => fits.has(p.subject) && (regime === "none" || p.infrequency === 0));
    BEHAVIOUR_MEASURES.forEach((measure, k) => {
      const x = sample.map((p) => measureOf(fits.get(p.subject)!, measure));
      const y = sample.map((p) => p.scores[scale]);
      const rho = bootstrapInterval(
        sample.length,
        (idx) =>
          spearman(
            idx.map((i) => x[i]!),
            idx.map((i) => y[i]!),
          ),
        options.resamples ?? 2000,
        streamRng(options.seed ?? 47404, k, regime === "none" ? 0 : 1),
      );
      out.push({ measure, scale, regime, n: sample.length, rho, excludesZero: rho.lo > 0 || rho.hi < 0 });
    });
  }
  return out;
}

/** Z1 (7-down) and Z2 (SHAPS) verdicts from the correlations. */
export function zorowitzVerdicts(
  sevenDown: readonly BehaviourSymptomCorrelation[],
  shaps: readonly BehaviourSymptomCorrelation[],
) {
  const count = (cs: readonly BehaviourSymptomCorrelation[], regime: "none" | "infrequency") =>
    cs.filter((c) => c.regime === regime && c.excludesZero).length;
  const z1 = { unscreened: count(sevenDown, "none"), screened: count(sevenDown, "infrequency") };
  const z2 = { unscreened: count(shaps, "none"), screened: count(shaps, "infrequency") };
  return {
    z1: { ...z1, verdict: z1.unscreened >= 3 && z1.screened === 0 ? "agrees" : "disagrees" },
    z2: { ...z2, verdict: z2.unscreened <= 1 && z2.screened <= 1 ? "agrees" : "disagrees" },
  } as const;
}
