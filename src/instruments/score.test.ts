import { describe, expect, it } from "vitest";
import { answersFromArray, checkAnswers } from "./answers.ts";
import type { InstrumentDefinition } from "./definition.ts";
import { describeResult } from "./describe.ts";
import { type ResponseScore, scoreResponse } from "./score.ts";
import { instrument, scoreList } from "./test-helpers.ts";

const phq9 = instrument("phq9");

function errorOf(r: { ok: boolean; error?: unknown }) {
  expect(r.ok).toBe(false);
  return r.error as { code: string; message: string; path?: (string | number)[]; issues?: unknown[] };
}

describe("bad input is an error with a stable code and the offending item", () => {
  it("wrong item count", () => {
    const e = errorOf(answersFromArray(phq9, [1, 1, 1]));
    expect(e.code).toBe("wrong_item_count");
    expect(e.message).toBe(
      "PHQ-9 has 10 items; got 3 answers (use null for unanswered items such as item 10)",
    );
  });

  it("a value out of range, naming the item", () => {
    const e = errorOf(scoreResponse(phq9, { phq9_1: 1, phq9_4: 4 }));
    expect(e).toMatchObject({ code: "answer_out_of_range", path: ["phq9", "phq9_4"] });
    expect(e.message).toBe("PHQ-9 item 4 (phq9_4) takes 0, 1, 2, 3; got 4");
  });

  it("CUDIT-R item 8 takes only 0, 2 or 4", () => {
    const def = instrument("cudit_r");
    const e = errorOf(answersFromArray(def, [1, 0, 0, 0, 0, 0, 0, 3]));
    expect(e).toMatchObject({ code: "answer_out_of_range", path: ["cudit_r", "cudit_r_8"] });
    expect(answersFromArray(def, [1, 0, 0, 0, 0, 0, 0, 2]).ok).toBe(true);
  });

  it("an unknown item", () => {
    expect(errorOf(scoreResponse(phq9, { phq9_11: 0 }))).toMatchObject({
      code: "unknown_item",
      path: ["phq9", "phq9_11"],
    });
  });

  it("wrong types: a string for a choice, a fraction, a malformed time, a non-boolean", () => {
    expect(errorOf(scoreResponse(phq9, { phq9_1: "1" })).code).toBe("answer_wrong_type");
    expect(errorOf(scoreResponse(phq9, { phq9_1: 1.5 })).code).toBe("answer_out_of_range");
    const sleep = instrument("sleep_timing");
    expect(errorOf(scoreResponse(sleep, { sleep_work_bedtime: "25:00" })).code).toBe("invalid_time");
    expect(errorOf(scoreResponse(sleep, { sleep_workdays: 2.5 })).code).toBe("answer_wrong_type");
    expect(errorOf(scoreResponse(sleep, { sleep_workdays: 8 })).code).toBe("answer_out_of_range");
    expect(errorOf(scoreResponse(sleep, { sleep_free_alarm: "yes" })).code).toBe("answer_wrong_type");
  });

  it("answers that are not an object, and every problem listed", () => {
    expect(errorOf(scoreResponse(phq9, [0, 1, 2])).code).toBe("answer_wrong_type");
    expect(errorOf(scoreResponse(phq9, null)).code).toBe("answer_wrong_type");
    const e = errorOf(checkAnswers(phq9, { phq9_1: 9, phq9_2: 9, nope: 1 }));
    expect(e.issues).toHaveLength(3);
  });

  it("an invalid respondent context", () => {
    expect(errorOf(scoreResponse(instrument("audit_c"), {}, { sex: "x" as never })).code).toBe(
      "invalid_context",
    );
  });
});

describe("missing items", () => {
  it("are reported, and the total is not presented as complete", () => {
    const r = scoreList("phq9", [1, 1, 1, 1, null, 1, 1, 1, 1]);
    expect(r.complete).toBe(false);
    expect(r.missingItems).toEqual(["phq9_5"]);
    expect(r.total).toMatchObject({
      status: "incomplete",
      value: null,
      missingItems: ["phq9_5"],
      band: null,
    });
    expect(r.band).toBeNull();
    expect(r.subscales[0]).toMatchObject({ id: "phq2", status: "complete", value: 2 });
  });

  it("an optional unscored item never blocks completeness", () => {
    const r = scoreList("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 0, null]);
    expect(r.complete).toBe(true);
    expect(r.missingItems).toEqual([]);
  });

  it("the ASRS shaded count is not given while an item is missing, even with 4 shaded already", () => {
    const r = scoreList("asrs", [4, 4, 4, 4, 4, null]);
    expect(r.total).toMatchObject({ status: "incomplete", value: null, cutoffs: [] });
  });

  it("prorating happens only where the definition allows it", () => {
    const base = instrument("pss10");
    const allowing: InstrumentDefinition = {
      ...base,
      scores: base.scores.map((s) =>
        s.kind === "sum" ? { ...s, proration: { minAnswered: 8, source: "test definition" } } : s,
      ),
    };
    const answers = {
      pss10_1: 2,
      pss10_2: 2,
      pss10_3: 2,
      pss10_4: 2,
      pss10_5: 2,
      pss10_6: 2,
      pss10_7: 2,
      pss10_8: 2,
      pss10_9: 2,
    };
    const prorated = scoreResponse(allowing, answers);
    expect(prorated.ok && prorated.value.total).toMatchObject({ status: "prorated", value: 20 });
    expect(prorated.ok && prorated.value.complete).toBe(false);
    const strict = scoreResponse(base, answers);
    expect(strict.ok && strict.value.total).toMatchObject({ status: "incomplete", value: null });
    const { pss10_9: _, pss10_8: __, ...tooFew } = answers;
    const few = scoreResponse(allowing, tooFew);
    expect(few.ok && few.value.total?.status).toBe("incomplete");
  });
});

describe("results are worded as screening results", () => {
  const lines = (id: string, values: (number | null)[]): string[] => {
    const r: ResponseScore = scoreList(id, values);
    return describeResult(instrument(id), r);
  };

  it("with the band and its source, and the screening note", () => {
    const text = lines("phq9", [1, 1, 2, 1, 0, 1, 1, 0, 1]);
    expect(text[0]).toBe("PHQ-9 screening result");
    expect(text).toContain(
      "PHQ-9 total: 8 (range 0–27) — mild (bands: Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606–613).",
    );
    expect(text.at(-1)).toContain("screening result, not a diagnosis");
  });

  it("never as a diagnosis, for any bundled instrument", () => {
    for (const id of ["phq9", "gad7", "asrs", "shaps", "pgsi", "cudit_r", "audit_c", "pattern_screener"]) {
      const def = instrument(id);
      const values = def.items.map((it) =>
        it.response.kind === "choice"
          ? Math.max(...(def.optionSets[it.response.optionSet] ?? []).map((o) => o.value))
          : null,
      );
      const text = describeResult(def, scoreList(id, values)).join(" ").toLowerCase();
      expect(text.replace(/not a diagnosis|assess and diagnose/g, "")).not.toMatch(
        /diagnos|you have (depression|anxiety|adhd|an? )/,
      );
    }
  });

  it("say when an instrument is not validated, and when a form is incomplete", () => {
    expect(lines("pattern_screener", Array(12).fill(2))).toContain(
      "Not a validated instrument: a rough indication only.",
    );
    const partial = lines("phq9", [1, null, 1, 1, 1, 1, 1, 1, 1]);
    expect(partial[1]).toContain("Incomplete: 1 required item(s) unanswered");
    expect(partial).toContain("PHQ-9 total: not scored — 1 item(s) unanswered (phq9_2).");
  });
});
