import { z } from "zod";
import { SECTION_IDS } from "../../report/index.ts";
import { personScope } from "../records/commands.ts";
import { AppError, defineCommand } from "../registry.ts";
import type { ShareRow, Store } from "../store-port.ts";
import { personReportHtml } from "./gather.ts";
import {
  newAcceptCode,
  newShareId,
  newShareToken,
  normaliseCode,
  shareStatus,
  shareTokenHash,
} from "./shares.ts";

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

/** A share as its owner sees it (never the token, the code or their hashes). */
const ShareViewSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(["link", "grant"]),
  label: z.string(),
  sections: z.array(z.string()),
  /** The email of the account that accepted a grant; null for a link or a grant not yet accepted. */
  granteeEmail: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  /** "pending": a grant whose code no one has redeemed yet. */
  status: z.enum(["active", "pending", "expired", "revoked"]),
});

async function view(store: Store, s: ShareRow, now: string): Promise<z.output<typeof ShareViewSchema>> {
  const grantee = s.granteeAccountId ? await store.getAccount(s.granteeAccountId) : undefined;
  const status = shareStatus(s, now);
  return {
    id: s.id,
    kind: s.kind,
    label: s.label,
    sections: [...s.sections],
    granteeEmail: grantee?.email ?? null,
    createdAt: s.createdAt,
    expiresAt: s.expiresAt,
    revokedAt: s.revokedAt,
    status: status === "active" && s.kind === "grant" && s.granteeAccountId === null ? "pending" : status,
  };
}

/** The account a person signs in with; null for the local person (no accounts). */
async function accountOf(store: Store, personId: string): Promise<string | null> {
  return (await store.getPerson(personId))?.accountId ?? null;
}

/**
 * `share/create`: a read-only share of chosen sections, as a link or as a grant to another
 * account. A grant reaches no one until the person it is for, signed in to their own account,
 * redeems its one-time acceptance code (`share/accept`): the person sends them the code outside
 * dopamap, and it binds the grant to the account that redeems it (never to an email address,
 * which anyone could register first).
 */
export const shareCreateCommand = defineCommand({
  name: "share/create",
  summary:
    "Give a coach or clinician read-only access to chosen report sections: a link (shown once) or an account grant with a one-time acceptance code, expiring in 1–90 days",
  input: z.strictObject({
    sections: SectionsSchema,
    expiresInDays: z.number().int().min(1).max(90),
    label: z.string().trim().max(100).default(""),
    /** An account grant with a one-time acceptance code instead of a link (accounts mode only). */
    grant: z.boolean().default(false),
  }),
  output: z.strictObject({
    share: ShareViewSchema,
    /** The link's token and path, shown this once (absent for an account grant). */
    token: z.string().optional(),
    path: z.string().optional(),
    /** A grant's one-time acceptance code, shown this once (absent for a link). */
    acceptCode: z.string().optional(),
  }),
  async run(input, ctx) {
    const { store, personId, now } = personScope(ctx);
    if (input.grant && (await accountOf(store, personId)) === null)
      throw new AppError({
        code: "accounts_only",
        message: "grant: granting to an account needs a server with accounts; share a link instead",
        path: ["grant"],
      });
    const created = now();
    const secret = input.grant ? newAcceptCode() : newShareToken();
    const share: ShareRow = {
      id: newShareId(),
      kind: input.grant ? "grant" : "link",
      tokenHash: shareTokenHash(secret),
      personId,
      sections: SECTION_IDS.filter((s) => input.sections.includes(s)),
      label: input.label,
      granteeAccountId: null,
      createdAt: created,
      expiresAt: new Date(Date.parse(created) + input.expiresInDays * 86_400_000).toISOString(),
      revokedAt: null,
    };
    await store.createShare(share);
    return {
      share: await view(store, share, created),
      ...(input.grant ? { acceptCode: secret } : { token: secret, path: `/shared/${secret}` }),
    };
  },
});

/** A report shared with the signed-in account, as they see it. */
const ReceivedSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  sections: z.array(z.string()),
  expiresAt: z.string(),
  path: z.string(),
});

const received = (s: ShareRow): z.output<typeof ReceivedSchema> => ({
  id: s.id,
  label: s.label,
  sections: [...s.sections],
  expiresAt: s.expiresAt,
  path: `/shared/grant/${s.id}`,
});

/** `share/accept`: redeems a grant's one-time acceptance code for the signed-in account. */
export const shareAcceptCommand = defineCommand({
  name: "share/accept",
  summary: "Accept a report shared with you: redeem its one-time code (once, for your own account)",
  input: z.strictObject({ code: z.string().trim().min(1).max(64) }),
  output: ReceivedSchema,
  async run(input, ctx) {
    const { store, personId, now } = personScope(ctx);
    const accountId = await accountOf(store, personId);
    if (accountId === null)
      throw new AppError({
        code: "accounts_only",
        message: "code: accepting a shared report needs a server with accounts",
        path: ["code"],
      });
    const hash = shareTokenHash(normaliseCode(input.code));
    const pending = await store.getShareByTokenHash(hash);
    const refuse = () =>
      new AppError({
        code: "not_found",
        message: "code: no report waits for that code (it may have been used, withdrawn or expired)",
        path: ["code"],
      });
    // One answer for a wrong, used, withdrawn or expired code: none reveals more than another.
    if (pending?.kind !== "grant" || shareStatus(pending, now()) !== "active") throw refuse();
    if (pending.personId === personId)
      throw new AppError({ code: "invalid_input", message: "code: that is your own share", path: ["code"] });
    const accepted = await store.acceptGrant(hash, accountId);
    if (!accepted) throw refuse();
    return received(accepted);
  },
});

/** `share/list`: the person's shares with their status, and the account grants others made to them. */
export const shareListCommand = defineCommand({
  name: "share/list",
  summary: "Your shares (active, pending, expired, revoked) and the reports shared with your account",
  input: z.strictObject({}),
  output: z.strictObject({
    shares: z.array(ShareViewSchema),
    sharedWithMe: z.array(ReceivedSchema),
  }),
  async run(_input, ctx) {
    const { store, personId, now } = personScope(ctx);
    const at = now();
    const accountId = await accountOf(store, personId);
    const grants = accountId ? await store.listSharesGrantedTo(accountId) : [];
    return {
      shares: await Promise.all((await store.listShares(personId)).map((s) => view(store, s, at))),
      sharedWithMe: grants.filter((s) => shareStatus(s, at) === "active").map(received),
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
  shareAcceptCommand,
  shareCreateCommand,
  shareListCommand,
  shareRevokeCommand,
] as const;
