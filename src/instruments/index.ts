/**
 * Questionnaires as data, one scoring engine, safety rules evaluated on every answer, crisis
 * resources, instrument packs for licensed wording, FHIR R4 import/export, and synthetic
 * respondents. Pure: no file, network, clock or randomness of its own (instants and a seeded `Rng`
 * are passed in). Results are screening results, never diagnoses.
 */
export {
  type Answers,
  type AnswerValue,
  answersFromArray,
  checkAnswer,
  checkAnswers,
  type ItemRef,
  resolveItem,
} from "./answers.ts";
export {
  CRISIS_REGIONS,
  CRISIS_RESOURCES_LAST_VERIFIED,
  type CrisisContact,
  type CrisisRegion,
  type CrisisResources,
  crisisResources,
  normaliseRegion,
} from "./crisis-resources.ts";
export {
  type Band,
  type BandSet,
  type CountScoreDefinition,
  type Cutoff,
  type InstrumentDefinition,
  type ItemDefinition,
  type ItemSimulation,
  instrumentDefinitionSchema,
  LICENCE_STATUSES,
  type Licence,
  type LicenceStatus,
  type OptionDefinition,
  type Presentation,
  parseDefinition,
  type RespondentSex,
  type ResponseSpec,
  type RuleCondition,
  type RuleDefinition,
  type RuleEffect,
  type ScoreDefinition,
  type SimulationSpec,
  type SleepOutput,
  type SleepRoles,
  type SleepTimingScoreDefinition,
  type SumScoreDefinition,
  TRAIT_NAMES,
  type TraitName,
  type WordingSource,
} from "./definition.ts";
export { describeResult, formatScoreValue } from "./describe.ts";
export {
  type AnswerEvaluation,
  type CrisisEvent,
  type EvaluateAnswerOptions,
  evaluateAnswer,
  evaluateAnswers,
} from "./evaluate-answer.ts";
export {
  type BundlePart,
  fullUrlOf,
  IDENTIFIER_SYSTEMS,
  type ObservationContext,
  scoreObservations,
  transactionBundle,
} from "./fhir/bundle.ts";
export {
  CANONICAL_BASE,
  canonicalUrl,
  FHIR,
  fhirId,
  instrumentIdOfCanonical,
  PROFILES,
  uuidFrom,
  versionedCanonical,
} from "./fhir/codes.ts";
export { fromQuestionnaireResponse, type ImportedResponse, type ImportOptions } from "./fhir/import.ts";
export { type FhirResource, scoreExpression, toQuestionnaire } from "./fhir/questionnaire.ts";
export {
  type ExportedResponse,
  type QuestionnaireResponseOptions,
  toQuestionnaireResponse,
} from "./fhir/response.ts";
export { createFhirValidator, type FhirValidator } from "./fhir/validate.ts";
export { reverseValue, sumRange, valueRange } from "./items.ts";
export { applyPack, type InstrumentPack, instrumentPackSchema, packTemplate } from "./pack.ts";
export {
  BUNDLED_INSTRUMENT_IDS,
  BUNDLED_INSTRUMENTS,
  effectiveRules,
  getInstrument,
  type InstrumentSummary,
  listInstruments,
  summarizeInstrument,
  type WordingStatus,
  wordingStatus,
} from "./registry.ts";
export {
  INSTRUMENT_ERROR_CODES,
  type InstrumentError,
  type InstrumentErrorCode,
  type InstrumentIssue,
  type Result,
} from "./result.ts";
export { type Flag, type FlagKind, type PresentationLevel, presentationOf } from "./rules.ts";
export {
  type BandResult,
  type CutoffResult,
  type ResponseScore,
  SCREENING_NOTE,
  type ScoreContext,
  type ScoreResult,
  scoreResponse,
} from "./score.ts";
export {
  computeSleepTiming,
  formatClock,
  parseClock,
  type SleepDay,
  type SleepTimingInput,
  type SleepTimingResult,
} from "./sleep-timing.ts";
export {
  answerInstrument,
  type SyntheticRespondent,
  type SyntheticRespondentOptions,
  syntheticAnswers,
  syntheticRespondent,
} from "./synthetic/respond.ts";
export { type Exposure, type LatentTraits, latentTraits } from "./synthetic/traits.ts";
