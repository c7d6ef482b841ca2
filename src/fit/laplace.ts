import { inverse, Matrix } from "ml-matrix";

/** The curvature at a mode: the Hessian of the negative log-posterior and its inverse (the covariance). */
export interface LaplaceResult {
  readonly hessian: number[][];
  /** Covariance on the transformed scale; null when the Hessian is not positive definite. */
  readonly covariance: number[][] | null;
  /** Standard deviations on the transformed scale (NaN when the covariance is unavailable). */
  readonly sd: number[];
  readonly positiveDefinite: boolean;
}

/**
 * Central-difference Hessian of `f` at `x` (step `h` on every coordinate), symmetrised, then inverted
 * with ml-matrix. A matrix that is not positive definite (a flat or saddle direction) gives no
 * covariance rather than a wrong one.
 */
export function laplace(f: (x: Float64Array) => number, x: ArrayLike<number>, h = 1e-3): LaplaceResult {
  const n = x.length;
  const at = (d: [number, number][]) => {
    const y = Float64Array.from(x);
    for (const [i, s] of d) y[i]! += s;
    return f(y);
  };
  const f0 = at([]);
  const H: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    H[i]![i] = (at([[i, h]]) - 2 * f0 + at([[i, -h]])) / (h * h);
    for (let j = 0; j < i; j++) {
      const v =
        (at([
          [i, h],
          [j, h],
        ]) -
          at([
            [i, h],
            [j, -h],
          ]) -
          at([
            [i, -h],
            [j, h],
          ]) +
          at([
            [i, -h],
            [j, -h],
          ])) /
        (4 * h * h);
      H[i]![j] = v;
      H[j]![i] = v;
    }
  }
  const finite = H.every((row) => row.every(Number.isFinite));
  let covariance: number[][] | null = null;
  let positiveDefinite = false;
  if (finite && n > 0) {
    const m = new Matrix(H);
    const chol = isPositiveDefinite(H);
    if (chol) {
      covariance = inverse(m).to2DArray();
      positiveDefinite = covariance.every((row, i) => (row[i] ?? -1) > 0);
      if (!positiveDefinite) covariance = null;
    }
  }
  const sd = Array.from({ length: n }, (_, i) => (covariance ? Math.sqrt(covariance[i]![i]!) : Number.NaN));
  return { hessian: H, covariance, sd, positiveDefinite };
}

/** Cholesky test: true when the symmetric matrix is positive definite. */
export function isPositiveDefinite(a: readonly (readonly number[])[]): boolean {
  const n = a.length;
  const L: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (!(s > 0)) return false;
        L[i]![i] = Math.sqrt(s);
      } else L[i]![j] = s / L[j]![j]!;
    }
  return true;
}
