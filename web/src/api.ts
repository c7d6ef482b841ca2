/**
 * The browser's only way to the server: `POST /api/<name>` for every registry command, plus the few
 * non-command routes (health, accounts). In accounts mode the session's CSRF token travels in the
 * `x-csrf-token` header; it is fetched from `GET /api/auth/session` when the page has none (after a reload).
 */

/** An error answered by the server (or the network): `code` is the server's stable code, `message` its text. */
export class ApiError extends Error {
  readonly code: string;
  readonly details?: unknown;
  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.details = details;
  }
}

/** `GET /api/health`: which store and mode the server runs, and whether a demo person is offered. */
export interface Health {
  readonly status: string;
  readonly store: string;
  readonly mode: "local" | "accounts";
  readonly demoOffered: boolean;
}

/** A signed-in session as the server reports it. */
export interface Session {
  readonly accountId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

const CSRF_HEADER = "x-csrf-token";
let csrfToken: string | undefined;
const listeners = new Set<(e: ApiError) => void>();

/** Called with every `unauthorized`/`session_expired` error, so the shell can show the log-in form. Returns an unsubscribe. */
export function onAuthError(listener: (e: ApiError) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function request<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (method === "POST") headers["content-type"] = "application/json";
  if (csrfToken) headers[CSRF_HEADER] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(method === "POST" ? { body: JSON.stringify(body ?? {}) } : {}),
    });
  } catch (e) {
    throw new ApiError("network_error", "the server cannot be reached; check that dopamap is running", e);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
    const e = new ApiError(err?.code ?? `http_${res.status}`, err?.message ?? res.statusText, err);
    if (e.code === "unauthorized" || e.code === "session_expired") for (const l of listeners) l(e);
    throw e;
  }
  return json as T;
}

/** A POST that, when the page has no CSRF token yet (after a reload), fetches the session's and retries once. */
async function post<T>(path: string, body: unknown): Promise<T> {
  try {
    return await request<T>("POST", path, body);
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== "csrf_failed") throw e;
    await session();
    return request<T>("POST", path, body);
  }
}

/** POST /api/<name> with JSON; handles the CSRF header in accounts mode; throws ApiError with the server's code/message. */
export function call<T = unknown>(name: string, input?: unknown): Promise<T> {
  return post<T>(`/api/${name}`, input ?? {});
}

/** `GET /api/health`. */
export function health(): Promise<Health> {
  return request<Health>("GET", "/api/health");
}

/** The current session (accounts mode), remembering its CSRF token; throws ApiError `unauthorized` when signed out. */
export async function session(): Promise<Session> {
  const s = await request<Session>("GET", "/api/auth/session");
  csrfToken = s.csrfToken;
  return s;
}

/** Creates an account and signs in (password: at least 10 characters). */
export async function signUp(email: string, password: string): Promise<Session> {
  // Sign-up answers the same whether or not the address is taken (it reveals no registered email)
  // and starts no session: logging in with the new password is what signs the person in.
  await request<unknown>("POST", "/api/auth/signup", { email, password });
  try {
    return await logIn(email, password);
  } catch (e) {
    if (e instanceof ApiError && e.code === "invalid_credentials")
      throw new ApiError(
        "invalid_credentials",
        "that email cannot be used with this password: if you have an account already, log in instead",
      );
    throw e;
  }
}

/** Signs in with email and password. */
export async function logIn(email: string, password: string): Promise<Session> {
  const s = await request<Session>("POST", "/api/auth/login", { email, password });
  csrfToken = s.csrfToken;
  return s;
}

/** Signs out of this session. */
export async function logOut(): Promise<void> {
  await post("/api/auth/logout", {});
  csrfToken = undefined;
}
