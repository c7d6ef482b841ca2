import { describe, expect, it } from "vitest";
import { seededRng } from "../model/rng.ts";
import type { PrtData } from "../tasks/prt.ts";
import {
  drawRewards,
  fitPrtLatent,
  PRT_PUBLISHED_SCHEDULE,
  prtLatentCrossValidate,
  prtLatentPpc,
  simulatePrtLatent,
} from "./prt-latent.ts";
import { pearson } from "./recovery.ts";

/** The published structure: 3 blocks of 100, rich and lean shown equally often in random order. */
function structure(id: string, seed: number): PrtData {
  const rng = seededRng(seed);
  const stim: number[] = [];
  for (let b = 0; b < 3; b++) {
    const block = [...Array(50).fill(0), ...Array(50).fill(1)];
    for (let i = block.length - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      [block[i], block[j]] = [block[j]!, block[i]!];
    }
    stim.push(...block);
  }
  return {
    participantId: id,
    stimulus: Uint8Array.from(stim),
    response: Uint8Array.from(stim),
    rewarded: new Uint8Array(300),
    block: Uint16Array.from({ length: 300 }, (_, t) => 1 + Math.floor(t / 100)),
    rtMs: new Float64Array(300).fill(600),
  };
}

describe("Huys et al. 2013 PRT model with latent rewards under the published schedule", () => {
  it("pays 30 rich and 10 lean rewards per block of 100 when every response is correct, and only for correct responses", () => {
    const d = structure("a", 1);
    const r = drawRewards(d, d.stimulus, PRT_PUBLISHED_SCHEDULE, seededRng(2));
    for (const b of [1, 2, 3])
      for (const [s, n] of [
        [0, 30],
        [1, 10],
      ] as const) {
        let k = 0;
        for (let t = 0; t < 300; t++) if (d.block[t] === b && d.stimulus[t] === s) k += r[t]!;
        expect(k).toBe(n);
      }
    const wrong = Uint8Array.from(d.stimulus, (s, t) => (t % 3 === 0 ? 1 - s : s));
    const r2 = drawRewards(d, wrong, PRT_PUBLISHED_SCHEDULE, seededRng(3));
    expect(r2.every((x, t) => x === 0 || wrong[t] === d.stimulus[t])).toBe(true);
    // A missed flag waits for the next correct response, so few rewards are lost.
    expect(r2.reduce((a, x) => a + x, 0)).toBeGreaterThan(110);
  });

  it("recovers reward sensitivity from 40 simulated people whose rewards are then hidden", () => {
    const rng = seededRng(31);
    const truth = Array.from({ length: 40 }, () => ({
      rewardSensitivity: Math.exp(0.5 * rng.normal()),
      learningRate: 0.1,
      instructionSensitivity: 1.2,
    }));
    const hidden = truth.map((p, i) => {
      const s = simulatePrtLatent(structure(`p${i}`, 100 + i), p, PRT_PUBLISHED_SCHEDULE, rng);
      return { ...s, rewarded: new Uint8Array(s.rewarded.length) };
    });
    const fit = fitPrtLatent(hidden, { draws: 16 });
    const r = pearson(
      truth.map((p) => Math.log(p.rewardSensitivity)),
      fit.participants.map((f) => Math.log(f.rewardSensitivity.estimate)),
    );
    // Measured with seed 31: r 0.52 (hidden rewards cost information: 300 trials with the rewards
    // known give about 0.7, README "Behavioural tasks").
    expect(r).toBeGreaterThan(0.35);
    const ppc = prtLatentPpc(hidden, fit, { reps: 10 });
    // Measured: largest block gap 0.012, r across people 0.78.
    expect(ppc.maxBlockGap).toBeLessThan(0.05);
    expect(ppc.personR).toBeGreaterThan(0.5);
  });

  it("prefers learning to a static bias, by held-out blocks, when the people learn", () => {
    const rng = seededRng(32);
    const people = Array.from({ length: 16 }, (_, i) =>
      simulatePrtLatent(
        structure(`q${i}`, 200 + i),
        { rewardSensitivity: 1.5, learningRate: 0.05, instructionSensitivity: 1.2 },
        PRT_PUBLISHED_SCHEDULE,
        rng,
      ),
    );
    const huys = prtLatentCrossValidate(people, "huys", { draws: 16 });
    const flat = prtLatentCrossValidate(people, "static", { draws: 16 });
    // Measured with seed 32: learning ahead by 22.0.
    expect(huys.total).toBeGreaterThan(flat.total);
  });
});
