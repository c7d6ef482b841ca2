import type { PersonParameters } from "../model/person/params.ts";
import { type Rng, seededRng, streamRng } from "../model/rng.ts";
import { laplace } from "./laplace.ts";
import { drawQuantiles, drawSd, metropolis } from "./mcmc.ts";
import { nelderMead } from "./optimize.ts";
import {
  assemble,
  FITTED_SPECS,
  type FittedName,
  fixedParameters,
  fromScale,
  MODEL_VARIANTS,
  type ModelVariant,
  priorMeans,
  toScale,
  type VariantId,
} from "./parameters.ts";
import { ALL_TERMS, emptyTrace, type ReplayData, type ReplayTerms, replayLogLik } from "./replay.ts";

/**
 * Finite-difference step of the Laplace Hessian on the transformed scale: large enough to span
 * several cells of the interpolated rating likelihood (measured: κ coverage 0.894 → 0.915 against 1e-3, 200 people, seed 202).
 */
const LAPLACE_STEP = 1e-2;

/** Options of a fit; every field has a default. */
export interface FitOptions {
  /** Model variant. Default "full". */
  readonly variant?: VariantId;
  /** Prior means on the natural scale (e.g. informed by instrument scores); defaults in FITTED_SPECS. */
  readonly priorMeans?: Readonly<Partial<Record<FittedName, number>>>;
  /** Values for the parameters held fixed (default: the healthy defaults). */
  readonly fixed?: Readonly<Partial<PersonParameters>>;
  /** Optimiser starts: the prior mean, then jittered ones (the best is polished). Default 2. */
  readonly starts?: number;
  /** Seed of the start jitter. Default 1. */
  readonly seed?: number;
  readonly terms?: ReplayTerms;
  /** Skip the Laplace step (model comparison needs only the mode). Default false. */
  readonly skipUncertainty?: boolean;
  /**
   * How the 95 % intervals are made: "laplace" (the curvature at the mode, a normal on the
   * transformed scale; fast) or "mcmc" (posterior quantiles from Metropolis chains, random-walk
   * and independence steps, started from the Laplace step; slower, and right where the posterior
   * is not normal).
   * Default "laplace".
   */
  readonly uncertainty?: UncertaintyMethod;
  /** Sampler settings for "mcmc" (defaults: 4 chains, 400 warm-up and 1000 kept iterations each, rng from `seed`). */
  readonly mcmc?: {
    readonly chains?: number;
    readonly warmup?: number;
    readonly samples?: number;
    readonly rng?: Rng;
  };
}

/** How a fit's intervals were made. */
export type UncertaintyMethod = "laplace" | "mcmc";

/** R̂ above this marks an MCMC fit as not converged. */
export const R_HAT_LIMIT = 1.05;

/** One fitted parameter: the MAP estimate with a 95 % interval (natural scale; Laplace or MCMC quantiles). */
export interface FittedParameter {
  readonly name: FittedName;
  readonly estimate: number;
  /** NaN when the curvature is not available. */
  readonly lo: number;
  readonly hi: number;
  /** Posterior sd on the transformed scale. */
  readonly sdTransformed: number;
  readonly priorMean: number;
  /** MCMC only (NaN otherwise): split R̂ and effective sample size of this parameter's draws. */
  readonly rHat: number;
  readonly ess: number;
}

/** Counts of what the log gave the fit. */
export interface ObservationCounts {
  readonly opportunities: number;
  readonly starts: number;
  readonly anticipated: number;
  readonly experienced: number;
  readonly worry: number;
  /** Total observations (the n of BIC). */
  readonly total: number;
}

export interface FitResult {
  readonly variant: VariantId;
  readonly parameters: FittedParameter[];
  /** Every model parameter at the estimate (fitted ones at the MAP, the rest fixed). */
  readonly estimates: PersonParameters;
  readonly logLik: number;
  readonly logPosterior: number;
  /** Number of free parameters. */
  readonly k: number;
  readonly aic: number;
  readonly bic: number;
  /** True when the best start converged and the curvature is positive definite; with MCMC also every R̂ ≤ R_HAT_LIMIT. */
  readonly converged: boolean;
  readonly uncertaintyAvailable: boolean;
  /** How the intervals were made; null when skipped. */
  readonly uncertaintyMethod: UncertaintyMethod | null;
  /** MCMC diagnostics (null for Laplace): acceptance, the worst R̂ and the smallest ESS over the parameters. */
  readonly sampler: {
    readonly chains: number;
    readonly samplesPerChain: number;
    readonly acceptance: number;
    readonly maxRHat: number;
    readonly minEss: number;
  } | null;
  readonly startsTried: { readonly negLogPosterior: number; readonly converged: boolean }[];
  readonly observations: ObservationCounts;
  /**
   * The mode and its Laplace covariance on the transformed scale, in `parameters` order, and with
   * MCMC the kept draws (draw after draw, `parameters.length` numbers each), for forecasts.
   */
  readonly posterior: {
    readonly mode: number[];
    readonly covariance: number[][] | null;
    readonly draws: Float64Array | null;
  };
}

