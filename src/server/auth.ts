import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError, type ErrorCode, invalidInput, type SessionRow, type Store } from "../app/index.ts";
import { NewPasswordSchema } from "./passwords.ts";

/** The session cookie's name over plain http (socket-free tests); over TLS it carries the `__Host-` prefix. */
export const SESSION_COOKIE = "dopamap_session";

/** The session cookie's name: `__Host-` (Secure, Path=/, no Domain: no subdomain can set it) whenever cookies are Secure. */
export const sessionCookieName = (secure: boolean): string =>
  secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
/** The header that carries the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = "x-csrf-token";

/** How accounts behave: session lifetimes, cookie security, and the limits on guessing. */
export interface AuthOptions {
  readonly store: Store;
  readonly now: () => Date;
  /** Session lifetime, ms. Default 14 days. */
  readonly sessionTtlMs: number;
  /** A session unused for this long ends, ms. Default 7 days (a person on their own phone). */
  readonly idleTimeoutMs: number;
  /** Mark cookies Secure (always, except in socket-free tests). */
  readonly secureCookies: boolean;
  /** Login attempts per client address per minute. */
  readonly loginAttemptsPerMinute: number;
  /** Sign-ups per client address per hour. */
  readonly signupsPerHour: number;
  /** Wrong passwords for one account within `accountWindowMs` before the account is held. Default 10. */
  readonly accountFailures: number;
  /** The window (and hold) for `accountFailures`, ms. Default 15 minutes. */
  readonly accountWindowMs: number;
}

/**
 * Wrong-password counts per account (by email, whether or not it exists, so a hold reveals
 * nothing), in this process's memory: the per-account limit that a client rotating its address or
 * a forged X-Forwarded-For cannot get around. Multi-process deployments move it to a shared store.
 */
class AccountGuard {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly o: AuthOptions) {}
  private recent(email: string): number[] {
    const since = this.o.now().getTime() - this.o.accountWindowMs;
    const kept = (this.failures.get(email) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(email, kept);
    else this.failures.delete(email);
    return kept;
  }
  held(email: string): boolean {
    return this.recent(email).length >= this.o.accountFailures;
  }
  failed(email: string): void {
    this.failures.set(email, [...this.recent(email), this.o.now().getTime()]);
  }
  succeeded(email: string): void {
    this.failures.delete(email);
  }
}

const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
const LoginSchema = z.strictObject({ email: Email, password: z.string().min(1).max(256) });
const SignupSchema = z.strictObject({ email: Email, password: NewPasswordSchema });
const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: NewPasswordSchema,
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
  const raw = req.cookies[sessionCookieName(o.secureCookies)];
  if (!raw || raw.length > 200) fail("unauthorized", "sign in first");
  const s = await o.store.getSession(sha256(raw));
  if (!s) fail("unauthorized", "sign in first");
  const now = o.now().getTime();
  if (Date.parse(s.expiresAt) <= now || Date.parse(s.lastSeenAt) + o.idleTimeoutMs <= now) {
    await o.store.deleteSession(s.tokenHash);
    fail("session_expired", "the session has expired; sign in again");
  }
  const account = await o.store.getAccount(s.accountId);
  if (!account) fail("unauthorized", "sign in first");
  // Record the use at most once a minute (the idle timeout counts from it).
  if (now - Date.parse(s.lastSeenAt) >= 60_000)
    await o.store.touchSession(s.tokenHash, new Date(now).toISOString());
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
    lastSeenAt: created.toISOString(),
  };
  await o.store.createSession(session);
  reply.setCookie(sessionCookieName(o.secureCookies), secret, {
    httpOnly: true,
    secure: o.secureCookies,
    sameSite: "strict",
    path: "/",
    maxAge: Math.floor(o.sessionTtlMs / 1000),
  });
  return { accountId, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new AppError(invalidInput(parsed.error));
  return parsed.data;
}

/** What sign-up answers, whether or not the email was free (so it reveals no registered address). */
const SIGNED_UP = {
  signedUp: true,
  message: "If this email address can be used, its account is ready: log in with it and your password.",
} as const;

/** Registers sign-up, login, session, log-out and log-out-everywhere routes (login and sign-up rate limited). */
export function registerAuthRoutes(app: FastifyInstance, o: AuthOptions): void {
  const loginLimit = { config: { rateLimit: { max: o.loginAttemptsPerMinute, timeWindow: 60_000 } } };
  const signupLimit = { config: { rateLimit: { max: o.signupsPerHour, timeWindow: 3600_000 } } };
  const guard = new AccountGuard(o);
  app.post("/api/auth/signup", signupLimit, async (req) => {
    const { email, password } = parse(SignupSchema, req.body);
    const accountId = randomUUID();
    const personId = randomUUID();
    const createdAt = o.now().toISOString();
    // Hashing happens whether or not the email is free, so the answer takes the same time too.
    const passwordHash = await hash(password, ARGON);
    await o.store.createAccount(
      { id: accountId, email, passwordHash, personId, createdAt },
      { id: personId, name: "", accountId, demo: false, createdAt },
    );
    return SIGNED_UP;
  });
  app.post("/api/auth/login", loginLimit, async (req, reply) => {
    const { email, password } = parse(LoginSchema, req.body);
    if (guard.held(email))
      fail("rate_limited", "too many wrong passwords for this account; wait 15 minutes and try again");
    const account = await o.store.findAccountByEmail(email);
    if (!account) {
      dummyHash ??= hash("not a password of anyone", ARGON);
      await verify(await dummyHash, password);
      guard.failed(email);
      fail("invalid_credentials", "wrong email or password");
    }
    if (!(await verify(account.passwordHash, password))) {
      guard.failed(email);
      fail("invalid_credentials", "wrong email or password");
    }
    guard.succeeded(email);
    return startSession(reply, account.id, o);
  });
  app.post("/api/auth/password", loginLimit, async (req) => {
    const s = await sessionOf(req, o);
    checkCsrf(req, s);
    const { currentPassword, newPassword } = parse(PasswordChangeSchema, req.body);
    const account = await o.store.getAccount(s.accountId);
    if (!account || !(await verify(account.passwordHash, currentPassword)))
      fail("invalid_credentials", "currentPassword: that is not your current password");
    await o.store.setPasswordHash(account.id, await hash(newPassword, ARGON));
    // Every other session ends: whoever knew the old password is signed out everywhere else.
    await o.store.deleteSessionsOf(account.id, s.tokenHash);
    return { changed: true };
  });
  app.get("/api/auth/session", async (req) => {
    const s = await sessionOf(req, o);
    return { accountId: s.accountId, csrfToken: s.csrfToken, expiresAt: s.expiresAt };
  });
  app.post("/api/auth/logout", async (req, reply) => {
    const s = await sessionOf(req, o);
    checkCsrf(req, s);
    await o.store.deleteSession(s.tokenHash);
    reply.clearCookie(sessionCookieName(o.secureCookies), { path: "/" });
    return { loggedOut: true };
  });
  app.post("/api/auth/logout-all", async (req, reply) => {
    const s = await sessionOf(req, o);
    checkCsrf(req, s);
    await o.store.deleteSessionsOf(s.accountId);
    reply.clearCookie(sessionCookieName(o.secureCookies), { path: "/" });
    return { loggedOut: true };
  });
}
