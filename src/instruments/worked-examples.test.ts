import { describe, expect, it } from "vitest";
import { instrument, scoreById, scoreList } from "./test-helpers.ts";

/** Published worked examples (shared/research/instruments.md §2), boundaries included. */

describe("PHQ-9", () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, "minimal", 0],
    [[1, 1, 2, 1, 0, 1, 1, 0, 1], 8, "mild", 2],
    [[3, 3, 2, 3, 2, 3, 2, 2, 0], 20, "severe", 6],
    [[2, 2, 2, 2, 2, 2, 1, 1, 0], 14, "moderate", 4],
  ])("%j → total %i, %s, PHQ-2 %i", (values, total, band, phq2) => {
    const r = scoreList("phq9", values);
    expect(r.complete).toBe(true);
    expect(r.total?.value).toBe(total);
    expect(r.band?.label).toBe(band);
    expect(r.band?.source).toContain("Kroenke");
    expect(scoreById(r, "phq2").value).toBe(phq2);
  });

  it.each([
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [15, "moderately severe"],
    [19, "moderately severe"],
    [20, "severe"],
    [27, "severe"],
  ])("band boundary: total %i is %s", (total, band) => {
    const values = Array.from({ length: 9 }, (_, i) => Math.min(3, Math.max(0, total - 3 * i)));
    const r = scoreList("phq9", values);
    expect(r.total?.value).toBe(total);
    expect(r.band?.label).toBe(band);
    expect(r.total?.cutoffs.find((c) => c.id === "screen_positive")?.met).toBe(total >= 10);
  });

  it("weights the answers 0, 1, 2, 3 (not an imported 4 for 'Nearly every day')", () => {
    const options = instrument("phq9").optionSets.frequency;
    expect(options?.map((o) => [o.text, o.value, o.loinc])).toEqual([
      ["Not at all", 0, "LA6568-5"],
      ["Several days", 1, "LA6569-3"],
      ["More than half the days", 2, "LA6570-1"],
      ["Nearly every day", 3, "LA6571-9"],
    ]);
    expect(scoreList("phq9", Array(9).fill(3)).total?.value).toBe(27);
  });

  it("carries LOINC codes for the panel, the items (item 9 = 44260-8) and the total", () => {
    const def = instrument("phq9");
    expect(def.loinc).toBe("44249-1");
    expect(def.items.map((i) => i.loinc)).toEqual([
      "44250-9",
      "44255-8",
      "44259-0",
      "44254-1",
      "44251-7",
      "44258-2",
      "44252-5",
      "44253-3",
      "44260-8",
      "69722-7",
    ]);
    expect(def.scores[0]?.loinc).toBe("44261-6");
  });

  it("does not score item 10", () => {
    expect(scoreList("phq9", [1, 1, 1, 1, 1, 1, 1, 1, 1, 3]).total?.value).toBe(9);
  });
});

describe("PHQ-2", () => {
  it.each([
    [[1, 1], 2, "negative"],
    [[2, 1], 3, "positive"],
    [[3, 3], 6, "positive"],
  ])("%j → %i, %s", (values, total, band) => {
    const r = scoreList("phq2", values);
    expect(r.total?.value).toBe(total);
    expect(r.band?.label).toBe(band);
  });
});

describe("GAD-7", () => {
  it.each([
    [[0, 1, 0, 1, 0, 1, 0], 3, "minimal", 1],
    [[2, 2, 1, 2, 1, 1, 1], 10, "moderate", 4],
    [[3, 3, 3, 2, 2, 3, 2], 18, "severe", 6],
  ])("%j → %i, %s, GAD-2 %i", (values, total, band, gad2) => {
    const r = scoreList("gad7", values);
    expect(r.total?.value).toBe(total);
    expect(r.band?.label).toBe(band);
    expect(scoreById(r, "gad2").value).toBe(gad2);
    expect(scoreById(r, "gad2").cutoffs[0]?.met).toBe(gad2 >= 3);
  });

  it.each([
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [14, "moderate"],
    [15, "severe"],
  ])("band boundary: %i is %s", (total, band) => {
    const values = Array.from({ length: 7 }, (_, i) => Math.min(3, Math.max(0, total - 3 * i)));
    expect(scoreList("gad7", values).band?.label).toBe(band);
  });

  it('uses the exact anchors: the zero anchor is "Not at all", never "Not at all sure"', () => {
    const def = instrument("gad7");
    expect(def.optionSets.frequency?.map((o) => o.text)).toEqual([
      "Not at all",
      "Several days",
      "More than half the days",
      "Nearly every day",
    ]);
    expect(JSON.stringify(def.optionSets)).not.toContain("sure");
    expect(def.items.slice(0, 7).map((i) => i.loinc)).toEqual([
      "69725-0",
      "68509-9",
      "69733-4",
      "69734-2",
      "69735-9",
      "69689-8",
      "69736-7",
    ]);
    expect(def.scores[0]?.loinc).toBe("70274-6");
  });
});

