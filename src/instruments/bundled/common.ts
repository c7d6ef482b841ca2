import type { ItemDefinition, OptionDefinition } from "../definition.ts";

/** The Pfizer notice that must accompany the PHQ and GAD wording. */
export const PFIZER_NOTICE =
  "Copyright © Pfizer Inc. All rights reserved. Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, " +
  "Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to " +
  "reproduce, translate, display or distribute.";

/** The PHQ/GAD frequency anchors with their LOINC answer codes. The zero anchor is "Not at all". */
export const PHQ_FREQUENCY: OptionDefinition[] = [
  { value: 0, text: "Not at all", loinc: "LA6568-5" },
  { value: 1, text: "Several days", loinc: "LA6569-3" },
  { value: 2, text: "More than half the days", loinc: "LA6570-1" },
  { value: 3, text: "Nearly every day", loinc: "LA6571-9" },
];

/** The unscored functional-difficulty question's anchors (LOINC answer list of 69722-7). */
export const PHQ_DIFFICULTY: OptionDefinition[] = [
  { value: 0, text: "Not difficult at all", loinc: "LA6572-7" },
  { value: 1, text: "Somewhat difficult", loinc: "LA6573-5" },
  { value: 2, text: "Very difficult", loinc: "LA6575-0" },
  { value: 3, text: "Extremely difficult", loinc: "LA6574-3" },
];

/** The functional-difficulty question shared by the PHQ-9 and GAD-7 (not scored). */
export const DIFFICULTY_TEXT =
  "If you checked off any problems, how difficult have these problems made it for you to do your work, " +
  "take care of things at home, or get along with other people?";

/** Options with the given values and no bundled anchor text (licensed wording comes from a pack). */
export function placeholderOptions(values: readonly number[]): OptionDefinition[] {
  return values.map((value) => ({ value, text: null }));
}

/** Values from `from` to `to` inclusive. */
export function valuesFrom(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Items `prefix_1` … `prefix_n` with no bundled wording, all answered from one option set.
 * `overrides` adjusts single items by number (reverse keying, unscored fillers, other option sets).
 */
export function placeholderItems(
  prefix: string,
  count: number,
  optionSet: string,
  overrides: Readonly<Record<number, Partial<ItemDefinition>>> = {},
): ItemDefinition[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}_${i + 1}`,
    number: i + 1,
    text: null,
    response: { kind: "choice" as const, optionSet },
    ...overrides[i + 1],
  }));
}

/** Item ids `prefix_n` for the given printed numbers. */
export function ids(prefix: string, numbers: readonly number[]): string[] {
  return numbers.map((n) => `${prefix}_${n}`);
}

/** Licence terms for instruments whose wording needs the holder's permission. */
export const PERMISSION_TERMS =
  "The wording is not bundled. Scoring rules are facts and ship here; a licensed user loads the " +
  "wording from an instrument pack (see src/instruments/PACKS.md).";

/** Licence facts for an instrument whose wording is not shipped. */
export function withheldLicence(
  status: "permission_required" | "unclear",
  holder: string,
  notice: string,
  terms: string,
): {
  status: "permission_required" | "unclear";
  holder: string;
  notice: string;
  shipWording: false;
  terms: string;
} {
  return { status, holder, notice, shipWording: false, terms: `${terms} ${PERMISSION_TERMS}` };
}
