import { describe, expect, it } from "vitest";
import { readSharedData } from "../../test/shared-data.ts";
import { compareHeldOut } from "../fit/cross-validation.ts";
import { effortCrossValidate, effortPpc, fitEffortDiscounting } from "../fit/effort-discounting.ts";
import { readEffortChoicesCsv } from "../tasks/effort-choice.ts";
import { effortChangeReport, effortShapeVerdict } from "./effort-bernacer.ts";

// Bernacer et al. 2019, NeuroImage 203:116181 (MIT): all 19 people × PRE/POST (fits take about 2 s).
const parsed = readEffortChoicesCsv(readSharedData("effort-bernacer2019/inscanner_choices.csv"));
if (!parsed.ok) throw new Error("Bernacer et al. 2019 file did not parse");
const data = parsed.participants;

describe("effort × probability choices before and after a fitness plan (Bernacer et al. 2019)", () => {
  it("reads 38 person × time-point sets of decision trials and counts the catch pairs apart", () => {
    expect(data).toHaveLength(38);
    expect(data.reduce((a, d) => a + d.choseB.length, 0)).toBe(6765);
    // Subjects 5 and 12 chose the 0 % offer over the 100 % one at the same effort in about half of
    // the catch pairs, PRE and POST; nobody else in more than 5 %.
    const careless = data.filter((d) => d.catchErrors > d.catchTrials / 4).map((d) => d.subject);
    expect([...new Set(careless)].sort()).toEqual(["12", "5"]);
  });

  it("B1, B2 and the PPC, against the criteria of docs/validation.md", () => {
    const fit = fitEffortDiscounting(data);
    expect(fit.participants.every((p) => p.converged)).toBe(true);
    const b1 = compareHeldOut(
      effortCrossValidate(data, "hyperbolic"),
      effortCrossValidate(data, "parabolic"),
    );
    // Measured: parabolic ahead by 59 with SE 74 — undecided.
    expect(effortShapeVerdict(b1)).toBe("undecided");
    const b2 = effortChangeReport(fit);
    // Measured: Δ log k = −0.35 [−0.95, 0.26], n = 19.
    expect(b2.people).toBe(19);
    expect(b2.verdict).toBe("same direction, not detected");
    // Measured largest gap 0.043.
    expect(effortPpc(data, fit).maxGap).toBeLessThanOrEqual(0.05);
  });

  it("rejects a malformed row with its line and column", () => {
    const head =
      "subject,timepoint,session,event,onset,left_option,right_option,left_p_win_pct,left_effort_min,right_p_win_pct,right_effort_min,choice,decision_time,rt";
    const bad = readEffortChoicesCsv(`${head}\n1,PRE,1,1,0,30_10,40_20,30,10,140,20,LEFT,0,0\n`);
    expect(!bad.ok && bad.issues[0]).toEqual({
      line: 2,
      field: "right_p_win_pct",
      message: "must be at most 100, got 140",
    });
  });
});
