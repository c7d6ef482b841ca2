/**
 * The rules of a person's state, each written once: how many posterior draws (and which seed) the
 * map, plan, progress and report share; when a fit is trusted for planning; which task runs count
 * as evidence.
 */
import type { FitResult } from "../../fit/index.ts";
import type { PersonLog } from "../../model/records/schema.ts";

/** Parameter draws every view of the plan is simulated on (one fixed set per data revision). */
export const PERSON_DRAWS = 12;
/** Seed of those draws and of the plan's simulation. */
export const PERSON_SEED = 1;
/** Simulated runs per draw in the plan's in-silico selection. */
export const SEEDS_PER_DRAW = 2;
/** Seed of the fit's optimiser starts. */
export const FIT_SEED = 1;

/** Days with check-ins a log needs before the planner trusts a fit of it over the presets. */
export const MIN_DAYS_FOR_FIT = 14;

/**
 * A task run counts as evidence for the map only with at least this many scored trials (the
 * published designs have 50 EEfRT and 300 PRT trials; the short demo versions 6 and 22 never count).
 */
export const MIN_TASK_TRIALS = { eefrt: 30, prt: 150 } as const;

/** Days with at least one check-in. */
export const daysWithCheckIns = (log: PersonLog): number =>
  new Set(log.checkIns.map((c) => c.localDate)).size;

/** "Fitted enough": the planner trusts the fit (enough days, a start, a converged fit). */
export function fittedEnough(log: PersonLog, fit: Pick<FitResult, "converged"> | null): boolean {
  return (
    fit?.converged === true &&
    daysWithCheckIns(log) >= MIN_DAYS_FOR_FIT &&
    log.checkIns.some((c) => c.started)
  );
}
