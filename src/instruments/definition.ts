import { z } from "zod";
import { checkDefinition } from "./definition-checks.ts";
import { describeIssues, fail, issuesFromZod, ok, type Result } from "./result.ts";

/**
 * The instrument definition: one validated data structure per questionnaire. The scoring
 * engine, the safety rules, FHIR export and synthetic respondents read only this; nothing in
 * them knows a particular instrument.
 */

const idSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, "ids are snake_case: a-z, 0-9 and _ only");
const loincCode = z.string().regex(/^\d{1,7}-\d$/, "a LOINC code looks like 44261-6");
const loincAnswerCode = z.string().regex(/^LA\d{1,7}-\d$/, "a LOINC answer code looks like LA6568-5");
const text = z.string().min(1);

/** One response option: the value stored and scored, and its exact anchor text (null when not bundled). */
export const optionSchema = z.object({
  value: z.number().int(),
  text: text.nullable(),
  loinc: loincAnswerCode.optional(),
});

/** How an item is answered. `choice` refers to a named option set of the definition. */
export const responseSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("choice"), optionSet: idSchema }),
  z.object({ kind: z.literal("integer"), min: z.number().int(), max: z.number().int(), unit: text }),
  /** A clock time, answered as "HH:MM" (24-hour). */
  z.object({ kind: z.literal("time") }),
  z.object({ kind: z.literal("boolean") }),
]);

/** Latent traits a synthetic respondent answers from (see `synthetic/traits.ts`). */
export const TRAIT_NAMES = [
  "anhedonia",
  "consummatory_anhedonia",
  "depressed_mood",
  "anxiety",
  "inattention",
  "hyperactivity",
  "stress",
  "alcohol",
  "cannabis",
  "gambling",
  "social_media",
  "tolerance",
  "compulsion",
  "reward_drive",
  "fun_seeking",
  "none",
] as const;
export const traitNameSchema = z.enum(TRAIT_NAMES);

/**
 * How a synthetic respondent answers one item when it differs from the instrument's
 * {@link simulationSchema}: another trait or direction (+1: more trait, higher level), or a
 * rarer endorsement (`offsetShift` moves the item's category boundaries up).
 */
export const itemSimulationSchema = z.object({
  trait: traitNameSchema.optional(),
  sign: z.union([z.literal(1), z.literal(-1)]).optional(),
  offsetShift: z.number().optional(),
});

/** One question. `id` is also the FHIR linkId. */
export const itemSchema = z.object({
  id: idSchema,
  /** Position as printed on the form, from 1. */
  number: z.number().int().positive(),
  text: text.nullable(),
  loinc: loincCode.optional(),
  response: responseSchema,
  /** Scored as (lowest + highest option value) − answer. */
  reverse: z.boolean().optional(),
  /** False for items no score uses (PHQ-9 item 10, BIS/BAS fillers); they are still validated. */
  scored: z.boolean().optional(),
  /** False when the form may be complete without it (it never blocks a total). */
  required: z.boolean().optional(),
  /**
   * LOINC answer codes that replace the option set's for this item, in FHIR codings only (the
   * person still sees the option's text): GAD-7 item 2 is coded LA18938-3 where the other items
   * use LA6570-1. Imports accept both.
   */
  answerCodes: z
    .array(z.object({ value: z.number().int(), loinc: loincAnswerCode, display: text }))
    .optional(),
  /** Asked only when one of these items has an answer above `above` (PHQ-9 item 10: "if you checked off any problems"). */
  askedWhen: z.object({ anyOf: z.array(idSchema).min(1), above: z.number() }).optional(),
  simulation: itemSimulationSchema.optional(),
});

/** A contiguous range of a score with a label, e.g. 10–14 "moderate". */
export const bandSchema = z.object({ min: z.number(), max: z.number(), label: text });

/** A published (or explicitly informal) way of reading a score, with its source. */
export const bandSetSchema = z.object({
  id: idSchema,
  source: text,
  /** True when the bands do not come from the instrument's authors (e.g. PSS-10's 0–13/14–26/27–40). */
  informal: z.boolean(),
  bands: z.array(bandSchema).min(1),
});

/** Who a cut-off variant applies to. Unspecified sex uses the cut-off's default threshold. */
export const respondentSexSchema = z.enum(["female", "male"]);

