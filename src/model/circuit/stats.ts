/** A sample mean with its normal-approximation confidence interval. */
export interface MeanInterval {
  readonly mean: number;
  /** Lower bound of the interval (95 % by default). */
  readonly lower: number;
  /** Upper bound of the interval (95 % by default). */
  readonly upper: number;
  readonly standardError: number;
  readonly n: number;
}

/** Mean of `values` with a `z`-based interval (z = 1.96: 95 %). */
export function meanInterval(values: ArrayLike<number>, z = 1.96): MeanInterval {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = n > 0 ? sum / n : Number.NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  const standardError = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
  return { mean, lower: mean - z * standardError, upper: mean + z * standardError, standardError, n };
}

/** Difference of means a − b with a Welch (unpooled) normal-approximation interval. */
export function differenceInterval(a: ArrayLike<number>, b: ArrayLike<number>, z = 1.96): MeanInterval {
  const ia = meanInterval(a);
  const ib = meanInterval(b);
  const mean = ia.mean - ib.mean;
  const standardError = Math.hypot(ia.standardError, ib.standardError);
  return {
    mean,
    lower: mean - z * standardError,
    upper: mean + z * standardError,
    standardError,
    n: ia.n + ib.n,
  };
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
