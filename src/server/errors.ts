import type { AppErrorBody } from "../app/index.ts";

const STATUS: Readonly<Record<string, number>> = {
  invalid_input: 400,
  invalid_json: 400,
  bad_request: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  session_expired: 401,
  forbidden: 403,
  bad_host: 403,
  bad_origin: 403,
  csrf_failed: 403,
  tls_required: 403,
  not_found: 404,
  unknown_command: 404,
  method_not_allowed: 405,
  conflict: 409,
  no_records: 409,
  email_taken: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  no_store: 500,
};

/** The HTTP status of an error code; codes not listed are client errors (400). */
export function statusOf(code: string): number {
  return STATUS[code] ?? 400;
}

/** The JSON body every error response carries. */
export function errorBody(error: AppErrorBody): { error: AppErrorBody } {
  return { error };
}

/** Maps a framework error (bad JSON, body too large, wrong media type, rate limit) to a stable code. */
export function frameworkError(e: { statusCode?: number; code?: string; message?: string }): AppErrorBody {
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
