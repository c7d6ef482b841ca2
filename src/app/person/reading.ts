import { type FitResult, fitReplay, replayFromLog } from "../../fit/index.ts";
import type { PersonLog } from "../../model/records/schema.ts";
import { PATTERN_IDS, type PlanMap } from "../../plan/index.ts";
import {
  type ArchitectureMap,
  buildMap,
  priorMeansFromScreening,
  type ScreeningScores,
  type TaskEvidence,
} from "../../profile/index.ts";
import type { Store } from "../store-port.ts";
import { storedTaskEvidence } from "../tasks/commands.ts";
import { FIT_SEED } from "./rules.ts";
import { professionalHelpFrom, scoreSeries, screeningFrom } from "./screening.ts";

/** What the person has told dopamap besides their log: screening totals, the help flag, task fits. */
export interface PersonEvidence {
  /** "stored": read from the person's data; "none": a log was given with no store, so no screening was used. */
  readonly source: "stored" | "none";
  readonly screening: ScreeningScores;
  /** Set when the latest screening recommends professional help, with the reason in words. */
  readonly professionalHelp: { readonly reason: string } | null;
  readonly tasks?: TaskEvidence;
}

/** No screening, no tasks: a log read from a file with no store beside it. */
export const NO_EVIDENCE: PersonEvidence = { source: "none", screening: {}, professionalHelp: null };

/** The person's stored screening (every scored questionnaire) and task evidence. */
export async function storedEvidence(store: Store, personId: string): Promise<PersonEvidence> {
  const [assessments, tasks] = await Promise.all([
    store.listEntries(personId, "assessment"),
    storedTaskEvidence(store, personId),
  ]);
  return {
    source: "stored",
    screening: screeningFrom(scoreSeries(assessments)),
    professionalHelp: professionalHelpFrom(assessments),
    ...(tasks ? { tasks } : {}),
  };
}

/**
 * The person's fit and map: the log fitted with priors from their screening (when there is any
 * log to fit), then the map from the fit, the screening, the log and the task evidence. The one
 * map every view shows and the planner plans from.
 */
export function fitAndMap(
  log: PersonLog | undefined,
  evidence: PersonEvidence,
): { fit: FitResult | null; map: ArchitectureMap } {
  const data = log ? replayFromLog(log) : null;
  const fit =
    data && data.opportunities.length > 0
      ? fitReplay(data, { priorMeans: priorMeansFromScreening(evidence.screening), seed: FIT_SEED })
      : null;
  const map = buildMap({
    parameters: fit?.parameters,
    screening: evidence.screening,
    ...(log ? { log } : {}),
    ...(evidence.tasks ? { tasks: evidence.tasks } : {}),
  });
  return { fit, map };
}

/** The planner's reading of the map, with the professional-help flag of the person's screening. */
export function planMapFromProfile(map: ArchitectureMap, evidence: PersonEvidence): PlanMap {
  const strengths: PlanMap["strengths"] = {};
  for (const p of map.patterns)
    if (p.estimate !== null) strengths[p.pattern] = { mean: p.estimate, lo: p.lo, hi: p.hi };
  return {
    primary: map.primary?.pattern ?? PATTERN_IDS[0],
    strengths,
    stressLoad: map.stressLoad.estimate ?? 0.15,
    chronotypePeak: map.chronotypePeak.enoughData ? (map.chronotypePeak.estimate ?? 9) : 9,
    professionalHelp: evidence.professionalHelp !== null,
    ...(evidence.professionalHelp ? { professionalHelpReason: evidence.professionalHelp.reason } : {}),
  };
}
