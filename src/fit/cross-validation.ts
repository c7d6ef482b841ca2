/**
 * Cross-validated model comparison on held-out trials. A person's trials are split into folds by a
 * label (block, session); a model is fitted with the held-out fold's choices weighted 0 (learning
 * models still update on those trials' outcomes) and scored by its log-likelihood on them. Variants
 * are compared by the summed held-out log-likelihood over people, with the standard error of the sum
 * across people.
 */

/** Trial weights of one fold: `train` for the fit, `test` for scoring (0/1 each). */
export interface CvFold {
  readonly label: number;
  readonly train: Float64Array;
  readonly test: Float64Array;
}

/** One fold per distinct label, in ascending order of label. */
export function foldsByLabel(labels: ArrayLike<number>): CvFold[] {
  const distinct = [...new Set(Array.from(labels))].sort((a, b) => a - b);
  return distinct.map((label) => {
    const test = Float64Array.from(labels, (l) => (l === label ? 1 : 0));
    return { label, test, train: test.map((w) => 1 - w) };
  });
}

/**
 * Held-out log-likelihood of one person: for each fold, `fitFold(trainWeights)` returns the fitted
 * parameters and `score(params, testWeights)` their log-likelihood on the held-out trials.
 */
export function heldOutLogLik<P>(
  folds: readonly CvFold[],
  fitFold: (train: Float64Array) => P,
  score: (params: P, test: Float64Array) => number,
): number {
  let total = 0;
  for (const f of folds) total += score(fitFold(f.train), f.test);
  return total;
}

/** Summed held-out log-likelihood of a variant and each person's share. */
export interface VariantCv {
  readonly variant: string;
  readonly total: number;
  readonly perPerson: readonly number[];
}

/** Two variants compared on the same people. */
export interface CvComparison {
  readonly a: string;
  readonly b: string;
  /** Σ held-out log-lik of a minus that of b (> 0 favours a). */
  readonly difference: number;
  /** Standard error of the difference: √n × sd of the per-person differences. */
  readonly se: number;
  readonly people: number;
  /** People whose own difference favours a. */
  readonly favouringA: number;
  /** The variant whose sum is ahead by more than 2 standard errors, or null (no reliable difference). */
  readonly winner: string | null;
}

/** Compares two variants fitted to the same people (in the same order). */
export function compareHeldOut(a: VariantCv, b: VariantCv): CvComparison {
  const d = a.perPerson.map((x, i) => x - b.perPerson[i]!);
  const n = d.length;
  const mean = d.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, n - 1));
  const difference = a.total - b.total;
  const se = Math.sqrt(n) * sd;
  return {
    a: a.variant,
    b: b.variant,
    difference,
    se,
    people: n,
    favouringA: d.filter((x) => x > 0).length,
    winner: difference > 2 * se ? a.variant : -difference > 2 * se ? b.variant : null,
  };
}
