import { describe, expect, it } from "vitest";
import { defaultParameters } from "../../model/person/index.ts";
import { seededRng } from "../../model/rng.ts";
import type { InstrumentDefinition } from "../definition.ts";
import { BUNDLED_INSTRUMENTS } from "../registry.ts";
import { syntheticAnswers } from "../synthetic/respond.ts";
import { instrument } from "../test-helpers.ts";
import { fromQuestionnaireResponse } from "./import.ts";
import { toQuestionnaire } from "./questionnaire.ts";
import { toQuestionnaireResponse } from "./response.ts";
import { createFhirValidator } from "./validate.ts";

const validator = createFhirValidator();
const AUTHORED = "2026-03-01T09:30:00+01:00";

type Json = Record<string, unknown> & { item?: Json[] };

function exported(def: InstrumentDefinition, answers: unknown): Json {
  const r = toQuestionnaireResponse(def, answers, { id: "qr-1", authored: AUTHORED, subject: "Patient/p1" });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.resource as Json;
}

const phq9 = instrument("phq9");
const phq9Answers = {
  phq9_1: 1,
  phq9_2: 1,
  phq9_3: 2,
  phq9_4: 1,
  phq9_5: 0,
  phq9_6: 1,
  phq9_7: 1,
  phq9_8: 0,
  phq9_9: 1,
};

describe("Questionnaire export", () => {
  it.each(BUNDLED_INSTRUMENTS.map((d) => [d.id, d] as const))(
    "%s validates against the FHIR R4 schema",
    (_, def) => {
      const q = toQuestionnaire(def);
      expect(validator(q)).toEqual({ ok: true, value: true });
    },
  );

  it("carries LOINC codes for the panel, items, answers and total", () => {
    const q = toQuestionnaire(phq9) as Json;
    expect(q.code).toEqual([{ system: "http://loinc.org", code: "44249-1", display: phq9.title }]);
    const item9 = q.item?.find((i) => i.linkId === "phq9_9") as Json;
    expect((item9.code as Json[])[0]).toMatchObject({ system: "http://loinc.org", code: "44260-8" });
    expect(
      (item9.answerOption as Json[]).map((o) => [
        (o.valueCoding as Json).code,
        (o.extension as Json[])[0]?.valueDecimal,
      ]),
    ).toEqual([
      ["LA6568-5", 0],
      ["LA6569-3", 1],
      ["LA6570-1", 2],
      ["LA6571-9", 3],
    ]);
    const total = q.item?.find((i) => i.linkId === "score.total") as Json;
    expect(total).toMatchObject({ type: "decimal", readOnly: true, code: [{ code: "44261-6" }] });
    expect(q.copyright).toContain("Pfizer");
  });

  it("uses neutral placeholders where the wording is not bundled", () => {
    const q = JSON.stringify(toQuestionnaire(instrument("asrs")));
    expect(q).toContain("ASRS Part A item 1 (wording not included: load a licensed instrument pack)");
    expect(q).toContain('"experimental":false');
    expect(JSON.stringify(toQuestionnaire(instrument("pattern_screener")))).toContain(
      "Not a validated instrument",
    );
  });
});

describe("QuestionnaireResponse round trip", () => {
  it.each(BUNDLED_INSTRUMENTS.map((d) => [d.id, d] as const))(
    "%s: export validates and imports back losslessly",
    (_, def) => {
      for (let seed = 1; seed <= 5; seed++) {
        const answers = syntheticAnswers(def, defaultParameters(), { rng: seededRng(seed) });
        const resource = exported(def, answers);
        expect(validator(resource)).toEqual({ ok: true, value: true });
        const back = fromQuestionnaireResponse(resource, { validator });
        expect(back.ok ? "ok" : back.error).toBe("ok");
        if (!back.ok) return;
        expect(back.value.answers).toEqual(answers);
        expect(back.value).toMatchObject({
          instrumentId: def.id,
          id: "qr-1",
          authored: AUTHORED,
          subject: "Patient/p1",
        });
        expect(exported(def, back.value.answers)).toEqual(resource);
      }
    },
  );

  it("a PHQ-9 response carries LOINC answer codes and the scores", () => {
    const qr = exported(phq9, phq9Answers);
    expect(qr).toMatchObject({
      questionnaire: "http://127.0.0.1:3000/fhir/Questionnaire/phq9|1.0.0",
      status: "completed",
    });
    const item9 = qr.item?.find((i) => i.linkId === "phq9_9");
    expect(item9?.answer).toEqual([
      { valueCoding: { system: "http://loinc.org", code: "LA6569-3", display: "Several days" } },
    ]);
    expect(qr.item?.find((i) => i.linkId === "score.total")?.answer).toEqual([{ valueDecimal: 8 }]);
  });

  it("an incomplete form is in-progress, without the scores it cannot give, and still round-trips", () => {
    const { phq9_5: _, ...partial } = phq9Answers;
    const qr = exported(phq9, partial);
    expect(qr.status).toBe("in-progress");
    expect(qr.item?.some((i) => i.linkId === "score.total")).toBe(false);
    const back = fromQuestionnaireResponse(qr, { validator });
    expect(back.ok && back.value.answers).toEqual(partial);
    expect(back.ok && back.value.score.missingItems).toEqual(["phq9_5"]);
  });

  it("an import raises the same flags as the form", () => {
    const back = fromQuestionnaireResponse(exported(phq9, phq9Answers));
    expect(back.ok && back.value.score.flags.map((f) => f.kind)).toEqual(["crisis"]);
  });
});

