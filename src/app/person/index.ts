/**
 * A person's state, computed once per data revision: log, screening, task evidence, the fit, the
 * map and its planner's reading, the shared posterior draws, the "fitted enough" rule and the
 * professional-help and crisis flags; the plan's selection and week-by-week refits cached beside it.
 */
export { decodeSnapshot, encodeSnapshot } from "./codec.ts";
export {
  logFromCsv,
  openPerson,
  type Person,
  type PersonSource,
  type PlanOptions,
  type SkippedRow,
  SNAPSHOT_VERSION,
} from "./person.ts";
export {
  fitAndMap,
  NO_EVIDENCE,
  type PersonEvidence,
  planMapFromProfile,
  storedEvidence,
} from "./reading.ts";
export * from "./rules.ts";
export { professionalHelpFrom, scoreSeries, screeningFrom } from "./screening.ts";
export { ONE_LOG_SOURCE, oneLogSource, PersonSourceFields } from "./source.ts";
export {
  type ComputeKind,
  computeState,
  type DrawOptions,
  type FitSummary,
  type PersonState,
  type StateBasis,
  type WeekFit,
} from "./state.ts";
