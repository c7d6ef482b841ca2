/**
 * One result type and one closed table of error codes for the whole of dopamap: the core returns
 * `Result`s, command handlers throw `AppError`s, and every adapter turns a code into the same
 * HTTP status, CLI exit code and words. Pure: no I/O, importable from the core and the web app.
 */
export { ERROR_CODE_LIST, ERROR_CODES, type ErrorCode, exitCode, httpStatus, isErrorCode } from "./codes.ts";
export {
  AppError,
  describeIssues,
  type ErrorBody,
  fail,
  fromParse,
  type Issue,
  issuesFrom,
  ok,
  type Result,
  rowsFailure,
  type SafeParsed,
  unwrap,
} from "./result.ts";
