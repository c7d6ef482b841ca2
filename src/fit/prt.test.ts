import { describe, expect, it } from "vitest";
import { independentDifference } from "../model/stats.ts";
import {
  DEFAULT_TASK_PERSON,
  type PrtTrial,
  prtData,
  prtSummary,
  simulateTaskStudy,
} from "../tasks/index.ts";
import { fitPrt } from "./prt.ts";
import { logit } from "./task-fit.ts";
import { taskRecovery } from "./task-recovery.ts";

describe("PRT fit (Huys et al. 2013: reward sensitivity ρ and learning rate ε)", () => {
  it("recovers ρ, ε and γ on 100 simulated participants × 300 trials (seed 7), with little cross-talk", () => {
    const r = taskRecovery({ task: "prt", participants: 100, seed: 7 });
    const by = Object.fromEntries(r.parameters.map((p) => [p.name, p]));
    // Measured with seed 7: r(ρ) = 0.76, r(ε) = 0.55, r(γ) = 0.85; cross-talk |r| ≤ 0.05;
    // 95 % intervals cover ρ, ε and γ for 95, 95 and 96 of 100.
    // The standard 300 trials limit ρ: with only ρ varying, r is 0.69 at 300 trials and 0.95 at
    // 3,000, so the threshold for ρ is 0.7 rather than 0.8.
    expect(r.trialsPerParticipant).toBe(300);
    expect(r.converged).toBeGreaterThanOrEqual(0.95);
    expect(by.rewardSensitivity!.r).toBeGreaterThanOrEqual(0.7);
    expect(by.learningRate!.r).toBeGreaterThanOrEqual(0.45);
    expect(by.instructionSensitivity!.r).toBeGreaterThanOrEqual(0.8);
    expect(Math.abs(r.crossTalk!.rhoHatEpsTrue)).toBeLessThan(0.25);
    expect(Math.abs(r.crossTalk!.epsHatRhoTrue)).toBeLessThan(0.25);
    expect(by.rewardSensitivity!.coverage).toBeGreaterThanOrEqual(0.8);
  }, 180_000);

  it("tells a low-ρ group from a low-ε group (research/models.md F4)", () => {
    // 50 people each: reference, half the reward sensitivity, learning rate 0.05 instead of 0.2;
    // fitted together (one empirical prior, blind to the groups).
    const groups = {
      ref: DEFAULT_TASK_PERSON,
      lowRho: { ...DEFAULT_TASK_PERSON, rewardSensitivity: 0.5 },
      lowEps: { ...DEFAULT_TASK_PERSON, learningRate: 0.05 },
    };
    const trials: PrtTrial[] = [];
    for (const [g, centre] of Object.entries(groups))
      for (const t of simulateTaskStudy({ task: "prt", participants: 50, seed: 21, centre })
        .trials as PrtTrial[])
        trials.push({ ...t, participantId: `${g}-${t.participantId}` });
    const fit = fitPrt(prtData(trials)).participants;
    const of = (g: string, f: (p: (typeof fit)[number]) => number) =>
      fit.filter((p) => p.participantId.startsWith(`${g}-`)).map(f);
    const rho = (p: (typeof fit)[number]) => Math.log(p.rewardSensitivity.estimate);
    const eps = (p: (typeof fit)[number]) => logit(p.learningRate.estimate);
    // Measured: low ρ: Δlog ρ −0.31 [−0.44, −0.18], Δlogit ε −0.14 [−0.49, 0.21];
    // low ε: Δlog ρ −0.08 [−0.22, 0.06], Δlogit ε −0.56 [−0.89, −0.23].
    const lowRho = {
      rho: independentDifference(of("lowRho", rho), of("ref", rho)),
      eps: independentDifference(of("lowRho", eps), of("ref", eps)),
    };
    const lowEps = {
      rho: independentDifference(of("lowEps", rho), of("ref", rho)),
      eps: independentDifference(of("lowEps", eps), of("ref", eps)),
    };
    expect(lowRho.rho.hi).toBeLessThan(0);
    expect(lowRho.eps.lo).toBeLessThan(0);
    expect(lowRho.eps.hi).toBeGreaterThan(0);
    expect(lowEps.eps.hi).toBeLessThan(0);
    expect(lowEps.rho.lo).toBeLessThan(0);
    expect(lowEps.rho.hi).toBeGreaterThan(0);
  }, 180_000);

  it("reports log b and log d per block, the bias towards the rich mouth positive in every block", () => {
    const sim = simulateTaskStudy({ task: "prt", participants: 40, seed: 5 });
    const blocks = prtData(sim.trials as PrtTrial[]).map(prtSummary);
    const mean = (b: number) =>
      blocks.reduce((a, p) => a + p.find((x) => x.block === b)!.logB, 0) / blocks.length;
    // Measured on 40 default people (seed 5): mean log b 0.17, 0.21, 0.18 in blocks 1–3 (the default
    // learning rate 0.2 learns the bias within the first block); 0.15–0.25 is usual in healthy adults.
    for (const b of [1, 2, 3]) expect(mean(b)).toBeGreaterThan(0.08);
    expect(blocks[0]!.map((b) => b.block)).toEqual([1, 2, 3, 0]);
  });
});