/** A screening cut-off: "positive" when the score compares true against the threshold. */
export const cutoffSchema = z.object({
  id: idSchema,
  label: text,
  comparison: z.enum([">=", ">"]),
  threshold: z.number(),
  source: text,
  /** Other thresholds for some respondents (AUDIT-C: ≥4 for men; the default ≥3 is the sensitive one). */
  variants: z.array(z.object({ sex: respondentSexSchema, threshold: z.number(), source: text })).optional(),
});

const scoreCommon = {
  id: idSchema,
  label: text,
  /** The instrument's main score (at most one per definition). */
  primary: z.boolean().optional(),
  loinc: loincCode.optional(),
  /** What a higher value means; DARS and TEPS run opposite to SHAPS. */
  higherIs: z.enum(["worse", "better", "neither"]),
  unit: text,
  bandSets: z.array(bandSetSchema).optional(),
  cutoffs: z.array(cutoffSchema).optional(),
  note: text.optional(),
};

/** Maps an answer value to points, e.g. SHAPS dichotomous: 1, 2 → 0 and 3, 4 → 1. */
export const recodeSchema = z.array(z.object({ from: z.number().int(), to: z.number() })).min(1);

/** Which items a sleep-timing computation reads, by role. */
export const sleepRolesSchema = z.object({
  workdaysPerWeek: idSchema,
  workBedtime: idSchema,
  workLatencyMin: idSchema,
  workWake: idSchema,
  freeBedtime: idSchema,
  freeLatencyMin: idSchema,
  freeWake: idSchema,
  alarmOnFreeDays: idSchema,
});

/** Quantities the sleep-timing computation can report (MCTQ-derived; see `sleep-timing.ts`). */
export const SLEEP_OUTPUTS = ["msf_sc", "msf", "msw", "sjl", "sjl_relative", "sd_week"] as const;

/** A score: a sum, a count of threshold hits, or a sleep-timing computation. */
export const scoreSchema = z.discriminatedUnion("kind", [
  z.object({
    ...scoreCommon,
    kind: z.literal("sum"),
    items: z.array(idSchema).min(1),
    recode: recodeSchema.optional(),
    /** Lowest and highest possible value; checked against the items. */
    range: z.tuple([z.number(), z.number()]),
    /** Prorating, only where the instrument's authors allow it. */
    proration: z.object({ minAnswered: z.number().int().positive(), source: text }).optional(),
  }),
  z.object({
    ...scoreCommon,
    kind: z.literal("count"),
    /** An item counts when its answer is at or above `atOrAbove` (ASRS shaded boxes). */
    hits: z.array(z.object({ item: idSchema, atOrAbove: z.number() })).min(1),
    range: z.tuple([z.number(), z.number()]),
  }),
  z.object({
    ...scoreCommon,
    kind: z.literal("sleep_timing"),
    output: z.enum(SLEEP_OUTPUTS),
    roles: sleepRolesSchema,
  }),
]);

/** What makes a rule fire. */
export const conditionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("answer_at_least"), item: idSchema, value: z.number() }),
  z.object({ kind: z.literal("score_at_least"), score: idSchema, value: z.number() }),
  z.object({ kind: z.literal("cutoff_met"), score: idSchema, cutoff: idSchema }),
]);

/** How prominently a flag must be shown: `prominent` interrupts, `standard` is shown at once. */
export const presentationSchema = z.enum(["standard", "prominent"]);

/** What a rule does when it fires. */
export const effectSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("crisis"), presentation: presentationSchema, message: text }),
  z.object({ kind: z.literal("suggest_instrument"), instrument: idSchema, message: text }),
  z.object({
    kind: z.literal("recommend_professional_help"),
    presentation: presentationSchema,
    message: text,
  }),
]);

/** A data-driven rule: the engine evaluates every rule of every definition the same way. */
export const ruleSchema = z.object({
  id: idSchema,
  when: conditionSchema,
  effect: effectSchema,
  source: text,
});

/** Licence status of the wording. */
export const LICENCE_STATUSES = [
  "public_domain",
  "free_with_notice",
  "own_work",
  "permission_required",
  "unclear",
] as const;

