import { describe, expect, it } from "vitest";
import { readSharedData } from "../../test/shared-data.ts";
import { personalLinkSummary, personalLinks, readDiaryDays, withinPersonLink } from "./diary-flueckiger.ts";
import { devaluationReport, habitCurveReport, habitCurves, readGeraPeople } from "./habit-gera.ts";
import { chronotypes, chronotypeVsAcrophase, readJangDays, sleepSignCoding, weekday } from "./sleep-jang.ts";

// All participants of each data set (each analysis takes well under a second).

describe("wearable sleep timing and heart-rate rhythm (Jang et al. 2024)", () => {
  const r = readJangDays(readSharedData("daily-jang2024/0017_jang_ts.tsv"));
  if (!r.ok) throw new Error("Jang et al. 2024 file did not parse");

  it("J1: reads positive sleep times as hours before midnight, from the wake times", () => {
    const c = sleepSignCoding(r.days);
    // Measured: 0.661 of 3,702 nights wake 04:00–12:00 that way, 0.173 the other way.
    expect(c.coding).toBe("positive = hours before midnight");
    expect(weekday("2021-05-22")).toBe(6);
  });

  it("J2: mid-sleep on free days (MCTQ) goes with the heart-rate acrophase across participants", () => {
    const j2 = chronotypeVsAcrophase(chronotypes(r.days, -1));
    // Measured: r = 0.74 [0.54, 0.86], n = 34.
    expect(j2.verdict).toBe("agrees");
    expect(j2.n).toBeGreaterThanOrEqual(30);
  });
});

describe("daily diary of activity and affect (Flückiger et al. 2014)", () => {
  const r = readDiaryDays(readSharedData("daily-flueckiger2014/0015_flueckiger_ts.tsv"));
  if (!r.ok) throw new Error("Flückiger et al. 2014 file did not parse");

  it("F1: reproduces the pooled within-person r of 0.113, with an interval above 0", () => {
    const f1 = withinPersonLink(r.days, { resamples: 1000 });
    expect(Math.abs(f1.r.estimate - 0.113)).toBeLessThanOrEqual(0.005);
    expect(f1.agrees).toBe(true);
  });

  it("F2: tells each person about their own days, in words, with an interval", () => {
    const links = personalLinks(r.days);
    const s = personalLinkSummary(links);
    // Measured: 65 people; 51 with higher mood on active days, 9 clearly, none clearly lower.
    expect(s.people).toBe(65);
    expect(s.positive).toBeGreaterThan(s.people / 2);
    expect(links[0]!.text).toMatch(/^On your \d+ more active days .* not proof that activity causes it\.$/);
  });
});

describe("smartphone habit induction (Gera et al. 2024)", () => {
  const r = readGeraPeople(readSharedData("habit-gera2023/all_data_for_R.csv"));
  if (!r.ok) throw new Error("Gera et al. 2024 file did not parse");

  it("G1: extensive training leaves entries less sensitive to devaluation", () => {
    const g1 = devaluationReport(r.people);
    // Measured: extensive − short 0.58 [0.08, 1.08] on the log scale.
    expect(g1.verdict).toBe("agrees with Gera et al.");
  });

  it("G2: the daily response-latency curve is better predicted by a line than by an asymptote", () => {
    const fits = habitCurves(r.people);
    expect(fits).toHaveLength(88);
    const g2 = habitCurveReport(fits, { resamples: 500 });
    // Measured: the asymptote predicts held-out days better for 0.16 [0.10, 0.25] of 88 people.
    expect(g2.verdict).toBe("linear preferred");
  });
});
