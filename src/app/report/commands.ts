import { z } from "zod";
import { SECTION_IDS } from "../../report/index.ts";
import { personScope } from "../records/commands.ts";
import { AppError, defineCommand } from "../registry.ts";
import type { ShareRow, Store } from "../store-port.ts";
import { personReportHtml } from "./gather.ts";
import { newShareId, newShareToken, shareStatus, shareTokenHash } from "./shares.ts";

/** A list of report sections: at least one, each once. */
export const SectionsSchema = z
  .array(z.enum(SECTION_IDS))
  .min(1)
  .refine((xs) => new Set(xs).size === xs.length, { message: "each section at most once" });

/** The report's sections and form, as `report/html` and `report/pdf` take them. */
const ReportInputFields = {
  sections: SectionsSchema.optional(),
} as const;

/** `report/html`: the person's report as one self-contained HTML document. */
export const reportHtmlCommand = defineCommand({
  name: "report/html",
  summary:
    "The report for a coach or clinician (map, plan and forecast, scores, progress, crisis events, sources) as HTML",
  input: z.strictObject({
    ...ReportInputFields,
    /** Print-ready for the PDF printer, which adds its own footer. Default false. */
    pdf: z.boolean().default(false),
  }),
  output: z.strictObject({ html: z.string() }),
  async run(input, ctx) {
    return {
      html: await personReportHtml(ctx, {
        ...(input.sections ? { sections: input.sections } : {}),
        pdf: input.pdf,
      }),
    };
  },
});

/** `report/pdf`: the same report printed to an A4 PDF (base64), the disclaimer in every page's footer. */
export const reportPdfCommand = defineCommand({
  name: "report/pdf",
  summary: "The report for a coach or clinician as an A4 PDF (base64; needs Chromium where it runs)",
  input: z.strictObject(ReportInputFields),
  output: z.strictObject({ pdfBase64: z.string(), filename: z.string() }),
  async run(input, ctx) {
    const { now } = personScope(ctx);
    if (!ctx.printer)
      throw new AppError({
        code: "browser_missing",
        message: "PDF printing is not available here; the HTML report is",
      });
    ctx.printer.check();
    const html = await personReportHtml(ctx, {
      ...(input.sections ? { sections: input.sections } : {}),
      pdf: true,
    });
    const pdf = await ctx.printer.print(html);
    return {
      pdfBase64: Buffer.from(pdf).toString("base64"),
      filename: `dopamap-report-${now().slice(0, 10)}.pdf`,
    };
  },
});

/** A share as its owner sees it (never the token or its hash). */
const ShareViewSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  sections: z.array(z.string()),
  granteeEmail: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
});

const view = (s: ShareRow, now: string): z.output<typeof ShareViewSchema> => ({
  id: s.id,
  label: s.label,
  sections: [...s.sections],
  granteeEmail: s.granteeEmail,
  createdAt: s.createdAt,
  expiresAt: s.expiresAt,
  revokedAt: s.revokedAt,
  status: shareStatus(s, now),
});

async function accountEmail(store: Store, personId: string): Promise<string | null> {
  const person = await store.getPerson(personId);
  if (!person?.accountId) return null;
  return (await store.getAccount(person.accountId))?.email ?? null;
}

/** `share/create`: a read-only share of chosen sections, as a link or as a grant to another account. */
export const shareCreateCommand = defineCommand({
  name: "share/create",
  summary:
    "Give a coach or clinician read-only access to chosen report sections: a link (shown once) or a grant to their account, expiring in 1–90 days",
  input: z.strictObject({
    sections: SectionsSchema,
    expiresInDays: z.number().int().min(1).max(90),
    label: z.string().trim().max(100).default(""),
    /** Grant to this account instead of making a link (accounts mode only). */
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()).optional(),
  }),
  output: z.strictObject({
    share: ShareViewSchema,
    /** The link's token and path, shown this once (absent for an account grant). */
    token: z.string().optional(),
    path: z.string().optional(),
  }),
  async run(input, ctx) {
    const { store, personId, now } = personScope(ctx);
    if (input.email !== undefined) {
      const own = await accountEmail(store, personId);
      if (own === null)
        throw new AppError({
          code: "accounts_only",
          message: "email: granting to an account needs a server with accounts; share a link instead",
          path: ["email"],
        });
      if (own === input.email)
        throw new AppError({
          code: "invalid_input",
          message: "email: that is your own account",
          path: ["email"],
        });
    }
    const created = now();
    const token = newShareToken();
    const share: ShareRow = {
      id: newShareId(),
      tokenHash: shareTokenHash(token),
      personId,
      sections: SECTION_IDS.filter((s) => input.sections.includes(s)),
      label: input.label,
      granteeEmail: input.email ?? null,
      createdAt: created,
      expiresAt: new Date(Date.parse(created) + input.expiresInDays * 86_400_000).toISOString(),
      revokedAt: null,
    };
    await store.createShare(share);
    return {
      share: view(share, created),
      ...(share.granteeEmail === null ? { token, path: `/shared/${token}` } : {}),
    };
  },
});

/** `share/list`: the person's shares with their status, and the account grants others made to them. */
export const shareListCommand = defineCommand({
  name: "share/list",
  summary: "Your shares (active, expired, revoked) and the reports shared with your account",
  input: z.strictObject({}),
  output: z.strictObject({
    shares: z.array(ShareViewSchema),
    sharedWithMe: z.array(
      z.strictObject({
        id: z.string(),
        label: z.string(),
        sections: z.array(z.string()),
        expiresAt: z.string(),
        path: z.string(),
      }),
    ),
  }),
  async run(_input, ctx) {
    const { store, personId, now } = personScope(ctx);
    const at = now();
    const email = await accountEmail(store, personId);
    const received = email ? await store.listSharesGrantedTo(email) : [];
    return {
      shares: (await store.listShares(personId)).map((s) => view(s, at)),
      sharedWithMe: received
        .filter((s) => shareStatus(s, at) === "active")
        .map((s) => ({
          id: s.id,
          label: s.label,
          sections: [...s.sections],
          expiresAt: s.expiresAt,
          path: `/shared/grant/${s.id}`,
        })),
    };
  },
});

/** `share/revoke`: withdraws one of the person's shares at once. */
export const shareRevokeCommand = defineCommand({
  name: "share/revoke",
  summary: "Withdraw a share: its link or grant shows nothing from now on",
  input: z.strictObject({ id: z.string().min(1).max(100) }),
  output: z.strictObject({ id: z.string(), revoked: z.literal(true) }),
  async run(input, ctx) {
    const { store, personId, now } = personScope(ctx);
    if (!(await store.revokeShare(personId, input.id, now())))
      throw new AppError({ code: "not_found", message: `id: no share ${input.id}`, path: ["id"] });
    return { id: input.id, revoked: true as const };
  },
});

/** The report and sharing commands, in registry order. */
export const REPORT_COMMANDS = [
  reportHtmlCommand,
  reportPdfCommand,
  shareCreateCommand,
  shareListCommand,
  shareRevokeCommand,
] as const;
