/** The person-level (day-by-day) reward-circuit model. */
export { type CompiledWorld, compileWorld, type EnvironmentPhase } from "./compile.ts";
export {
  CONDITION_IDS,
  CONDITIONS,
  type ConditionDef,
  type ConditionId,
  resolveConditions,
} from "./conditions.ts";
export {
  acuteRelease,
  acuteResponsiveness,
  calibration,
  cortisolAt,
  DAY_METRICS,
  effortCost,
  type OpportunityRecord,
  ratingOf,
  SLOT_METRICS,
  toneAt,
  WEEK_METRICS,
} from "./engine.ts";
export {
  ACTIVITY_KINDS,
  type Activity,
  type ActivityKind,
  activity,
  baseEnvironment,
  type Environment,
  type Progression,
  type RewardSchedule,
  type RewardScheduleKind,
} from "./environment.ts";
export {
  type ActivityEdit,
  type ActivitySelector,
  applyIntervention,
  INTERVENTION_IDS,
  INTERVENTIONS,
  type InterventionDef,
  type InterventionId,
} from "./interventions.ts";
export {
  clampParameters,
  defaultParameters,
  type EvidenceGrade,
  PARAMETER_NAMES,
  PARAMETERS,
  type ParameterInfo,
  type ParameterName,
  type PersonParameters,
} from "./params.ts";
export {
  type ActivityMetric,
  type DayMetric,
  environmentPhases,
  type PersonDay,
  type PersonResult,
  type PersonWeek,
  personWorld,
  type ScheduledIntervention,
  type SimulatePersonOptions,
  simulatePerson,
  type WeekMetric,
} from "./person.ts";
export {
  type IntervalSeries,
  type PopulationResult,
  type PopulationSlice,
  type PopulationSpec,
  personMeans,
  samplePerson,
  simulatePopulation,
  simulateSlice,
  summarisePopulation,
} from "./population.ts";
