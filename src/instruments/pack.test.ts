import { describe, expect, it } from "vitest";
import { toQuestionnaire } from "./fhir/questionnaire.ts";
import { applyPack, type InstrumentPack, packTemplate } from "./pack.ts";
import { summarizeInstrument } from "./registry.ts";
import { scoreResponse } from "./score.ts";
import { instrument } from "./test-helpers.ts";

const asrs = instrument("asrs");

function licensedPack(): InstrumentPack {
  const pack = packTemplate(asrs);
  return {
    ...pack,
    packId: "asrs-licensed-en",
    licence: {
      licensee: "Example Clinic",
      permission: "WHO permission letter 2026-01",
      notice: "© WHO (licensed)",
    },
    instructions: "Licensed instructions.",
    items: pack.items.map((i) => ({ ...i, text: `Licensed text for ${i.id}` })),
    optionSets: { frequency: [0, 1, 2, 3, 4].map((value) => ({ value, text: `Anchor ${value}` })) },
  };
}

function errorOf(input: unknown) {
  const r = applyPack(asrs, input);
  expect(r.ok).toBe(false);
  return r.ok ? undefined : r.error;
}

describe("instrument packs", () => {
  it("supply wording for a licensed instrument; scoring and rules are unchanged", () => {
    const r = applyPack(asrs, licensedPack());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const worded = r.value;
    expect(worded.items[0]?.text).toBe("Licensed text for asrs_1");
    expect(worded.optionSets.frequency?.[4]).toEqual({ value: 4, text: "Anchor 4" });
    expect(worded.instructions).toBe("Licensed instructions.");
    expect(worded.licence.notice).toBe("© WHO (licensed)");
    expect(worded.wordingSource).toEqual({
      packId: "asrs-licensed-en",
      licensee: "Example Clinic",
      licenceNote: "WHO permission letter 2026-01",
    });
    expect(worded.scores).toEqual(asrs.scores);
    expect(worded.rules).toEqual(asrs.rules);
    expect(summarizeInstrument(worded)).toMatchObject({ wording: "pack", administrable: true });
    expect(summarizeInstrument(asrs)).toMatchObject({ wording: "placeholder", administrable: false });
    const a = scoreResponse(worded, { asrs_1: 2, asrs_2: 2, asrs_3: 2, asrs_4: 3, asrs_5: 1, asrs_6: 0 });
    expect(a.ok && a.value.total?.value).toBe(4);
    expect(JSON.stringify(toQuestionnaire(worded))).toContain("Licensed text for asrs_6");
  });

  it("reject a malformed pack with every issue", () => {
    const e = errorOf({ ...licensedPack(), format: "other", items: "no" });
    expect(e?.code).toBe("pack_invalid");
    expect(e?.issues?.map((i) => i.path.join("."))).toEqual(["format", "items"]);
    expect(errorOf({ ...licensedPack(), extra: 1 })?.code).toBe("pack_invalid");
    expect(errorOf({ ...licensedPack(), language: "english please" })?.code).toBe("pack_invalid");
  });

  it("reject a pack for another instrument or version", () => {
    expect(errorOf({ ...licensedPack(), instrument: { id: "shaps", version: "1.0.0" } })).toMatchObject({
      code: "pack_instrument_mismatch",
      message: "the pack is for shaps, not asrs",
    });
    expect(errorOf({ ...licensedPack(), instrument: { id: "asrs", version: "2.0.0" } })?.code).toBe(
      "pack_version_mismatch",
    );
  });

  it("reject items that do not match: count, unknown id, repeated id", () => {
    const p = licensedPack();
    expect(errorOf({ ...p, items: p.items.slice(0, 5) })).toMatchObject({
      code: "pack_item_mismatch",
      message: "ASRS Part A has 6 items; the pack words 5",
    });
    const renamed = p.items.map((i, k) => (k === 2 ? { ...i, id: "asrs_9" } : i));
    expect(errorOf({ ...p, items: renamed })).toMatchObject({
      code: "pack_item_mismatch",
      path: ["items", 2, "id"],
    });
    const repeated = p.items.map((i, k) => (k === 2 ? { ...i, id: "asrs_1" } : i));
    expect(errorOf({ ...p, items: repeated })?.message).toBe("item asrs_1 is worded twice");
  });

  it("reject option sets that do not match: values, unknown set, missing set", () => {
    const p = licensedPack();
    expect(
      errorOf({ ...p, optionSets: { frequency: [1, 2, 3, 4, 5].map((value) => ({ value, text: "x" })) } }),
    ).toMatchObject({
      code: "pack_option_mismatch",
      message: "option set frequency needs values 0, 1, 2, 3, 4; the pack gives 1, 2, 3, 4, 5",
    });
    expect(errorOf({ ...p, optionSets: { ...p.optionSets, other: [{ value: 0, text: "x" }] } })?.code).toBe(
      "pack_option_mismatch",
    );
    expect(errorOf({ ...p, optionSets: {} })?.code).toBe("pack_option_mismatch");
  });

  it("the template lists every item and option value of the definition", () => {
    const t = packTemplate(instrument("cudit_r"));
    expect(t.items).toHaveLength(8);
    expect(t.optionSets.ever?.map((o) => o.value)).toEqual([0, 2, 4]);
  });
});
