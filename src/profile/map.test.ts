import { describe, expect, it } from "vitest";
import type { PersonLog } from "../model/records/schema.ts";
import { buildMap, FRAMEWORK, PATTERN_IDS } from "./map.ts";
import { priorMeansFromScreening } from "./priors.ts";
import { STATEMENTS, statesUnsourcedFigure } from "./statements.ts";

const walkLog = (): PersonLog => {
  const checkIns = Array.from({ length: 14 }, (_, i) => ({
    id: `c${i}`,
    activityId: "walk",
    localDate: `2026-03-${String(i + 1).padStart(2, "0")}`,
    localHour: 9,
    at: `2026-03-${String(i + 1).padStart(2, "0")}T08:00:00Z`,
    plannedMin: 30,
    scaffolding: { environmentCue: false, commitment: false, microDose: false },
    anticipated: 3,
    started: i < 3,
    minutesDone: i < 3 ? 30 : 0,
    experienced: i < 3 ? 7 : null,
    worry: null,
    mood: null,
    sleepTime: null,
    wakeTime: null,
  }));
  return {
    version: 1,
    activities: [
      {
        id: "walk",
        name: "walks",
        kind: "movement",
        importance: 0.6,
        novelty: 0.2,
        effort: 0.5,
        threat: 0,
        urge: false,
        durationMin: 30,
      },
    ],
    checkIns,
    urges: [],
    closedDays: [],
  };
};

describe("the architecture map", () => {
  it("names the primary pattern with the framework row and a why in the person's own numbers", () => {
    const map = buildMap({
      log: walkLog(),
      parameters: [
        { name: "anticipatoryGain", estimate: 0.35, lo: 0.28, hi: 0.44 },
        { name: "threatGain", estimate: 0.12, lo: 0.05, hi: 0.3 },
        { name: "noveltyCoupling", estimate: 0.2, lo: 0.1, hi: 0.35 },
        { name: "chronotypePeak", estimate: 8.5, lo: 7, hi: 10 },
      ],
    });
    expect(map.status).toBe("ok");
    expect(map.primary?.pattern).toBe("anticipatoryDeficit");
    expect(map.primary?.row).toEqual(FRAMEWORK.anticipatoryDeficit);
    expect(map.primary?.why[0]).toBe(
      "You started 3 of 14 planned times for “walks”; when you did, you rated it 7 on average, having expected 3.",
    );
    expect(map.primary?.why[1]).toContain("anticipatory gain (κ) is 0.35 [0.28, 0.44]");
    const a = map.patterns.find((p) => p.pattern === "anticipatoryDeficit")!;
    expect(a.lo).toBeLessThanOrEqual(a.estimate!);
    expect(a.hi).toBeGreaterThanOrEqual(a.estimate!);
    expect(map.chronotypePeak.enoughData).toBe(true);
  });

  it("says not enough data yet when nothing is known, and never picks a pattern from wide intervals", () => {
    const empty = buildMap({});
    expect(empty.status).toBe("notEnoughData");
    expect(empty.primary).toBeNull();
    expect(empty.patterns.map((p) => p.pattern)).toEqual(PATTERN_IDS);
    const wide = buildMap({ parameters: [{ name: "anticipatoryGain", estimate: 0.4, lo: 0.05, hi: 2.5 }] });
    expect(wide.primary).toBeNull();
  });

  it("uses screening scores alone when there is no fit, with coarse intervals", () => {
    const m = buildMap({ screening: { gad7: 18, pss10: 30 } });
    expect(m.primary?.pattern).toBe("threatOverride");
    expect(m.stressLoad.estimate).toBeCloseTo(0.75, 9);
    expect(m.disclaimer).toMatch(/not a diagnosis/);
  });

  it("turns screening scores into fit priors within the parameter ranges", () => {
    const p = priorMeansFromScreening({ phq9: 27, gad7: 21, asrsPartA: 6, midSleepHour: 21 });
    expect(p.anticipatoryGain).toBeCloseTo(0.4, 9);
    expect(p.threatGain).toBeCloseTo(1, 9);
    expect(p.noveltyCoupling).toBeLessThanOrEqual(0.8);
    expect(p.chronotypePeak).toBe(2);
  });
});

describe("statements", () => {
  it("never state the article's unsourced figures (60 %, 85 %, 80 %, 37 %) as facts", () => {
    expect(STATEMENTS.filter(statesUnsourcedFigure).map((s) => s.id)).toEqual([]);
    const mentions = STATEMENTS.filter((s) => /\b(60|85|80|37)\s?%/.test(s.text));
    expect(mentions.length).toBeGreaterThanOrEqual(4);
    for (const s of mentions) expect(s.grade).toBe("article");
  });

  it("flags a figure stated as fact", () => {
    expect(
      statesUnsourcedFigure({
        id: "x",
        text: "Anhedonia occurs in 37% of depression.",
        source: "",
        grade: "supported",
      }),
    ).toBe(true);
  });

  it("every statement shown on a map carries a source and a grade", () => {
    for (const screening of [
      {},
      { phq9: 20 },
      { gad7: 20 },
      { asrsPartA: 6 },
      { auditC: 12 },
      { compulsiveUse: 10 },
    ]) {
      const m = buildMap({ screening });
      expect(m.statements.length).toBeGreaterThan(0);
      for (const s of m.statements) {
        expect(["established", "supported", "contested", "article"]).toContain(s.grade);
        expect(s.source.length).toBeGreaterThan(0);
      }
    }
  });
});
