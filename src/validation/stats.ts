import { pearson } from "../fit/recovery.ts";
import type { Rng } from "../model/rng.ts";

/** Small statistics for comparing with published results: intervals, rank correlation, bootstrap. */

/** An estimate with its 95 % interval. */
export interface Interval {
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

export const mean = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;

/** Sample standard deviation (n − 1). */
export function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * The 0.975 quantile of Student t with `df` degrees of freedom, by the Cornish–Fisher expansion
 * around the normal quantile (Abramowitz & Stegun 26.7.5; error below 1e-3 from 5 degrees of freedom).
 */
export function tQuantile975(df: number): number {
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

/** Mean with its t 95 % interval. */
export function meanInterval(xs: readonly number[]): Interval {
  const m = mean(xs);
  const h = (tQuantile975(xs.length - 1) * sd(xs)) / Math.sqrt(xs.length);
  return { estimate: m, lo: m - h, hi: m + h };
}

/** Difference of means a − b with the Welch 95 % interval. */
export function welchInterval(a: readonly number[], b: readonly number[]): Interval {
  const va = sd(a) ** 2 / a.length;
  const vb = sd(b) ** 2 / b.length;
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const d = mean(a) - mean(b);
  const h = tQuantile975(df) * Math.sqrt(va + vb);
  return { estimate: d, lo: d - h, hi: d + h };
}

/** Pearson r with its Fisher-z 95 % interval. */
export function pearsonInterval(
  x: readonly number[],
  y: readonly number[],
): Interval & { readonly n: number } {
  const r = pearson(x, y);
  const n = x.length;
  const z = Math.atanh(r);
  const h = 1.96 / Math.sqrt(n - 3);
  return { estimate: r, lo: Math.tanh(z - h), hi: Math.tanh(z + h), n };
}

/** Ranks 1..n, ties given their mean rank. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && xs[order[j + 1]!] === xs[order[i]!]) j++;
    for (let k = i; k <= j; k++) out[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman's rank correlation. */
export const spearman = (x: readonly number[], y: readonly number[]) => pearson(ranks(x), ranks(y));

/**
 * Percentile-bootstrap 95 % intervals of several statistics computed together on the same resamples:
 * `n` units (people) resampled with replacement `resamples` times; non-finite values are dropped.
 */
export function bootstrapIntervals(
  n: number,
  statistics: (indices: readonly number[]) => readonly number[],
  resamples: number,
  rng: Rng,
): Interval[] {
  const all = Array.from({ length: n }, (_, i) => i);
  const point = statistics(all);
  const values: number[][] = point.map(() => []);
  for (let b = 0; b < resamples; b++) {
    const idx = all.map(() => Math.floor(rng.uniform() * n));
    statistics(idx).forEach((v, k) => {
      if (Number.isFinite(v)) values[k]!.push(v);
    });
  }
  return point.map((estimate, k) => {
    const v = values[k]!.sort((a, b) => a - b);
    const q = (p: number) =>
      v[Math.min(v.length - 1, Math.max(0, Math.round(p * (v.length - 1))))] ?? Number.NaN;
    return { estimate, lo: q(0.025), hi: q(0.975) };
  });
}

/** Percentile-bootstrap 95 % interval of one statistic (see `bootstrapIntervals`). */
export function bootstrapInterval(
  n: number,
  statistic: (indices: readonly number[]) => number,
  resamples: number,
  rng: Rng,
): Interval {
  return bootstrapIntervals(n, (idx) => [statistic(idx)], resamples, rng)[0]!;
}

/** Mean of hours of day on the 24-hour circle, in [0, 24). */
export function circularMeanHour(hours: readonly number[]): number {
  let s = 0;
  let c = 0;
  for (const h of hours) {
    s += Math.sin((2 * Math.PI * h) / 24);
    c += Math.cos((2 * Math.PI * h) / 24);
  }
  const a = (Math.atan2(s, c) * 24) / (2 * Math.PI);
  return a < 0 ? a + 24 : a;
}

/** Whether an interval lies wholly above 0, below 0, or includes it. */
export function sideOfZero(i: Interval): "above" | "below" | "includes" {
  return i.lo > 0 ? "above" : i.hi < 0 ? "below" : "includes";
}
