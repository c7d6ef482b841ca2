import type { OpportunityRecord } from "../model/person/engine.ts";
import { activity, type Environment } from "../model/person/environment.ts";
import type { PersonParameters } from "../model/person/params.ts";
import { simulatePerson } from "../model/person/person.ts";
import { logFromSimulation } from "../model/records/from-simulation.ts";
import { streamRng } from "../model/rng.ts";
import { type FitOptions, type FitResult, fitReplay, type UncertaintyMethod } from "./fit.ts";
import { replayFromLog } from "./from-log.ts";
import {
  assemble,
  FITTED_NAMES,
  FITTED_SPECS,
  type FittedName,
  fixedParameters,
  MODEL_VARIANTS,
  type ModelVariant,
  NOT_IDENTIFIED,
  priorMeans,
  toScale,
  type VariantId,
} from "./parameters.ts";
import type { ReplayData } from "./replay.ts";

/**
 * The recovery world: six planned activities that differ in effort, threat, importance and novelty,
 * planned at different hours (a walk twice a day, morning and late afternoon), so that c, τ, ν and
 * φ each move the start probabilities in their own way. Fixed reward schedules of size 1, which is
 * what the fit assumes for a logged activity.
 */
export function recoveryEnvironment(acuteStressPerDay = 0.1): Environment {
  const a = (f: Parameters<typeof activity>[0]) => activity({ harmProbability: 0, ...f });
  return {
    activities: [
      a({ id: "walk", kind: "movement", importance: 0.6, novelty: 0.2, effort: 0.45, plannedHours: [8, 17] }),
      a({
        id: "focusWork",
        kind: "work",
        importance: 0.9,
        novelty: 0.1,
        effort: 0.8,
        durationMin: 45,
        plannedHours: [10],
        days: [0, 1, 2, 3, 4],
      }),
      a({
        id: "callFriend",
        kind: "social",
        importance: 0.7,
        novelty: 0.3,
        effort: 0.3,
        durationMin: 20,
        threat: 0.5,
        plannedHours: [19],
        days: [0, 2, 4, 5],
      }),
      a({
        id: "sketch",
        kind: "creative",
        importance: 0.3,
        novelty: 0.9,
        effort: 0.35,
        plannedHours: [15],
        days: [1, 3, 5, 6],
      }),
      a({
        id: "chores",
        kind: "chore",
        importance: 0.5,
        novelty: 0.05,
        effort: 0.6,
        durationMin: 20,
        plannedHours: [13],
      }),
      a({
        id: "talkPractice",
        kind: "work",
        importance: 0.8,
        novelty: 0.4,
        effort: 0.5,
        threat: 0.9,
        plannedHours: [11],
        days: [1, 3, 6],
      }),
    ],
    stressInput: 0.15,
    acuteStressPerDay,
    wakeHour: 7,
    wakingHours: 16,
  };
}

/** A simulated person's true parameters, drawn from the fit's priors (so coverage is a fair test). */
export function drawTrueParameters(variant: ModelVariant, seed: number, index: number): PersonParameters {
  const rng = streamRng(seed, index, 11);
  const means = priorMeans();
  const z = variant.free.map(
    (n) => toScale(FITTED_SPECS[n].transform, means[n]) + FITTED_SPECS[n].priorSd * rng.normal(),
  );
  return assemble(variant, z, fixedParameters(), means);
}

/** One simulated person's log as the fit sees it, for each requested number of weeks. */
export function simulatedLogs(
  params: PersonParameters,
  env: Environment,
  weeks: readonly number[],
  seed: number,
  index: number,
  missingRatingProbability: number,
): ReplayData[] {
  const records: OpportunityRecord[] = [];
  const maxWeeks = Math.max(...weeks);
  simulatePerson(params, env, [], { weeks: maxWeeks, seed, index, onRecord: (r) => records.push(r) });
  const log = logFromSimulation(env, records, {
    startDate: "2026-01-05",
    utcOffsetMin: 60,
    rng: streamRng(seed, index, 12),
    missingRatingProbability,
  });
  const full = replayFromLog(log, { wakeHour: env.wakeHour });
  return weeks.map((w) => ({
    ...full,
    opportunities: full.opportunities.filter((o) => o.day < 7 * w),
    days: Math.min(full.days, 7 * w),
  }));
}

/** Recovery of one parameter: correlation of truth and estimate, and interval coverage. */
export interface ParameterRecovery {
  readonly name: FittedName;
  /** Pearson r of true vs estimated values on the transformed (log/logit) scale. */
  readonly r: number;
  /** Fraction of people whose 95 % interval covers the true value (of those with intervals). */
  readonly coverage: number;
  /** Wilson 95 % interval of that fraction (how precisely n people pin it). */
  readonly coverageLo: number;
  readonly coverageHi: number;
  /** People with an interval. */
  readonly n: number;
}

export interface RecoveryByWeeks {
  readonly weeks: number;
  /** How the intervals were made ("laplace" or "mcmc"); coverage is that method's. */
  readonly method: UncertaintyMethod;
  readonly parameters: ParameterRecovery[];
  /** Fraction of fits that converged (a positive-definite curvature; with MCMC also R̂ ≤ 1.05). */
  readonly converged: number;
  /** Parameters held at their defaults because no log identifies them, with the reason. */
  readonly notIdentified: { readonly name: string; readonly reason: string }[];
}

/** What recovery keeps of a fit (not the draws: 200 people × several lengths would hold them all). */
type FitSummary = Pick<FitResult, "parameters" | "converged">;

