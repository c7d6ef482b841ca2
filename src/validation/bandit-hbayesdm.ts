import { type BanditSubject, fitBandit2arm } from "../fit/bandit2arm.ts";
import { streamRng } from "../model/rng.ts";
import { bootstrapIntervals, type Interval } from "./stats.ts";

/**
 * hBayesDM's bandit2arm example fitted on its own ±1 outcome scale, with percentile-bootstrap
 * intervals for the group learning rate and inverse temperature, against an independent hierarchical
 * fit (docs/validation.md).
 */

export const BANDIT_CITATION =
  "hBayesDM example data (Ahn, Haines & Zhang 2017, Comput Psychiatry 1:24; GPL-3.0; origin undocumented)";

/** The independent hierarchical fit's group means and 95 % intervals. */
export const BANDIT_REFERENCE = {
  learningRate: { estimate: 0.36, lo: 0.27, hi: 0.46 },
  inverseTemperature: { estimate: 0.81, lo: 0.65, hi: 0.98 },
} as const;

/** Group A and τ with bootstrap intervals over subjects (`resamples` 0 gives the point estimates only). */
export function banditGroupReport(
  subjects: readonly BanditSubject[],
  options: { resamples?: number; seed?: number } = {},
) {
  const resamples = options.resamples ?? 1000;
  const [learningRate, inverseTemperature] = bootstrapIntervals(
    subjects.length,
    (idx) => {
      const g = fitBandit2arm(idx.map((i) => subjects[i]!)).group;
      return [g.learningRate, g.inverseTemperature];
    },
    resamples,
    streamRng(options.seed ?? 17, 0, 1),
  ) as [Interval, Interval];
  const inside = (x: number, r: Interval) => r.lo <= x && x <= r.hi;
  return {
    citation: BANDIT_CITATION,
    subjects: subjects.length,
    learningRate,
    inverseTemperature,
    verdict:
      inside(learningRate.estimate, BANDIT_REFERENCE.learningRate) &&
      inside(inverseTemperature.estimate, BANDIT_REFERENCE.inverseTemperature)
        ? ("agrees" as const)
        : ("disagrees" as const),
  };
}
