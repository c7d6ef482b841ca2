import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError, type ErrorCode, invalidInput, type SessionRow, type Store } from "../app/index.ts";

/** The session cookie's name. */
export const SESSION_COOKIE = "dopamap_session";
/** The header that carries the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = "x-csrf-token";

/** How accounts behave: session lifetime, cookie security, and the login rate limit. */
export interface AuthOptions {
  readonly store: Store;
  readonly now: () => Date;
  /** Session lifetime, ms. Default 14 days. */
  readonly sessionTtlMs: number;
  /** Mark cookies Secure (always, except in socket-free tests). */
  readonly secureCookies: boolean;
  /** Login and sign-up attempts per address per minute. */
  readonly loginAttemptsPerMinute: number;
}

const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
const CredentialsSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(10).max(256),
});

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const token = () => randomBytes(32).toString("base64url");
let dummyHash: Promise<string> | undefined;

function fail(code: ErrorCode, message: string): never {
  throw new AppError({ code, message });
}

/** The signed-in session of a request, or a typed 401; expired sessions are removed. */
export async function sessionOf(
  req: FastifyRequest,
  o: AuthOptions,
): Promise<SessionRow & { personId: string }> {
  const raw = req.cookies[SESSION_COOKIE];
  if (!raw || raw.length > 200) fail("unauthorized", "sign in first");
  const s = await o.store.getSession(sha256(raw));
  if (!s) fail("unauthorized", "sign in first");
  if (Date.parse(s.expiresAt) <= o.now().getTime()) {
    await o.store.deleteSession(s.tokenHash);
    fail("session_expired", "the session has expired; sign in again");
  }
  const account = await o.store.getAccount(s.accountId);
  if (!account) fail("unauthorized", "sign in first");
  return { ...s, personId: account.personId };
}

/** Requires the session's CSRF token in the `x-csrf-token` header. */
export function checkCsrf(req: FastifyRequest, session: SessionRow): void {
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== "string" || sent !== session.csrfToken)
    fail("csrf_failed", `send the session's CSRF token in the ${CSRF_HEADER} header`);
}

async function startSession(reply: FastifyReply, accountId: string, o: AuthOptions) {
  const secret = token();
  const created = o.now();
  const session: SessionRow = {
    tokenHash: sha256(secret),
    accountId,
    csrfToken: token(),
    createdAt: created.toISOString(),
    expiresAt: new Date(created.getTime() + o.sessionTtlMs).toISOString(),
  };
  await o.store.createSession(session);
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    secure: o.secureCookies,
    sameSite: "strict",
    path: "/",
    maxAge: Math.floor(o.sessionTtlMs / 1000),
  });
  return { accountId, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

function credentials(body: unknown) {
  const parsed = CredentialsSchema.safeParse(body ?? {});
  if (!parsed.success) throw new AppError(invalidInput(parsed.error));
  return parsed.data;
}

/** Registers sign-up, login, session, log-out and log-out-everywhere routes (login and sign-up rate limited). */
export function registerAuthRoutes(app: FastifyInstance, o: AuthOptions): void {
  const limited = { config: { rateLimit: { max: o.loginAttemptsPerMinute, timeWindow: 60_000 } } };
  app.post("/api/auth/signup", limited, async (req, reply) => {
    const { email, password } = credentials(req.body);
    const accountId = randomUUID();
    const personId = randomUUID();
    const createdAt = o.now().toISOString();
    const passwordHash = await hash(password, ARGON);
    const outcome = await o.store.createAccount(
      { id: accountId, email, passwordHash, personId, createdAt },
      { id: personId, name: "", accountId, demo: false, createdAt },
    );
    if (outcome === "email_taken") fail("email_taken", "an account with this email exists; log in instead");
    return startSession(reply, accountId, o);
  });
  app.post("/api/auth/login", limited, async (req, reply) => {
    const { email, password } = credentials(req.body);
    const account = await o.store.findAccountByEmail(email);
    if (!account) {
      dummyHash ??= hash("not a password of anyone", ARGON);
      await verify(await dummyHash, password);
      fail("invalid_credentials", "wrong email or password");
    }
    if (!(await verify(account.passwordHash, password)))
      fail("invalid_credentials", "wrong email or password");
    return startSession(reply, account.id, o);
  });
  app.get("/api/auth/session", async (req) => {
    const s = await sessionOf(req, o);
    return { accountId: s.accountId, csrfToken: s.csrfToken, expiresAt: s.expiresAt };
  });
  app.post("/api/auth/logout", async (req, reply) => {
    const s = await sessionOf(req, o);
    checkCsrf(req, s);
    await o.store.deleteSession(s.tokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return { loggedOut: true };
  });
  app.post("/api/auth/logout-all", async (req, reply) => {
    const s = await sessionOf(req, o);
    checkCsrf(req, s);
    await o.store.deleteSessionsOf(s.accountId);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return { loggedOut: true };
  });
}
