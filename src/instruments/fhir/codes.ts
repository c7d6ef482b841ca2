import type { InstrumentDefinition, ItemDefinition, ScoreDefinition } from "../definition.ts";

/** Code systems and extension URLs used in the FHIR R4 mapping. */
export const FHIR = {
  loinc: "http://loinc.org",
  ordinalValue: "http://hl7.org/fhir/StructureDefinition/ordinalValue",
  minValue: "http://hl7.org/fhir/StructureDefinition/minValue",
  maxValue: "http://hl7.org/fhir/StructureDefinition/maxValue",
  unit: "http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
  ucum: "http://unitsofmeasure.org",
} as const;

/** Base of dopamap's canonical Questionnaire URLs. */
export const CANONICAL_BASE = "urn:dopamap:questionnaire";

/** The canonical URL of a definition's Questionnaire (without version). */
export function canonicalUrl(definition: Pick<InstrumentDefinition, "id">): string {
  return `${CANONICAL_BASE}:${definition.id}`;
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
