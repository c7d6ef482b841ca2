import { describe, expect, it } from "vitest";
import { seededRng } from "../model/rng.ts";
import { REVERSAL_3ARM, type ReversalData } from "../tasks/reversal.ts";
import { foldsByLabel } from "./cross-validation.ts";
import { pearson } from "./recovery.ts";
import {
  fitRstd,
  phiApprox,
  reversalCurve,
  rstdCrossValidate,
  rstdLogLik,
  rstdParameters,
  rstdPpc,
  simulateRstd,
} from "./rstd.ts";

/** The task's structure: 6 blocks of 15, the best arm moving to another arm each block. */
function design(id: string, seed: number): ReversalData {
  const rng = seededRng(seed);
  const n = REVERSAL_3ARM.blocks * REVERSAL_3ARM.trialsPerBlock;
  const best = new Uint8Array(n);
  const block = new Uint16Array(n);
  let b = Math.floor(rng.uniform() * 3);
  for (let t = 0; t < n; t++) {
    if (t > 0 && t % REVERSAL_3ARM.trialsPerBlock === 0) b = (b + 1 + Math.floor(rng.uniform() * 2)) % 3;
    best[t] = b;
    block[t] = Math.floor(t / REVERSAL_3ARM.trialsPerBlock) + 1;
  }
  const trial = Uint16Array.from({ length: n }, (_, t) => t + 1);
  const empty = new Uint8Array(n);
  return { participantId: id, platform: "sim", choice: empty, outcome: empty, best, block, trial, missed: 0 };
}

/** People with β ~ U(3, 12), θ± ~ N(0, 0.8) on the probit scale (η± mostly 0.2–0.8). */
function population(n: number, seed: number) {
  const rng = seededRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const z = [(3 + 9 * rng.uniform()) / 10, 0.8 * rng.normal(), 0.8 * rng.normal()];
    const p = rstdParameters("rstd", z);
    return { z, data: simulateRstd(design(`p${i}`, seed * 1000 + i), p, rng) };
  });
}

describe("risk-sensitive TD model for the three-arm reversal task (Niv et al. 2012; Zorowitz et al. 2023)", () => {
  it("gives log(1/3) per choice at β = 0 and uses Stan's Phi_approx", () => {
    const d = population(1, 3)[0]!.data;
    expect(rstdLogLik(d, { inverseTemperature: 0, learningRatePos: 0.5, learningRateNeg: 0.5 })).toBeCloseTo(
      90 * Math.log(1 / 3),
      10,
    );
    expect(phiApprox(0)).toBe(0.5);
    expect(phiApprox(1.96)).toBeCloseTo(0.975, 2);
  });

  it("splits the log-likelihood exactly across block folds (held-out trials still update the values)", () => {
    const d = population(1, 4)[0]!.data;
    const p = { inverseTemperature: 6, learningRatePos: 0.6, learningRateNeg: 0.3 };
    const parts = foldsByLabel(d.block).reduce((a, f) => a + rstdLogLik(d, p, f.test), 0);
    expect(parts).toBeCloseTo(rstdLogLik(d, p), 9);
    expect(foldsByLabel(d.block)).toHaveLength(6);
  });

  it("recovers β and the two learning rates from 150 simulated people at the task's 90 trials", () => {
    const people = population(150, 11);
    const fit = fitRstd(people.map((p) => p.data));
    const r = (k: number) =>
      pearson(
        people.map((p) => p.z[k]!),
        fit.participants.map((f) => f.z[k]!),
      );
    // Measured with seed 11: r(β) 0.64, r(θ+) 0.69, r(θ−) 0.91 (on the transformed scale), 150 of 150
    // converged; 90 trials with 80/20 rewards carry little about β beyond the learning rates.
    expect(r(0)).toBeGreaterThan(0.5);
    expect(r(1)).toBeGreaterThan(0.55);
    expect(r(2)).toBeGreaterThan(0.8);
    expect(fit.participants.filter((p) => p.converged).length).toBeGreaterThanOrEqual(145);
  });

  it("simulates a fitted population whose learning curve matches the data it came from", () => {
    const people = population(120, 12);
    const data = people.map((p) => p.data);
    const fit = fitRstd(data);
    const ppc = rstdPpc(data, fit, { reps: 10, seed: 2 });
    // Simulated from the model itself, the curves differ by sampling noise only (measured 0.028).
    expect(ppc.maxCurveGap).toBeLessThan(0.06);
    const observed = reversalCurve(data);
    expect(observed[14]!).toBeGreaterThan(observed[0]!);
  });

  it("prefers one learning rate when the data have one, by held-out log-likelihood", () => {
    const rng = seededRng(13);
    const data = Array.from({ length: 60 }, (_, i) => {
      const t = 0.8 * rng.normal();
      return simulateRstd(
        design(`q${i}`, 500 + i),
        rstdParameters("rw", [0.3 + 0.9 * rng.uniform(), t]),
        rng,
      );
    });
    const two = rstdCrossValidate(data, "rstd");
    const one = rstdCrossValidate(data, "rw");
    // The extra rate only overfits the held-out blocks (measured: one rate ahead by 43.7).
    expect(one.total).toBeGreaterThan(two.total);
  });
});
