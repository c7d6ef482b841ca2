import { describe, expect, it } from "vitest";
import { seededRng } from "./rng.ts";
import { independentDifference, meanInterval, pairedDifference, ratioOfMeans } from "./stats.ts";

describe("intervals", () => {
  it("computes the mean and its 95 % interval exactly for a small sample", () => {
    const x = meanInterval([1, 2, 3, 4, 5]);
    expect(x.mean).toBe(3);
    // sd = sqrt(2.5), se = sqrt(2.5 / 5) = 0.7071
    expect(x.hi - x.mean).toBeCloseTo(1.96 * Math.sqrt(0.5), 10);
    expect(x.n).toBe(5);
  });

  it("skips non-finite values and reports NaN for an empty sample", () => {
    expect(meanInterval([1, Number.NaN, 3]).mean).toBe(2);
    expect(Number.isNaN(meanInterval([]).mean)).toBe(true);
  });

  it("covers the true mean in about 95 % of repeated samples (1,000 samples of 50)", () => {
    const rng = seededRng(3);
    let covered = 0;
    for (let r = 0; r < 1000; r++) {
      const xs = Array.from({ length: 50 }, () => 2 + rng.normal());
      const i = meanInterval(xs);
      if (i.lo <= 2 && 2 <= i.hi) covered++;
    }
    // Binomial(1000, 0.95) has sd 6.9; the normal approximation with n = 50 covers slightly less.
    expect(covered).toBeGreaterThan(920);
    expect(covered).toBeLessThan(975);
  });

  it("pairs, differences and ratios", () => {
    expect(pairedDifference([3, 4, 5], [1, 2, 3]).mean).toBe(2);
    expect(pairedDifference([3, 4, 5], [1, 2, 3]).hi).toBe(2);
    expect(() => pairedDifference([1], [1, 2])).toThrow(/differ in length/);
    expect(independentDifference([2, 4], [1, 1]).mean).toBe(2);
    expect(ratioOfMeans([2, 4], [1, 2]).mean).toBe(2);
  });
});
