import { hash53 } from "../../import/assemble.ts";
import type {
  InstrumentDefinition,
  ItemDefinition,
  OptionDefinition,
  ScoreDefinition,
} from "../definition.ts";

/** Code systems and extension URLs used in the FHIR R4 mapping. */
export const FHIR = {
  loinc: "http://loinc.org",
  ordinalValue: "http://hl7.org/fhir/StructureDefinition/ordinalValue",
  minValue: "http://hl7.org/fhir/StructureDefinition/minValue",
  maxValue: "http://hl7.org/fhir/StructureDefinition/maxValue",
  unit: "http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
  ucum: "http://unitsofmeasure.org",
  calculatedExpression:
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  /** LOINC's own FHIR Questionnaires (what LHC-Forms loads): `http://loinc.org/q/<panel>`. */
  loincQuestionnaire: "http://loinc.org/q/",
} as const;

/** Profiles the exported resources claim (FHIR SDC 3.0 for forms and answers; base R4 otherwise). */
export const PROFILES = {
  questionnaire: "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire",
  response: "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaireresponse",
} as const;

/**
 * Base of dopamap's canonical Questionnaire URLs: the FHIR path of the local server at its default
 * address (`dopamap serve` answers GET `/fhir/Questionnaire/<id>` with the Questionnaire). The same
 * base on every installation, so a response made by one dopamap is read by another.
 */
export const CANONICAL_BASE = "http://127.0.0.1:3000/fhir/Questionnaire";

/** The canonical before dopamap served its Questionnaires; still read on import. */
export const LEGACY_CANONICAL_BASE = "urn:dopamap:questionnaire";

/** The canonical URL of a definition's Questionnaire (without version). */
export function canonicalUrl(definition: Pick<InstrumentDefinition, "id">): string {
  return `${CANONICAL_BASE}/${fhirId(definition.id)}`;
}

/** The definition id a dopamap canonical names (current or legacy form), or undefined. */
export function instrumentIdOfCanonical(url: string): string | undefined {
  const m =
    /\/fhir\/Questionnaire\/([A-Za-z0-9\-.]{1,64})$/.exec(url) ??
    new RegExp(`^${LEGACY_CANONICAL_BASE}:([a-z0-9_]+)$`).exec(url);
  return m?.[1]?.replace(/-/g, "_");
}

/**
 * The FHIR coding of an option of an item: its LOINC answer code (or the item's own code for that
 * value, see `answerCodes`), else dopamap's option system; the display is the option's text.
 */
export function answerCoding(
  definition: InstrumentDefinition,
  item: ItemDefinition,
  option: Pick<OptionDefinition, "value" | "text" | "loinc">,
): { system: string; code: string; display: string } {
  const own = item.answerCodes?.find((c) => c.value === option.value);
  if (own) return { system: FHIR.loinc, code: own.loinc, display: own.display };
  const display = option.text ?? placeholderOptionText(option.value);
  if (option.loinc) return { system: FHIR.loinc, code: option.loinc, display };
  const r = item.response;
  return {
    system: optionSystem(definition, r.kind === "choice" ? r.optionSet : item.id),
    code: String(option.value),
    display,
  };
}

/** LOINC answer codes that stand for an option of an item: the item's own code and the option set's. */
export function loincCodesFor(
  item: ItemDefinition,
  option: Pick<OptionDefinition, "value" | "loinc">,
): string[] {
  const own = item.answerCodes?.filter((c) => c.value === option.value).map((c) => c.loinc) ?? [];
  return [...own, ...(option.loinc ? [option.loinc] : [])];
}

/** A UUID (RFC 4122 layout, version 8 "custom") derived from a text, for stable `urn:uuid:` fullUrls. */
export function uuidFrom(text: string): string {
  const hex = (hash53(text, 1) + hash53(text, 2) + hash53(text, 3)).slice(0, 32).padEnd(32, "0");
  const v = `${hex.slice(0, 12)}8${hex.slice(13, 16)}${((Number.parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}

/** `url|version`, the form QuestionnaireResponse.questionnaire takes. */
export function versionedCanonical(definition: Pick<InstrumentDefinition, "id" | "version">): string {
  return `${canonicalUrl(definition)}|${definition.version}`;
}

/** Splits `url|version` into its parts. */
export function parseCanonical(canonical: string): { url: string; version?: string } {
  const bar = canonical.indexOf("|");
  return bar < 0 ? { url: canonical } : { url: canonical.slice(0, bar), version: canonical.slice(bar + 1) };
}

/** The code system for an option set's own codes (used where no LOINC answer code exists). */
export function optionSystem(definition: Pick<InstrumentDefinition, "id">, optionSet: string): string {
  return `urn:dopamap:options:${definition.id}:${optionSet}`;
}

/** A FHIR resource id from a dopamap id ("audit_c" → "audit-c"). */
export function fhirId(id: string): string {
  return id.replace(/_/g, "-");
}

/** linkId of a score's read-only item. */
export function scoreLinkId(score: Pick<ScoreDefinition, "id">): string {
  return `score.${score.id}`;
}

/** Text for an item whose wording is not bundled. */
export function placeholderItemText(definition: InstrumentDefinition, item: ItemDefinition): string {
  return `${definition.shortTitle} item ${item.number} (wording not included: load a licensed instrument pack)`;
}

/** Display for an option whose anchor text is not bundled. */
export function placeholderOptionText(value: number): string {
  return `value ${value}`;
}

/** Rounds a score for export; import compares within {@link SCORE_TOLERANCE}. */
export function roundScore(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Largest difference between an exported score and its recomputation that still counts as equal. */
export const SCORE_TOLERANCE = 1e-5;
