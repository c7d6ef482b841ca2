import { describe, expect, it } from "vitest";
import { answersFromArray } from "./answers.ts";
import { evaluateAnswer, evaluateAnswers } from "./evaluate-answer.ts";
import { applyPack, packTemplate } from "./pack.ts";
import { effectiveRules } from "./registry.ts";
import { scoreResponse } from "./score.ts";
import { instrument, scoreList } from "./test-helpers.ts";

const AT = "2026-03-01T09:30:00Z";

function evaluation(item: string | number, value: unknown, region?: string) {
  const r = evaluateAnswer("phq9", item, value, { at: AT, ...(region ? { region } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe("PHQ-9 item 9, evaluated the moment it is answered", () => {
  it("0 raises nothing", () => {
    const r = evaluation("phq9_9", 0);
    expect(r).toMatchObject({ presentation: "none", flags: [] });
    expect(r.crisis).toBeUndefined();
    expect(r.resources).toBeUndefined();
  });

  it.each([
    [1, "standard"],
    [2, "prominent"],
    [3, "prominent"],
  ])("%i raises the crisis flag (%s) with an event and resources", (value, presentation) => {
    const r = evaluation("phq9_9", value, "GB");
    expect(r.presentation).toBe(presentation);
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatchObject({ kind: "crisis", itemId: "phq9_9", value, presentation });
    expect(r.crisis).toEqual({
      kind: "crisis_event",
      instrumentId: "phq9",
      instrumentVersion: "1.0.0",
      itemId: "phq9_9",
      itemNumber: 9,
      value,
      severity: presentation,
      ruleId: value === 1 ? "item9_any" : "item9_frequent",
      at: AT,
      region: "GB",
    });
    expect(r.resources?.contacts[0]?.kind).toBe("emergency");
    expect(r.resources?.persistent).toBe(true);
  });

  it("item 9 may be named by its printed number", () => {
    expect(evaluation(9, 1).crisis?.itemId).toBe("phq9_9");
  });

  it("other items raise no crisis, whatever the value", () => {
    for (let n = 1; n <= 8; n++) expect(evaluation(n, 3).presentation).toBe("none");
  });

  it("a partial form abandoned after item 9 = 2 has already fired", () => {
    const answered = [1, 1, 2, 1, 0, 1, 1, 0, 2];
    const events = answered.map((v, i) => evaluation(i + 1, v)).filter((e) => e.crisis);
    expect(events).toHaveLength(1);
    expect(events[0]?.crisis?.severity).toBe("prominent");
  });

  it("fires whatever the total: [1,1,2,1,0,1,1,0,1] is mild and still a crisis", () => {
    const r = scoreList("phq9", [1, 1, 2, 1, 0, 1, 1, 0, 1]);
    expect(r.band?.label).toBe("mild");
    expect(r.flags.map((f) => f.kind)).toEqual(["crisis"]);
    expect(r.presentation).toBe("standard");
  });

  it("[3,3,3,3,3,3,3,3,0]: no crisis from item 9, but severe → professional help, prominently", () => {
    const r = scoreList("phq9", [3, 3, 3, 3, 3, 3, 3, 3, 0]);
    expect(r.total?.value).toBe(24);
    expect(r.flags.map((f) => f.kind)).toEqual(["recommend_professional_help"]);
    expect(r.presentation).toBe("prominent");
  });

  it("a total of 20 recommends help; 19 does not", () => {
    const kinds = (v: number[]) => scoreList("phq9", v).flags.map((f) => f.kind);
    expect(kinds([3, 3, 2, 3, 2, 3, 2, 2, 0])).toEqual(["recommend_professional_help"]);
    expect(kinds([3, 3, 2, 3, 2, 3, 2, 1, 0])).toEqual([]);
  });

  it("evaluateAnswers fires for answers that arrive together (an import)", () => {
    const answers = answersFromArray(instrument("phq9"), [0, 0, 0, 0, 0, 0, 0, 0, 3, null]);
    const r = answers.ok ? evaluateAnswers(instrument("phq9"), answers.value, { at: AT }) : answers;
    expect(r.ok && r.value.filter((e) => e.crisis).map((e) => e.crisis?.severity)).toEqual(["prominent"]);
  });
});

describe("follow-on rules", () => {
  it.each([
    [[1, 1], false],
    [[2, 1], true],
    [[3, 3], true],
  ])("PHQ-2 %j suggests the PHQ-9: %s", (values, suggested) => {
    const flags = scoreList("phq2", values).flags;
    expect(flags.some((f) => f.kind === "suggest_instrument" && f.suggestedInstrument === "phq9")).toBe(
      suggested,
    );
  });

  it("GAD-2 of 3 suggests the GAD-7", () => {
    expect(scoreList("gad2", [1, 2]).flags[0]).toMatchObject({
      kind: "suggest_instrument",
      suggestedInstrument: "gad7",
    });
  });

  it.each([
    [[1, 1, 1], "female", true],
    [[1, 1, 1], "male", false],
    [[1, 1, 1], undefined, true],
    [[2, 1, 1], "male", true],
    [[1, 0, 0], undefined, false],
  ] as const)("AUDIT-C %j (%s) recommends help: %s", (values, sex, help) => {
    const flags = scoreList("audit_c", [...values], sex ? { sex } : {}).flags;
    expect(flags.some((f) => f.kind === "recommend_professional_help")).toBe(help);
  });
});

describe("nothing turns the crisis rule off", () => {
  it("a definition stripped of its rules still gets the bundled safety rules", () => {
    const stripped = { ...instrument("phq9"), rules: [] };
    expect(effectiveRules(stripped).map((r) => r.id)).toContain("item9_any");
    const r = evaluateAnswer(stripped, "phq9_9", 1, { at: AT });
    expect(r.ok && r.value.crisis?.severity).toBe("standard");
    const scored = scoreResponse(stripped, { phq9_9: 2 });
    expect(scored.ok && scored.value.flags.map((f) => f.ruleId)).toEqual(["item9_frequent"]);
  });

  it("a worded pack keeps the rules", () => {
    const def = instrument("phq9");
    const worded = applyPack(def, { ...packTemplate(def), packId: "phq9-es" });
    expect(worded.ok && worded.value.rules).toEqual(def.rules);
  });

  it("evaluateAnswer has no option to disable anything", () => {
    const r = evaluateAnswer("phq9", 9, 1, { at: AT, disable: true } as never);
    expect(r.ok && r.value.crisis).toBeDefined();
  });
});

describe("evaluateAnswer errors", () => {
  const AT_OK = { at: AT };
  it.each([
    ["unknown instrument", () => evaluateAnswer("phq99", 9, 1, AT_OK), "unknown_instrument"],
    ["unknown item", () => evaluateAnswer("phq9", 11, 1, AT_OK), "unknown_item"],
    ["value out of range", () => evaluateAnswer("phq9", 9, 4, AT_OK), "answer_out_of_range"],
    ["value of the wrong type", () => evaluateAnswer("phq9", 9, "1", AT_OK), "answer_wrong_type"],
    [
      "instant without an offset",
      () => evaluateAnswer("phq9", 9, 1, { at: "2026-03-01T09:30:00" }),
      "invalid_instant",
    ],
    ["missing instant", () => evaluateAnswer("phq9", 9, 1, {} as never), "invalid_instant"],
  ])("%s → %s", (_, run, code) => {
    const r = run();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });
});
