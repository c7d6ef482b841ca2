import { z } from "zod";
import {
  type BundlePart,
  canonicalUrl,
  type FhirResource,
  fullUrlOf,
  getInstrument,
  IDENTIFIER_SYSTEMS,
  type ResponseScore,
  scoreObservations,
  toQuestionnaire,
  transactionBundle,
} from "../../instruments/index.ts";
import { DIARY_NOTE_KIND } from "../import/commands.ts";
import { refuseFuture } from "../records/bounds.ts";
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

/**
 * The person's questionnaires as a FHIR R4 transaction Bundle: a Patient (identified only by
 * dopamap's person id), the Questionnaires answered, every stored response with subject, author
 * and source, and its LOINC-coded scores as Observations, each entry a conditional POST.
 */
function fhirBundle(
  personId: string,
  entries: readonly { kind: string; data: unknown }[],
  timestamp: string,
) {
  const patientKey = `patient/${personId}`;
  const patient = fullUrlOf(patientKey);
  const parts: BundlePart[] = [
    {
      key: patientKey,
      resource: {
        resourceType: "Patient",
        identifier: [{ system: IDENTIFIER_SYSTEMS.person, value: personId }],
        active: true,
      },
      ifNoneExist: `identifier=${IDENTIFIER_SYSTEMS.person}|${personId}`,
    },
  ];
  const questionnaires = new Set<string>();
  for (const e of entries) {
    if (e.kind !== "assessment") continue;
    const a = e.data as {
      responseId?: string;
      instrumentId?: string;
      score?: ResponseScore;
      fhir?: FhirResource;
    };
    if (!a?.fhir || !a.score || !a.responseId || !a.instrumentId) continue;
    const def = getInstrument(a.instrumentId);
    if (def.ok && !questionnaires.has(def.value.id)) {
      questionnaires.add(def.value.id);
      const url = canonicalUrl(def.value);
      parts.push({ key: `q/${url}`, resource: toQuestionnaire(def.value), ifNoneExist: `url=${url}` });
    }
    const key = `qr/${personId}/${a.responseId}`;
    const { id: _id, ...rest } = a.fhir as FhirResource & { id?: string };
    const ref = { reference: patient };
    parts.push({
      key,
      resource: {
        ...rest,
        identifier: { system: IDENTIFIER_SYSTEMS.response, value: `${personId}/${a.responseId}` },
        subject: ref,
        author: ref,
        source: ref,
      },
      ifNoneExist: `identifier=${IDENTIFIER_SYSTEMS.response}|${personId}/${a.responseId}`,
    });
    for (const o of scoreObservations(a.score, {
      subject: patient,
      derivedFrom: fullUrlOf(key),
      responseKey: `${personId}/${a.responseId}`,
      ...(typeof rest.authored === "string" ? { effective: rest.authored } : {}),
    })) {
      const id = (o.identifier as { value: string }[])[0]!.value;
      parts.push({
        key: `obs/${id}`,
        resource: o,
        ifNoneExist: `identifier=${IDENTIFIER_SYSTEMS.observation}|${id}`,
      });
    }
  }
  return transactionBundle(parts, timestamp);
}

export const exportAllCommand = defineCommand({
  name: "export/all",
  summary:
    "Export everything the person has: JSON (re-importable), CSV (one file per record kind and the diary notes), or FHIR (a transaction Bundle: Patient, Questionnaires, QuestionnaireResponses and LOINC-coded score Observations).",
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
    if (input.format === "fhir")
      return {
        format: "fhir" as const,
        bundle: fhirBundle(personId, entries, now()) as Record<string, z.core.util.JSONType>,
      };
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
    refuseFuture(ctx, log, input.document ? ["document", "log"] : ["csv"]);
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
