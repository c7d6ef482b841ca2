import { describe, expect, it } from "vitest";
import { PHQ9 } from "./bundled/phq.ts";
import { type InstrumentDefinition, instrumentDefinitionSchema, parseDefinition } from "./definition.ts";
import { BUNDLED_INSTRUMENT_IDS, BUNDLED_INSTRUMENTS, getInstrument, listInstruments } from "./registry.ts";

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function issuesOf(def: unknown): string[] {
  const r = parseDefinition(def);
  if (r.ok) return [];
  expect(r.error.code).toBe("invalid_definition");
  return (r.error.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("bundled definitions", () => {
  it.each(BUNDLED_INSTRUMENTS.map((d) => [d.id, d] as const))("%s passes the definition schema", (_, def) => {
    const parsed = instrumentDefinitionSchema.safeParse(def);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("are plain JSON: a JSON round trip parses to the same definition", () => {
    for (const def of BUNDLED_INSTRUMENTS) {
      const r = parseDefinition(clone(def));
      expect(r.ok && r.value).toEqual(def);
    }
  });

  it("have unique ids, and every suggested instrument exists", () => {
    expect(new Set(BUNDLED_INSTRUMENT_IDS).size).toBe(BUNDLED_INSTRUMENTS.length);
    for (const def of BUNDLED_INSTRUMENTS) {
      for (const rule of def.rules) {
        if (rule.effect.kind === "suggest_instrument")
          expect(BUNDLED_INSTRUMENT_IDS).toContain(rule.effect.instrument);
      }
    }
  });

  it("ship wording exactly where the licence allows it", () => {
    const worded = listInstruments()
      .filter((s) => s.wording === "bundled")
      .map((s) => s.id);
    expect(worded.sort()).toEqual([
      "audit_c",
      "gad2",
      "gad7",
      "pattern_screener",
      "phq2",
      "phq9",
      "sleep_timing",
    ]);
    for (const def of BUNDLED_INSTRUMENTS.filter((d) => !d.licence.shipWording)) {
      expect(def.items.every((i) => i.text === null)).toBe(true);
      expect(def.instructions).toBeNull();
      expect(
        Object.values(def.optionSets)
          .flat()
          .every((o) => o.text === null),
      ).toBe(true);
    }
  });

  it("list licence status and wording for the instruments command", () => {
    const list = listInstruments();
    expect(list.map((s) => s.id)).toEqual(BUNDLED_INSTRUMENT_IDS);
    const asrs = list.find((s) => s.id === "asrs");
    expect(asrs).toMatchObject({
      licenceStatus: "permission_required",
      shipWording: false,
      wording: "placeholder",
    });
    expect(asrs?.administrable).toBe(false);
    expect(list.find((s) => s.id === "phq9")).toMatchObject({
      wording: "bundled",
      loinc: "44249-1",
      itemCount: 10,
    });
  });

  it("mark our own questions as not validated", () => {
    const own = BUNDLED_INSTRUMENTS.filter((d) => d.kind !== "published");
    expect(own.map((d) => d.id).sort()).toEqual(["pattern_screener", "sleep_timing"]);
    for (const def of own) expect(def.validated).toBe(false);
  });

  it("carry a source on every band set and cut-off", () => {
    for (const def of BUNDLED_INSTRUMENTS) {
      for (const score of def.scores) {
        for (const set of score.bandSets ?? []) expect(set.source.length).toBeGreaterThan(10);
        for (const c of score.cutoffs ?? []) expect(c.source.length).toBeGreaterThan(10);
      }
    }
  });

  it("getInstrument answers unknown ids with unknown_instrument", () => {
    const r = getInstrument("phq10");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("unknown_instrument");
      expect(r.error.message).toContain("phq9");
    }
  });
});

describe("definition checks", () => {
  const broken = (edit: (d: InstrumentDefinition & Record<string, unknown>) => void): string[] => {
    const d = clone(PHQ9) as InstrumentDefinition & Record<string, unknown>;
    edit(d);
    return issuesOf(d);
  };

  it("reject a stated range that the items do not give", () => {
    const issues = broken((d) => {
      const s = d.scores[0];
      if (s?.kind === "sum") s.range = [0, 30];
    });
    expect(issues).toContain("scores.0.range: range is [0, 30] but the items give [0, 27]");
  });

  it("reject bands with a gap", () => {
    const issues = broken((d) => {
      const band = d.scores[0]?.bandSets?.[0]?.bands[1];
      if (band) band.min = 6;
    });
    expect(issues).toContain("scores.0.bandSets.0.bands.1: gap or overlap after 4");
  });

  it("reject rules that point at nothing", () => {
    const issues = broken((d) => {
      const rule = d.rules[0];
      if (rule?.when.kind === "answer_at_least") rule.when.item = "phq9_99";
    });
    expect(issues).toContain("rules.0.when: item phq9_99 does not exist");
  });

  it("reject an unknown option set, a repeated item id and an unscored item that a score uses", () => {
    expect(
      broken((d) => {
        const item = d.items[0];
        if (item) item.response = { kind: "choice", optionSet: "nope" };
      }),
    ).toContain("items.0.response.optionSet: option set nope does not exist");
    expect(
      broken((d) => {
        const item = d.items[1];
        if (item) item.id = "phq9_1";
      }).some((m) => m.includes("item id phq9_1 is repeated")),
    ).toBe(true);
    expect(
      broken((d) => {
        const item = d.items[0];
        if (item) item.scored = false;
      }),
    ).toContain("items.0.scored: phq9_1 is marked unscored but a score uses it");
  });

  it("reject wording that the licence does not let us ship", () => {
    const issues = broken((d) => {
      d.licence.shipWording = false;
    });
    expect(issues.some((m) => m.includes("wording that may not be shipped"))).toBe(true);
  });

  it("reject an own screener marked validated, and malformed ids and codes", () => {
    expect(
      broken((d) => {
        d.kind = "own_screener";
      }),
    ).toContain("validated: our own questions are never marked validated");
    expect(broken((d) => (d.id = "PHQ-9")).some((m) => m.startsWith("id:"))).toBe(true);
    expect(broken((d) => (d.loinc = "44249")).some((m) => m.startsWith("loinc:"))).toBe(true);
  });
});
