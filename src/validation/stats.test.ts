import { describe, expect, it } from "vitest";
import { seededRng } from "../model/rng.ts";
import {
  bootstrapInterval,
  circularMeanHour,
  meanInterval,
  pearsonInterval,
  ranks,
  spearman,
  tQuantile975,
  welchInterval,
} from "./stats.ts";

describe("statistics for the published comparisons", () => {
  it("gives the tabled t quantiles", () => {
    // Tables: t(0.975; 9) = 2.262, t(0.975; 18) = 2.101, t(0.975; 60) = 2.000.
    expect(tQuantile975(9)).toBeCloseTo(2.262, 2);
    expect(tQuantile975(18)).toBeCloseTo(2.101, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0, 3);
  });

  it("computes mean, Welch and Fisher intervals by hand-checkable formulas", () => {
    const m = meanInterval([1, 2, 3, 4, 5]);
    // sd = 1.5811, t(4) = 2.776: half-width 1.963.
    expect(m.estimate).toBe(3);
    expect(m.hi - m.estimate).toBeCloseTo(1.963, 2);
    const w = welchInterval([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]);
    expect(w.estimate).toBe(0);
    expect(w.lo).toBeCloseTo(-w.hi, 12);
    const r = pearsonInterval([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]);
    expect(r.lo).toBeLessThan(r.estimate);
    expect(Math.tanh(Math.atanh(r.estimate) + 1.96 / Math.sqrt(3))).toBeCloseTo(r.hi, 12);
  });

  it("ranks ties by their mean rank, and Spearman is invariant to monotone transforms", () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    const x = [0.3, 1.2, 2.5, 0.1, 4];
    const y = [3, 1, 4, 1, 5];
    expect(spearman(x.map(Math.exp), y)).toBeCloseTo(spearman(x, y), 12);
  });

  it("covers a known mean with the percentile bootstrap about 95 % of the time", () => {
    const rng = seededRng(9);
    let covered = 0;
    for (let s = 0; s < 200; s++) {
      const xs = Array.from({ length: 40 }, () => rng.normal());
      const i = bootstrapInterval(40, (idx) => idx.reduce((a, k) => a + xs[k]!, 0) / 40, 300, rng);
      if (i.lo <= 0 && 0 <= i.hi) covered++;
    }
    // 200 intervals: 178..198 holds with probability > 0.99 when the coverage is 0.93–0.95.
    expect(covered).toBeGreaterThanOrEqual(178);
  });

  it("averages clock hours on the circle", () => {
    const m = circularMeanHour([23, 1]);
    expect(Math.min(m, 24 - m)).toBeCloseTo(0, 9);
    expect(circularMeanHour([22, 23])).toBeCloseTo(22.5, 9);
  });
});
