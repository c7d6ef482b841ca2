import { z } from "zod";
import { DIARY_NOTE_KIND } from "../import/commands.ts";
import { personScope } from "../records/commands.ts";
import { AppError, defineCommand } from "../registry.ts";
import {
  type DiaryNoteRow,
  type ExportDocument,
  ExportDocumentSchema,
  exportFromCsv,
  logToCsv,
} from "./export-format.ts";

const ExportOutputSchema = z.discriminatedUnion("format", [
  z.strictObject({ format: z.literal("json"), document: ExportDocumentSchema }),
  z.strictObject({ format: z.literal("csv"), files: z.record(z.string(), z.string()) }),
  z.strictObject({ format: z.literal("fhir"), bundle: z.record(z.string(), z.json()) }),
]);

export const exportAllCommand = defineCommand({
  name: "export/all",
  summary:
    "Export everything the person has: JSON (re-importable), CSV (one file per record kind), or FHIR (a Bundle of QuestionnaireResponses).",
  input: z.strictObject({ format: z.enum(["json", "csv", "fhir"]).default("json") }),
  output: ExportOutputSchema,
  async run(input, ctx) {
    const { store, personId, now } = personScope(ctx);
    const [person, log, entries, blobs] = await Promise.all([
      store.getPerson(personId),
      store.readLog(personId),
      store.listEntries(personId),
      store.listBlobs(personId),
    ]);
    if (input.format === "csv")
      return {
        format: "csv" as const,
        files: logToCsv(
          log,
          entries.filter((e) => e.kind === DIARY_NOTE_KIND).map((e) => e.data as DiaryNoteRow),
        ),
      };
    if (input.format === "fhir") {
      const resources = entries
        .filter((e) => e.kind === "assessment")
        .map((e) => (e.data as { fhir?: unknown }).fhir)
        .filter((r): r is z.core.util.JSONType => typeof r === "object" && r !== null);
      return {
        format: "fhir" as const,
        bundle: {
          resourceType: "Bundle",
          type: "collection",
          timestamp: now(),
          entry: resources.map((resource) => ({ resource })),
        },
      };
    }
    const document: ExportDocument = {
      format: "dopamap-export",
      version: 1,
      exportedAt: now(),
      person: { name: person?.name ?? "", demo: person?.demo ?? false },
      log,
      entries: entries.map((e) => ({ ...e, data: e.data as z.core.util.JSONType })),
      blobs: blobs.map((b) => ({ ...b, data: b.data as z.core.util.JSONType })),
    };
    return { format: "json" as const, document };
  },
});

/** The records and diary notes of a CSV export, as an import/all document's parts. */
function fromCsvFiles(
  files: Readonly<Record<string, string>>,
): Pick<ExportDocument, "log" | "entries" | "blobs"> {
  const r = exportFromCsv(files);
  if (!r.ok) throw new AppError({ ...r.error, path: ["csv", ...(r.error.path ?? [])] });
  return {
    log: r.value.log,
    entries: r.value.notes.map((n) => ({ id: n.id, kind: DIARY_NOTE_KIND, at: n.at, data: n })),
    blobs: [],
  };
}

export const importAllCommand = defineCommand({
  name: "import/all",
  summary:
    "Import a previous JSON export (or the files of a CSV export: records and diary notes) in one transaction; `replace` clears the person's records first, otherwise existing ids are kept.",
  input: z
    .strictObject({
      document: ExportDocumentSchema.optional(),
      /** The files of a CSV export (`export/all` with format csv), by file name, instead of `document`. */
      csv: z.record(z.string().max(100), z.string().max(20_000_000)).optional(),
      replace: z.boolean().default(false),
    })
    .refine((i) => (i.document === undefined) !== (i.csv === undefined), {
      message: "give either document (a JSON export) or csv (the files of a CSV export)",
      path: ["document"],
    }),
  output: z.strictObject({
    activities: z.number().int(),
    checkIns: z.number().int(),
    urges: z.number().int(),
    entries: z.number().int(),
    blobs: z.number().int(),
  }),
  async run(input, ctx) {
    const { store, personId } = personScope(ctx);
    const { log, entries, blobs } = input.document ?? fromCsvFiles(input.csv ?? {});
    const activityIds = new Set(log.activities.map((a) => a.id));
    const orphan = [...log.checkIns, ...log.urges].find((r) => !activityIds.has(r.activityId));
    if (orphan && input.replace)
      throw new AppError({
        code: "invalid_input",
        message: `document.log: record ${orphan.id} refers to activity ${orphan.activityId}, which the document does not define`,
        path: ["document", "log"],
      });
    await store.importData(personId, { log, entries, blobs }, input.replace);
    return {
      activities: log.activities.length,
      checkIns: log.checkIns.length,
      urges: log.urges.length,
      entries: entries.length,
      blobs: blobs.length,
    };
  },
});

export const accountDeleteCommand = defineCommand({
  name: "account/delete",
  summary:
    "Delete everything the person has (records, answers, fits, the account and its sessions). Cannot be undone.",
  input: z.strictObject({ confirm: z.literal("delete everything") }),
  output: z.strictObject({ deleted: z.literal(true) }),
  async run(_input, ctx) {
    const { store, personId } = personScope(ctx);
    await store.deletePerson(personId);
    return { deleted: true as const };
  },
});
