import { type FitResult, posteriorDraws } from "../../fit/index.ts";
import type { PersonParameters } from "../../model/person/index.ts";
import type { PersonLog } from "../../model/records/schema.ts";
import { seededRng } from "../../model/rng.ts";
import { type PlanMap, presetDraws } from "../../plan/index.ts";
import type { ArchitectureMap } from "../../profile/index.ts";
import { fitAndMap, type PersonEvidence, planMapFromProfile } from "../person/reading.ts";

/** Days of check-ins a log needs before the planner trusts a fit of it over the presets. */
export const MIN_DAYS_FOR_FIT = 14;

/** Whether a fit of this log is trusted for planning: enough days, a start, and a converged fit. */
export function fittedEnough(log: PersonLog, fit: FitResult | null): boolean {
  const days = new Set(log.checkIns.map((c) => c.localDate)).size;
  return fit?.converged === true && days >= MIN_DAYS_FOR_FIT && log.checkIns.some((c) => c.started);
}

export interface Planning {
  /** The map the person sees (`map/get`). */
  readonly profile: ArchitectureMap;
  /** The planner's reading of that same map. */
  readonly map: PlanMap;
  readonly fit: FitResult | null;
  /** True when the draws come from the person's fitted posterior. */
  readonly fitted: boolean;
  readonly draws: PersonParameters[];
  readonly description: string;
}

/**
 * The person's map (their log fitted with their screening priors) and the parameter draws the plan
 * is chosen on: from the fit's posterior once the log is long enough, otherwise around the preset
 * of the map's primary pattern.
 */
export function planningFor(
  log: PersonLog,
  evidence: PersonEvidence,
  drawCount: number,
  seed: number,
): Planning {
  const { fit, map: profile } = fitAndMap(log, evidence);
  const map = planMapFromProfile(profile, evidence);
  const fitted = fittedEnough(log, fit);
  const days = new Set(log.checkIns.map((c) => c.localDate)).size;
  return {
    profile,
    map,
    fit,
    fitted,
    draws:
      drawCount === 0
        ? []
        : fitted
          ? posteriorDraws(fit!, drawCount, seededRng(seed))
          : presetDraws(map, drawCount, seed),
    description: fitted
      ? `${drawCount} draws from the posterior of your fitted model (${days} days of check-ins)`
      : "parameter draws around the preset of the map's primary pattern (the log is too short to fit yet)",
  };
}
