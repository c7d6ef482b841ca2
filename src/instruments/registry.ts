import { AUDIT_C } from "./bundled/audit-c.ts";
import { GAD2, GAD7 } from "./bundled/gad.ts";
import { DARS, SHAPS, TEPS } from "./bundled/licensed-anhedonia.ts";
import { ASRS, BIS_BAS, PSS10 } from "./bundled/licensed-traits.ts";
import { BSMAS, CUDIT_R, PGSI } from "./bundled/licensed-use.ts";
import { PHQ2, PHQ9 } from "./bundled/phq.ts";
import { PATTERN_SCREENER } from "./bundled/screener.ts";
import { SLEEP_TIMING } from "./bundled/sleep-timing.ts";
import type { InstrumentDefinition, LicenceStatus } from "./definition.ts";
import { fail, ok, type Result } from "./result.ts";

/** Every bundled definition, in the order the `dopamap instruments` command lists them. */
export const BUNDLED_INSTRUMENTS: readonly InstrumentDefinition[] = [
  PHQ2,
  PHQ9,
  GAD2,
  GAD7,
  AUDIT_C,
  SLEEP_TIMING,
  PATTERN_SCREENER,
  TEPS,
  SHAPS,
  DARS,
  ASRS,
  PSS10,
  BIS_BAS,
  BSMAS,
  PGSI,
  CUDIT_R,
];

/** Ids of the bundled instruments. */
export const BUNDLED_INSTRUMENT_IDS: readonly string[] = BUNDLED_INSTRUMENTS.map((d) => d.id);

/** The bundled definition with this id; `unknown_instrument` (listing the known ids) otherwise. */
export function getInstrument(id: string): Result<InstrumentDefinition> {
  const def = BUNDLED_INSTRUMENTS.find((d) => d.id === id);
  if (def === undefined) {
    return fail(
      "unknown_instrument",
      `unknown instrument ${JSON.stringify(id)}; known: ${BUNDLED_INSTRUMENT_IDS.join(", ")}`,
      ["instrument"],
    );
  }
  return ok(def);
}

/** Whether the wording is present: bundled, supplied by a pack, or only neutral placeholders. */
export type WordingStatus = "bundled" | "pack" | "placeholder";

/** One line of the instrument list. */
export interface InstrumentSummary {
  readonly id: string;
  readonly version: string;
  readonly shortTitle: string;
  readonly title: string;
  readonly kind: InstrumentDefinition["kind"];
  readonly validated: boolean;
  readonly purpose: string;
  readonly itemCount: number;
  readonly licenceStatus: LicenceStatus;
  /** Whether the licence lets this repository ship the wording. */
  readonly shipWording: boolean;
  readonly wording: WordingStatus;
  /** Whether the definition can be put in front of a person (it has real wording). */
  readonly administrable: boolean;
  readonly loinc?: string;
}

/** The wording status of a definition. */
export function wordingStatus(definition: InstrumentDefinition): WordingStatus {
  if (definition.wordingSource !== undefined) return "pack";
  return definition.items.every((it) => it.text !== null) ? "bundled" : "placeholder";
}

/** A summary of one definition. */
export function summarizeInstrument(definition: InstrumentDefinition): InstrumentSummary {
  const wording = wordingStatus(definition);
  return {
    id: definition.id,
    version: definition.version,
    shortTitle: definition.shortTitle,
    title: definition.title,
    kind: definition.kind,
    validated: definition.validated,
    purpose: definition.purpose,
    itemCount: definition.items.length,
    licenceStatus: definition.licence.status,
    shipWording: definition.licence.shipWording,
    wording,
    administrable: wording !== "placeholder",
    ...(definition.loinc ? { loinc: definition.loinc } : {}),
  };
}

/** The bundled instruments with licence status and whether wording is present. */
export function listInstruments(): InstrumentSummary[] {
  return BUNDLED_INSTRUMENTS.map(summarizeInstrument);
}

/**
 * The rules the engine applies to a definition: its own, plus every rule of the bundled definition
 * with the same id. Safety rules therefore survive a pack, a re-parsed copy or an edited
 * definition: there is no way to switch them off.
 */
export function effectiveRules(definition: InstrumentDefinition): InstrumentDefinition["rules"] {
  const bundled = BUNDLED_INSTRUMENTS.find((d) => d.id === definition.id);
  if (bundled === undefined || bundled === definition) return definition.rules;
  const own = definition.rules.filter((r) => !bundled.rules.some((b) => b.id === r.id));
  return [...bundled.rules, ...own];
}