describe("GAD-2", () => {
  it.each([
    [[0, 1], 1, "negative"],
    [[1, 2], 3, "positive"],
    [[3, 3], 6, "positive"],
  ])("%j → %i, %s", (values, total, band) => {
    const r = scoreList("gad2", values);
    expect(r.total?.value).toBe(total);
    expect(r.band?.label).toBe(band);
  });
});

describe("AUDIT-C", () => {
  it.each([
    [[1, 0, 0], 1, false, false],
    [[2, 1, 1], 4, true, true],
    [[3, 1, 2], 6, true, true],
    [[4, 3, 3], 10, true, true],
    [[1, 1, 1], 3, false, true],
  ])("%j → %i; positive for men %s, for women %s", (values, total, men, women) => {
    expect(scoreList("audit_c", values, { sex: "male" }).total?.cutoffs[0]?.met).toBe(men);
    expect(scoreList("audit_c", values, { sex: "female" }).total?.cutoffs[0]?.met).toBe(women);
    const unspecified = scoreList("audit_c", values).total;
    expect(unspecified?.value).toBe(total);
    expect(unspecified?.cutoffs[0]).toMatchObject({ threshold: 3, met: women });
  });
});

describe("ASRS Part A: shaded count, not the sum", () => {
  it.each([
    [[2, 2, 2, 3, 1, 0], 4, "positive", 10],
    [[1, 1, 2, 2, 4, 4], 3, "negative", 14],
    [[4, 3, 2, 3, 3, 3], 6, "positive", 18],
    [[2, 1, 1, 3, 3, 2], 3, "negative", 12],
  ])("%j → %i shaded (%s), sum %i", (values, shaded, result, sum) => {
    const r = scoreList("asrs", values);
    expect(r.total?.id).toBe("shaded");
    expect(r.total?.value).toBe(shaded);
    expect(r.total?.cutoffs[0]?.met).toBe(result === "positive");
    expect(scoreById(r, "sum").value).toBe(sum);
  });

  it("a higher sum with fewer shaded boxes stays negative", () => {
    const a = scoreList("asrs", [2, 2, 2, 3, 1, 0]);
    const b = scoreList("asrs", [1, 1, 2, 2, 4, 4]);
    expect(scoreById(b, "sum").value).toBeGreaterThan(scoreById(a, "sum").value ?? 0);
    expect(b.total?.cutoffs[0]?.met).toBe(false);
    expect(a.total?.cutoffs[0]?.met).toBe(true);
  });
});

describe("SHAPS: two scorings", () => {
  const [DA, A, D, SD] = [1, 2, 3, 4];
  it.each([
    ["A × 14", Array(14).fill(A), 0, 28, "within the normal range"],
    [
      "boundary",
      [DA, A, D, A, A, DA, A, D, A, A, A, A, SD, A],
      3,
      30,
      "reduced hedonic tone (above the cut-off)",
    ],
    [
      "high",
      [D, SD, D, D, A, D, SD, D, D, A, D, D, SD, D],
      12,
      43,
      "reduced hedonic tone (above the cut-off)",
    ],
  ])("%s: %j → dichotomous %i, continuous %i", (_, values, dichotomous, continuous, band) => {
    const r = scoreList("shaps", values);
    expect(r.total?.id).toBe("dichotomous");
    expect(r.total?.value).toBe(dichotomous);
    expect(r.band?.label).toBe(band);
    expect(r.total?.cutoffs[0]?.met).toBe(dichotomous > 2);
    expect(scoreById(r, "continuous").value).toBe(continuous);
    expect(scoreById(r, "continuous").range).toEqual([14, 56]);
  });
});

