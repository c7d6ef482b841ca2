import { describe, expect, it } from "vitest";
import { presetDraws } from "./draws.ts";
import { choice, sampleMap, sampleRequest } from "./fixtures.ts";
import { createPlan } from "./plan.ts";
import { candidatePlans, forecastCandidate, selectPlan } from "./select.ts";

const DRAWS = 20;

describe("in-silico selection on the person's model", () => {
  it("picks scaffolding over the generic advice for a simulated depressed person", () => {
    const map = sampleMap("anticipatoryDeficit", { stressLoad: 0.35 });
    const req = sampleRequest(map, [choice("walk", 9), choice("thesis", 10, [0, 1, 2, 3, 4])]);
    const sel = selectPlan(req, presetDraws(map, DRAWS, 7), { seed: 3 });
    const best = sel.candidates.find((c) => c.id === sel.bestId)!;
    const generic = sel.candidates.find((c) => c.id === "justExercise")!;
    expect(best.interventions).toContain("scaffolding");
    expect(best.startRate.lo).toBeGreaterThan(generic.startRate.hi);
    expect(generic.differenceFromBest!.hi).toBeLessThan(-0.3);
    expect(sel.explanation).toContain("weeks 9–12");
    expect(sel.chart.series).toHaveLength(sel.candidates.length);
  });

  it("picks threat reduction for a simulated anxious person", () => {
    const map = sampleMap("threatOverride");
    const req = sampleRequest(map, [choice("group", 17, [1, 3, 5]), choice("call", 18, [0, 2, 4])]);
    const sel = selectPlan(req, presetDraws(map, DRAWS, 7), { seed: 3 });
    const best = sel.candidates.find((c) => c.id === sel.bestId)!;
    const scaffolding = sel.candidates.find((c) => c.id === "scaffolding")!;
    expect(best.interventions).toContain("threatReduction");
    expect(best.interventions).not.toContain("scaffolding");
    expect(best.startRate.mean).toBeGreaterThan(scaffolding.startRate.mean + 0.02);
    expect(scaffolding.differenceFromBest!.hi).toBeLessThan(0);
  });

  it("re-timing a walk from 09:00 to the afternoon dip changes its forecast", () => {
    const map = sampleMap("anticipatoryDeficit");
    const draws = presetDraws(map, DRAWS, 11);
    const at = (hour: number) => {
      const req = sampleRequest(map, [choice("walk", hour)]);
      return forecastCandidate(req, candidatePlans(req)[0]!, draws, { seed: 5 });
    };
    const morning = at(9);
    const dip = at(15);
    expect(morning.startRate.mean).not.toBeCloseTo(dip.startRate.mean, 3);
    expect(morning.startRate.mean).toBeGreaterThan(dip.startRate.mean);
  });

  it("ties go to the lighter plan", () => {
    const map = sampleMap("anticipatoryDeficit");
    const req = sampleRequest(map, [choice("walk", 9)]);
    const sel = selectPlan(req, presetDraws(map, 4, 1), { seed: 1, weeks: 12, tieTolerance: 1 });
    expect(sel.bestId).toBe("none");
  });

  it("same seed, same plan", () => {
    const map = sampleMap("anticipatoryDeficit");
    const req = sampleRequest(map, [choice("walk", 9)]);
    const a = createPlan(req, presetDraws(map, 5, 2), { seed: 9, weeks: 12 });
    const b = createPlan(req, presetDraws(map, 5, 2), { seed: 9, weeks: 12 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = createPlan(req, presetDraws(map, 5, 2), { seed: 10, weeks: 12 });
    expect(JSON.stringify(c.selection)).not.toBe(JSON.stringify(a.selection));
  });

  it("names the option when there are no draws to select over", () => {
    const req = sampleRequest(sampleMap("anticipatoryDeficit"), [choice("walk", 9)]);
    expect(() => selectPlan(req, [])).toThrow("draws: at least one posterior draw is needed");
  });
});
