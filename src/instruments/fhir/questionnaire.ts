import type { InstrumentDefinition, ItemDefinition, ScoreDefinition } from "../definition.ts";
import { findItem, optionsOf, pointsFor } from "../items.ts";
import {
  answerCoding,
  canonicalUrl,
  FHIR,
  fhirId,
  PROFILES,
  placeholderItemText,
  scoreLinkId,
} from "./codes.ts";

/** A FHIR R4 resource as plain JSON. */
export type FhirResource = { readonly resourceType: string } & Readonly<Record<string, unknown>>;

type Json = Record<string, unknown>;

const coding = (system: string, code: string, display?: string): Json => ({
  system,
  code,
  ...(display ? { display } : {}),
});

function itemType(item: ItemDefinition): string {
  switch (item.response.kind) {
    case "choice":
      return "choice";
    case "integer":
      return "integer";
    case "time":
      return "time";
    case "boolean":
      return "boolean";
  }
}

function questionItem(definition: InstrumentDefinition, item: ItemDefinition): Json {
  const out: Json = {
    linkId: item.id,
    prefix: String(item.number),
    text: item.text ?? placeholderItemText(definition, item),
    type: itemType(item),
    required: item.required !== false,
  };
  if (item.loinc) out.code = [coding(FHIR.loinc, item.loinc, item.text ?? undefined)];
  if (item.askedWhen) {
    out.enableWhen = item.askedWhen.anyOf.flatMap((id) => {
      const other = findItem(definition, id);
      return other === undefined
        ? []
        : optionsOf(definition, other)
            .filter((o) => o.value > item.askedWhen!.above)
            .map((o) => ({
              question: other.id,
              operator: "=",
              answerCoding: answerCoding(definition, other, o),
            }));
    });
    out.enableBehavior = "any";
  }
  const r = item.response;
  if (r.kind === "choice") {
    out.answerOption = optionsOf(definition, item).map((o) => ({
      extension: [{ url: FHIR.ordinalValue, valueDecimal: o.value }],
      valueCoding: answerCoding(definition, item, o),
    }));
  } else if (r.kind === "integer") {
    out.extension = [
      { url: FHIR.minValue, valueInteger: r.min },
      { url: FHIR.maxValue, valueInteger: r.max },
      { url: FHIR.unit, valueCoding: coding(FHIR.ucum, ucumFor(r.unit), r.unit) },
    ];
  }
  return out;
}

function ucumFor(unit: string): string {
  if (unit === "minutes") return "min";
  if (unit === "days") return "d";
  if (unit === "hours") return "h";
  return `{${unit.replace(/\s+/g, "_")}}`;
}

/** FHIRPath for one item's points: its ordinal value (choice) or value (integer), reversed and recoded as the score says. */
function pointsExpression(
  definition: InstrumentDefinition,
  item: ItemDefinition,
  recode?: Extract<ScoreDefinition, { kind: "sum" }>["recode"],
): string | undefined {
  const r = item.response;
  const answer = `%resource.item.where(linkId='${item.id}').answer.value`;
  const values =
    r.kind === "choice"
      ? optionsOf(definition, item).map((o) => o.value)
      : r.kind === "integer"
        ? Array.from({ length: r.max - r.min + 1 }, (_, k) => r.min + k)
        : undefined;
  if (values === undefined) return undefined;
  const w = r.kind === "choice" ? `${answer}.weight()` : answer;
  const pairs = values.map((v) => [v, pointsFor(definition, item, v, recode)] as const);
  if (pairs.every(([v, p]) => v === p)) return w;
  if (pairs.some(([, p]) => p === undefined)) return undefined;
  return pairs.reduceRight<string>((rest, [v, p]) => `iif(${w} = ${v}, ${p}, ${rest})`, "{}");
}

/**
 * A score as FHIRPath over the response (SDC calculatedExpression), computing what the scoring
 * engine computes: a sum of points, or a count of items at or above their threshold; empty while
 * an item it needs is unanswered (arithmetic on an empty answer is empty). Undefined for scores
 * that FHIRPath does not express here (the sleep-timing arithmetic on a 24-hour clock).
 */
export function scoreExpression(
  definition: InstrumentDefinition,
  score: ScoreDefinition,
): string | undefined {
  if (score.kind === "sleep_timing") return undefined;
  const terms: string[] = [];
  if (score.kind === "sum") {
    if (score.proration) return undefined;
    for (const id of score.items) {
      const item = findItem(definition, id);
      const t = item && pointsExpression(definition, item, score.recode);
      if (t === undefined) return undefined;
      terms.push(`(${t})`);
    }
  } else {
    for (const hit of score.hits) {
      const item = findItem(definition, hit.item);
      if (item === undefined) return undefined;
      const w =
        item.response.kind === "choice"
          ? `%resource.item.where(linkId='${item.id}').answer.value.weight()`
          : `%resource.item.where(linkId='${item.id}').answer.value`;
      terms.push(`iif(${w} >= ${hit.atOrAbove}, 1, 0)`);
    }
  }
  return terms.join(" + ");
}

function scoreItem(definition: InstrumentDefinition, score: ScoreDefinition): Json {
  const expression = scoreExpression(definition, score);
  return {
    linkId: scoreLinkId(score),
    text: score.label,
    type: "decimal",
    readOnly: true,
    required: false,
    ...(score.loinc ? { code: [coding(FHIR.loinc, score.loinc, score.label)] } : {}),
    extension: [
      { url: FHIR.unit, valueCoding: coding(FHIR.ucum, ucumFor(score.unit), score.unit) },
      ...(expression
        ? [
            {
              url: FHIR.calculatedExpression,
              valueExpression: {
                description: `${score.label}, as dopamap scores it`,
                language: "text/fhirpath",
                expression,
              },
            },
          ]
        : []),
    ],
  };
}

/**
 * Exports a definition as a FHIR R4 Questionnaire (SDC): its canonical `url` (served by dopamap at
 * that address), `derivedFrom` LOINC's own Questionnaire of the panel, LOINC panel and item codes,
 * answer options with LOINC answer codes (or dopamap's own option system) and ordinal values,
 * `enableWhen` on items asked only after others (the difficulty item), and a read-only decimal item
 * per score whose `calculatedExpression` computes it as the scoring engine does. Wording that is
 * not bundled appears as a neutral placeholder.
 */
export function toQuestionnaire(definition: InstrumentDefinition): FhirResource {
  const description = definition.validated
    ? definition.purpose
    : `${definition.purpose}. Not a validated instrument.`;
  return {
    resourceType: "Questionnaire",
    id: fhirId(definition.id),
    meta: { profile: [PROFILES.questionnaire] },
    url: canonicalUrl(definition),
    version: definition.version,
    name: definition.id.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    title: definition.title,
    status: "active",
    experimental: !definition.validated,
    subjectType: ["Patient"],
    publisher: "dopamap",
    description,
    copyright: definition.licence.notice,
    ...(definition.loinc ? { derivedFrom: [`${FHIR.loincQuestionnaire}${definition.loinc}`] } : {}),
    ...(definition.loinc ? { code: [coding(FHIR.loinc, definition.loinc, definition.title)] } : {}),
    item: [
      ...(definition.instructions
        ? [{ linkId: "instructions", type: "display", text: definition.instructions }]
        : []),
      ...definition.items.map((item) => questionItem(definition, item)),
      ...definition.scores.map((score) => scoreItem(definition, score)),
    ],
  };
}
