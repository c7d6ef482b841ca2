import { CholeskyDecomposition, Matrix } from "ml-matrix";
import type { PersonParameters } from "../model/person/params.ts";
import type { Rng } from "../model/rng.ts";
import type { FitResult } from "./fit.ts";
import { FITTED_SPECS, fromScale } from "./parameters.ts";

/**
 * Parameter sets drawn from a fit's posterior, for forecasts over the person's uncertainty: with
 * MCMC draws, kept draws picked uniformly at random; otherwise the Laplace posterior (multivariate
 * normal on the transformed scale, correlations included). Without a covariance (too little
 * curvature) each fitted parameter is drawn from its own interval, or held at its estimate.
 */
export function posteriorDraws(fit: FitResult, count: number, rng: Rng): PersonParameters[] {
  const k = fit.parameters.length;
  const mode = fit.posterior.mode;
  const chain = fit.posterior.draws;
  if (chain && chain.length >= k) {
    const m = chain.length / k;
    return Array.from({ length: count }, () => {
      const row = Math.min(m - 1, Math.floor(rng.uniform() * m));
      const p = { ...fit.estimates };
      fit.parameters.forEach((param, i) => {
        const spec = FITTED_SPECS[param.name];
        p[param.name] = Math.min(
          spec.max,
          Math.max(spec.min, fromScale(spec.transform, chain[row * k + i]!)),
        );
      });
      return p;
    });
  }
  let lower: number[][] | null = null;
  if (fit.posterior.covariance) {
    const c = fit.posterior.covariance;
    const symmetric = c.map((row, i) => row.map((v, j) => (v + c[j]![i]!) / 2));
    const chol = new CholeskyDecomposition(new Matrix(symmetric));
    if (chol.isPositiveDefinite()) lower = chol.lowerTriangularMatrix.to2DArray();
  }
  const out: PersonParameters[] = [];
  const eps = new Float64Array(k);
  for (let d = 0; d < count; d++) {
    for (let i = 0; i < k; i++) eps[i] = rng.normal();
    const p = { ...fit.estimates };
    fit.parameters.forEach((param, i) => {
      const spec = FITTED_SPECS[param.name];
      let z = mode[i]!;
      if (lower) for (let j = 0; j <= i; j++) z += lower[i]![j]! * eps[j]!;
      else if (Number.isFinite(param.sdTransformed)) z += param.sdTransformed * eps[i]!;
      p[param.name] = Math.min(spec.max, Math.max(spec.min, fromScale(spec.transform, z)));
    });
    out.push(p);
  }
  return out;
}