export interface RecoveryOptions {
  readonly people: number;
  /** Weeks of data to fit (each on the same people's first weeks). */
  readonly weeks: readonly number[];
  readonly seed: number;
  /** Default 0.2. */
  readonly missingRatingProbability?: number;
  readonly acuteStressPerDay?: number;
  readonly fit?: FitOptions;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Pearson correlation. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Parameter recovery: people with known parameters drawn from the priors, simulated, logged with
 * missing ratings, fitted; the correlation and the 95 % interval coverage per parameter, by weeks.
 */
export function parameterRecovery(options: RecoveryOptions): RecoveryByWeeks[] {
  const full = MODEL_VARIANTS[0]!;
  const env = recoveryEnvironment(options.acuteStressPerDay);
  const truths: PersonParameters[] = [];
  const fits: FitSummary[][] = options.weeks.map(() => []);
  for (let i = 0; i < options.people; i++) {
    const truth = drawTrueParameters(full, options.seed, i);
    truths.push(truth);
    const logs = simulatedLogs(
      truth,
      env,
      options.weeks,
      options.seed,
      i,
      options.missingRatingProbability ?? 0.2,
    );
    logs.forEach((data, w) => {
      const f = fitReplay(data, {
        ...options.fit,
        variant: "full",
        mcmc: { ...options.fit?.mcmc, rng: streamRng(options.seed, i, 31 + w) },
      });
      fits[w]!.push({ parameters: f.parameters, converged: f.converged });
    });
    options.onProgress?.(i + 1, options.people);
  }
  const notIdentified = Object.entries(NOT_IDENTIFIED).map(([name, reason]) => ({ name, reason: reason! }));
  return options.weeks.map((weeks, w) => ({
    weeks,
    method: options.fit?.uncertainty ?? "laplace",
    converged: fits[w]!.filter((f) => f.converged).length / options.people,
    parameters: FITTED_NAMES.map((name) => recoveryOf(name, truths, fits[w]!)),
    notIdentified,
  }));
}

/** Wilson score interval (95 %) of a proportion k / n. */
export function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [Number.NaN, Number.NaN];
  const z = 1.96;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [c - h, c + h];
}

function recoveryOf(name: FittedName, truths: PersonParameters[], fits: FitSummary[]): ParameterRecovery {
  const t = FITTED_SPECS[name].transform;
  const xs: number[] = [];
  const ys: number[] = [];
  let covered = 0;
  let n = 0;
  fits.forEach((f, i) => {
    const p = f.parameters.find((q) => q.name === name);
    const truth = truths[i]![name];
    if (!p) return;
    xs.push(toScale(t, truth));
    ys.push(toScale(t, p.estimate));
    if (Number.isFinite(p.lo)) {
      n++;
      if (p.lo <= truth && truth <= p.hi) covered++;
    }
  });
  const [coverageLo, coverageHi] = wilson(covered, n);
  return { name, r: pearson(xs, ys), coverage: n > 0 ? covered / n : Number.NaN, coverageLo, coverageHi, n };
}

/** Model recovery: rows are the generating variant, columns the variant chosen, cells counts. */
export interface ModelRecovery {
  readonly variants: VariantId[];
  /** The criterion of `confusion` and `accuracy`. */
  readonly criterion: "bic" | "aic";
  readonly confusion: number[][];
  /** Fraction of people whose generating variant was chosen. */
  readonly accuracy: number;
  /** The same fits judged by each criterion (BIC penalises a parameter by ln n, AIC by 2). */
  readonly byCriterion: Readonly<Record<"bic" | "aic", { confusion: number[][]; accuracy: number }>>;
}

/** People simulated under each variant, every variant fitted at its mode, the best by BIC and by AIC counted. */
export function modelRecovery(options: {
  readonly peoplePerVariant: number;
  readonly weeks: number;
  readonly seed: number;
  readonly variants?: readonly VariantId[];
  readonly missingRatingProbability?: number;
  readonly fit?: FitOptions;
  /** Default "aic" (as `compareVariants`). */
  readonly criterion?: "bic" | "aic";
}): ModelRecovery {
  const ids = options.variants ?? (MODEL_VARIANTS.map((v) => v.id) as VariantId[]);
  const env = recoveryEnvironment();
  const byCriterion = { bic: ids.map(() => ids.map(() => 0)), aic: ids.map(() => ids.map(() => 0)) };
  let index = 0;
  ids.forEach((gen, g) => {
    const variant = MODEL_VARIANTS.find((v) => v.id === gen)!;
    for (let i = 0; i < options.peoplePerVariant; i++, index++) {
      const truth = drawTrueParameters(variant, options.seed, index);
      const [data] = simulatedLogs(
        truth,
        env,
        [options.weeks],
        options.seed,
        index,
        options.missingRatingProbability ?? 0.2,
      );
      const fits = ids.map((v) =>
        fitReplay(data!, { ...options.fit, variant: v, starts: 1, skipUncertainty: true }),
      );
      for (const c of ["bic", "aic"] as const) {
        const ic = fits.map((f) => f[c]);
        byCriterion[c][g]![ic.indexOf(Math.min(...ic))]! += 1;
      }
    }
  });
  const accuracy = (m: number[][]) =>
    ids.reduce((s, _, i) => s + m[i]![i]!, 0) / (ids.length * options.peoplePerVariant);
  const criterion = options.criterion ?? "aic";
  return {
    variants: [...ids],
    criterion,
    confusion: byCriterion[criterion],
    accuracy: accuracy(byCriterion[criterion]),
    byCriterion: {
      bic: { confusion: byCriterion.bic, accuracy: accuracy(byCriterion.bic) },
      aic: { confusion: byCriterion.aic, accuracy: accuracy(byCriterion.aic) },
    },
  };
}