describe("TEPS: item 13 reversed", () => {
  it.each([
    [Array(18).fill(4), 39, 32],
    [[6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 1, 5, 6, 5, 6, 5], 54, 45],
    [[2, 5, 2, 4, 5, 2, 4, 2, 5, 2, 2, 4, 5, 5, 2, 2, 4, 2], 22, 34],
  ])("%j → ANT %i, CON %i", (values, ant, con) => {
    const r = scoreList("teps", values);
    expect(r.total).toBeNull();
    expect(scoreById(r, "anticipatory").value).toBe(ant);
    expect(scoreById(r, "consummatory").value).toBe(con);
    expect(scoreById(r, "anticipatory").higherIs).toBe("better");
  });
});

describe("DARS: higher is better", () => {
  it.each([
    [4, 68],
    [2, 34],
    [0, 0],
  ])("all %i → %i", (v, total) => {
    const r = scoreList("dars", Array(17).fill(v));
    expect(r.total?.value).toBe(total);
    expect(r.total?.higherIs).toBe("better");
  });
});

describe("PSS-10: items 4, 5, 7, 8 reversed", () => {
  it.each([
    [Array(10).fill(0), 16, "moderate"],
    [[2, 2, 3, 1, 1, 2, 1, 1, 2, 2], 25, "moderate"],
    [[4, 3, 4, 0, 1, 3, 0, 0, 4, 4], 37, "high"],
    [Array(10).fill(2), 20, "moderate"],
  ])("%j → %i (%s, informal)", (values, total, band) => {
    const r = scoreList("pss10", values);
    expect(r.total?.value).toBe(total);
    expect(r.band).toMatchObject({ label: band, informal: true });
  });
});

describe("BSMAS", () => {
  it.each([
    [[1, 1, 2, 1, 1, 1], 7, false],
    [[3, 3, 4, 3, 3, 3], 19, true],
    [[4, 4, 3, 2, 3, 3], 19, true],
  ])("%j → %i, at or above 19: %s", (values, total, met) => {
    const r = scoreList("bsmas", values);
    expect(r.total?.value).toBe(total);
    expect(r.total?.cutoffs[0]).toMatchObject({ comparison: ">=", threshold: 19, met });
  });
});

describe("PGSI: two band systems", () => {
  it.each([
    [Array(9).fill(0), 0, "non-problem gambling", "non-problem gambling"],
    [[1, 0, 1, 0, 1, 0, 0, 1, 0], 4, "moderate risk", "low risk"],
    [[2, 1, 2, 1, 1, 1, 1, 2, 1], 12, "problem gambling range", "problem gambling range"],
  ])("%j → %i: %s (2001), %s (2013)", (values, total, original, revised) => {
    const r = scoreList("pgsi", values);
    expect(r.total?.value).toBe(total);
    expect(r.total?.bands.map((b) => [b.bandSet, b.label])).toEqual([
      ["ferris_wynne_2001", original],
      ["currie_2013", revised],
    ]);
  });
});

describe("CUDIT-R", () => {
  it.each([
    [[1, 0, 0, 0, 0, 0, 0, 0], 1, "below the cut-off"],
    [[3, 1, 1, 1, 2, 0, 1, 2], 11, "hazardous use range"],
    [[4, 3, 3, 2, 3, 1, 3, 4], 23, "possible cannabis use disorder range; further assessment warranted"],
  ])("%j → %i, %s", (values, total, band) => {
    const r = scoreList("cudit_r", values);
    expect(r.total?.value).toBe(total);
    expect(r.band?.label).toBe(band);
  });
});

describe("BIS/BAS: all scored items reversed except 2 and 22", () => {
  it.each([
    [Array(24).fill(2), [19, 12, 12, 15]],
    [Array(24).fill(1), [22, 16, 16, 20]],
    [
      [3, 4, 1, 1, 2, 3, 1, 2, 1, 2, 3, 1, 2, 1, 2, 2, 4, 1, 2, 2, 1, 3, 1, 2],
      [22, 16, 12, 20],
    ],
  ])("%j → BIS, Drive, Fun, RR = %j", (values, expected) => {
    const r = scoreList("bis_bas", values);
    const got = ["bis", "bas_drive", "bas_fun_seeking", "bas_reward_responsiveness"].map(
      (id) => scoreById(r, id).value,
    );
    expect(got).toEqual(expected);
  });
});