/** What the log gave: opportunities, starts, and the ratings present. */
export function countObservations(data: ReplayData): ObservationCounts {
  let starts = 0;
  let anticipated = 0;
  let experienced = 0;
  let worry = 0;
  for (const o of data.opportunities) {
    if (o.started) starts++;
    if (o.anticipated !== null) anticipated++;
    if (o.started && o.experienced !== null) experienced++;
    if (o.worry !== null && (data.activities[o.activity]?.threat ?? 0) > 0) worry++;
  }
  const opportunities = data.opportunities.length;
  return {
    opportunities,
    starts,
    anticipated,
    experienced,
    worry,
    total: opportunities + anticipated + experienced + worry,
  };
}

const variantOf = (id: VariantId): ModelVariant => {
  const v = MODEL_VARIANTS.find((m) => m.id === id);
  if (!v) throw new Error(`unknown model variant ${id}`);
  return v;
};

/**
 * Maximum a posteriori fit of one person's observed sequence: Nelder–Mead on the transformed scale
 * from several starts, the best kept; then a Laplace approximation (numerical Hessian) for 95 %
 * intervals, or with `uncertainty: "mcmc"` posterior quantiles from Metropolis chains whose
 * proposal is the Laplace covariance. Non-finite likelihoods count as −∞ and never stop the search.
 */
export function fitReplay(data: ReplayData, options: FitOptions = {}): FitResult {
  const variant = variantOf(options.variant ?? "full");
  const means = priorMeans(options.priorMeans);
  const base = fixedParameters(options.fixed);
  const terms = options.terms ?? ALL_TERMS;
  const free = variant.free;
  const mu = free.map((n) => toScale(FITTED_SPECS[n].transform, means[n]));
  const sds = free.map((n) => FITTED_SPECS[n].priorSd);
  const logPrior = (z: ArrayLike<number>) => {
    let lp = 0;
    for (let i = 0; i < free.length; i++) lp -= 0.5 * ((z[i]! - mu[i]!) / sds[i]!) ** 2;
    return lp;
  };
  const logLik = (z: ArrayLike<number>) => replayLogLik(assemble(variant, z, base, means), data, terms);
  const negPost = (z: Float64Array) => -(logLik(z) + logPrior(z));
  const rng = seededRng(options.seed ?? 1);
  const startsTried: FitResult["startsTried"] = [];
  let best: { x: Float64Array; fx: number; converged: boolean } | null = null;
  const nStarts = Math.max(1, options.starts ?? 2);
  for (let s = 0; s < nStarts; s++) {
    const x0 = mu.map((m, i) => (s === 0 ? m : m + 0.75 * sds[i]! * rng.normal()));
    const r = nelderMead(negPost, x0, { step: 0.4, fTolerance: 1e-3, xTolerance: 1e-2 });
    startsTried.push({ negLogPosterior: r.fx, converged: r.converged });
    if (!best || r.fx < best.fx) best = { x: r.x, fx: r.fx, converged: r.converged };
  }
  // Polish, restarting the simplex while it still gains (a collapsed simplex can stop short of the mode).
  let mode: { x: Float64Array; fx: number; converged: boolean } = best!;
  for (let round = 0; round < 4; round++) {
    const polished = nelderMead(negPost, mode.x, { step: 0.05, fTolerance: 1e-5, xTolerance: 1e-3 });
    const gain = mode.fx - polished.fx;
    if (polished.fx <= mode.fx) mode = polished;
    if (!(gain > 1e-3)) break;
  }
  const lap = options.skipUncertainty
    ? { sd: free.map(() => Number.NaN), positiveDefinite: false, covariance: null }
    : laplace(negPost, mode.x, LAPLACE_STEP);
  const method: UncertaintyMethod | null = options.skipUncertainty
    ? null
    : (options.uncertainty ?? "laplace");
  const chain =
    method === "mcmc"
      ? metropolis(
          (z) => -negPost(z),
          mode.x,
          lap.covariance ?? sds.map((s, i) => sds.map((_, j) => (i === j ? s * s : 0) / 4)),
          {
            chains: options.mcmc?.chains,
            warmup: options.mcmc?.warmup,
            samples: options.mcmc?.samples,
            rng: options.mcmc?.rng ?? streamRng(options.seed ?? 1, 0, 31),
          },
        )
      : null;
  const parameters: FittedParameter[] = free.map((name, i) => {
    const spec = FITTED_SPECS[name];
    const z = mode.x[i]!;
    const clamp = (v: number) => Math.min(spec.max, Math.max(spec.min, v));
    const sd = chain ? drawSd(chain, i) : lap.sd[i]!;
    const [zLo, zHi] = chain ? drawQuantiles(chain, i, [0.025, 0.975]) : [z - 1.96 * sd, z + 1.96 * sd];
    return {
      name,
      estimate: clamp(fromScale(spec.transform, z)),
      lo: Number.isFinite(sd) ? clamp(fromScale(spec.transform, zLo!)) : Number.NaN,
      hi: Number.isFinite(sd) ? clamp(fromScale(spec.transform, zHi!)) : Number.NaN,
      sdTransformed: sd,
      priorMean: means[name],
      rHat: chain ? chain.rHat[i]! : Number.NaN,
      ess: chain ? chain.ess[i]! : Number.NaN,
    };
  });
  const maxRHat = chain ? Math.max(...chain.rHat) : Number.NaN;
  const ll = logLik(mode.x);
  const obs = countObservations(data);
  const k = free.length;
  return {
    variant: variant.id as VariantId,
    parameters,
    estimates: assemble(variant, mode.x, base, means),
    logLik: ll,
    logPosterior: -mode.fx,
    k,
    aic: 2 * k - 2 * ll,
    bic: k * Math.log(Math.max(1, obs.total)) - 2 * ll,
    converged:
      mode.converged &&
      (method === null || lap.positiveDefinite) &&
      (chain === null || maxRHat <= R_HAT_LIMIT),
    uncertaintyAvailable: chain !== null || lap.positiveDefinite,
    uncertaintyMethod: method,
    sampler: chain && {
      chains: chain.chains,
      samplesPerChain: chain.samples,
      acceptance: chain.acceptance,
      maxRHat,
      minEss: Math.min(...chain.ess),
    },
    startsTried,
    observations: obs,
    posterior: {
      mode: Array.from(mode.x),
      covariance: lap.positiveDefinite ? lap.covariance : null,
      draws: chain?.draws ?? null,
    },
  };
}

