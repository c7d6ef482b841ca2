import { CholeskyDecomposition, Matrix } from "ml-matrix";
import type { Rng } from "../model/rng.ts";
import { quantileSorted } from "../model/stats.ts";

/** Options of the random-walk Metropolis sampler; every field but `rng` has a default. */
export interface MetropolisOptions {
  /** The seeded generator every draw comes from. */
  readonly rng: Rng;
  /** Independent chains. Default 4. */
  readonly chains?: number;
  /** Warm-up iterations per chain (adaptation; discarded). Default 400. */
  readonly warmup?: number;
  /** Kept iterations per chain. Default 1000. */
  readonly samples?: number;
}

/** Draws and diagnostics of a run; coordinates in the order of the mode. */
export interface MetropolisResult {
  readonly dim: number;
  readonly chains: number;
  /** Kept iterations per chain. */
  readonly samples: number;
  /** Kept draws, chain after chain, each draw `dim` numbers: length chains × samples × dim. */
  readonly draws: Float64Array;
  /** Acceptance rate over the kept iterations, all chains. */
  readonly acceptance: number;
  /** Split R̂ per coordinate (Gelman et al., BDA3 §11.4): near 1 when the chains agree. */
  readonly rHat: Float64Array;
  /** Effective sample size per coordinate (Geyer's initial positive sequence over all chains). */
  readonly ess: Float64Array;
}

/** The lower Cholesky factor of a covariance as a flat row-major array, or null if not positive definite. */
function choleskyLower(cov: readonly (readonly number[])[]): Float64Array | null {
  const n = cov.length;
  const sym = cov.map((row, i) => row.map((v, j) => (v + cov[j]![i]!) / 2));
  const chol = new CholeskyDecomposition(new Matrix(sym));
  if (!chol.isPositiveDefinite()) return null;
  const l = chol.lowerTriangularMatrix;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) out[i * n + j] = l.get(i, j);
  return out;
}

/** y = x + s·L·ε with a fresh standard normal ε (buffers reused; no allocation). */
function propose(
  x: Float64Array,
  y: Float64Array,
  eps: Float64Array,
  lower: Float64Array,
  s: number,
  rng: Rng,
): void {
  const n = x.length;
  for (let i = 0; i < n; i++) eps[i] = rng.normal();
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let j = 0; j <= i; j++) d += lower[i * n + j]! * eps[j]!;
    y[i] = x[i]! + s * d;
  }
}

/** Copies n numbers from `from` at `i` to `to` at `j` (no view allocated). */
function copyRow(from: Float64Array, i: number, to: Float64Array, j: number, n: number): void {
  for (let k = 0; k < n; k++) to[j + k] = from[i + k]!;
}

/** Degrees of freedom of the independence proposal (a multivariate t: heavier tails than the posterior). */
const T_DF = 5;
/** The independence proposal's covariance is the warm-up covariance times this factor squared. */
const T_INFLATION = 1.3;

/** A multivariate t proposal: centre and lower Cholesky factor, with scratch space. */
interface Independence {
  readonly mean: Float64Array;
  readonly lower: Float64Array;
}

/** log q(y) of the t proposal, up to a constant (forward substitution; no allocation). */
function tLogDensity(q: Independence, y: Float64Array, scratch: Float64Array): number {
  const n = y.length;
  let r2 = 0;
  for (let i = 0; i < n; i++) {
    let v = y[i]! - q.mean[i]!;
    for (let j = 0; j < i; j++) v -= q.lower[i * n + j]! * scratch[j]!;
    scratch[i] = v / q.lower[i * n + i]!;
    r2 += scratch[i]! ** 2;
  }
  return (-(T_DF + n) / 2) * Math.log(1 + r2 / T_DF);
}

/**
 * Metropolis sampling on an unconstrained space, started around a mode with a proposal shaped by a
 * covariance (the Laplace one). Chains start overdispersed (mode + 2·L·ε). The first half of the
 * warm-up is a random walk whose step is tuned towards an acceptance of 0.234; then the draws so
 * far (pooled over chains, shrunk towards the given covariance) reshape it, and from there on each
 * iteration is, with equal chance, a random-walk step or an independence step from a multivariate t
 * (5 degrees of freedom) fitted to the warm-up draws — the random walk explores a curved ridge or a
 * kink the Laplace step misjudges, the independence step crosses the bulk in one move. Both are
 * refitted at the end of the warm-up; the kept iterations use fixed kernels, so they form a valid
 * Markov chain. A non-finite log density is rejected. Nothing is allocated per iteration.
 */
