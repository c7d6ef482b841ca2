import type { ResponseScore } from "../score.ts";
import { FHIR, roundScore, uuidFrom } from "./codes.ts";
import type { FhirResource } from "./questionnaire.ts";

/** Identifier systems of dopamap's resources, for conditional creates that make a re-post idempotent. */
export const IDENTIFIER_SYSTEMS = {
  person: "urn:dopamap:person",
  response: "urn:dopamap:questionnaire-response",
  observation: "urn:dopamap:observation",
} as const;

/** Where a score's Observation points. */
export interface ObservationContext {
  /** Reference to the person (`urn:uuid:…` in a Bundle, or `Patient/…`). */
  readonly subject: string;
  /** Reference to the QuestionnaireResponse the score is derived from. */
  readonly derivedFrom: string;
  /** When the answers were given (ISO 8601). */
  readonly effective?: string;
  /** Identifies the response (the Observation's identifier adds the score's id). */
  readonly responseKey: string;
}

/**
 * The LOINC-coded scores of a scored form as FHIR R4 Observations (category `survey`, the score
 * as a `{score}` quantity, derived from the response): PHQ-9 total 44261-6, GAD-7 total 70274-6,
 * and every other score with a LOINC code and a value.
 */
export function scoreObservations(score: ResponseScore, ctx: ObservationContext): FhirResource[] {
  const results = [...(score.total ? [score.total] : []), ...score.subscales];
  return results
    .filter((r) => r.loinc !== undefined && r.value !== null)
    .map((r) => ({
      resourceType: "Observation",
      identifier: [{ system: IDENTIFIER_SYSTEMS.observation, value: `${ctx.responseKey}/${r.id}` }],
      status: "final",
      category: [{ coding: [{ system: FHIR.observationCategory, code: "survey", display: "Survey" }] }],
      code: { coding: [{ system: FHIR.loinc, code: r.loinc!, display: r.label }], text: r.label },
      subject: { reference: ctx.subject },
      ...(ctx.effective ? { effectiveDateTime: ctx.effective } : {}),
      valueQuantity: { value: roundScore(r.value!), unit: "{score}", system: FHIR.ucum, code: "{score}" },
      ...(r.band ? { note: [{ text: `${r.band.label} (${r.band.source})` }] } : {}),
      derivedFrom: [{ reference: ctx.derivedFrom }],
    }));
}

/** One resource to put in a transaction, with what identifies it across exports. */
export interface BundlePart {
  readonly resource: FhirResource;
  /** Stable across exports: the fullUrl is a UUID derived from it. */
  readonly key: string;
  /** Search that finds an existing copy (conditional create), e.g. `identifier=system|value`. */
  readonly ifNoneExist?: string;
}

/** The `urn:uuid:` fullUrl a part gets. */
export const fullUrlOf = (key: string) => `urn:uuid:${uuidFrom(key)}`;

/**
 * A FHIR R4 `transaction` Bundle: every entry has its `fullUrl` (a stable `urn:uuid:`) and a
 * `request` (POST to its type, conditional on `ifNoneExist` where given, so posting the same export
 * twice creates nothing twice). References between the parts use the fullUrls.
 */
export function transactionBundle(parts: readonly BundlePart[], timestamp: string): FhirResource {
  return {
    resourceType: "Bundle",
    type: "transaction",
    timestamp,
    entry: parts.map((p) => ({
      fullUrl: fullUrlOf(p.key),
      resource: p.resource,
      request: {
        method: "POST",
        url: p.resource.resourceType,
        ...(p.ifNoneExist ? { ifNoneExist: p.ifNoneExist } : {}),
      },
    })),
  };
}
