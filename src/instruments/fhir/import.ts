import { z } from "zod";
import type { Answers, AnswerValue } from "../answers.ts";
import type { InstrumentDefinition, ItemDefinition } from "../definition.ts";
import { findItem, optionsOf } from "../items.ts";
import { BUNDLED_INSTRUMENTS } from "../registry.ts";
import { describeIssues, fail, issuesFromZod, ok, type Result } from "../result.ts";
import { type ResponseScore, type ScoreContext, scoreResponse } from "../score.ts";
import { canonicalUrl, FHIR, optionSystem, parseCanonical, SCORE_TOLERANCE, scoreLinkId } from "./codes.ts";
import type { FhirValidator } from "./validate.ts";

const answerSchema = z.looseObject({
  valueCoding: z.looseObject({ system: z.string().optional(), code: z.string() }).optional(),
  valueInteger: z.number().int().optional(),
  valueDecimal: z.number().optional(),
  valueTime: z.string().optional(),
  valueBoolean: z.boolean().optional(),
});

type FhirItem = { linkId: string; answer?: z.infer<typeof answerSchema>[]; item?: FhirItem[] };

const itemSchema: z.ZodType<FhirItem> = z.lazy(() =>
  z.looseObject({
    linkId: z.string().min(1),
    answer: z.array(answerSchema).optional(),
    item: z.array(itemSchema).optional(),
  }),
);

const responseSchema = z.looseObject({
  resourceType: z.literal("QuestionnaireResponse"),
  id: z.string().optional(),
  questionnaire: z.string().min(1),
  status: z.enum(["in-progress", "completed", "amended", "entered-in-error", "stopped"]),
  authored: z.string().optional(),
  subject: z.looseObject({ reference: z.string().optional() }).optional(),
  item: z.array(itemSchema).optional(),
});

/** A QuestionnaireResponse read back: the answers exactly as stored, and their scores recomputed. */
export interface ImportedResponse {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly answers: Answers;
  readonly status: "in-progress" | "completed" | "amended" | "entered-in-error" | "stopped";
  readonly id?: string;
  readonly authored?: string;
  readonly subject?: string;
  readonly score: ResponseScore;
}

/** Where to look definitions up, how to validate, and the scoring context. */
export interface ImportOptions {
  /** Definitions to match the canonical against (defaults to the bundled ones). */
  readonly definitions?: readonly InstrumentDefinition[];
  /** Validates against the FHIR R4 JSON schema first (see `createFhirValidator`). */
  readonly validator?: FhirValidator;
  readonly context?: ScoreContext;
}

/**
 * Reads a FHIR R4 QuestionnaireResponse made by {@link toQuestionnaireResponse} (or any that uses
 * the same canonical, linkIds and codes) back into answers, losslessly. Scores in the resource must
 * agree with the recomputed ones (`fhir_score_mismatch` otherwise); every answer is re-validated.
 */
