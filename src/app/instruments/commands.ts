import { z } from "zod";
import {
  answersFromArray,
  BUNDLED_INSTRUMENT_IDS,
  CRISIS_REGIONS,
  crisisResources,
  describeResult,
  evaluateAnswer,
  getInstrument,
  type InstrumentDefinition,
  listInstruments,
  type ResponseScore,
  scoreResponse,
  toQuestionnaire,
  toQuestionnaireResponse,
} from "../../instruments/index.ts";
import { AppError, defineCommand, type Result } from "../registry.ts";

/** The value of an instruments-core result; a failure becomes the registry's error, its path under `root`. */
export function unwrapInstrument<T>(r: Result<T>, root: string[] = []): T {
  if (r.ok) return r.value;
  const path = [...root, ...(r.error.path ?? [])];
  throw new AppError({
    code: r.error.code,
    message: path.length ? `${path.join(".")}: ${r.error.message}` : r.error.message,
    path,
    ...(r.error.code === "unknown_instrument" ? { allowed: [...BUNDLED_INSTRUMENT_IDS] } : {}),
  });
}

const InstrumentId = z.string().min(1).max(64);
const Region = z.string().min(2).max(10).optional();

export const instrumentsListCommand = defineCommand({
  name: "instruments/list",
  summary: "Bundled instruments, their licence status and whether their wording is present",
  input: z.strictObject({}),
  output: z.array(z.record(z.string(), z.unknown())),
  async run() {
    return listInstruments().map((s) => ({ ...s }));
  },
});

export const instrumentGetCommand = defineCommand({
  name: "instruments/get",
  summary: "One instrument's definition (items, options, wording where the licence allows)",
  input: z.strictObject({ instrument: InstrumentId }),
  output: z.record(z.string(), z.unknown()),
  async run({ instrument }) {
    return { ...unwrapInstrument(getInstrument(instrument), ["instrument"]) } as Record<string, unknown>;
  },
});

/**
 * `instruments/answer`: evaluates ONE answer the moment it is given, so the crisis rule fires in
 * every interface even when the form is then abandoned.
 */
export const instrumentAnswerCommand = defineCommand({
  name: "instruments/answer",
  summary: "Evaluate one answer as it is given: flags, crisis event and crisis resources",
  input: z.strictObject({
    instrument: InstrumentId,
    item: z.union([z.string().min(1).max(64), z.number().int().min(1).max(500)]),
    value: z.unknown(),
    at: z.iso.datetime({ offset: true }),
    region: Region,
  }),
  output: z.record(z.string(), z.unknown()),
  async run({ instrument, item, value, at, region }) {
    return {
      ...unwrapInstrument(evaluateAnswer(instrument, item, value, { at, ...(region ? { region } : {}) })),
    };
  },
});

export interface ScoredForm {
  readonly score: ResponseScore;
  readonly summary: readonly string[];
  readonly resources: ReturnType<typeof crisisResources> | null;
  readonly crisis: readonly Record<string, unknown>[];
}

/** Scores a whole form; every answer is also evaluated, so crisis events come back with the score. */
export function scoreForm(
  def: InstrumentDefinition,
  answers: unknown,
  at: string,
  region?: string,
  sex?: "female" | "male",
): ScoredForm {
  const score = unwrapInstrument(scoreResponse(def, answers, sex ? { sex } : {}), ["answers"]);
  const crisis: Record<string, unknown>[] = [];
  if (answers && typeof answers === "object" && !Array.isArray(answers))
    for (const [item, value] of Object.entries(answers as Record<string, unknown>)) {
      const e = evaluateAnswer(def, item, value, { at, ...(region ? { region } : {}) });
      if (e.ok && e.value.crisis) crisis.push({ ...e.value.crisis });
    }
  const crisisFlag = score.flags.some((f) => f.kind === "crisis");
  return {
    score,
    summary: describeResult(def, score),
    resources: crisis.length || crisisFlag ? crisisResources(region) : null,
    crisis,
  };
}

export const instrumentScoreCommand = defineCommand({
  name: "instruments/score",
  summary:
    "Score a whole form: total, subscales, band with its source, flags; a screening result, not a diagnosis",
  input: z.strictObject({
    instrument: InstrumentId,
    /** Answers by item id or number, or an array in form order. */
    answers: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]),
    at: z.iso.datetime({ offset: true }),
    region: Region,
    sex: z.enum(["female", "male"]).optional(),
  }),
  output: z.record(z.string(), z.unknown()),
  async run({ instrument, answers, at, region, sex }) {
    const def = unwrapInstrument(getInstrument(instrument), ["instrument"]);
    const byId = answersById(def, answers);
    const form = scoreForm(def, byId, at, region, sex);
    return { ...form, score: { ...form.score } };
  },
});

/** Answers given as an array in form order become answers by item id (the core checks the count). */
function answersById(def: InstrumentDefinition, answers: unknown): unknown {
  return Array.isArray(answers) ? unwrapInstrument(answersFromArray(def, answers), ["answers"]) : answers;
}

export const fhirQuestionnaireCommand = defineCommand({
  name: "instruments/fhir-questionnaire",
  summary: "An instrument as a FHIR R4 Questionnaire (LOINC codes included)",
  input: z.strictObject({ instrument: InstrumentId }),
  output: z.record(z.string(), z.unknown()),
  async run({ instrument }) {
    return { ...toQuestionnaire(unwrapInstrument(getInstrument(instrument), ["instrument"])) };
  },
});

export const fhirResponseCommand = defineCommand({
  name: "instruments/fhir-response",
  summary: "Answers and scores as a FHIR R4 QuestionnaireResponse",
  input: z.strictObject({
    instrument: InstrumentId,
    answers: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]),
    at: z.iso.datetime({ offset: true }),
  }),
  output: z.record(z.string(), z.unknown()),
  async run({ instrument, answers, at }) {
    const def = unwrapInstrument(getInstrument(instrument), ["instrument"]);
    return {
      ...unwrapInstrument(toQuestionnaireResponse(def, answersById(def, answers), { authored: at }), [
        "answers",
      ]).resource,
    };
  },
});

export const crisisResourcesCommand = defineCommand({
  name: "crisis/resources",
  summary: "Crisis resources for a region, bundled offline with their last-verified date",
  input: z.strictObject({ region: Region }),
  output: z.record(z.string(), z.unknown()),
  async run({ region }) {
    return { ...crisisResources(region), regions: [...CRISIS_REGIONS] };
  },
});

export const INSTRUMENT_COMMANDS = [
  instrumentsListCommand,
  instrumentGetCommand,
  instrumentAnswerCommand,
  instrumentScoreCommand,
  fhirQuestionnaireCommand,
  fhirResponseCommand,
  crisisResourcesCommand,
] as const;