export function metropolis(
  logDensity: (x: Float64Array) => number,
  mode: ArrayLike<number>,
  covariance: readonly (readonly number[])[],
  options: MetropolisOptions,
): MetropolisResult {
  const n = mode.length;
  const chains = Math.max(2, options.chains ?? 4);
  const warmup = Math.max(20, options.warmup ?? 400);
  const samples = Math.max(10, options.samples ?? 1000);
  const { rng } = options;
  const given = choleskyLower(covariance);
  if (!given) throw new Error("metropolis: the proposal covariance is not positive definite");
  let lower = given;
  let indep: Independence | null = null;
  const draws = new Float64Array(chains * samples * n);
  const x = new Float64Array(chains * n);
  const lp = new Float64Array(chains);
  const lq = new Float64Array(chains);
  const scale = new Float64Array(chains).fill(2.38 / Math.sqrt(n));
  const y = new Float64Array(n);
  const eps = new Float64Array(n);
  const cur = new Float64Array(n);
  const scratch = new Float64Array(n);
  const half = Math.floor(warmup / 2);
  const keepFrom = [Math.floor(half / 2), half + Math.floor((warmup - half) / 2)];
  const warmKept = new Float64Array(chains * Math.max(half, warmup - half) * n);
  let warmCount = 0;
  let accepted = 0;
  for (let c = 0; c < chains; c++) {
    for (let i = 0; i < n; i++) cur[i] = mode[i]!;
    let f = Number.NEGATIVE_INFINITY;
    for (let tries = 0; tries < 20 && !Number.isFinite(f); tries++) {
      propose(cur, y, eps, lower, tries < 10 ? 2 : 0.5, rng);
      f = logDensity(y);
    }
    if (!Number.isFinite(f)) {
      for (let i = 0; i < n; i++) y[i] = mode[i]!;
      f = logDensity(y);
    }
    x.set(y, c * n);
    lp[c] = f;
  }
  const refit = () => {
    if (warmCount <= 2 * n) return;
    const { mean, cov } = pooledMoments(warmKept, warmCount, n, covariance);
    const rw = choleskyLower(cov);
    const t = choleskyLower(cov.map((row) => row.map((v) => v * T_INFLATION ** 2)));
    if (rw && t) {
      lower = rw;
      scale.fill(2.38 / Math.sqrt(n));
      indep = { mean, lower: t };
      for (let c = 0; c < chains; c++) lq[c] = tLogDensity(indep, x.subarray(c * n, c * n + n), scratch);
    }
    warmCount = 0;
  };
  const step = (c: number, adapt: number): boolean => {
    for (let i = 0; i < n; i++) cur[i] = x[c * n + i]!;
    const q = indep !== null && rng.uniform() < 0.5 ? (indep as Independence) : null;
    if (q) {
      for (let i = 0; i < n; i++) eps[i] = rng.normal();
      let chi = 0;
      for (let k = 0; k < T_DF; k++) chi += rng.normal() ** 2;
      const w = Math.sqrt(T_DF / chi);
      for (let i = 0; i < n; i++) {
        let d = 0;
        for (let j = 0; j <= i; j++) d += q.lower[i * n + j]! * eps[j]!;
        y[i] = q.mean[i]! + w * d;
      }
    } else propose(cur, y, eps, lower, scale[c]!, rng);
    const f = logDensity(y);
    const qy = q ? tLogDensity(q, y, scratch) : 0;
    const logRatio = q ? f - lp[c]! + lq[c]! - qy : f - lp[c]!;
    const a = Number.isFinite(f) ? Math.min(1, Math.exp(logRatio)) : 0;
    const accept = rng.uniform() < a;
    if (accept) {
      x.set(y, c * n);
      lp[c] = f;
      if (indep) lq[c] = q ? qy : tLogDensity(indep, y, scratch);
    }
    if (adapt > 0 && !q) scale[c] = scale[c]! * Math.exp((a - 0.234) / adapt ** 0.6);
    return accept;
  };
  for (let t = 0; t < warmup; t++) {
    if (t === half) refit();
    for (let c = 0; c < chains; c++) {
      step(c, (t < half ? t : t - half) + 1);
      if ((t >= keepFrom[0]! && t < half) || t >= keepFrom[1]!)
        copyRow(x, c * n, warmKept, warmCount++ * n, n);
    }
  }
  refit();
  for (let t = 0; t < samples; t++)
    for (let c = 0; c < chains; c++) {
      if (step(c, 0)) accepted++;
      copyRow(x, c * n, draws, (c * samples + t) * n, n);
    }
  const { rHat, ess } = diagnostics(draws, chains, samples, n);
  return { dim: n, chains, samples, draws, acceptance: accepted / (chains * samples), rHat, ess };
}

