import { z } from "zod";
import { hash53 } from "../../import/index.ts";
import {
  createFhirValidator,
  evaluateAnswers,
  type FhirValidator,
  fromQuestionnaireResponse,
  getInstrument,
  type ImportedResponse,
  toQuestionnaireResponse,
} from "../../instruments/index.ts";
import { unwrapInstrument } from "../instruments/commands.ts";
import { personScope } from "../records/commands.ts";
import { AppError, defineCommand } from "../registry.ts";

let validator: FhirValidator | undefined;
/** The R4 JSON-schema validator, compiled once (a second or two) on first use. */
const fhirValidator = () => {
  validator ??= createFhirValidator();
  return validator;
};

type Json = Record<string, unknown>;

/** The QuestionnaireResponses and Questionnaires of a resource: one response, a Bundle, or an array of either. */
function gather(
  input: unknown,
  path: (string | number)[] = [],
): { responses: { resource: Json; path: (string | number)[] }[]; questionnaires: Json[] } {
  const out = {
    responses: [] as { resource: Json; path: (string | number)[] }[],
    questionnaires: [] as Json[],
  };
  const visit = (r: unknown, p: (string | number)[]) => {
    if (Array.isArray(r)) {
      r.forEach((x, i) => {
        visit(x, [...p, i]);
      });
      return;
    }
    const o = r as Json | null;
    if (o?.resourceType === "QuestionnaireResponse") out.responses.push({ resource: o, path: p });
    else if (o?.resourceType === "Questionnaire") out.questionnaires.push(o);
    else if (o?.resourceType === "Bundle" && Array.isArray(o.entry))
      (o.entry as Json[]).forEach((e, i) => {
        visit(e?.resource, [...p, "entry", i, "resource"]);
      });
  };
  visit(input, path);
  return out;
}

const ResultSchema = z.strictObject({
  instrumentId: z.string(),
  responseId: z.string(),
  matchedBy: z.enum(["linkId", "loinc"]),
  status: z.string(),
  total: z.number().nullable(),
  band: z.string().nullable(),
  crisis: z.boolean(),
  ignoredItems: z.array(z.string()),
  alreadyPresent: z.boolean(),
});

/**
 * `import/fhir`: QuestionnaireResponses made by dopamap or elsewhere (read by LOINC codes), alone,
 * in a Bundle or in an array, validated against the R4 schema, scored, and stored as assessments
 * in one transaction. Every answer goes through the crisis rules: an imported PHQ-9 item 9 above 0
 * stores a crisis event in the person's data and returns the crisis resources. Ids come from the
 * resources' content, so a re-import adds nothing twice. `preview` writes nothing.
 */
export const importFhirCommand = defineCommand({
  name: "import/fhir",
  summary:
    "Import FHIR R4 QuestionnaireResponses (dopamap's, or made elsewhere: read by LOINC codes) as assessments; crisis rules run on every answer. preview writes nothing.",
  input: z.strictObject({
    resource: z.json(),
    preview: z.boolean().default(false),
    /** For the crisis resources shown when an imported answer fires a crisis rule. */
    region: z.string().min(2).max(10).optional(),
  }),
  output: z.strictObject({
    responses: z.array(ResultSchema),
    written: z.number().int(),
    crisis: z.record(z.string(), z.unknown()).nullable(),
  }),
  async run(input, ctx) {
    const { store, personId, now } = personScope(ctx);
    const { responses, questionnaires } = gather(input.resource, ["resource"]);
    if (responses.length === 0)
      throw new AppError({
        code: "fhir_malformed",
        message: "resource: no QuestionnaireResponse in it (give one, a Bundle of them, or an array)",
        path: ["resource"],
      });
    const at = now();
    const imported: { r: ImportedResponse; id: string; source: Json }[] = [];
    for (const { resource, path } of responses) {
      const r = fromQuestionnaireResponse(resource, { validator: fhirValidator(), questionnaires });
      if (!r.ok) {
        throw new AppError({
          ...r.error,
          message: `${path.join(".")}: ${r.error.message}`,
          path: [...path, ...(r.error.path ?? [])],
        });
      }
      const id = `fhir-${hash53(JSON.stringify(resource))}`;
      imported.push({ r: r.value, id, source: resource });
    }
    const existing = new Set((await store.listEntries(personId, "assessment")).map((e) => e.id));
    let crisis: Record<string, unknown> | null = null;
    const results: z.infer<typeof ResultSchema>[] = [];
    const writes: { id: string; kind: string; at: string; data: unknown }[] = [];
    for (const { r, id, source } of imported) {
      const def = unwrapInstrument(getInstrument(r.instrumentId), ["instrument"]);
      const when = r.authored ?? at;
      const evaluations = unwrapInstrument(
        evaluateAnswers(def, r.answers, { at: when, ...(input.region ? { region: input.region } : {}) }),
        ["resource"],
      );
      const ours = unwrapInstrument(
        toQuestionnaireResponse(def, r.answers, { id, ...(r.authored ? { authored: r.authored } : {}) }),
        ["resource"],
      );
      const entryId = `${id}/submitted`;
      const fired = evaluations.filter((e) => e.crisis);
      for (const e of fired) {
        crisis ??= e.resources as unknown as Record<string, unknown>;
        writes.push({
          id: `${id}/${e.itemId}/crisis`,
          kind: "crisis_event",
          at: when,
          data: { ...e.crisis, responseId: id, importedFrom: "fhir" },
        });
      }
      writes.push({
        id: entryId,
        kind: "assessment",
        at: when,
        data: {
          responseId: id,
          instrumentId: def.id,
          score: r.score,
          fhir: ours.resource,
          importedFrom: source,
        },
      });
      results.push({
        instrumentId: def.id,
        responseId: id,
        matchedBy: r.matchedBy,
        status: r.status,
        total: r.score.total?.value ?? null,
        band: r.score.band?.label ?? null,
        crisis: fired.length > 0,
        ignoredItems: [...r.ignoredItems],
        alreadyPresent: existing.has(entryId),
      });
    }
    if (!input.preview)
      await store.importData(
        personId,
        {
          log: { version: 1, activities: [], checkIns: [], urges: [], closedDays: [] },
          entries: writes,
          blobs: [],
        },
        false,
      );
    return {
      responses: results,
      written: input.preview ? 0 : results.filter((r) => !r.alreadyPresent).length,
      crisis,
    };
  },
});
