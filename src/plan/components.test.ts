import { describe, expect, it } from "vitest";
import { choice, sampleMap, sampleRequest } from "./fixtures.ts";
import { planComponents } from "./plan.ts";

const kinds = (xs: readonly { kind: string }[]) => xs.map((x) => x.kind);

describe("each pattern yields its matched components", () => {
  it("anticipatory deficit: cue from the kind's library, commitment, 5-minute micro-dose, progression rule", () => {
    const p = planComponents(sampleRequest(sampleMap("anticipatoryDeficit"), [choice("walk", 9)]));
    const walk = p.activities[0]!;
    expect(kinds(walk.components)).toEqual(
      expect.arrayContaining(["environmentCue", "commitment", "microDose", "progression"]),
    );
    expect(walk.components.find((c) => c.kind === "environmentCue")!.text).toMatch(/shoes|clothes|key/);
    expect(walk.components.find((c) => c.kind === "microDose")!.text).toContain("5 minutes");
    expect(walk.progression).toEqual({
      startMin: 5,
      stepMin: 5,
      afterStarts: 3,
      backAfterMisses: 2,
      maxMin: 30,
    });
    expect(walk.components[0]!.rationale.grade).toBe("article");
  });

  it("threat override: a graded approach ladder from a small safe step to the full activity", () => {
    const p = planComponents(sampleRequest(sampleMap("threatOverride"), [choice("group", 17, [1, 3])]));
    const ladder = p.activities[0]!.components.find((c) => c.kind === "approachLadder")!;
    expect(ladder.steps).toHaveLength(5);
    expect(ladder.steps![4]).toContain("45 minutes");
    expect(ladder.rationale.grade).toBe("established");
  });

  it("calibration: novelty and immediate reward for an important routine task", () => {
    const p = planComponents(sampleRequest(sampleMap("calibration"), [choice("thesis", 9)]));
    expect(kinds(p.activities[0]!.components)).toContain("noveltyPairing");
  });

  it("receptor downregulation: natural-reward schedule and abstinence support naming a doctor first", () => {
    const p = planComponents(sampleRequest(sampleMap("receptorDownregulation"), [choice("walk", 15)]));
    const abst = p.general.find((c) => c.kind === "abstinenceSupport")!;
    expect(abst.text).toMatch(/doctor/i);
    expect(abst.text).toMatch(/alcohol or benzodiazepines abruptly can be dangerous/);
    expect(kinds(p.general)).toContain("naturalRewardSchedule");
    const onDrug = planComponents(sampleRequest(sampleMap("receptorDownregulation"), [choice("wine", 20)]));
    expect(onDrug.activities[0]!.components[0]!.steps![0]).toMatch(/doctor/);
  });

  it("prediction-error loop: cue removal and an end to the variable schedule, expecting slow extinction", () => {
    const p = planComponents(sampleRequest(sampleMap("predictionErrorLoop"), [choice("feed", 20)]));
    const cs = p.activities[0]!.components;
    expect(kinds(cs)).toEqual(["cueRemoval", "endVariableSchedule"]);
    expect(cs[1]!.text).toMatch(/slowly/);
  });

  it("high stress adds stress reduction; low stress does not", () => {
    const hi = planComponents(
      sampleRequest(sampleMap("anticipatoryDeficit", { stressLoad: 0.6 }), [choice("walk", 9)]),
    );
    const lo = planComponents(
      sampleRequest(sampleMap("anticipatoryDeficit", { stressLoad: 0.1 }), [choice("walk", 9)]),
    );
    expect(kinds(hi.general)).toContain("stressReduction");
    expect(kinds(lo.general)).not.toContain("stressReduction");
  });

  it("timing from the person's own peak: work at the peak, a movement break in the dip", () => {
    const p = planComponents(
      sampleRequest(sampleMap("anticipatoryDeficit", { chronotypePeak: 11 }), [
        choice("thesis", 15),
        choice("walk", 9),
      ]),
    );
    expect(p.activities[0]!.suggestedHour).toBe(11);
    expect(p.activities[0]!.timingReason).toContain("your peak ≈ 11:00");
    expect(p.activities[1]!.suggestedHour).toBe(9);
    expect(p.general.find((c) => c.kind === "movementBreak")!.text).toContain("around 17:00");
  });

  it("secondary patterns add components after the primary ones, at most two", () => {
    const map = sampleMap("anticipatoryDeficit", {
      strengths: {
        anticipatoryDeficit: { mean: 0.8, lo: 0.6, hi: 0.9 },
        threatOverride: { mean: 0.6, lo: 0.4, hi: 0.8 },
        calibration: { mean: 0.55, lo: 0.3, hi: 0.7 },
        predictionErrorLoop: { mean: 0.52, lo: 0.3, hi: 0.7 },
      },
    });
    const p = planComponents(sampleRequest(map, [choice("group", 17)]));
    expect(p.secondary).toEqual(["threatOverride", "calibration"]);
    const cs = p.activities[0]!.components;
    expect(cs.slice(0, 4).every((c) => c.primary && c.pattern === "anticipatoryDeficit")).toBe(true);
    expect(cs.findIndex((c) => c.kind === "approachLadder")).toBeGreaterThan(3);
  });

  it("severe screening puts professional help at the top", () => {
    const p = planComponents(
      sampleRequest(
        sampleMap("anticipatoryDeficit", {
          professionalHelp: true,
          professionalHelpReason: "PHQ-9 total 22",
        }),
        [choice("walk", 9)],
      ),
    );
    expect(p.general[0]!.kind).toBe("professionalHelp");
    expect(p.general[0]!.text).toContain("PHQ-9 total 22");
  });

  it("states none of the article's unsourced figures and never shames", () => {
    const text = JSON.stringify(
      [
        "anticipatoryDeficit",
        "threatOverride",
        "calibration",
        "receptorDownregulation",
        "predictionErrorLoop",
      ].map((p) =>
        planComponents(sampleRequest(sampleMap(p as "calibration"), [choice("walk", 9), choice("feed", 20)])),
      ),
    );
    for (const figure of ["60 %", "85 %", "80 %", "37 %", "60%", "85%", "80%", "37%"])
      expect(text).not.toContain(figure);
    expect(text).not.toMatch(/\bfail/i);
  });
});
