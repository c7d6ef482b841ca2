import { describe, expect, it } from "vitest";
import { buildMap } from "./map.ts";
import { STATEMENTS, statesUnsourcedFigure } from "./statements.ts";
import { taskStrengths } from "./tasks.ts";

describe("task fits as map evidence", () => {
  it("maps a high effort cost and a low reward sensitivity to anticipatory-deficit strength, typical values to 0", () => {
    const [k, rho] = taskStrengths({
      eefrtEffortCost: { estimate: 4.5, lo: 3, hi: 6 },
      prtRewardSensitivity: { estimate: 2, lo: 1.5, hi: 2.6 },
    });
    expect(k).toMatchObject({ estimate: 1, from: ["tasks"] });
    expect(k!.lo).toBeCloseTo(Math.log(2) / Math.log(3), 12);
    expect(rho!.estimate).toBe(0);
    expect(rho!.hi).toBeCloseTo(Math.log(2 / 1.5) / Math.log(4), 12);
    expect(taskStrengths({ eefrtEffortCost: { estimate: 2, lo: Number.NaN, hi: Number.NaN } })).toEqual([]);
  });

  it("moves the map only through the optional input, says where the evidence came from, with sourced statements", () => {
    const without = buildMap({ screening: { phq9: 12 } });
    const withTasks = buildMap({
      screening: { phq9: 12 },
      tasks: {
        eefrtEffortCost: { estimate: 4, lo: 3.2, hi: 5 },
        prtRewardSensitivity: { estimate: 0.7, lo: 0.5, hi: 1 },
      },
    });
    const ad = (m: typeof without) => m.patterns.find((p) => p.pattern === "anticipatoryDeficit")!;
    expect(ad(withTasks).estimate).toBeGreaterThan(ad(without).estimate! + 0.2);
    expect(ad(withTasks).from).toEqual(["screening", "tasks", "tasks"]);
    expect(withTasks.primary?.pattern).toBe("anticipatoryDeficit");
    expect(withTasks.primary?.why.join(" ")).toContain(
      "In the effort task your effort cost was 4.00 [3.20, 5.00]",
    );
    const ids = withTasks.statements.map((s) => s.id);
    expect(ids).toContain("taskEffort");
    expect(ids).toContain("taskRewardSensitivity");
    expect(without.statements.map((s) => s.id)).not.toContain("taskEffort");
    for (const s of STATEMENTS) expect(statesUnsourcedFigure(s)).toBe(false);
    expect(withTasks.statements.every((s) => s.source.length > 0)).toBe(true);
  });
});