/** One variant's fit in a comparison. */
export interface VariantScore {
  readonly variant: VariantId;
  readonly logLik: number;
  readonly k: number;
  readonly aic: number;
  readonly bic: number;
  /** Akaike (or Schwarz) weight: exp(−ΔIC/2) by the comparison's criterion, normalised over the variants compared. */
  readonly weight: number;
}

export interface VariantComparison {
  readonly scores: VariantScore[];
  readonly best: VariantId;
  readonly criterion: "bic" | "aic";
}

/**
 * Fits each variant at its mode and ranks them by AIC (default) or BIC for this person. AIC is the
 * default because model recovery chose it: with BIC's ln n penalty the full model is picked for only
 * 5 of 20 people simulated under it (a small threat, novelty or circadian term does not pay the
 * penalty), with AIC 10 of 20 and every variant is recovered most often in its own row (20 people
 * per variant, 8 weeks, seed 2; `modelRecovery` reports both).
 */
export function compareVariants(
  data: ReplayData,
  options: FitOptions & { readonly variants?: readonly VariantId[]; readonly criterion?: "bic" | "aic" } = {},
): VariantComparison {
  const criterion = options.criterion ?? "aic";
  const ids = options.variants ?? (MODEL_VARIANTS.map((v) => v.id) as VariantId[]);
  const fits = ids.map((variant) => fitReplay(data, { ...options, variant, skipUncertainty: true }));
  const ic = fits.map((f) => f[criterion]);
  const min = Math.min(...ic);
  const w = ic.map((x) => Math.exp(-(x - min) / 2));
  const total = w.reduce((a, b) => a + b, 0);
  const scores = fits.map((f, i) => ({
    variant: f.variant,
    logLik: f.logLik,
    k: f.k,
    aic: f.aic,
    bic: f.bic,
    weight: w[i]! / total,
  }));
  return { scores, best: ids[ic.indexOf(min)]!, criterion };
}

/** Latent values on one day, averaged over that day's opportunities. */
export interface DayLatent {
  readonly day: number;
  readonly opportunities: number;
  readonly starts: number;
  readonly value: number;
  readonly anticipation: number;
  readonly wanting: number;
  readonly startProbability: number;
  /** Mean prediction error over the day's starts (NaN when none). */
  readonly predictionError: number;
}

/** Per-day latent values (value, anticipation, wanting, start probability, prediction error) under `params`. */
export function latentByDay(params: PersonParameters, data: ReplayData): DayLatent[] {
  const trace = emptyTrace(data.opportunities.length);
  replayLogLik(params, data, ALL_TERMS, trace);
  const out: DayLatent[] = [];
  let i = 0;
  const opps = data.opportunities;
  while (i < opps.length) {
    const day = opps[i]!.day;
    let n = 0;
    let st = 0;
    let v = 0;
    let an = 0;
    let w = 0;
    let ps = 0;
    let pe = 0;
    for (; i < opps.length && opps[i]!.day === day; i++) {
      n++;
      v += trace.value[i]!;
      an += trace.anticipation[i]!;
      w += trace.wanting[i]!;
      ps += trace.startProbability[i]!;
      if (opps[i]!.started) {
        st++;
        pe += trace.predictionError[i]!;
      }
    }
    out.push({
      day,
      opportunities: n,
      starts: st,
      value: v / n,
      anticipation: an / n,
      wanting: w / n,
      startProbability: ps / n,
      predictionError: st > 0 ? pe / st : Number.NaN,
    });
  }
  return out;
}