/** Mean and covariance of `count` kept draws, the covariance shrunk towards `prior` with the weight of 2·dim draws. */
function pooledMoments(
  kept: Float64Array,
  count: number,
  n: number,
  prior: readonly (readonly number[])[],
): { mean: Float64Array; cov: number[][] } {
  const mean = new Float64Array(n);
  for (let k = 0; k < count; k++) for (let i = 0; i < n; i++) mean[i]! += kept[k * n + i]! / count;
  const w = 2 * n;
  const out = prior.map((row) => row.map((v) => v * w));
  for (let k = 0; k < count; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        out[i]![j]! += (kept[k * n + i]! - mean[i]!) * (kept[k * n + j]! - mean[j]!);
  return { mean, cov: out.map((row) => row.map((v) => v / (count + w))) };
}

/** Split R̂ and effective sample size per coordinate of chain-major draws. */
export function diagnostics(
  draws: Float64Array,
  chains: number,
  samples: number,
  n: number,
): { rHat: Float64Array; ess: Float64Array } {
  const rHat = new Float64Array(n);
  const ess = new Float64Array(n);
  const h = Math.floor(samples / 2);
  const at = (c: number, t: number, i: number) => draws[(c * samples + t) * n + i]!;
  for (let i = 0; i < n; i++) {
    // Split R̂: 2·chains half-chains of h draws.
    const means: number[] = [];
    const vars: number[] = [];
    for (let c = 0; c < chains; c++)
      for (const start of [0, samples - h]) {
        let m = 0;
        for (let t = start; t < start + h; t++) m += at(c, t, i);
        m /= h;
        let v = 0;
        for (let t = start; t < start + h; t++) v += (at(c, t, i) - m) ** 2;
        means.push(m);
        vars.push(v / (h - 1));
      }
    const W = vars.reduce((a, b) => a + b, 0) / vars.length;
    const grand = means.reduce((a, b) => a + b, 0) / means.length;
    const B = (h * means.reduce((a, b) => a + (b - grand) ** 2, 0)) / (means.length - 1);
    const varPlus = ((h - 1) / h) * W + B / h;
    rHat[i] = W > 0 ? Math.sqrt(varPlus / W) : Number.NaN;
    // ESS over whole chains (BDA3 §11.5): ρ_t = 1 − (W − mean autocovariance_t) / var+.
    const cm = new Float64Array(chains);
    let wAll = 0;
    for (let c = 0; c < chains; c++) {
      let m = 0;
      for (let t = 0; t < samples; t++) m += at(c, t, i);
      cm[c] = m / samples;
      let v = 0;
      for (let t = 0; t < samples; t++) v += (at(c, t, i) - cm[c]!) ** 2;
      wAll += v / (samples - 1) / chains;
    }
    const gm = cm.reduce((a, b) => a + b, 0) / chains;
    const bAll = (samples * cm.reduce((a, b) => a + (b - gm) ** 2, 0)) / (chains - 1);
    const vp = ((samples - 1) / samples) * wAll + bAll / samples;
    const rho = (lag: number) => {
      let acov = 0;
      for (let c = 0; c < chains; c++) {
        let s = 0;
        for (let t = 0; t + lag < samples; t++) s += (at(c, t, i) - cm[c]!) * (at(c, t + lag, i) - cm[c]!);
        acov += s / samples / chains;
      }
      return 1 - (wAll - acov) / vp;
    };
    let tau = -1;
    for (let lag = 0; lag + 1 < samples; lag += 2) {
      const pair = rho(lag) + rho(lag + 1);
      if (!(pair > 0)) break;
      tau += 2 * pair;
    }
    ess[i] = vp > 0 ? (chains * samples) / Math.max(tau, 1 / Math.log10(chains * samples)) : Number.NaN;
  }
  return { rHat, ess };
}

/** The q-quantiles (0..1) of coordinate `i` over all draws. */
export function drawQuantiles(r: MetropolisResult, i: number, qs: readonly number[]): number[] {
  const m = r.chains * r.samples;
  const v = new Float64Array(m);
  for (let k = 0; k < m; k++) v[k] = r.draws[k * r.dim + i]!;
  v.sort();
  return qs.map((q) => quantileSorted(v, q));
}

/** Posterior standard deviation of coordinate `i` over all draws. */
export function drawSd(r: MetropolisResult, i: number): number {
  const m = r.chains * r.samples;
  let mean = 0;
  for (let k = 0; k < m; k++) mean += r.draws[k * r.dim + i]! / m;
  let v = 0;
  for (let k = 0; k < m; k++) v += (r.draws[k * r.dim + i]! - mean) ** 2;
  return Math.sqrt(v / (m - 1));
}
