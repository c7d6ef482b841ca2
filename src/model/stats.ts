/** Small, pure statistics used by summaries, comparisons and the population tests. */

/** A mean with its 95 % interval. */
export interface Interval {
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
  readonly n: number;
}

/** Mean of the finite values with a normal-approximation 95 % interval (1.96 standard errors). */
export function meanInterval(values: ArrayLike<number>): Interval {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  if (n === 0) return { mean: Number.NaN, lo: Number.NaN, hi: Number.NaN, n: 0 };
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) ss += (v - mean) ** 2;
  }
  const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
  return { mean, lo: mean - 1.96 * se, hi: mean + 1.96 * se, n };
}

/** Paired difference a − b, person by person (people missing in either are dropped), with its interval. */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): Interval {
  if (a.length !== b.length) throw new Error(`paired arrays differ in length: ${a.length} vs ${b.length}`);
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) d[i] = a[i]! - b[i]!;
  return meanInterval(d);
}

/** Difference of two independent means a − b with a Welch-style 95 % interval. */
export function independentDifference(a: ArrayLike<number>, b: ArrayLike<number>): Interval {
  const ia = meanInterval(a);
  const ib = meanInterval(b);
  const se = Math.hypot((ia.hi - ia.mean) / 1.96, (ib.hi - ib.mean) / 1.96);
  const mean = ia.mean - ib.mean;
  return { mean, lo: mean - 1.96 * se, hi: mean + 1.96 * se, n: Math.min(ia.n, ib.n) };
}

/** Ratio of means a / b with a delta-method 95 % interval (independent samples). */
export function ratioOfMeans(a: ArrayLike<number>, b: ArrayLike<number>): Interval {
  const ia = meanInterval(a);
  const ib = meanInterval(b);
  const r = ia.mean / ib.mean;
  const rel = Math.hypot((ia.hi - ia.mean) / 1.96 / ia.mean, (ib.hi - ib.mean) / 1.96 / ib.mean);
  return { mean: r, lo: r * (1 - 1.96 * rel), hi: r * (1 + 1.96 * rel), n: Math.min(ia.n, ib.n) };
}

/** Quantile q ∈ [0, 1] of ascending `sorted` values, linear interpolation (R type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Formats an interval as `0.42 [0.38, 0.46]`. */
export function formatInterval(x: Interval, digits = 2): string {
  return `${x.mean.toFixed(digits)} [${x.lo.toFixed(digits)}, ${x.hi.toFixed(digits)}]`;
}
