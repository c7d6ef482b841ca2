import { describe, expect, it } from "vitest";
import { meanInterval } from "../stats.ts";
import { trialTrace } from "./protocol.ts";
import { createCircuitProtocol, type PhaseInput } from "./schema.ts";
import { runAgents } from "./test-helpers.ts";

const EXPECTED = 10;
const SHIFT = 3;
const trial = { cues: [{ id: "tone", onsetStep: 1 }], rewards: [{ timeStep: EXPECTED, magnitude: 1 }] };
const probe = (name: string, outcome: PhaseInput["outcome"]): PhaseInput => ({
  name,
  trials: 1,
  trial,
  outcome,
  frozen: true,
  recordTraces: true,
});

const protocol = createCircuitProtocol({
  trialSteps: 20,
  phases: [
    { name: "training", trials: 300, trial },
    probe("omission", { kind: "omitted" }),
    probe("early", { kind: "delivered", shiftSteps: -SHIFT }),
    probe("late", { kind: "delivered", shiftSteps: SHIFT }),
  ],
});

describe("Hollerman & Schultz 1998", () => {
  it("Hollerman & Schultz 1998: omission gives a negative δ at the expected time; early delivery a burst at the early time; late delivery a dip at the expected time and a burst at the actual time", () => {
    const agents = runAgents(protocol, { learningRate: 0.15 }, 1998, (result) => ({
      omission: trialTrace(result, "omission", 0),
      early: trialTrace(result, "early", 0),
      late: trialTrace(result, "late", 0),
    }));
    for (const { omission, early, late } of agents) {
      expect(omission.indexOf(Math.min(...omission))).toBe(EXPECTED);
      expect(omission[1]!).toBeGreaterThan(0);
      expect(early.indexOf(Math.max(...early))).toBe(EXPECTED - SHIFT);
      expect(late[EXPECTED]!).toBeLessThan(0);
      expect(late.indexOf(Math.max(...late))).toBe(EXPECTED + SHIFT);
    }
    const dip = meanInterval(agents.map((a) => a.omission[EXPECTED]!));
    const earlyBurst = meanInterval(agents.map((a) => a.early[EXPECTED - SHIFT]!));
    const lateDip = meanInterval(agents.map((a) => a.late[EXPECTED]!));
    const lateBurst = meanInterval(agents.map((a) => a.late[EXPECTED + SHIFT]!));
    expect(dip.hi).toBeLessThan(-0.9);
    expect(earlyBurst.lo).toBeGreaterThan(0.9);
    expect(lateDip.hi).toBeLessThan(-0.9);
    expect(lateBurst.lo).toBeGreaterThan(0.9);
  });
});