describe("malformed FHIR is an error with a stable code and the offending place", () => {
  const base = () => exported(phq9, phq9Answers);
  const item = (qr: Json, linkId: string) => qr.item?.find((i) => i.linkId === linkId) as Json;

  it.each([
    ["not an object", () => 42, "fhir_malformed", undefined],
    ["another resource", () => ({ resourceType: "Patient" }), "fhir_malformed", ["resourceType"]],
    ["a bad status", () => ({ ...base(), status: "done" }), "fhir_malformed", ["status"]],
    [
      "an unknown questionnaire",
      () => ({ ...base(), questionnaire: "urn:other|1" }),
      "fhir_unknown_questionnaire",
      ["questionnaire"],
    ],
    [
      "another version",
      () => ({ ...base(), questionnaire: "urn:dopamap:questionnaire:phq9|2.0.0" }),
      "fhir_version_mismatch",
      ["questionnaire"],
    ],
    [
      "an unknown linkId",
      () => {
        const qr = base();
        (qr.item as Json[])[0] = { linkId: "phq9_42", answer: [{ valueInteger: 1 }] };
        return qr;
      },
      "unknown_item",
      ["item", 0, "linkId"],
    ],
    [
      "an unknown answer code",
      () => {
        const qr = base();
        item(qr, "phq9_3").answer = [{ valueCoding: { system: "http://loinc.org", code: "LA0000-0" } }];
        return qr;
      },
      "fhir_unknown_answer_code",
      ["item", 2, "answer", 0, "valueCoding"],
    ],
    [
      "a wrong answer type",
      () => {
        const qr = base();
        item(qr, "phq9_3").answer = [{ valueInteger: 2 }];
        return qr;
      },
      "fhir_malformed",
      ["item", 2, "answer", 0],
    ],
    [
      "two answers to one item",
      () => {
        const qr = base();
        item(qr, "phq9_3").answer = [
          ...(item(qr, "phq9_3").answer as Json[]),
          ...(item(qr, "phq9_3").answer as Json[]),
        ];
        return qr;
      },
      "fhir_malformed",
      ["item", 2],
    ],
    [
      "a total that disagrees with the answers",
      () => {
        const qr = base();
        item(qr, "score.total").answer = [{ valueDecimal: 3 }];
        return qr;
      },
      "fhir_score_mismatch",
      ["item", 9],
    ],
  ])("%s → %s", (_, make, code, path) => {
    const r = fromQuestionnaireResponse(make());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    if (path) expect(r.error.path).toEqual(path);
  });

  it("schema validation names the offending property", () => {
    const r = fromQuestionnaireResponse({ ...base(), status: "done" }, { validator });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: "fhir_schema_invalid", path: ["status"] });
    const q = { ...toQuestionnaire(phq9), typo: true };
    const v = validator(q);
    expect(!v.ok && v.error.message).toContain("must NOT have additional properties (typo)");
    expect(validator({ resourceType: "Nope" })).toMatchObject({
      ok: false,
      error: { code: "fhir_schema_invalid" },
    });
  });

  it("an out-of-range value in a time or an own code is rejected", () => {
    const sleep = instrument("sleep_timing");
    const answers = syntheticAnswers(sleep, defaultParameters(), { rng: seededRng(3) });
    const qr = exported(sleep, answers);
    const bed = qr.item?.find((i) => i.linkId === "sleep_work_bedtime") as Json;
    bed.answer = [{ valueTime: "23:30:15" }];
    expect(fromQuestionnaireResponse(qr)).toMatchObject({ ok: false, error: { code: "fhir_malformed" } });
    const asrs = instrument("asrs");
    const aqr = exported(asrs, { asrs_1: 1 });
    (aqr.item as Json[])[0] = {
      linkId: "asrs_1",
      answer: [{ valueCoding: { system: "urn:dopamap:options:asrs:frequency", code: "7" } }],
    };
    expect(fromQuestionnaireResponse(aqr)).toMatchObject({
      ok: false,
      error: { code: "fhir_unknown_answer_code" },
    });
  });
});
