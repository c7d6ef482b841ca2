import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { AppError, type PdfPrinter, type Registry, type Store } from "../app/index.ts";
import { activeGrant, activeLinkShare, sharedReportHtml } from "../app/report/shares.ts";
import { SECTION_IDS } from "../report/index.ts";
import { type AuthOptions, sessionOf } from "./auth.ts";
import { errorBody } from "./errors.ts";

/**
 * The report pages' Content-Security-Policy: no script at all, the inline stylesheet, inline SVG
 * and nothing fetched from anywhere.
 */
export const REPORT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** What the report routes need from the server. */
export interface ReportRouteOptions {
  readonly store: Store;
  readonly mode: "local" | "accounts";
  readonly auth: AuthOptions;
  /** The local person's id (local mode). */
  readonly localPersonId: string;
  readonly registry: Registry;
  /** Prints the PDF report (Chromium). */
  readonly printer: PdfPrinter;
}

const QuerySchema = z.object({
  format: z.enum(["html", "pdf"]).default("html"),
  sections: z
    .string()
    .max(200)
    .optional()
    .transform((s) => (s ? s.split(",").map((x) => x.trim()) : undefined))
    .pipe(z.array(z.enum(SECTION_IDS)).min(1).optional()),
});

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .status(status)
    .header("content-type", "text/html; charset=utf-8")
    .header("content-security-policy", REPORT_CSP)
    .header("x-robots-tag", "noindex")
    .send(body);
}

/**
 * Registers `GET /report` (the signed-in or local person's report; `?format=pdf`, `?sections=a,b`),
 * `GET /shared/:token` (a link share, read-only, no session) and `GET /shared/grant/:id` (an account
 * grant, for the signed-in grantee). An unknown, expired or revoked share gets the same 404 page,
 * which reveals nothing. None of these routes writes anything.
 */
export function registerReportRoutes(app: FastifyInstance, o: ReportRouteOptions): void {
  const nowIso = () => o.auth.now().toISOString();
  const limited = { config: { rateLimit: { max: 60, timeWindow: 60_000 } } };
  app.get("/report", { config: { rateLimit: { max: 20, timeWindow: 60_000 } } }, async (req, reply) => {
    const parsed = QuerySchema.safeParse(req.query ?? {});
    if (!parsed.success)
      throw new AppError({
        code: "invalid_input",
        message: `query: format must be html or pdf; sections a comma-separated list of ${SECTION_IDS.join(", ")}`,
        allowed: [...SECTION_IDS],
      });
    const personId = o.mode === "accounts" ? (await sessionOf(req, o.auth)).personId : o.localPersonId;
    const { format, sections } = parsed.data;
    const ctx = { store: o.store, personId, now: nowIso, printer: o.printer };
    const input = sections ? { sections } : {};
    if (format === "html") {
      const r = await o.registry.invoke("report/html", input, ctx);
      if (!r.ok) throw new AppError(r.error);
      return html(reply, 200, (r.value as { html: string }).html);
    }
    const r = await o.registry.invoke("report/pdf", input, ctx);
    if (!r.ok) {
      if (r.error.code === "browser_missing") return reply.status(503).send(errorBody(r.error));
      throw new AppError(r.error);
    }
    const { pdfBase64, filename } = r.value as { pdfBase64: string; filename: string };
    return reply
      .status(200)
      .header("content-type", "application/pdf")
      .header("content-disposition", `attachment; filename="${filename}"`)
      .send(Buffer.from(pdfBase64, "base64"));
  });

  app.get<{ Params: { token: string } }>("/shared/:token", limited, async (req, reply) => {
    const share = await activeLinkShare(o.store, req.params.token, nowIso());
    return html(reply, share ? 200 : 404, await sharedReportHtml(o.store, share, nowIso()));
  });

  app.get<{ Params: { id: string } }>("/shared/grant/:id", limited, async (req, reply) => {
    let share = null;
    if (o.mode === "accounts") {
      const session = await sessionOf(req, o.auth).catch(() => null);
      if (session) share = await activeGrant(o.store, req.params.id, session.accountId, nowIso());
    }
    return html(reply, share ? 200 : 404, await sharedReportHtml(o.store, share, nowIso()));
  });
}