export function fromQuestionnaireResponse(
  input: unknown,
  options: ImportOptions = {},
): Result<ImportedResponse> {
  if (options.validator) {
    const valid = options.validator(input);
    if (!valid.ok) return valid;
  }
  const parsed = responseSchema.safeParse(input);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error.issues);
    return fail(
      "fhir_malformed",
      `not a QuestionnaireResponse: ${describeIssues(issues)}`,
      issues[0]?.path,
      issues,
    );
  }
  const qr = parsed.data;
  const { url, version } = parseCanonical(qr.questionnaire);
  const definitions = options.definitions ?? BUNDLED_INSTRUMENTS;
  const def = definitions.find((d) => canonicalUrl(d) === url);
  if (def === undefined) {
    return fail("fhir_unknown_questionnaire", `no instrument has the canonical ${url}`, ["questionnaire"]);
  }
  if (version !== undefined && version !== def.version) {
    return fail(
      "fhir_version_mismatch",
      `the response is for ${def.shortTitle} ${version}; this definition is ${def.version}`,
      ["questionnaire"],
    );
  }
  const answers: Record<string, AnswerValue> = {};
  const stated = new Map<string, { value: number; path: (string | number)[] }>();
  const flat = flatten(qr.item ?? [], ["item"]);
  for (const { item, path } of flat) {
    if (item.linkId.startsWith("score.")) {
      const v = item.answer?.[0]?.valueDecimal ?? item.answer?.[0]?.valueInteger;
      if (v === undefined) return fail("fhir_malformed", `score item ${item.linkId} has no number`, path);
      stated.set(item.linkId, { value: v, path });
      continue;
    }
    const target = findItem(def, item.linkId);
    if (target === undefined) {
      return fail("unknown_item", `${def.shortTitle} has no item with linkId ${item.linkId}`, [
        ...path,
        "linkId",
      ]);
    }
    if (item.answer === undefined || item.answer.length === 0) continue;
    if (item.answer.length > 1)
      return fail("fhir_malformed", `item ${item.linkId} has several answers`, path);
    if (target.id in answers) return fail("fhir_malformed", `item ${item.linkId} appears twice`, path);
    const decoded = decodeAnswer(def, target, item.answer[0] ?? {}, [...path, "answer", 0]);
    if (!decoded.ok) return decoded;
    answers[target.id] = decoded.value;
  }
  const scored = scoreResponse(def, answers, options.context);
  if (!scored.ok) return scored;
  const mismatch = checkStatedScores(def, scored.value, stated);
  if (!mismatch.ok) return mismatch;
  return ok({
    instrumentId: def.id,
    instrumentVersion: def.version,
    answers,
    status: qr.status,
    ...(qr.id !== undefined ? { id: qr.id } : {}),
    ...(qr.authored !== undefined ? { authored: qr.authored } : {}),
    ...(qr.subject?.reference !== undefined ? { subject: qr.subject.reference } : {}),
    score: scored.value,
  });
}

function flatten(
  items: FhirItem[],
  path: (string | number)[],
): { item: FhirItem; path: (string | number)[] }[] {
  return items.flatMap((item, i) => [
    ...(item.item === undefined ? [{ item, path: [...path, i] }] : []),
    ...(item.item ? flatten(item.item, [...path, i, "item"]) : []),
  ]);
}

function decodeAnswer(
  def: InstrumentDefinition,
  item: ItemDefinition,
  answer: z.infer<typeof answerSchema>,
  path: (string | number)[],
): Result<AnswerValue> {
  const r = item.response;
  const wrong = (want: string) => fail<AnswerValue>("fhir_malformed", `item ${item.id} needs ${want}`, path);
  switch (r.kind) {
    case "choice": {
      const c = answer.valueCoding;
      if (c === undefined) return wrong("a valueCoding");
      const own = optionSystem(def, r.optionSet);
      const option = optionsOf(def, item).find(
        (o) =>
          ((c.system === FHIR.loinc || c.system === undefined) && o.loinc === c.code) ||
          ((c.system === own || c.system === undefined) && !o.loinc && String(o.value) === c.code),
      );
      if (option === undefined) {
        return fail(
          "fhir_unknown_answer_code",
          `item ${item.id}: no option has code ${c.system ?? ""}#${c.code}`,
          [...path, "valueCoding"],
        );
      }
      return ok(option.value);
    }
    case "integer":
      return answer.valueInteger === undefined ? wrong("a valueInteger") : ok(answer.valueInteger);
    case "time": {
      const m = answer.valueTime === undefined ? null : /^(\d\d:\d\d)(:00(\.0+)?)?$/.exec(answer.valueTime);
      return m?.[1] === undefined ? wrong('a valueTime "HH:MM:00"') : ok(m[1]);
    }
    case "boolean":
      return answer.valueBoolean === undefined ? wrong("a valueBoolean") : ok(answer.valueBoolean);
  }
}

function checkStatedScores(
  def: InstrumentDefinition,
  score: ResponseScore,
  stated: Map<string, { value: number; path: (string | number)[] }>,
): Result<true> {
  const results = [...(score.total ? [score.total] : []), ...score.subscales];
  for (const [linkId, { value, path }] of stated) {
    const result = results.find((r) => scoreLinkId(r) === linkId);
    if (result === undefined) return fail("unknown_item", `${def.shortTitle} has no score ${linkId}`, path);
    if (result.value === null || Math.abs(result.value - value) > SCORE_TOLERANCE) {
      return fail(
        "fhir_score_mismatch",
        `${linkId} says ${value} but the answers give ${result.value ?? "no score (incomplete)"}`,
        path,
      );
    }
  }
  return ok(true);
}
