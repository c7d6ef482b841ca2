import type { Rng } from "../model/rng.ts";
import { laplace } from "./laplace.ts";
import { nelderMead } from "./optimize.ts";

/** A parameter estimate on the natural scale with its 95 % Laplace interval (NaN bounds when unavailable). */
export interface TaskEstimate {
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

/** A weak normal prior on one transformed coordinate, and the map back to the natural scale. */
export interface TaskCoordinate {
  readonly name: string;
  readonly priorMean: number;
  readonly priorSd: number;
  readonly back: (z: number) => number;
}

/** The MAP of a negative log-likelihood under the coordinates' priors, from several starts, with a Laplace interval. */
export interface TaskMap {
  readonly z: Float64Array;
  /** Laplace sd per coordinate on the transformed scale (NaN when the curvature is not positive definite). */
  readonly zSd: Float64Array;
  readonly estimates: Record<string, TaskEstimate>;
  readonly negLogPosterior: number;
  readonly converged: boolean;
}

/**
 * Minimises `negLogLik(z) + Σ ½((z_i − μ_i)/σ_i)²` with Nelder–Mead from the prior mean and
 * `starts − 1` further points drawn from the prior (half its sd), or from `init` alone (a warm
 * start), then polishes the best; the
 * interval is ±1.96 Laplace sd on the transformed scale, mapped back.
 */
export function taskMap(
  negLogLik: (z: Float64Array) => number,
  coords: readonly TaskCoordinate[],
  starts: number,
  rng: Rng,
  init?: ArrayLike<number>,
  tolerance: { fTolerance: number; xTolerance: number } = { fTolerance: 1e-7, xTolerance: 1e-5 },
): TaskMap {
  const f = (z: Float64Array) => {
    let v = negLogLik(z);
    for (let i = 0; i < coords.length; i++)
      v += 0.5 * ((z[i]! - coords[i]!.priorMean) / coords[i]!.priorSd) ** 2;
    return v;
  };
  const opts = { step: 0.5, ...tolerance };
  let best = nelderMead(f, init ?? coords.map((c) => c.priorMean), init ? { ...opts, step: 0.2 } : opts);
  for (let s = 1; s < (init ? 1 : starts); s++) {
    const r = nelderMead(
      f,
      coords.map((c) => c.priorMean + 0.5 * c.priorSd * rng.normal()),
      opts,
    );
    if (r.fx < best.fx) best = r;
  }
  const polished = nelderMead(f, best.x, { ...opts, step: 0.1 });
  if (polished.fx <= best.fx) best = polished;
  const lap = laplace(f, best.x, 1e-4);
  const estimates: Record<string, TaskEstimate> = {};
  coords.forEach((c, i) => {
    const z = best.x[i]!;
    const sd = lap.sd[i]!;
    const a = c.back(z - 1.96 * sd);
    const b = c.back(z + 1.96 * sd);
    estimates[c.name] = { estimate: c.back(z), lo: Math.min(a, b), hi: Math.max(a, b) };
  });
  return {
    z: best.x,
    zSd: Float64Array.from(lap.sd),
    estimates,
    negLogPosterior: best.fx,
    converged: best.converged && lap.positiveDefinite,
  };
}

export const logistic = (z: number) => 1 / (1 + Math.exp(-z));
export const logit = (x: number) => Math.log(x / (1 - x));

/** What a group fit reports about the prior it used. */
export interface TaskGroupPrior {
  /** Per coordinate: mean and sd on the transformed scale. */
  readonly coordinates: readonly { readonly name: string; readonly mean: number; readonly sd: number }[];
  /** Empirical-Bayes iterations run (0 = the fixed weak priors). */
  readonly iterations: number;
}

/**
 * Fits each participant by `taskMap`. With `empiricalBayes` (default on when there are at least 10
 * participants) the normal prior is then re-estimated from the participants, EM-style as in Huys'
 * Emfit (mean of the modes; variance of the modes plus the mean posterior variance), and everyone is
 * refitted from their previous modes (to a looser tolerance), until the prior moves less than 0.01 or
 * after 20 iterations; a last refit at full tolerance gives the estimates and intervals.
 */
export function taskGroupFit<D>(
  data: readonly D[],
  negLogLik: (d: D, z: Float64Array) => number,
  weak: readonly TaskCoordinate[],
  options: { starts?: number; seed?: number; empiricalBayes?: boolean; rng: Rng },
): { maps: TaskMap[]; prior: TaskGroupPrior } {
  const starts = options.starts ?? 3;
  let coords = weak;
  const loose = { fTolerance: 1e-4, xTolerance: 1e-3 };
  const eb = options.empiricalBayes ?? data.length >= 10;
  let maps = data.map((d) =>
    taskMap((z) => negLogLik(d, z), coords, starts, options.rng, undefined, eb ? loose : undefined),
  );
  const refit = (tolerance = loose) =>
    data.map((d, i) => taskMap((z) => negLogLik(d, z), coords, 1, options.rng, maps[i]!.z, tolerance));
  let iterations = 0;
  if (eb) {
    for (; iterations < 20; iterations++) {
      const next = coords.map((c, k) => {
        const zs = maps.map((m) => m.z[k]!);
        const mean = zs.reduce((a, z) => a + z, 0) / zs.length;
        const post = maps.map((m) => (Number.isFinite(m.zSd[k]!) ? m.zSd[k]! ** 2 : 0));
        const v = zs.reduce((a, z, i) => a + (z - mean) ** 2 + post[i]!, 0) / zs.length;
        return { ...c, priorMean: mean, priorSd: Math.min(c.priorSd, Math.max(0.05, Math.sqrt(v))) };
      });
      const moved = Math.max(
        ...next.map(
          (c, k) => Math.abs(c.priorMean - coords[k]!.priorMean) + Math.abs(c.priorSd - coords[k]!.priorSd),
        ),
      );
      coords = next;
      maps = refit();
      if (moved < 1e-2) break;
    }
    maps = refit({ fTolerance: 1e-7, xTolerance: 1e-5 });
  }
  return {
    maps,
    prior: {
      coordinates: coords.map((c) => ({ name: c.name, mean: c.priorMean, sd: c.priorSd })),
      iterations,
    },
  };
}
