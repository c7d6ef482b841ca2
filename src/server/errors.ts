import { type ErrorBody, type ErrorCode, httpStatus } from "../errors/index.ts";

/** The HTTP status of an error code, from the one table of codes. */
export const statusOf = (code: ErrorCode): number => httpStatus(code);

/** The JSON body every error response carries. */
export function errorBody(error: ErrorBody): { error: ErrorBody } {
  return { error };
}

/** Maps a framework error (bad JSON, body too large, wrong media type, rate limit) to a stable code. */
export function frameworkError(e: { statusCode?: number; code?: string; message?: string }): ErrorBody {
  const status = e.statusCode ?? 500;
  if (status === 413) return { code: "payload_too_large", message: "the request body is too large" };
  if (status === 415) return { code: "unsupported_media_type", message: "send the body as application/json" };
  if (status === 429) return { code: "rate_limited", message: "too many attempts; wait and try again" };
  if (e.code === "FST_ERR_CTP_INVALID_JSON_BODY" || (status === 400 && /JSON/i.test(e.message ?? "")))
    return { code: "invalid_json", message: "the request body is not valid JSON" };
  if (status === 404) return { code: "not_found", message: "no such route" };
  if (status < 500) return { code: "bad_request", message: e.message ?? "bad request" };
  return { code: "internal_error", message: "internal error" };
}
