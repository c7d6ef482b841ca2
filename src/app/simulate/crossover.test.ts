import { describe, expect, it } from "vitest";
import { registry } from "../index.ts";

describe("model/crossover", () => {
  it("gives each condition × intervention cell a paired effect with an interval, matched ones positive", async () => {
    const r = await registry.invoke("model/crossover", {
      conditions: ["depression", "adhd"],
      interventions: ["scaffolding", "dopamineFast"],
      people: 60,
      weeks: 6,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { cells, weeks } = r.value as {
      weeks: [number, number];
      cells: { condition: string; intervention: string; effect: { mean: number; lo: number; hi: number } }[];
    };
    expect(weeks).toEqual([3, 6]);
    expect(cells).toHaveLength(4);
    const cell = (c: string, i: string) =>
      cells.find((x) => x.condition === c && x.intervention === i)!.effect;
    expect(cell("depression", "scaffolding").lo).toBeGreaterThan(0.3);
    expect(cell("adhd", "dopamineFast").hi).toBeLessThan(0);
    for (const c of cells) expect(c.effect.lo).toBeLessThanOrEqual(c.effect.hi);
  });

  it("names the field of a bad request", async () => {
    const r = await registry.invoke("model/crossover", { people: 1 });
    expect(r.ok || r.error.path).toEqual(["people"]);
  });
});
