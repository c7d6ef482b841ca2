/**
 * A person's state, computed from their data by one set of rules: the fit (with priors from their
 * screening), the map, the planner's reading of it, the parameter draws every view of the plan is
 * simulated on, and the flags. Pure: the store is read and written in `person.ts`.
 */
import { createHash } from "node:crypto";
import { type FitResult, fitReplay, posteriorDraws, replayFromLog } from "../../fit/index.ts";
import type { CrisisEvent } from "../../instruments/index.ts";
import type { PersonParameters } from "../../model/person/index.ts";
import type { PersonLog } from "../../model/records/schema.ts";
import { seededRng } from "../../model/rng.ts";
import { type PlanMap, presetDraws } from "../../plan/index.ts";
import type { ArchitectureMap } from "../../profile/index.ts";
import { priorMeansFromScreening } from "../../profile/index.ts";
import type { ScoreSeries } from "../../report/index.ts";
import { addDays } from "../../track/index.ts";
import { fitAndMap, type PersonEvidence, planMapFromProfile } from "./reading.ts";
import { daysWithCheckIns, FIT_SEED, fittedEnough, PERSON_DRAWS, PERSON_SEED } from "./rules.ts";

/** What was computed, for counting (tests) and tracing: a fit of the log, a plan selection, one week's refit. */
export type ComputeKind = "fit" | "selection" | "weekFit";

/** What the state rests on, in words a view can show. */
export interface StateBasis {
  /** "stored": the person's own records; "given": a log passed in (a file, research use). */
  readonly log: "stored" | "given";
  /** "stored": their stored screening shaped the map; "none": no store, so no screening was used. */
  readonly screening: PersonEvidence["source"];
  /** The data revision the state was computed from (null for a given log). */
  readonly revision: number | null;
  /** The fit is trusted for planning (enough days, a start, a converged fit). */
  readonly fittedEnough: boolean;
  readonly daysWithCheckIns: number;
  /** Parameter draws and seed shared by the plan, progress and the report. */
  readonly draws: number;
  readonly seed: number;
  /** Where the draws come from, in words. */
  readonly drawsFrom: string;
}

/** The fit as the views use it (its posterior is summarised by `draws`). */
export type FitSummary = Pick<FitResult, "variant" | "parameters" | "converged" | "logLik" | "observations">;

export interface PersonState {
  readonly basis: StateBasis;
  readonly evidence: PersonEvidence;
  /** Scored questionnaires, one series per instrument, oldest first. */
  readonly scores: readonly ScoreSeries[];
  /** Crisis events recorded in the person's data, oldest first. */
  readonly crisisEvents: readonly CrisisEvent[];
  readonly fit: FitSummary | null;
  /** The map every view shows. */
  readonly map: ArchitectureMap;
  /** The planner's reading of that same map. */
  readonly planMap: PlanMap;
  /** The parameter draws the plan is chosen on (posterior once fitted enough, else the preset's). */
  readonly draws: readonly PersonParameters[];
}

/** What the state is computed from. */
export interface StateInputs {
  readonly log: PersonLog;
  readonly evidence: PersonEvidence;
  readonly scores: readonly ScoreSeries[];
  readonly crisisEvents: readonly CrisisEvent[];
  readonly source: { readonly log: "stored" | "given"; readonly revision: number | null };
}

/** Draw settings; the defaults are the ones every view shares. */
export interface DrawOptions {
  readonly draws?: number;
  readonly seed?: number;
}

export function computeState(
  inputs: StateInputs,
  options: DrawOptions = {},
  onCompute?: (kind: ComputeKind) => void,
): PersonState {
  const count = options.draws ?? PERSON_DRAWS;
  const seed = options.seed ?? PERSON_SEED;
  const { log, evidence } = inputs;
  const { fit, map } = fitAndMap(log, evidence);
  if (fit) onCompute?.("fit");
  const planMap = planMapFromProfile(map, evidence);
  const fitted = fittedEnough(log, fit);
  const days = daysWithCheckIns(log);
  const draws =
    count === 0
      ? []
      : fitted
        ? posteriorDraws(fit!, count, seededRng(seed))
        : presetDraws(planMap, count, seed);
  return {
    basis: {
      log: inputs.source.log,
      screening: evidence.source,
      revision: inputs.source.revision,
      fittedEnough: fitted,
      daysWithCheckIns: days,
      draws: count,
      seed,
      drawsFrom: fitted
        ? `${count} draws from the posterior of your fitted model (${days} days of check-ins)`
        : "parameter draws around the preset of the map's primary pattern (the log is too short to fit yet)",
    },
    evidence,
    scores: inputs.scores,
    crisisEvents: inputs.crisisEvents,
    fit: fit
      ? {
          variant: fit.variant,
          parameters: fit.parameters,
          converged: fit.converged,
          logLik: fit.logLik,
          observations: fit.observations,
        }
      : null,
    map,
    planMap,
    draws,
  };
}

/** One completed week's refit of the log up to that week's end. */
export interface WeekFit {
  readonly week: number;
  readonly parameters: readonly { name: string; estimate: number; lo: number; hi: number }[];
}

/** The log up to and including `last` (check-ins, urges and closed days). */
export function logUntil(log: PersonLog, last: string): PersonLog {
  return {
    ...log,
    checkIns: log.checkIns.filter((c) => c.localDate <= last),
    urges: log.urges.filter((u) => u.localDate <= last),
    closedDays: log.closedDays.filter((d) => d <= last),
  };
}

/** A week's cache key: a hash of the records up to its end and the priors it is fitted with. */
export function weekKey(log: PersonLog, evidence: PersonEvidence): string {
  return createHash("sha256")
    .update(JSON.stringify([log, priorMeansFromScreening(evidence.screening), FIT_SEED]))
    .digest("base64url");
}

/**
 * The fits of weeks 2..`weeksDone` counted from `first` (each on the records up to that week's
 * end, with the map's priors), taking any week whose key is in `known` from there.
 */
export function weekFits(
  log: PersonLog,
  evidence: PersonEvidence,
  first: string,
  weeksDone: number,
  known: ReadonlyMap<string, WeekFit["parameters"]>,
  onCompute?: (kind: ComputeKind) => void,
): { fits: WeekFit[]; keys: Map<string, WeekFit["parameters"]> } {
  const fits: WeekFit[] = [];
  const keys = new Map<string, WeekFit["parameters"]>();
  for (let week = 2; week <= weeksDone; week++) {
    const upTo = logUntil(log, addDays(first, 7 * week - 1));
    const key = weekKey(upTo, evidence);
    let parameters = known.get(key);
    if (!parameters) {
      const data = replayFromLog(upTo);
      if (data.opportunities.length === 0) continue;
      onCompute?.("weekFit");
      const r = fitReplay(data, {
        starts: 1,
        seed: FIT_SEED,
        priorMeans: priorMeansFromScreening(evidence.screening),
      });
      parameters = r.parameters.map((p) => ({ name: p.name, estimate: p.estimate, lo: p.lo, hi: p.hi }));
    }
    keys.set(key, parameters);
    fits.push({ week, parameters });
  }
  return { fits, keys };
}
