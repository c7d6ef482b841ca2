import type { CvComparison } from "../fit/cross-validation.ts";
import type { EffortFitResult } from "../fit/effort-discounting.ts";
import { type Interval, meanInterval } from "./stats.ts";

/**
 * The effort comparisons of docs/validation.md (B1, B2) on Bernacer et al. 2019 (NeuroImage
 * 203:116181): which effort discount the held-out choices prefer, and whether effort weighs less
 * after the fitness plan.
 */

export const BERNACER_CITATION =
  "Bernacer, Martinez-Valbuena, Martinez, Pujol, Luis, Ramirez-Castillo & Pastor 2019, NeuroImage 203:116181 (doi:10.1016/j.neuroimage.2019.116181; MIT)";

/** B1 from the hyperbolic-vs-parabolic held-out comparison. */
export function effortShapeVerdict(c: CvComparison) {
  const hyperbolicWins =
    (c.a === "hyperbolic" && c.winner === c.a) || (c.b === "hyperbolic" && c.winner === c.b);
  const parabolicWins =
    (c.a === "parabolic" && c.winner === c.a) || (c.b === "parabolic" && c.winner === c.b);
  return hyperbolicWins
    ? ("agrees" as const)
    : parabolicWins
      ? ("disagrees" as const)
      : ("undecided" as const);
}

/** B2: Δ log k (POST − PRE) paired over the people fitted at both time points. */
export function effortChangeReport(fit: EffortFitResult): {
  readonly people: number;
  readonly deltaLogK: Interval;
  readonly verdict:
    | "agrees"
    | "same direction, not detected"
    | "disagrees"
    | "opposite direction, not detected";
} {
  const at = (tp: string) =>
    new Map(
      fit.participants.filter((p) => p.timepoint === tp).map((p) => [p.subject, p.effortDiscount.estimate]),
    );
  const pre = at("PRE");
  const post = at("POST");
  const d = [...pre].filter(([s]) => post.has(s)).map(([s, k]) => Math.log(post.get(s)!) - Math.log(k));
  const deltaLogK = meanInterval(d);
  return {
    people: d.length,
    deltaLogK,
    verdict:
      deltaLogK.hi < 0
        ? "agrees"
        : deltaLogK.lo > 0
          ? "disagrees"
          : deltaLogK.estimate < 0
            ? "same direction, not detected"
            : "opposite direction, not detected",
  };
}
