import { z } from "zod";
import type { Answers, AnswerValue } from "../answers.ts";
import type { InstrumentDefinition, ItemDefinition } from "../definition.ts";
import { findItem, optionsOf } from "../items.ts";
import { BUNDLED_INSTRUMENTS } from "../registry.ts";
import { describeIssues, fail, issuesFromZod, ok, type Result } from "../result.ts";
import { type ResponseScore, type ScoreContext, scoreResponse } from "../score.ts";
import {
  FHIR,
  instrumentIdOfCanonical,
  loincCodesFor,
  optionSystem,
  parseCanonical,
  SCORE_TOLERANCE,
  scoreLinkId,
} from "./codes.ts";
import type { FhirValidator } from "./validate.ts";

const answerSchema = z.looseObject({
  valueCoding: z.looseObject({ system: z.string().optional(), code: z.string() }).optional(),
  valueInteger: z.number().int().optional(),
  valueDecimal: z.number().optional(),
  valueTime: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueQuantity: z.looseObject({ value: z.number().optional() }).optional(),
});

type FhirItem = {
  linkId: string;
  definition?: string | undefined;
  answer?: z.infer<typeof answerSchema>[];
  item?: FhirItem[];
};

const itemSchema: z.ZodType<FhirItem> = z.lazy(() =>
  z.looseObject({
    linkId: z.string().min(1),
    definition: z.string().optional(),
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
  /** How the items were matched: by dopamap's linkIds, or by LOINC codes (a response made elsewhere). */
  readonly matchedBy: "linkId" | "loinc";
  /** Items of a response made elsewhere that no LOINC code of the instrument matched (not imported). */
  readonly ignoredItems: readonly string[];
}

/** Where to look definitions up, how to validate, and the scoring context. */
export interface ImportOptions {
  /** Definitions to match the canonical against (defaults to the bundled ones). */
  readonly definitions?: readonly InstrumentDefinition[];
  /** Validates against the FHIR R4 JSON schema first (see `createFhirValidator`). */
  readonly validator?: FhirValidator;
  readonly context?: ScoreContext;
  /** Questionnaires that came with the response (a Bundle's), to map a foreign response's linkIds to LOINC codes. */
  readonly questionnaires?: readonly unknown[];
}

/**
 * Reads a FHIR R4 QuestionnaireResponse back into answers. One made by
 * {@link toQuestionnaireResponse} (dopamap's canonical, current or legacy) is read by its linkIds,
 * losslessly; one made elsewhere is read by LOINC codes (see `fromForeign`). Scores in the
 * resource must agree with the recomputed ones (`fhir_score_mismatch` otherwise); every answer is
 * re-validated.
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
  const ownId = instrumentIdOfCanonical(url);
  const own = ownId === undefined ? undefined : definitions.find((d) => d.id === ownId);
  if (own === undefined) return fromForeign(qr, url, definitions, options);
  const def = own;
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
  return finishImport(def, qr, answers, stated, options, "linkId", []);
}

type ParsedResponse = z.infer<typeof responseSchema>;

function finishImport(
  def: InstrumentDefinition,
  qr: ParsedResponse,
  answers: Record<string, AnswerValue>,
  stated: Map<string, { value: number; path: (string | number)[] }>,
  options: ImportOptions,
  matchedBy: "linkId" | "loinc",
  ignoredItems: string[],
): Result<ImportedResponse> {
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
    matchedBy,
    ignoredItems,
  });
}

const LOINC_CODE = /(?:^|[/#:|=])(\d{3,7}-\d)$/;

/** The LOINC code in a linkId ("/44250-9", "44250-9") or an item definition ("http://loinc.org/44250-9"). */
function loincIn(text: string | undefined): string | undefined {
  return text === undefined
    ? undefined
    : (LOINC_CODE.exec(text.trim())?.[1] ?? (/^\d{3,7}-\d$/.test(text) ? text : undefined));
}

/** linkId → LOINC code of the Questionnaires that came with the response (their items' `code`). */
function questionnaireCodes(
  questionnaires: readonly unknown[],
  url: string,
): { panel?: string; items: Map<string, string> } {
  const items = new Map<string, string>();
  let panel: string | undefined;
  type QItem = { linkId?: unknown; code?: { system?: unknown; code?: unknown }[]; item?: QItem[] };
  const walk = (list: QItem[] | undefined) => {
    for (const i of list ?? []) {
      const code = i.code?.find((c) => c.system === FHIR.loinc && typeof c.code === "string")?.code;
      if (typeof i.linkId === "string" && typeof code === "string") items.set(i.linkId, code);
      walk(i.item);
    }
  };
  for (const q of questionnaires) {
    const r = q as {
      resourceType?: unknown;
      url?: unknown;
      code?: { system?: unknown; code?: unknown }[];
      item?: QItem[];
    };
    if (r?.resourceType !== "Questionnaire" || r.url !== url) continue;
    const c = r.code?.find((x) => x.system === FHIR.loinc)?.code;
    if (typeof c === "string") panel = c;
    walk(r.item);
  }
  return { ...(panel ? { panel } : {}), items };
}

/**
 * A response made elsewhere (LHC-Forms, an EHR, another app): the instrument is found by the LOINC
 * panel in the questionnaire's canonical or in the Questionnaire that came with it, else by the
 * most LOINC item codes matched; each item by the LOINC code in its linkId, its definition or the
 * Questionnaire's item code; each answer by its LOINC answer code (either code where an item has
 * two, GAD-7 item 2's LA18938-3 and LA6570-1) or its number. A stated LOINC total must agree.
 */
function fromForeign(
  qr: ParsedResponse,
  url: string,
  definitions: readonly InstrumentDefinition[],
  options: ImportOptions,
): Result<ImportedResponse> {
  const fromQ = questionnaireCodes(options.questionnaires ?? [], url);
  const flat = flatten(qr.item ?? [], ["item"]).map(({ item, path }) => ({
    item,
    path,
    loinc: fromQ.items.get(item.linkId) ?? loincIn(item.linkId) ?? loincIn(item.definition),
  }));
  const codes = new Set(flat.map((f) => f.loinc).filter((c): c is string => c !== undefined));
  const panel = fromQ.panel ?? loincIn(url.replace(/\|.*$/, ""));
  const candidates = definitions.filter((d) => d.items.some((i) => i.loinc && codes.has(i.loinc)));
  const matched = (d: InstrumentDefinition) => d.items.filter((i) => i.loinc && codes.has(i.loinc)).length;
  const def =
    definitions.find((d) => panel !== undefined && d.loinc === panel) ??
    [...candidates].sort((a, b) => matched(b) - matched(a) || a.items.length - b.items.length)[0];
  if (def === undefined)
    return fail(
      "fhir_unknown_questionnaire",
      `no instrument has the canonical ${url}, and no item carries a LOINC code of a known instrument (in its linkId, its definition or the Questionnaire's item code)`,
      ["questionnaire"],
    );
  const answers: Record<string, AnswerValue> = {};
  const stated = new Map<string, { value: number; path: (string | number)[] }>();
  const ignored: string[] = [];
  for (const { item, path, loinc } of flat) {
    const score = loinc === undefined ? undefined : def.scores.find((s) => s.loinc === loinc);
    if (score) {
      const a = item.answer?.[0];
      const v = a?.valueDecimal ?? a?.valueInteger ?? a?.valueQuantity?.value;
      if (v !== undefined) stated.set(scoreLinkId(score), { value: v, path });
      continue;
    }
    const target = loinc === undefined ? undefined : def.items.find((i) => i.loinc === loinc);
    if (target === undefined) {
      if (item.answer?.length) ignored.push(item.linkId);
      continue;
    }
    if (item.answer === undefined || item.answer.length === 0) continue;
    if (item.answer.length > 1)
      return fail("fhir_malformed", `item ${item.linkId} (LOINC ${loinc}) has several answers`, path);
    if (target.id in answers)
      return fail("fhir_malformed", `item ${item.linkId} (LOINC ${loinc}) appears twice`, path);
    const decoded = decodeAnswer(def, target, item.answer[0] ?? {}, [...path, "answer", 0]);
    if (!decoded.ok) return decoded;
    answers[target.id] = decoded.value;
  }
  return finishImport(def, qr, answers, stated, options, "loinc", ignored);
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
          ((c.system === FHIR.loinc || c.system === undefined) && loincCodesFor(item, o).includes(c.code)) ||
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
