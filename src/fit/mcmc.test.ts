import { describe, expect, it } from "vitest";
import { seededRng } from "../model/rng.ts";
import { diagnostics, drawQuantiles, drawSd, metropolis } from "./mcmc.ts";

/** log N(x; 0, Σ) up to a constant for Σ = [[1, 0.8·2], [0.8·2, 4]] (sd 1 and 2, correlation 0.8). */
const SIGMA = [
  [1, 1.6],
  [1.6, 4],
];
const det = 1 * 4 - 1.6 * 1.6;
const gaussian = (x: Float64Array) =>
  -0.5 * ((4 * x[0]! ** 2 - 2 * 1.6 * x[0]! * x[1]! + 1 * x[1]! ** 2) / det);

describe("random-walk Metropolis", () => {
  // A proposal ten times too narrow and without the correlation: the warm-up must reshape it.
  const wrong = [
    [0.01, 0],
    [0, 0.04],
  ];
  const r = metropolis(gaussian, [0.5, -0.5], wrong, { rng: seededRng(3) });

  it("recovers the quantiles of a correlated normal from a misjudged proposal, with converged chains", () => {
    expect(r.draws).toHaveLength(4 * 1000 * 2);
    const sds = [1, 2];
    for (const i of [0, 1]) {
      const [lo, hi] = drawQuantiles(r, i, [0.025, 0.975]);
      // ESS ≥ 300 puts the 2.5 % quantile's standard error near 0.15 sd; ±0.35 sd is over 2 SE.
      expect(Math.abs(lo! / sds[i]! + 1.96)).toBeLessThan(0.35);
      expect(Math.abs(hi! / sds[i]! - 1.96)).toBeLessThan(0.35);
      expect(drawSd(r, i) / sds[i]!).toBeGreaterThan(0.85);
      expect(drawSd(r, i) / sds[i]!).toBeLessThan(1.15);
      expect(r.rHat[i]).toBeLessThan(1.05);
      expect(r.ess[i]).toBeGreaterThan(300);
    }
    expect(r.acceptance).toBeGreaterThan(0.1);
    expect(r.acceptance).toBeLessThan(0.7);
  });

  it("is reproducible with the same seed", () => {
    const again = metropolis(gaussian, [0.5, -0.5], wrong, { rng: seededRng(3), warmup: 50, samples: 20 });
    const same = metropolis(gaussian, [0.5, -0.5], wrong, { rng: seededRng(3), warmup: 50, samples: 20 });
    expect(Array.from(again.draws)).toEqual(Array.from(same.draws));
  });

  it("rejects a region where the density is not finite", () => {
    const half = (x: Float64Array) => (x[0]! < 0 ? Number.NaN : gaussian(x));
    const h = metropolis(half, [1, 1], SIGMA, { rng: seededRng(4), warmup: 100, samples: 200 });
    for (let k = 0; k < h.draws.length; k += 2) expect(h.draws[k]).toBeGreaterThanOrEqual(0);
  });
});

describe("R̂ and ESS", () => {
  const chains = 4;
  const samples = 500;
  const make = (shift: (c: number) => number, rho: number) => {
    const rng = seededRng(8);
    const d = new Float64Array(chains * samples);
    for (let c = 0; c < chains; c++) {
      let x = rng.normal();
      for (let t = 0; t < samples; t++) {
        x = rho * x + Math.sqrt(1 - rho * rho) * rng.normal();
        d[c * samples + t] = x + shift(c);
      }
    }
    return diagnostics(d, chains, samples, 1);
  };

  it("give R̂ ≈ 1 and ESS ≈ N for independent draws", () => {
    const g = make(() => 0, 0);
    expect(g.rHat[0]).toBeLessThan(1.02);
    // 2,000 independent draws: ESS within ±30 % of N.
    expect(g.ess[0]).toBeGreaterThan(1400);
    expect(g.ess[0]).toBeLessThan(2600);
  });

  it("flag chains that disagree and draws that are autocorrelated", () => {
    expect(make((c) => c, 0).rHat[0]).toBeGreaterThan(1.5);
    // AR(1) with ρ = 0.9: the effective size is about N·(1 − ρ)/(1 + ρ) ≈ 105.
    const ar = make(() => 0, 0.9);
    expect(ar.ess[0]).toBeGreaterThan(50);
    expect(ar.ess[0]).toBeLessThan(220);
  });
});
