import {
  describeIssues,
  type ErrorBody,
  type Issue,
  issuesFrom,
  type Result as SharedResult,
  fail as sharedFail,
} from "../errors/index.ts";

/**
 * Typed results for the instruments core: expected failures (bad user input, unknown ids,
 * malformed FHIR, bad packs) come back as values with a stable snake_case code, never as throws.
 */

/** Every error code the instruments core can return. Codes are stable API; messages are not. */
export const INSTRUMENT_ERROR_CODES = [
  "unknown_instrument",
  "unknown_item",
  "wrong_item_count",
  "duplicate_answer",
  "answer_out_of_range",
  "answer_wrong_type",
  "invalid_time",
  "invalid_instant",
  "invalid_context",
  "invalid_definition",
  "pack_invalid",
  "pack_instrument_mismatch",
  "pack_version_mismatch",
  "pack_item_mismatch",
  "pack_option_mismatch",
  "fhir_malformed",
  "fhir_schema_invalid",
  "fhir_unknown_questionnaire",
  "fhir_version_mismatch",
  "fhir_unknown_answer_code",
  "fhir_score_mismatch",
] as const;

/** A stable error code from {@link INSTRUMENT_ERROR_CODES}. */
export type InstrumentErrorCode = (typeof INSTRUMENT_ERROR_CODES)[number];

/** One problem found in the input: where it is and what is wrong. */
export type InstrumentIssue = Issue;

/**
 * An expected failure. `path` names the offending part of the input, e.g. `["phq9", "phq9_9"]`
 * for an answer or `["item", 3, "linkId"]` for FHIR; `issues` lists every problem when there are several.
 */
export type InstrumentError = ErrorBody<InstrumentErrorCode>;

/** Success with a value, or an {@link InstrumentError}: the one `Result` of `src/errors`. */
export type Result<T> = SharedResult<T, InstrumentErrorCode>;

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failure with a stable code. */
export function fail<T = never>(
  code: InstrumentErrorCode,
  message: string,
  path?: readonly (string | number)[],
  issues?: readonly InstrumentIssue[],
): Result<T> {
  return sharedFail(code, message, { ...(path ? { path } : {}), ...(issues ? { issues } : {}) });
}

/** Turns zod issues into {@link InstrumentIssue}s (symbols in paths become strings). */
export const issuesFromZod = issuesFrom;

/** "a.b.0: message; …" for an error message that names every offending place. */
export { describeIssues };
