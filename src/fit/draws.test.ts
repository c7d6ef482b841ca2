import { describe, expect, it } from "vitest";
import { resolveConditions, samplePerson, simulatePerson } from "../model/person/index.ts";
import { logFromSimulation } from "../model/records/index.ts";
import { seededRng } from "../model/rng.ts";
import { meanInterval } from "../model/stats.ts";
import { posteriorDraws } from "./draws.ts";
import { fitReplay } from "./fit.ts";
import { replayFromLog } from "./from-log.ts";

describe("posterior draws", () => {
  const { parameters, environment } = resolveConditions(["depression"]);
  const truth = samplePerson(parameters, 11, 0);
  const records: Parameters<typeof logFromSimulation>[1][number][] = [];
  simulatePerson(truth, environment, [{ id: "scaffolding", startWeek: 2 }], {
    weeks: 6,
    seed: 11,
    onRecord: (r) => records.push(r),
  });
  const log = logFromSimulation(environment, records, {
    startDate: "2026-01-05",
    utcOffsetMin: 0,
    rng: seededRng(2),
  });
  const fit = fitReplay(replayFromLog(log));

  it("centre on the estimate, spread like the Laplace intervals, and keep the other parameters", () => {
    expect(fit.posterior.covariance).not.toBeNull();
    const draws = posteriorDraws(fit, 400, seededRng(5));
    expect(draws).toHaveLength(400);
    const kappa = fit.parameters.find((p) => p.name === "anticipatoryGain")!;
    const logs = draws.map((d) => Math.log(d.anticipatoryGain));
    const m = meanInterval(logs);
    // 400 draws: the mean of log κ is within ±3 standard errors of the mode
    expect(Math.abs(m.mean - Math.log(kappa.estimate))).toBeLessThan((3 * (m.hi - m.mean)) / 1.96 + 1e-9);
    const inside = draws.filter(
      (d) => d.anticipatoryGain >= kappa.lo && d.anticipatoryGain <= kappa.hi,
    ).length;
    // Binomial(400, 0.95): 95 % of draws inside the 95 % interval, ± about 4.4 points
    expect(inside / 400).toBeGreaterThan(0.9);
    expect(inside / 400).toBeLessThan(0.99);
    for (const d of draws) expect(d.plasticity).toBe(fit.estimates.plasticity);
  });

  it("is reproducible with the same generator seed", () => {
    expect(posteriorDraws(fit, 5, seededRng(9))).toEqual(posteriorDraws(fit, 5, seededRng(9)));
  });
});
