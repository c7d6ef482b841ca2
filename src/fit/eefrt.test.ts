import { describe, expect, it } from "vitest";
import { DEFAULT_TASK_PERSON, type EefrtTrial, eefrtData, simulateTaskStudy } from "../tasks/index.ts";
import { fitEefrt } from "./eefrt.ts";
import { taskRecovery } from "./task-recovery.ts";

describe("EEfRT fit (Treadway lab SV model, MAP + Laplace)", () => {
  it("recovers effort cost k on 100 simulated participants × 50 trials (seed 7)", () => {
    const r = taskRecovery({ task: "eefrt", participants: 100, seed: 7 });
    const by = Object.fromEntries(r.parameters.map((p) => [p.name, p]));
    // Measured with seed 7: r(k) = 0.95, r(h) = 0.70, r(T) = 0.67; intervals cover k, h and T for
    // 92, 95 and 85 of 100.
    expect(r.trialsPerParticipant).toBe(50);
    expect(r.converged).toBeGreaterThanOrEqual(0.95);
    expect(by.effortCost!.r).toBeGreaterThanOrEqual(0.8);
    expect(by.probabilityWeighting!.r).toBeGreaterThanOrEqual(0.5);
    expect(by.inverseTemperature!.r).toBeGreaterThanOrEqual(0.5);
    // 95 % intervals on 100 people: 85..100 covered holds with probability > 0.99 when calibrated.
    expect(by.effortCost!.coverage).toBeGreaterThanOrEqual(0.85);
  }, 120_000);

  it("puts a group with twice the effort cost higher, with fewer hard choices", () => {
    const study = (effortCost: number) =>
      fitEefrt(
        eefrtData(
          simulateTaskStudy({
            task: "eefrt",
            participants: 20,
            seed: 3,
            centre: { ...DEFAULT_TASK_PERSON, effortCost },
          }).trials as EefrtTrial[],
        ),
        { empiricalBayes: false },
      ).participants;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const low = study(1);
    const high = study(2);
    expect(mean(high.map((p) => Math.log(p.effortCost.estimate)))).toBeGreaterThan(
      mean(low.map((p) => Math.log(p.effortCost.estimate))) + 0.4,
    );
    expect(mean(high.map((p) => p.summary.hard))).toBeLessThan(mean(low.map((p) => p.summary.hard)));
    // P(hard) rises with probability (Treadway et al. 2009; research/models.md F5).
    const byP = low.map((p) => p.summary.byProbability.map((b) => b.hard));
    expect(mean(byP.map((x) => x[2]!))).toBeGreaterThan(mean(byP.map((x) => x[0]!)));
  }, 60_000);

  it("keeps an all-easy chooser finite: the prior bounds k and the interval is wide", () => {
    const n = 30;
    const d = {
      participantId: "x",
      probability: Float64Array.from({ length: n }, (_, i) => [0.12, 0.5, 0.88][i % 3]!),
      easyReward: new Float64Array(n).fill(1),
      hardReward: Float64Array.from({ length: n }, (_, i) => 1.24 + (i * 3) / n),
      choseHard: new Uint8Array(n),
    };
    const f = fitEefrt([d]).participants[0]!;
    expect(Number.isFinite(f.effortCost.estimate)).toBe(true);
    expect(f.effortCost.estimate).toBeGreaterThan(1.5);
    expect(f.summary.hard).toBe(0);
  });
});
