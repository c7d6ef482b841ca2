import { z } from "zod";
import { type InstrumentDefinition, instrumentDefinitionSchema } from "./definition.ts";
import { describeIssues, fail, issuesFromZod, ok, type Result } from "./result.ts";

/**
 * An instrument pack: the wording (instructions, item text, option anchor text) for one
 * instrument id and version, supplied by a licensed user. It carries wording only: scoring,
 * bands and safety rules always come from the bundled definition. Format: `PACKS.md`.
 */
export const instrumentPackSchema = z.strictObject({
  format: z.literal("dopamap-instrument-pack"),
  formatVersion: z.literal(1),
  packId: z.string().min(1),
  instrument: z.strictObject({ id: z.string().min(1), version: z.string().min(1) }),
  /** BCP 47 language tag of the wording, e.g. "en", "es-MX". */
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "a BCP 47 language tag such as en or es-MX"),
  licence: z.strictObject({
    /** Who holds the permission (person or organisation). */
    licensee: z.string().min(1),
    /** How permission was obtained: licence name, agreement reference or date. */
    permission: z.string().min(1),
    /** The copyright notice to display with the wording, as the holder requires. */
    notice: z.string().min(1),
  }),
  instructions: z.string().min(1).optional(),
  items: z.array(z.strictObject({ id: z.string().min(1), text: z.string().min(1) })).min(1),
  optionSets: z.record(
    z.string(),
    z.array(z.strictObject({ value: z.number().int(), text: z.string().min(1) })).min(1),
  ),
});

/** A parsed instrument pack. */
export type InstrumentPack = z.infer<typeof instrumentPackSchema>;

/**
 * Validates a pack (usually parsed JSON) against a definition and returns the worded definition.
 * Errors: `pack_invalid` (shape), `pack_instrument_mismatch`, `pack_version_mismatch`,
 * `pack_item_mismatch` (ids or count differ), `pack_option_mismatch` (option sets or values differ).
 */
export function applyPack(definition: InstrumentDefinition, input: unknown): Result<InstrumentDefinition> {
  const parsed = instrumentPackSchema.safeParse(input);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error.issues);
    return fail(
      "pack_invalid",
      `not a valid instrument pack: ${describeIssues(issues)}`,
      issues[0]?.path,
      issues,
    );
  }
  const pack = parsed.data;
  if (pack.instrument.id !== definition.id) {
    return fail("pack_instrument_mismatch", `the pack is for ${pack.instrument.id}, not ${definition.id}`, [
      "instrument",
      "id",
    ]);
  }
  if (pack.instrument.version !== definition.version) {
    return fail(
      "pack_version_mismatch",
      `the pack is for ${definition.id} ${pack.instrument.version}; this definition is ${definition.version}`,
      ["instrument", "version"],
    );
  }
  const itemCheck = checkItems(definition, pack);
  if (!itemCheck.ok) return itemCheck;
  const optionCheck = checkOptionSets(definition, pack);
  if (!optionCheck.ok) return optionCheck;
  const textById = new Map(pack.items.map((i) => [i.id, i.text]));
  const worded: InstrumentDefinition = {
    ...definition,
    instructions: pack.instructions ?? definition.instructions,
    licence: { ...definition.licence, notice: pack.licence.notice },
    items: definition.items.map((item) => ({ ...item, text: textById.get(item.id) ?? item.text })),
    optionSets: Object.fromEntries(
      Object.entries(definition.optionSets).map(([setId, options]) => {
        const given = pack.optionSets[setId] ?? [];
        return [
          setId,
          options.map((o) => ({ ...o, text: given.find((g) => g.value === o.value)?.text ?? o.text })),
        ];
      }),
    ),
    wordingSource: {
      packId: pack.packId,
      licensee: pack.licence.licensee,
      licenceNote: pack.licence.permission,
    },
  };
  const valid = instrumentDefinitionSchema.safeParse(worded);
  if (!valid.success) {
    const issues = issuesFromZod(valid.error.issues);
    return fail(
      "pack_invalid",
      `the worded definition is invalid: ${describeIssues(issues)}`,
      undefined,
      issues,
    );
  }
  return ok(worded);
}

function checkItems(definition: InstrumentDefinition, pack: InstrumentPack): Result<true> {
  if (pack.items.length !== definition.items.length) {
    return fail(
      "pack_item_mismatch",
      `${definition.shortTitle} has ${definition.items.length} items; the pack words ${pack.items.length}`,
      ["items"],
    );
  }
  const seen = new Set<string>();
  for (const [i, item] of pack.items.entries()) {
    if (!definition.items.some((d) => d.id === item.id)) {
      const expected = definition.items.map((d) => d.id).join(", ");
      return fail("pack_item_mismatch", `unknown item id ${item.id} (expected ${expected})`, [
        "items",
        i,
        "id",
      ]);
    }
    if (seen.has(item.id))
      return fail("pack_item_mismatch", `item ${item.id} is worded twice`, ["items", i, "id"]);
    seen.add(item.id);
  }
  return ok(true);
}

function checkOptionSets(definition: InstrumentDefinition, pack: InstrumentPack): Result<true> {
  const expected = Object.keys(definition.optionSets).sort();
  const given = Object.keys(pack.optionSets).sort();
  for (const id of given) {
    if (!expected.includes(id)) {
      return fail("pack_option_mismatch", `unknown option set ${id} (expected ${expected.join(", ")})`, [
        "optionSets",
        id,
      ]);
    }
  }
  for (const id of expected) {
    const want = (definition.optionSets[id] ?? []).map((o) => o.value).sort((a, b) => a - b);
    const have = (pack.optionSets[id] ?? []).map((o) => o.value).sort((a, b) => a - b);
    if (want.join(",") !== have.join(",")) {
      return fail(
        "pack_option_mismatch",
        `option set ${id} needs values ${want.join(", ")}; the pack gives ${have.join(", ") || "none"}`,
        ["optionSets", id],
      );
    }
  }
  return ok(true);
}

/** A pack skeleton for a definition, with "<…>" where the licensed wording goes. */
export function packTemplate(definition: InstrumentDefinition): InstrumentPack {
  return {
    format: "dopamap-instrument-pack",
    formatVersion: 1,
    packId: `${definition.id}-${definition.version}-en`,
    instrument: { id: definition.id, version: definition.version },
    language: "en",
    licence: {
      licensee: "<who holds the permission>",
      permission: "<licence or agreement>",
      notice: "<notice>",
    },
    instructions: "<instructions shown above the items>",
    items: definition.items.map((item) => ({ id: item.id, text: `<text of item ${item.number}>` })),
    optionSets: Object.fromEntries(
      Object.entries(definition.optionSets).map(([id, options]) => [
        id,
        options.map((o) => ({ value: o.value, text: `<anchor for value ${o.value}>` })),
      ]),
    ),
  };
}
