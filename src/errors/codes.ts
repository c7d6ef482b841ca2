/**
 * The closed table of error codes: every expected failure anywhere in dopamap (core, registry,
 * server, CLI, web) carries one of these codes, and each code has one HTTP status, one CLI exit
 * code and one meaning. Codes are stable API; messages are not. The CLI exits 2 for a problem with
 * what was typed or sent, 1 for any other failure.
 */
const row = (http: number, exit: 1 | 2, meaning: string) => ({ http, exit, meaning }) as const;

export const ERROR_CODES = {
  // What was sent or typed is wrong: the message names the field and the allowed values.
  invalid_input: row(400, 2, "a field is missing, malformed or out of range"),
  invalid_json: row(400, 2, "the body or file is not valid JSON"),
  bad_request: row(400, 2, "the request is malformed"),
  unknown_command: row(404, 2, "no command by that name"),
  not_found: row(404, 2, "no such record, file, activity or route"),
  payload_too_large: row(413, 2, "the body is larger than allowed"),
  unsupported_media_type: row(415, 2, "the body is not JSON"),
  invalid_protocol: row(400, 2, "a trial-level protocol or scenario breaks a rule"),
  invalid_chart_spec: row(400, 2, "a chart specification breaks a rule"),
  import_rows_invalid: row(400, 2, "rows of an imported file cannot be read"),
  import_too_many_activities: row(400, 2, "an import names more activities than allowed"),
  unknown_instrument: row(404, 2, "no questionnaire by that id"),
  unknown_item: row(400, 2, "the questionnaire has no such item"),
  wrong_item_count: row(400, 2, "the number of answers does not match the questionnaire"),
  duplicate_answer: row(400, 2, "an item is answered twice"),
  answer_out_of_range: row(400, 2, "an answer is outside the item's options"),
  answer_wrong_type: row(400, 2, "an answer has the wrong type for its item"),
  invalid_time: row(400, 2, "a clock time is malformed"),
  invalid_instant: row(400, 2, "an instant is not ISO 8601 with a zone"),
  invalid_context: row(400, 2, "the scoring context is malformed"),
  invalid_definition: row(400, 2, "a questionnaire definition breaks a rule"),
  pack_invalid: row(400, 2, "an instrument pack is malformed"),
  pack_instrument_mismatch: row(400, 2, "an instrument pack is for another instrument"),
  pack_version_mismatch: row(400, 2, "an instrument pack is for another version"),
  pack_item_mismatch: row(400, 2, "an instrument pack's items do not match"),
  pack_option_mismatch: row(400, 2, "an instrument pack's options do not match"),
  wording_not_available: row(409, 1, "the questionnaire's wording is licensed and not loaded"),
  fhir_malformed: row(400, 2, "a FHIR resource is malformed"),
  fhir_schema_invalid: row(400, 2, "a FHIR resource fails the R4 schema"),
  fhir_unknown_questionnaire: row(400, 2, "a FHIR response names an unknown questionnaire"),
  fhir_version_mismatch: row(400, 2, "a FHIR response is for another questionnaire version"),
  fhir_unknown_answer_code: row(400, 2, "a FHIR answer code is not one of the item's"),
  fhir_score_mismatch: row(400, 2, "a FHIR response's stated score does not match its answers"),
  // The person's data or the server's state is in the way.
  conflict: row(409, 1, "a different record with that id is already stored"),
  no_records: row(409, 1, "nothing is recorded yet for this"),
  email_taken: row(409, 1, "an account with that email exists"),
  // Who is asking, and from where.
  unauthorized: row(401, 1, "sign in first"),
  invalid_credentials: row(401, 1, "the email or password is wrong"),
  session_expired: row(401, 1, "the session has ended; sign in again"),
  forbidden: row(403, 1, "this account may not do that"),
  bad_host: row(403, 1, "the Host header is not one this server answers"),
  bad_origin: row(403, 1, "a cross-site request was refused"),
  csrf_failed: row(403, 1, "the CSRF token is missing or wrong"),
  tls_required: row(403, 1, "this needs TLS (HTTPS)"),
  local_only: row(403, 1, "a long computation that runs only on the person's own machine"),
  accounts_only: row(403, 1, "this needs a server with accounts"),
  method_not_allowed: row(405, 1, "the route does not take this method"),
  rate_limited: row(429, 1, "too many requests; wait and try again"),
  // The machine, the browser, the files, the database.
  database_unavailable: row(503, 1, "the database cannot be reached just now; try again shortly"),
  browser_missing: row(503, 1, "Chromium, needed for PDFs, is not installed"),
  io_error: row(500, 1, "a file could not be read or written"),
  write_failed: row(500, 1, "a file could not be written"),
  unsupported_node: row(500, 1, "the Node.js version is too old"),
  no_store: row(500, 1, "a data command ran without the data store (an adapter bug)"),
  internal_error: row(500, 1, "an unexpected failure (a bug)"),
} as const;

/** A stable error code of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Every error code, in table order. */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

/** The HTTP status of a code. */
export const httpStatus = (code: ErrorCode): number => ERROR_CODES[code].http;

/** The CLI's exit code for a code: 2 for what was typed or sent, 1 for any other failure. */
export const exitCode = (code: ErrorCode): 1 | 2 => ERROR_CODES[code].exit;

/** Whether a string is one of the codes (for errors read back from JSON). */
export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODES, code);
