import { fitReplay, posteriorDraws, replayFromLog } from "../../fit/index.ts";
import type { PersonParameters } from "../../model/person/index.ts";
import type { PersonLog } from "../../model/records/schema.ts";
import { seededRng } from "../../model/rng.ts";
import { PATTERN_IDS, type PlanMap } from "../../plan/index.ts";
import { type ArchitectureMap, buildMap } from "../../profile/index.ts";

/** Days of check-ins a log needs before the planner trusts a fit of it over the presets. */
export const MIN_DAYS_FOR_FIT = 14;

/** The planner's reading of the profile's map. */
export function planMapFromProfile(map: ArchitectureMap, professionalHelp = false): PlanMap {
  const strengths: PlanMap["strengths"] = {};
  for (const p of map.patterns)
    if (Number.isFinite(p.estimate)) strengths[p.pattern] = { mean: p.estimate, lo: p.lo, hi: p.hi };
  const primary = map.primary?.pattern ?? PATTERN_IDS[0];
  return {
    primary,
    strengths,
    stressLoad: Number.isFinite(map.stressLoad.estimate) ? map.stressLoad.estimate : 0.15,
    chronotypePeak: map.chronotypePeak.enoughData ? map.chronotypePeak.estimate : 9,
    professionalHelp,
  };
}

export interface FittedPlanning {
  readonly map: PlanMap;
  readonly draws: PersonParameters[];
  readonly description: string;
}

/**
 * When the log is long enough, fits it, builds the map from the fit and draws parameter sets from
 * the fit's posterior: the plan is then chosen on the person's own model. Otherwise null.
 */
export function planningFromLog(log: PersonLog, drawCount: number, seed: number): FittedPlanning | null {
  const days = new Set(log.checkIns.map((c) => c.localDate));
  if (days.size < MIN_DAYS_FOR_FIT || !log.checkIns.some((c) => c.started)) return null;
  const fit = fitReplay(replayFromLog(log), { seed });
  if (!fit.converged) return null;
  const map = buildMap({ parameters: fit.parameters, log });
  return {
    map: planMapFromProfile(map),
    draws: posteriorDraws(fit, drawCount, seededRng(seed)),
    description: `${drawCount} draws from the posterior of your fitted model (${days.size} days of check-ins)`,
  };
}
