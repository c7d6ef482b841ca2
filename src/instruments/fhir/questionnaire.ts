import type { InstrumentDefinition, ItemDefinition, ScoreDefinition } from "../definition.ts";
import { optionsOf } from "../items.ts";
import {
  canonicalUrl,
  FHIR,
  fhirId,
  optionSystem,
  placeholderItemText,
  placeholderOptionText,
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
  const r = item.response;
  if (r.kind === "choice") {
    out.answerOption = optionsOf(definition, item).map((o) => ({
      extension: [{ url: FHIR.ordinalValue, valueDecimal: o.value }],
      valueCoding: o.loinc
        ? coding(FHIR.loinc, o.loinc, o.text ?? placeholderOptionText(o.value))
        : coding(
            optionSystem(definition, r.optionSet),
            String(o.value),
            o.text ?? placeholderOptionText(o.value),
          ),
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

function scoreItem(score: ScoreDefinition): Json {
  return {
    linkId: scoreLinkId(score),
    text: score.label,
    type: "decimal",
    readOnly: true,
    required: false,
    ...(score.loinc ? { code: [coding(FHIR.loinc, score.loinc, score.label)] } : {}),
    extension: [{ url: FHIR.unit, valueCoding: coding(FHIR.ucum, ucumFor(score.unit), score.unit) }],
  };
}

/**
 * Exports a definition as a FHIR R4 Questionnaire: LOINC panel and item codes, answer options
 * with LOINC answer codes (or dopamap's own option system) and ordinal values, and a read-only
 * decimal item per score. Wording that is not bundled appears as a neutral placeholder.
 */
export function toQuestionnaire(definition: InstrumentDefinition): FhirResource {
  const description = definition.validated
    ? definition.purpose
    : `${definition.purpose}. Not a validated instrument.`;
  return {
    resourceType: "Questionnaire",
    id: fhirId(definition.id),
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
    ...(definition.loinc ? { code: [coding(FHIR.loinc, definition.loinc, definition.title)] } : {}),
    item: [
      ...(definition.instructions
        ? [{ linkId: "instructions", type: "display", text: definition.instructions }]
        : []),
      ...definition.items.map((item) => questionItem(definition, item)),
      ...definition.scores.map(scoreItem),
    ],
  };
}
