/** Result of a minimisation. */
export interface MinimumResult {
  readonly x: Float64Array;
  readonly fx: number;
  readonly iterations: number;
  readonly evaluations: number;
  /** True when the simplex shrank below the tolerances before the iteration limit. */
  readonly converged: boolean;
}

export interface NelderMeadOptions {
  /** Initial step per coordinate. Default 0.5. */
  readonly step?: number;
  /** Stop when the spread of function values and of vertices falls below these. Defaults 1e-6, 1e-5. */
  readonly fTolerance?: number;
  readonly xTolerance?: number;
  /** Default 200 × dimension. */
  readonly maxIterations?: number;
}

/**
 * Nelder–Mead simplex minimisation (standard coefficients 1, 2, 0.5, 0.5). A non-finite value counts
 * as +Infinity, so the simplex moves away from it; the best vertex seen is returned.
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: NelderMeadOptions = {},
): MinimumResult {
  const n = x0.length;
  const step = options.step ?? 0.5;
  const fTol = options.fTolerance ?? 1e-6;
  const xTol = options.xTolerance ?? 1e-5;
  const maxIt = options.maxIterations ?? 200 * n;
  let evaluations = 0;
  const value = (x: Float64Array) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const pts: Float64Array[] = [];
  const fs: number[] = [];
  for (let i = 0; i <= n; i++) {
    const x = Float64Array.from(x0);
    if (i > 0) x[i - 1]! += step;
    pts.push(x);
    fs.push(value(x));
  }
  const order = pts.map((_, i) => i);
  const centroid = new Float64Array(n);
  const along = (t: number, worst: Float64Array) => {
    const x = new Float64Array(n);
    for (let j = 0; j < n; j++) x[j] = centroid[j]! + t * (worst[j]! - centroid[j]!);
    return x;
  };
  let it = 0;
  let converged = false;
  for (; it < maxIt; it++) {
    order.sort((a, b) => fs[a]! - fs[b]!);
    const best = order[0]!;
    const worst = order[n]!;
    let spread = 0;
    for (const i of order)
      for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(pts[i]![j]! - pts[best]![j]!));
    if (Math.abs(fs[worst]! - fs[best]!) < fTol && spread < xTol) {
      converged = true;
      break;
    }
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = pts[order[k]!]!;
      for (let j = 0; j < n; j++) centroid[j]! += p[j]! / n;
    }
    const xr = along(-1, pts[worst]!);
    const fr = value(xr);
    if (fr < fs[best]!) {
      const xe = along(-2, pts[worst]!);
      const fe = value(xe);
      if (fe < fr) [pts[worst], fs[worst]] = [xe, fe];
      else [pts[worst], fs[worst]] = [xr, fr];
    } else if (fr < fs[order[n - 1]!]!) [pts[worst], fs[worst]] = [xr, fr];
    else {
      const outside = fr < fs[worst]!;
      const xc = along(outside ? -0.5 : 0.5, pts[worst]!);
      const fc = value(xc);
      if (fc < (outside ? fr : fs[worst]!)) [pts[worst], fs[worst]] = [xc, fc];
      else
        for (const i of order.slice(1)) {
          const p = pts[i]!;
          const b = pts[best]!;
          for (let j = 0; j < n; j++) p[j] = b[j]! + 0.5 * (p[j]! - b[j]!);
          fs[i] = value(p);
        }
    }
  }
  let bi = 0;
  for (let i = 1; i <= n; i++) if (fs[i]! < fs[bi]!) bi = i;
  return { x: pts[bi]!, fx: fs[bi]!, iterations: it, evaluations, converged };
}
