import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from "fastify";
import {
  AppError,
  registry as appRegistry,
  type ErrorBody,
  LOCAL_PERSON_ID,
  type PdfPrinter,
  type Registry,
  type Store,
} from "../app/index.ts";
import { BUNDLED_INSTRUMENT_IDS, fhirId, getInstrument, toQuestionnaire } from "../instruments/index.ts";
import { chromiumPrinter } from "../printer/pdf.tsx";
import { type AuthOptions, checkCsrf, registerAuthRoutes, sessionOf } from "./auth.ts";
import { errorBody, frameworkError, statusOf } from "./errors.ts";
import { openApiDocument } from "./openapi.ts";
import { registerReportRoutes } from "./report-routes.ts";
import { registerWebApp } from "./static.ts";

const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"];

/** How the server runs. `local`: one person on loopback, no login; `accounts`: sign-in required. */
export interface ServerOptions {
  readonly store: Store;
  readonly mode: "local" | "accounts";
  readonly registry?: Registry;
  /** pino options or `false`; the request log never holds bodies (answers, ratings, notes, crisis events). */
  readonly logger?: FastifyServerOptions["logger"];
  /** The clock: the adapter passes it in (the CLI's clock in `dopamap serve`, a fixed instant in tests). */
  readonly now: () => Date;
  /** Host names accepted in `Host` in local mode (against DNS rebinding). Default: the loopback names. */
  readonly allowedHosts?: readonly string[];
  /** Accounts mode behind a TLS-terminating reverse proxy on loopback: trust its `X-Forwarded-*`, refuse plain HTTP. */
  readonly behindProxy?: boolean;
  /** TLS certificate and key (PEM) for accounts mode without a proxy. */
  readonly https?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  readonly auth?: Partial<Omit<AuthOptions, "store" | "now">>;
  /** Largest accepted body, bytes. Default 16 MiB (an import of years of records). */
  readonly bodyLimit?: number;
  readonly version?: string;
  /** Folder of the built web app served at `/` (default `dist/web`); `false` serves the API only. */
  readonly webRoot?: string | false;
  /** Prints report PDFs (default: headless Chromium). */
  readonly printer?: PdfPrinter;
  /** A request not received whole within this long is answered 408 and closed, ms. Default 60 s. */
  readonly requestTimeoutMs?: number;
  /** Open connections at most. Default 1000. */
  readonly maxConnections?: number;
}

function hostnameOf(host: string): string {
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : (host.split(":")[0] ?? "");
}

function checkLocalRequest(req: FastifyRequest, allowed: ReadonlySet<string>): void {
  const host = (req.headers.host ?? "").trim().toLowerCase();
  // One host, nothing else: "localhost:3000, evil.example" is refused, never split.
  if (/[\s,]/.test(host) || !allowed.has(hostnameOf(host)))
    throw new AppError({ code: "bad_host", message: "this server answers only to its loopback names" });
  const origin = req.headers.origin;
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string" && site.trim().toLowerCase() === "cross-site")
    throw new AppError({ code: "bad_origin", message: "cross-site requests are refused" });
  if (origin === undefined) return;
  let originHost = "";
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (originHost.toLowerCase() !== host.toLowerCase())
    throw new AppError({ code: "bad_origin", message: "cross-site requests are refused" });
}

/**
 * Paths and query values that carry a secret (a share link's token; calendar-feed, invitation and
 * reset tokens as they come): the request log shows `[redacted]` in their place.
 */
