import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { compareVariants, fitReplay, latentByDay } from "./fit.ts";
import { laplace } from "./laplace.ts";
import { nelderMead } from "./optimize.ts";
import { MODEL_VARIANTS } from "./parameters.ts";
import {
  drawTrueParameters,
  modelRecovery,
  parameterRecovery,
  type RecoveryByWeeks,
  recoveryEnvironment,
  simulatedLogs,
} from "./recovery.ts";

const person = (weeks: number, missing = 0.2) => {
  const truth = drawTrueParameters(MODEL_VARIANTS[0]!, 21, 0);
  const [data] = simulatedLogs(truth, recoveryEnvironment(), [weeks], 21, 0, missing);
  return { truth, data: data! };
};

describe("fitting one person", () => {
  it("finds a mode with intervals around it, and exports the per-day latent values", () => {
    const { data } = person(8);
    const fit = fitReplay(data);
    expect(fit.converged).toBe(true);
    for (const p of fit.parameters) {
      expect(p.lo).toBeLessThanOrEqual(p.estimate);
      expect(p.hi).toBeGreaterThanOrEqual(p.estimate);
    }
    expect(fit.observations.opportunities).toBe(data.opportunities.length);
    const days = latentByDay(fit.estimates, data);
    expect(days).toHaveLength(56);
    expect(days.every((d) => d.startProbability > 0 && d.startProbability < 1)).toBe(true);
  });

  it("still fits when every rating is missing (starts alone), with wider intervals", () => {
    const rated = fitReplay(person(8, 0).data);
    const bare = fitReplay(person(8, 1).data);
    expect(bare.observations.anticipated).toBe(0);
    const width = (f: typeof rated) => f.parameters.find((p) => p.name === "anticipatoryGain")!;
    const w = (p: ReturnType<typeof width>) => Math.log(p.hi / p.lo);
    expect(w(width(bare))).toBeGreaterThan(w(width(rated)));
  });

  it("ranks model variants by BIC with weights that sum to one", () => {
    const cmp = compareVariants(person(6).data, { starts: 1 });
    expect(cmp.scores.map((s) => s.variant)).toEqual(MODEL_VARIANTS.map((v) => v.id));
    expect(cmp.scores.reduce((a, s) => a + s.weight, 0)).toBeCloseTo(1, 9);
    const best = cmp.scores.find((s) => s.variant === cmp.best)!;
    expect(best.bic).toBe(Math.min(...cmp.scores.map((s) => s.bic)));
  });
});

describe("optimiser and Laplace step", () => {
  it("minimises the Rosenbrock function", () => {
    const r = nelderMead((x) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2, [-1.2, 1], {
      maxIterations: 5000,
      fTolerance: 1e-12,
      xTolerance: 1e-8,
    });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });

  it("survives NaN regions by treating them as +∞", () => {
    const r = nelderMead((x) => (x[0]! < 0 ? Number.NaN : (x[0]! - 2) ** 2), [0.1]);
    expect(r.x[0]).toBeCloseTo(2, 3);
  });

  it("returns the inverse Hessian of a quadratic as the covariance (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        fc.double({ min: -0.4, max: 0.4, noNaN: true }),
        (a, b, r) => {
          const c = r * Math.sqrt(a * b);
          const lap = laplace(
            (x) => 0.5 * (a * x[0]! ** 2 + 2 * c * x[0]! * x[1]! + b * x[1]! ** 2),
            [0.3, -0.2],
          );
          const det = a * b - c * c;
          expect(lap.positiveDefinite).toBe(true);
          expect(lap.covariance![0]![0]).toBeCloseTo(b / det, 4);
          expect(lap.covariance![0]![1]).toBeCloseTo(-c / det, 4);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("gives no covariance at a saddle", () => {
    expect(laplace((x) => x[0]! ** 2 - x[1]! ** 2, [0, 0]).covariance).toBeNull();
  });
});

describe("parameter recovery (CI-sized: 40 people × 8 weeks, 20 % of ratings missing, seed 3)", () => {
  let eight: RecoveryByWeeks | undefined;
  beforeAll(() => {
    [eight] = parameterRecovery({ people: 40, weeks: [8], seed: 3, fit: { starts: 1 } });
  });
  const get = (name: string) => eight!.parameters.find((p) => p.name === name)!;

  it("recovers anticipatory gain, effort cost and threat gain with r ≥ 0.8", () => {
    for (const name of ["anticipatoryGain", "effortCost", "threatGain"])
      expect(get(name).r).toBeGreaterThanOrEqual(0.8);
  });

  it("covers the truth with the 95 % intervals in 88–99 % of the 360 person-parameters pooled", () => {
    // 40 people per parameter is too few to pin each coverage to 90–98 %; pooled over the nine
    // parameters a calibrated 95 % interval lands in 0.88..0.99 with probability > 0.99 (dependence aside).
    const covered = eight!.parameters.reduce((a, p) => a + p.coverage * p.n, 0);
    const n = eight!.parameters.reduce((a, p) => a + p.n, 0);
    expect(n).toBe(360);
    expect(covered / n).toBeGreaterThanOrEqual(0.88);
    expect(covered / n).toBeLessThanOrEqual(0.99);
    expect(eight!.converged).toBeGreaterThanOrEqual(0.95);
  });
});

describe("model recovery (4 people per variant × 6 weeks, seed 4)", () => {
  it("picks the generating variant for the no-threat people and more often than chance overall", () => {
    const r = modelRecovery({ peoplePerVariant: 4, weeks: 6, seed: 4 });
    const noThreat = r.variants.indexOf("noThreat");
    expect(r.confusion[noThreat]![noThreat]).toBeGreaterThanOrEqual(3);
    expect(r.accuracy).toBeGreaterThan(1 / r.variants.length);
  });
});
