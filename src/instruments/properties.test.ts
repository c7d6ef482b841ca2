import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnswerValue } from "./answers.ts";
import type { InstrumentDefinition, ItemDefinition } from "./definition.ts";
import { optionsOf, reverseValue, valueRange } from "./items.ts";
import { BUNDLED_INSTRUMENTS } from "./registry.ts";
import { scoreResponse } from "./score.ts";

const pad = (n: number) => String(n).padStart(2, "0");

function answerArb(def: InstrumentDefinition, item: ItemDefinition): fc.Arbitrary<AnswerValue> {
  const r = item.response;
  switch (r.kind) {
    case "choice":
      return fc.constantFrom(...optionsOf(def, item).map((o) => o.value));
    case "integer":
      return fc.integer({ min: r.min, max: r.max });
    case "time":
      return fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${pad(h)}:${pad(m)}`);
    case "boolean":
      return fc.boolean();
  }
}

/** Complete answers (every item) for a definition. */
function completeArb(def: InstrumentDefinition): fc.Arbitrary<Record<string, AnswerValue>> {
  return fc.record(Object.fromEntries(def.items.map((item) => [item.id, answerArb(def, item)])));
}

/** Answers with any subset of items left out. */
function partialArb(def: InstrumentDefinition): fc.Arbitrary<Partial<Record<string, AnswerValue>>> {
  return fc.record(Object.fromEntries(def.items.map((item) => [item.id, answerArb(def, item)])), {
    requiredKeys: [],
  });
}

const defs = BUNDLED_INSTRUMENTS.map((d) => [d.id, d] as const);

describe("properties of the engine, for every bundled definition", () => {
  it.each(defs)("%s: complete answers give complete scores within range", (_, def) => {
    fc.assert(
      fc.property(completeArb(def), (answers) => {
        const r = scoreResponse(def, answers);
        if (!r.ok) return false;
        expect(r.value.complete).toBe(true);
        for (const s of [...(r.value.total ? [r.value.total] : []), ...r.value.subscales]) {
          if (s.kind === "sleep_timing") {
            if (s.status === "not_computable") continue;
            expect(s.status).toBe("complete");
            const v = s.value as number;
            if (s.id === "sjl_relative") expect(Math.abs(v)).toBeLessThanOrEqual(12);
            else expect(v >= 0 && v < 24).toBe(true);
            continue;
          }
          expect(s.status).toBe("complete");
          const [lo, hi] = s.range as [number, number];
          expect(s.value).toBeGreaterThanOrEqual(lo);
          expect(s.value).toBeLessThanOrEqual(hi);
          const banded = (def.scores.find((d) => d.id === s.id)?.bandSets?.length ?? 0) > 0;
          expect(s.band !== null).toBe(banded);
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });

  it.each(defs)("%s: a score with missing items never has a value", (_, def) => {
    fc.assert(
      fc.property(partialArb(def), (answers) => {
        const r = scoreResponse(def, answers);
        if (!r.ok) return false;
        for (const s of [...(r.value.total ? [r.value.total] : []), ...r.value.subscales]) {
          if (s.missingItems.length > 0) expect(s.value).toBeNull();
        }
        const missing = def.items.filter((i) => i.required !== false && !(i.id in answers)).map((i) => i.id);
        expect(r.value.missingItems).toEqual(missing);
        expect(r.value.complete).toBe(missing.length === 0);
        return true;
      }),
      { numRuns: 100 },
    );
  });

  it.each(defs)("%s: scoring is invariant to the order of the answer map", (_, def) => {
    fc.assert(
      fc.property(partialArb(def), fc.infiniteStream(fc.double({ noNaN: true })), (answers, keys) => {
        const entries = Object.entries(answers);
        const shuffled = Object.fromEntries(
          entries
            .map((e) => [keys.next().value as number, e] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, e]) => e),
        );
        expect(scoreResponse(def, shuffled)).toEqual(scoreResponse(def, answers));
      }),
      { numRuns: 60 },
    );
  });
});

describe("reverse keying", () => {
  const reversed = BUNDLED_INSTRUMENTS.flatMap((def) =>
    def.items.filter((i) => i.reverse).map((item) => [`${def.id}.${item.id}`, def, item] as const),
  );

  it("the bundled reversed items are TEPS 13, PSS-10 4/5/7/8 and all scored BIS/BAS items but 2 and 22", () => {
    expect(reversed.map(([name]) => name)).toContain("teps.teps_13");
    expect(reversed.filter(([name]) => name.startsWith("pss10.")).map(([, , i]) => i.number)).toEqual([
      4, 5, 7, 8,
    ]);
    expect(reversed.filter(([name]) => name.startsWith("bis_bas.")).length).toBe(18);
  });

  it.each(reversed)("%s: is an involution onto the option set", (_, def, item) => {
    const range = valueRange(def, item) as [number, number];
    const values = optionsOf(def, item).map((o) => o.value);
    fc.assert(
      fc.property(fc.constantFrom(...values), (v) => {
        expect(reverseValue(range, reverseValue(range, v))).toBe(v);
        expect(values).toContain(reverseValue(range, v));
      }),
    );
  });

  it("is an involution on any integer range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer(),
        (lo, width, x) => {
          const range: [number, number] = [lo, lo + width];
          expect(reverseValue(range, reverseValue(range, x))).toBe(x);
        },
      ),
    );
  });
});

describe("sums move with the answers", () => {
  it("raising one PHQ-9 item by d raises the total by d", () => {
    const def = BUNDLED_INSTRUMENTS.find((d) => d.id === "phq9") as InstrumentDefinition;
    fc.assert(
      fc.property(completeArb(def), fc.integer({ min: 1, max: 9 }), (answers, n) => {
        const id = `phq9_${n}`;
        const v = answers[id] as number;
        if (v === 3) return;
        const before = scoreResponse(def, answers);
        const after = scoreResponse(def, { ...answers, [id]: v + 1 });
        expect(
          after.ok && before.ok && (after.value.total?.value ?? 0) - (before.value.total?.value ?? 0),
        ).toBe(1);
      }),
    );
  });
});