const SECRET_PATH = /^(\/(?:shared|calendar|invite|reset|accept)\/)(?!grant\/)[^/?#]+/;
const SECRET_QUERY = /([?&](?:token|code|key|secret)=)[^&#]*/gi;

/** `GET /shared/abc…?token=x` as the log shows it. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PATH, "$1[redacted]").replace(SECRET_QUERY, "$1[redacted]");
}

/** The request log: method, redacted URL, host and remote address; never bodies or headers with secrets. */
const LOG_SERIALIZERS = {
  req: (req: { method?: string; url?: string; hostname?: string; ip?: string }) => ({
    method: req.method,
    url: redactUrl(req.url ?? ""),
    hostname: req.hostname,
    remoteAddress: req.ip,
  }),
};

/** Features no page of dopamap uses (notifications are asked for by the app itself, not listed here). */
const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "interest-cohort=()",
].join(", ");

/** Seconds a client is told to wait (`Retry-After`) when the database is out of reach. */
const RETRY_AFTER_S = "2";

/** Sends an error with its code's status; a 503 for an unreachable database says when to retry. */
function sendError(reply: FastifyReply, body: ErrorBody): FastifyReply {
  if (body.code === "database_unavailable") reply.header("retry-after", RETRY_AFTER_S);
  return reply.status(statusOf(body.code)).send(errorBody(body));
}

/** Builds the HTTP API over the registry: POST /api/<command> for every command, health, OpenAPI and accounts. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const registry = options.registry ?? appRegistry;
  const now = options.now;
  const printer = options.printer ?? chromiumPrinter();
  const store = options.store;
  const requestTimeout = options.requestTimeoutMs ?? 60_000;
  // Slow clients cannot hold connections open: headers within 20 s, the whole request within
  // `requestTimeout`, idle keep-alive connections closed after 10 s.
  const httpOptions = {
    headersTimeout: Math.min(requestTimeout, 20_000),
    connectionsCheckingInterval: Math.min(Math.max(50, Math.floor(requestTimeout / 4)), 5000),
  };
  const app = Fastify({
    logger: options.logger ? { ...(options.logger as object), serializers: LOG_SERIALIZERS } : false,
    requestTimeout,
    keepAliveTimeout: 10_000,
    http: httpOptions,
    bodyLimit: options.bodyLimit ?? 16 * 1024 * 1024,
    trustProxy: options.behindProxy ? ["127.0.0.1", "::1"] : false,
    ...(options.https ? { https: { ...options.https, ...httpOptions } } : {}),
  } as FastifyServerOptions) as unknown as FastifyInstance;
  app.server.maxConnections = options.maxConnections ?? 1000;
  app.removeContentTypeParser("text/plain");
  const allowedHosts = new Set((options.allowedHosts ?? LOOPBACK_HOSTS).map((h) => h.toLowerCase()));
  const auth: AuthOptions = {
    store,
    now,
    sessionTtlMs: options.auth?.sessionTtlMs ?? 14 * 24 * 3600_000,
    idleTimeoutMs: options.auth?.idleTimeoutMs ?? 7 * 24 * 3600_000,
    secureCookies: options.auth?.secureCookies ?? true,
    loginAttemptsPerMinute: options.auth?.loginAttemptsPerMinute ?? 10,
    signupsPerHour: options.auth?.signupsPerHour ?? 5,
    accountFailures: options.auth?.accountFailures ?? 10,
    accountWindowMs: options.auth?.accountWindowMs ?? 15 * 60_000,
  };

  app.setErrorHandler((err, req, reply) => {
    const e = err as { statusCode?: number; code?: string; message?: string };
    let body: ErrorBody;
    if (err instanceof AppError) body = err.body;
    else {
      body = frameworkError(e);
      if (statusOf(body.code) >= 500) req.log.error({ code: e.code ?? "unknown" }, "internal error");
    }
    sendError(reply, body);
  });
  app.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .send(errorBody({ code: "not_found", message: `no route ${req.method} ${req.url.split("?")[0]}` }));
  });

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({
      statusCode: 429,
      error: { code: "rate_limited", message: "too many attempts; wait and try again" },
    }),
  });

  app.addHook("onRequest", async (req) => {
    if (options.mode === "local") checkLocalRequest(req, allowedHosts);
    else if (options.behindProxy && req.protocol !== "https")
      throw new AppError({ code: "tls_required", message: "use https" });
  });
  app.addHook("onSend", async (_req, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("cross-origin-opener-policy", "same-origin");
    reply.header("cross-origin-resource-policy", "same-origin");
    reply.header("permissions-policy", PERMISSIONS_POLICY);
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    if (options.mode === "accounts") reply.header("strict-transport-security", "max-age=31536000");
    return payload;
  });

  if (options.mode === "local") {
    await store.ensurePerson({
      id: LOCAL_PERSON_ID,
      name: "",
      accountId: null,
      demo: false,
      createdAt: now().toISOString(),
    });
  } else registerAuthRoutes(app, auth);

  app.get("/api/health", async (_req, reply) => {
    try {
      await store.ping();
    } catch (e) {
      if (!(e instanceof AppError) || e.body.code !== "database_unavailable") throw e;
      reply.header("retry-after", RETRY_AFTER_S);
      return reply
        .status(503)
        .send({ status: "degraded", store: store.dialect, mode: options.mode, database: "unavailable" });
    }
    const demoOffered =
      options.mode === "local" && (await store.readLog(LOCAL_PERSON_ID)).activities.length === 0;
    return { status: "ok", store: store.dialect, mode: options.mode, database: "ok", demoOffered };
  });
  // The canonical URL of each Questionnaire (instruments/fhir CANONICAL_BASE): a definition, no personal data.
  app.get<{ Params: { id: string } }>("/fhir/Questionnaire/:id", async (req, reply) => {
    const def = getInstrument(req.params.id.replace(/-/g, "_"));
    if (!def.ok)
      throw new AppError({
        code: "not_found",
        message: `no Questionnaire ${req.params.id}`,
        allowed: BUNDLED_INSTRUMENT_IDS.map(fhirId),
      });
    reply.header("cache-control", "public, max-age=3600");
    return reply.type("application/fhir+json").send(JSON.stringify(toQuestionnaire(def.value)));
  });
  const doc = openApiDocument(registry, options.version ?? "0.1.0");
  app.get("/api/openapi.json", async () => doc);

  for (const [name, command] of registry.commands) {
    app.post(`/api/${name}`, async (req, reply) => {
      let personId = LOCAL_PERSON_ID;
      if (options.mode === "accounts" && command.localOnly)
        return reply.status(403).send({
          error: {
            code: "local_only",
            message: `${name} is a long computation; run it with the command line on your own machine`,
          },
        });
      if (options.mode === "accounts") {
        const session = await sessionOf(req, auth);
        checkCsrf(req, session);
        personId = session.personId;
      }
      const result = await registry.invoke(name, req.body === undefined ? {} : req.body, {
        store,
        personId,
        now: () => now().toISOString(),
        printer,
      });
      if (!result.ok) return sendError(reply, result.error);
      return result.value;
    });
  }
  registerReportRoutes(app, {
    store,
    mode: options.mode,
    auth,
    localPersonId: LOCAL_PERSON_ID,
    registry,
    printer,
  });
  if (options.webRoot !== false) await registerWebApp(app, options.webRoot);
  return app;
}
