import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { CSRF_HEADER, SESSION_COOKIE } from "./auth.ts";

/**
 * The storage commands of the app (records, export/import, delete, demo) and those that read or write
 * the person's stored data (map, report, shares, tasks, import): fuzzed with any body. Other
 * commands (simulations, fits) can run for minutes on a valid body, so tests send them only bodies
 * no object schema accepts.
 */
export const DATA_COMMANDS = new Set([
  "activity/define",
  "checkin/record",
  "urge/record",
  "day/close",
  "log/get",
  "export/all",
  "import/all",
  "account/delete",
  "demo/seed",
  "assessment/answer",
  "assessment/submit",
  "map/get",
  "import/preview",
  "import/records",
  "import/fhir",
  "report/html",
  "share/create",
  "share/list",
  "share/revoke",
  "tasks/start",
  "tasks/session",
  "tasks/trial",
  "tasks/export",
  "tasks/fit",
]);

/** The instant every server test runs at (no test reads the wall clock). */
export const TEST_NOW = "2026-12-01T10:30:00Z";
/** A clock stopped at `TEST_NOW`, for `buildServer({ now })`. */
export const testClock = (): Date => new Date(TEST_NOW);

/** Headers of a same-origin loopback request. */
export const LOCAL = { host: "127.0.0.1:3000", "content-type": "application/json" } as const;

/** A signed-in test client: its cookie and CSRF header. */
export interface Client {
  readonly headers: Record<string, string>;
}

/**
 * Signs in through the API (signing up first when `path` is "signup": sign-up answers the same
 * whatever the email, and starts no session) and returns the client's headers.
 */
export async function signIn(app: FastifyInstance, email: string, path = "signup"): Promise<Client> {
  const payload = { email, password: "correct horse battery" };
  const headers = { "content-type": "application/json" };
  if (path === "signup") {
    const up = await app.inject({ method: "POST", url: "/api/auth/signup", headers, payload });
    if (up.statusCode !== 200) throw new Error(`signup failed: ${up.statusCode} ${up.body}`);
  }
  const res = await app.inject({ method: "POST", url: "/api/auth/login", headers, payload });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name.endsWith(SESSION_COOKIE));
  const { csrfToken } = res.json() as { csrfToken: string };
  return {
    headers: {
      "content-type": "application/json",
      cookie: `${cookie?.name ?? SESSION_COOKIE}=${cookie?.value ?? ""}`,
      [CSRF_HEADER]: csrfToken,
    },
  };
}

/** POSTs a JSON body to /api/<command>. */
export function post(
  app: FastifyInstance,
  command: string,
  payload: unknown,
  headers: Record<string, string> = LOCAL,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: "POST", url: `/api/${command}`, headers, payload: JSON.stringify(payload) });
}

/** An activity and a check-in for it, with the given ids. */
export function sampleRecords(prefix: string) {
  return {
    activity: {
      id: `${prefix}-act`,
      name: "walk",
      kind: "movement",
      importance: 0.5,
      novelty: 0.1,
      effort: 0.4,
    },
    checkIn: {
      id: `${prefix}-c1`,
      activityId: `${prefix}-act`,
      localDate: "2026-11-29",
      localHour: 9,
      at: "2026-11-29T09:00:00Z",
      plannedMin: 30,
      started: true,
      minutesDone: 20,
      anticipated: 3,
      experienced: 8,
    },
  };
}