/** Licence facts, and whether the wording may be shipped in this repository. */
export const licenceSchema = z.object({
  status: z.enum(LICENCE_STATUSES),
  holder: text,
  /** The notice to show beside the wording (verbatim where the holder requires it). */
  notice: text,
  shipWording: z.boolean(),
  terms: text,
  sourceUrl: text.optional(),
});

/** Parameters of the ordinal model synthetic respondents answer with. */
export const simulationSchema = z.object({
  trait: traitNameSchema,
  sign: z.union([z.literal(1), z.literal(-1)]),
  /** Weight of the trait on an item's latent response (noise has sd 1). */
  loading: z.number().positive(),
  /** Latent position of the first category boundary; larger means rarer endorsement. */
  offset: z.number(),
  /** Distance between category boundaries. */
  spacing: z.number().positive(),
});

/** Where the wording of a definition came from, once an instrument pack supplied it. */
export const wordingSourceSchema = z.object({ packId: text, licensee: text, licenceNote: text });

const definitionObject = z.object({
  id: idSchema,
  /** Version of this definition (semver); FHIR canonical URLs carry it. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "versions are semver, e.g. 1.0.0"),
  title: text,
  shortTitle: text,
  /**
   * `published`: a published, validated instrument. `own_screener`: our own questions about the
   * framework's patterns, not validated, a weak prior only. `own_measure`: our own wording for
   * factual questions (sleep times) feeding published computations; the wording is not validated.
   */
  kind: z.enum(["published", "own_screener", "own_measure"]),
  validated: z.boolean(),
  /** What a result screens for, in plain words. */
  purpose: text,
  /** Lead-in shown above the items (null when not bundled). */
  instructions: text.nullable(),
  loinc: loincCode.optional(),
  citation: text,
  licence: licenceSchema,
  optionSets: z.record(idSchema, z.array(optionSchema).min(2)),
  items: z.array(itemSchema).min(1),
  scores: z.array(scoreSchema).min(1),
  rules: z.array(ruleSchema),
  simulation: simulationSchema,
  notes: z.array(text).optional(),
  wordingSource: wordingSourceSchema.optional(),
});

/** Zod schema for {@link InstrumentDefinition}, with every cross-reference checked. */
export const instrumentDefinitionSchema = definitionObject.superRefine(checkDefinition);

/** Validates an untrusted definition (e.g. loaded from JSON); `invalid_definition` lists every problem. */
export function parseDefinition(input: unknown): Result<InstrumentDefinition> {
  const parsed = instrumentDefinitionSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = issuesFromZod(parsed.error.issues);
  return fail(
    "invalid_definition",
    `invalid instrument definition: ${describeIssues(issues)}`,
    issues[0]?.path,
    issues,
  );
}

/** A questionnaire as data. Validate untrusted ones with {@link parseDefinition}. */
export type InstrumentDefinition = z.infer<typeof definitionObject>;
export type ItemDefinition = z.infer<typeof itemSchema>;
export type OptionDefinition = z.infer<typeof optionSchema>;
export type ResponseSpec = z.infer<typeof responseSchema>;
export type ScoreDefinition = z.infer<typeof scoreSchema>;
export type SumScoreDefinition = Extract<ScoreDefinition, { kind: "sum" }>;
export type CountScoreDefinition = Extract<ScoreDefinition, { kind: "count" }>;
export type SleepTimingScoreDefinition = Extract<ScoreDefinition, { kind: "sleep_timing" }>;
export type SleepRoles = z.infer<typeof sleepRolesSchema>;
export type SleepOutput = (typeof SLEEP_OUTPUTS)[number];
export type BandSet = z.infer<typeof bandSetSchema>;
export type Band = z.infer<typeof bandSchema>;
export type Cutoff = z.infer<typeof cutoffSchema>;
export type RuleDefinition = z.infer<typeof ruleSchema>;
export type RuleCondition = z.infer<typeof conditionSchema>;
export type RuleEffect = z.infer<typeof effectSchema>;
export type Presentation = z.infer<typeof presentationSchema>;
export type Licence = z.infer<typeof licenceSchema>;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];
export type SimulationSpec = z.infer<typeof simulationSchema>;
export type TraitName = (typeof TRAIT_NAMES)[number];
export type ItemSimulation = z.infer<typeof itemSimulationSchema>;
export type RespondentSex = z.infer<typeof respondentSexSchema>;
export type WordingSource = z.infer<typeof wordingSourceSchema>;
