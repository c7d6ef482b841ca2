import { describe, expect, it } from "vitest";
import { PARAMETER_NAMES, PARAMETERS } from "../model/person/params.ts";
import { FITTED_NAMES, FITTED_SPECS, NOT_IDENTIFIED, toScale } from "./parameters.ts";

describe("the fit's parameters come from the parameter table", () => {
  it("fits exactly the parameters the table marks fittable, and holds the learning rates", () => {
    const fittable = PARAMETER_NAMES.filter((n) => PARAMETERS[n].fittable);
    expect([...FITTED_NAMES].sort()).toEqual([...fittable].sort());
    expect(PARAMETERS.learningRatePos.fittable).toBe(false);
    expect(PARAMETERS.learningRateNeg.fittable).toBe(false);
    for (const name of Object.keys(NOT_IDENTIFIED)) expect(fittable).not.toContain(name);
  });

  it("transforms each fitted parameter on its table scale, within the table's range", () => {
    for (const name of FITTED_NAMES) {
      const info = PARAMETERS[name];
      const spec = FITTED_SPECS[name];
      expect(spec.transform).toBe(info.scale);
      expect(spec.min).toBeGreaterThanOrEqual(info.min);
      expect(spec.max).toBeLessThanOrEqual(info.max);
      expect(spec.min).toBeLessThan(spec.priorMean);
      expect(spec.priorMean).toBeLessThan(spec.max);
      // The search range is reachable on the transformed scale (no log of 0, no logit of 1).
      expect(Number.isFinite(toScale(spec.transform, spec.min))).toBe(true);
      expect(Number.isFinite(toScale(spec.transform, spec.max))).toBe(true);
      if (!("fitRange" in info)) expect([spec.min, spec.max]).toEqual([info.min, info.max]);
    }
  });

  it("keeps the fit's scales and bounds as they were before the table held them", () => {
    const pinned = Object.fromEntries(
      FITTED_NAMES.map((n) => {
        const { transform, min, max } = FITTED_SPECS[n];
        return [n, [transform, min, max]];
      }),
    );
    expect(pinned).toEqual({
      anticipatoryGain: ["log", 0.02, 3],
      rewardSensitivity: ["log", 0.02, 3],
      effortCost: ["log", 0.01, 10],
      threatGain: ["log", 0.001, 3],
      noveltyCoupling: ["logit", 0.001, 0.999],
      choiceSensitivity: ["log", 0.1, 50],
      chronotypePeak: ["linear", 0, 23.99],
    });
  });
});
