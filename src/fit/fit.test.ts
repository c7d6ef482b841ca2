import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { seededRng } from "../model/rng.ts";
import { posteriorDraws } from "./draws.ts";
import { compareVariants, fitReplay, latentByDay, R_HAT_LIMIT } from "./fit.ts";
import { laplace } from "./laplace.ts";
import { nelderMead } from "./optimize.ts";
import { FITTED_NAMES, MODEL_VARIANTS, NOT_IDENTIFIED } from "./parameters.ts";
import {
  drawTrueParameters,
  modelRecovery,
  parameterRecovery,
  type RecoveryByWeeks,
  recoveryEnvironment,
  simulatedLogs,
} from "./recovery.ts";
import { replayLogLik } from "./replay.ts";

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

  it("ranks model variants by AIC (default) or BIC with weights that sum to one", () => {
    const { data } = person(6);
    const cmp = compareVariants(data, { starts: 1 });
    expect(cmp.criterion).toBe("aic");
    expect(cmp.scores.map((s) => s.variant)).toEqual(MODEL_VARIANTS.map((v) => v.id));
    expect(cmp.scores.reduce((a, s) => a + s.weight, 0)).toBeCloseTo(1, 9);
    const best = cmp.scores.find((s) => s.variant === cmp.best)!;
    expect(best.aic).toBe(Math.min(...cmp.scores.map((s) => s.aic)));
    const bic = compareVariants(data, { starts: 1, criterion: "bic" });
    expect(bic.scores.find((s) => s.variant === bic.best)!.bic).toBe(
      Math.min(...bic.scores.map((s) => s.bic)),
    );
  });

  it("gives MCMC posterior-quantile intervals with converged chains, and draws forecasts from them", () => {
    const { data } = person(8);
    const laplaceFit = fitReplay(data);
    const fit = fitReplay(data, { uncertainty: "mcmc", mcmc: { rng: seededRng(6) } });
    expect(fit.uncertaintyMethod).toBe("mcmc");
    expect(fit.sampler!.maxRHat).toBeLessThanOrEqual(R_HAT_LIMIT);
    expect(fit.sampler!.minEss).toBeGreaterThan(100);
    expect(fit.converged).toBe(true);
    fit.parameters.forEach((p, i) => {
      const l = laplaceFit.parameters[i]!;
      expect(p.lo).toBeLessThan(p.hi);
      // Same data, same mode: the two intervals overlap.
      expect(p.lo).toBeLessThan(l.hi);
      expect(p.hi).toBeGreaterThan(l.lo);
    });
    const chainKappa = new Set<number>();
    const k = fit.parameters.length;
    for (let r = 0; r < fit.posterior.draws!.length / k; r++)
      chainKappa.add(Math.exp(fit.posterior.draws![r * k]!));
    for (const d of posteriorDraws(fit, 20, seededRng(7)))
      expect(chainKappa.has(d.anticipatoryGain)).toBe(true);
  });

  it("holds the learning rates at their defaults: a fixed-schedule log's likelihood does not depend on them", () => {
    expect(FITTED_NAMES).not.toContain("learningRatePos");
    expect(Object.keys(NOT_IDENTIFIED)).toEqual(["learningRatePos", "learningRateNeg"]);
    const { truth, data } = person(12);
    const at = (a: number) => replayLogLik({ ...truth, learningRatePos: a, learningRateNeg: a }, data);
    expect(at(0.01)).toBe(at(0.9));
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

  it("recovers anticipatory gain and threat gain with r ≥ 0.8, and effort cost with r ≥ 0.7", () => {
    for (const name of ["anticipatoryGain", "threatGain"]) expect(get(name).r).toBeGreaterThanOrEqual(0.8);
    // The r ≥ 0.8 is a 200-person criterion (measured there: effort cost 0.87). With 40 people
    // the sample r has a Fisher-z sd of 0.16: at a population r of 0.87 it falls below 0.7 with
    // probability 0.002 (this seed gives 0.79), so 0.7 is the stated interval for this size.
    expect(get("effortCost").r).toBeGreaterThanOrEqual(0.7);
  });

  it("covers the truth with the 95 % Laplace intervals in 88–99 % of the 280 person-parameters pooled", () => {
    // 40 people per parameter is too few to pin each coverage to 90–98 %; pooled over the seven
    // parameters a calibrated 95 % interval lands in 0.88..0.99 with probability > 0.99 (dependence aside).
    expect(eight!.method).toBe("laplace");
    const covered = eight!.parameters.reduce((a, p) => a + p.coverage * p.n, 0);
    const n = eight!.parameters.reduce((a, p) => a + p.n, 0);
    expect(n).toBe(280);
    expect(covered / n).toBeGreaterThanOrEqual(0.88);
    expect(covered / n).toBeLessThanOrEqual(0.99);
    expect(eight!.converged).toBeGreaterThanOrEqual(0.95);
  });
});

describe("parameter recovery with MCMC intervals (CI-sized: 24 people × 8 weeks, seed 5)", () => {
  let eight: RecoveryByWeeks | undefined;
  beforeAll(() => {
    [eight] = parameterRecovery({ people: 24, weeks: [8], seed: 5, fit: { starts: 1, uncertainty: "mcmc" } });
  }, 600_000);

  it("covers the truth with the posterior-quantile intervals in 88–99 % of the 168 person-parameters pooled", () => {
    // Binomial(168, 0.95) has sd 1.7 points: 0.88..0.99 holds a calibrated interval with probability > 0.99.
    expect(eight!.method).toBe("mcmc");
    const covered = eight!.parameters.reduce((a, p) => a + p.coverage * p.n, 0);
    const n = eight!.parameters.reduce((a, p) => a + p.n, 0);
    expect(n).toBe(168);
    expect(covered / n).toBeGreaterThanOrEqual(0.88);
    expect(covered / n).toBeLessThanOrEqual(0.99);
    // R̂ ≤ 1.05 in most people (86 % in the 200-person study).
    expect(eight!.converged).toBeGreaterThanOrEqual(0.7);
    expect(eight!.notIdentified.map((x) => x.name)).toEqual(["learningRatePos", "learningRateNeg"]);
  });
});

describe("model recovery (4 people per variant × 6 weeks, seed 4)", () => {
  it("picks the generating variant for the no-threat people and more often than chance overall, by AIC and BIC", () => {
    const r = modelRecovery({ peoplePerVariant: 4, weeks: 6, seed: 4 });
    expect(r.criterion).toBe("aic");
    const noThreat = r.variants.indexOf("noThreat");
    for (const c of ["aic", "bic"] as const) {
      expect(r.byCriterion[c].confusion[noThreat]![noThreat]).toBeGreaterThanOrEqual(3);
      expect(r.byCriterion[c].accuracy).toBeGreaterThan(1 / r.variants.length);
    }
    expect(r.confusion).toEqual(r.byCriterion.aic.confusion);
  });
});
