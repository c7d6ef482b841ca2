import { type AnswerValue, checkAnswers } from "../answers.ts";
import type { InstrumentDefinition, ItemDefinition } from "../definition.ts";
import { optionsOf } from "../items.ts";
import { fail, ok, type Result } from "../result.ts";
import { type ResponseScore, type ScoreContext, scoreResponse } from "../score.ts";
import {
  answerCoding,
  PROFILES,
  placeholderOptionText,
  roundScore,
  scoreLinkId,
  versionedCanonical,
} from "./codes.ts";
import type { FhirResource } from "./questionnaire.ts";

/** Optional parts of an exported QuestionnaireResponse. */
export interface QuestionnaireResponseOptions {
  /** Resource id (FHIR id: letters, digits, "-" and "."; up to 64). */
  readonly id?: string;
  /** When the answers were given, an ISO 8601 instant (passed in; the core reads no clock). */
  readonly authored?: string;
  /** A reference to the person, e.g. "Patient/123" or "urn:uuid:…" in a Bundle. */
  readonly subject?: string;
  /** Who wrote the answers down (default: the subject, who answered on their own device). */
  readonly author?: string;
  /** Who gave the answers (default: the subject). */
  readonly source?: string;
  /** Facts some cut-offs use (AUDIT-C and sex). */
  readonly context?: ScoreContext;
}

/** The exported resource together with the scores it carries. */
export interface ExportedResponse {
  readonly resource: FhirResource;
  readonly score: ResponseScore;
}

/** The FHIR answer for one stored answer value. */
export function answerToFhir(
  definition: InstrumentDefinition,
  item: ItemDefinition,
  value: AnswerValue,
): Record<string, unknown> {
  const r = item.response;
  switch (r.kind) {
    case "choice": {
      const option = optionsOf(definition, item).find((o) => o.value === value);
      return {
        valueCoding: answerCoding(
          definition,
          item,
          option ?? { value: value as number, text: placeholderOptionText(value as number) },
        ),
      };
    }
    case "integer":
      return { valueInteger: value };
    case "time":
      return { valueTime: `${value}:00` };
    case "boolean":
      return { valueBoolean: value };
  }
}

/**
 * Exports answers with their scores as a FHIR R4 QuestionnaireResponse (SDC): answered items in
 * form order (LOINC answer codes where they exist), then one decimal item per score that has a
 * value; `subject`, `author` and `source` when a subject is given (the person answered themselves).
 * An incomplete form is exported with status "in-progress" and without the scores it cannot give.
 */
export function toQuestionnaireResponse(
  definition: InstrumentDefinition,
  answers: unknown,
  options: QuestionnaireResponseOptions = {},
): Result<ExportedResponse> {
  const checked = checkAnswers(definition, answers);
  if (!checked.ok) return checked;
  const scored = scoreResponse(definition, checked.value, options.context);
  if (!scored.ok) return scored;
  if (options.id !== undefined && !/^[A-Za-z0-9\-.]{1,64}$/.test(options.id)) {
    return fail("fhir_malformed", `id ${JSON.stringify(options.id)} is not a valid FHIR id`, ["id"]);
  }
  const a = checked.value;
  const score = scored.value;
  const items: Record<string, unknown>[] = [];
  for (const item of definition.items) {
    const value = a[item.id];
    if (value === undefined) continue;
    items.push({
      linkId: item.id,
      ...(item.text ? { text: item.text } : {}),
      answer: [answerToFhir(definition, item, value)],
    });
  }
  const results = [...(score.total ? [score.total] : []), ...score.subscales];
  for (const def of definition.scores) {
    const s = results.find((r) => r.id === def.id);
    if (s === undefined || s.value === null) continue;
    items.push({ linkId: scoreLinkId(s), text: s.label, answer: [{ valueDecimal: roundScore(s.value) }] });
  }
  const resource: FhirResource = {
    resourceType: "QuestionnaireResponse",
    ...(options.id ? { id: options.id } : {}),
    meta: { profile: [PROFILES.response] },
    questionnaire: versionedCanonical(definition),
    status: score.complete ? "completed" : "in-progress",
    ...(options.subject ? { subject: { reference: options.subject } } : {}),
    ...(options.authored ? { authored: options.authored } : {}),
    ...(options.author || options.subject
      ? { author: { reference: options.author ?? options.subject } }
      : {}),
    ...(options.source || options.subject
      ? { source: { reference: options.source ?? options.subject } }
      : {}),
    ...(items.length > 0 ? { item: items } : {}),
  };
  return ok({ resource, score });
}
