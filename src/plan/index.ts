/**
 * Circuit-matched plans: components per pattern and activity, circadian timing, in-silico selection
 * on the person's model over posterior draws, and iCalendar export. Pure: no file, network, clock or
 * randomness beyond the seeds passed in.
 */
export {
  activityPlan,
  generalComponents,
  HIGH_STRESS,
  MAX_SECONDARY,
  microDoseRule,
  PLAUSIBLE_THRESHOLD,
  SECONDARY_THRESHOLD,
  secondaryPatterns,
  suggestedTiming,
} from "./components.ts";
export { type PlanDayChartOptions, planDayChart } from "./day-chart.ts";
export { PATTERN_CONDITIONS, presetDraws } from "./draws.ts";
export { choicesFromLog } from "./from-log.ts";
export { type IcsOptions, planToIcs } from "./ics.ts";
export {
  approachLadder,
  COMMITMENT_LIBRARY,
  CUE_LIBRARY,
  clockHour,
  PATTERN_INTERVENTIONS,
  RATIONALES,
} from "./library.ts";
export { createPlan, type Plan, planComponents } from "./plan.ts";
export {
  type Candidate,
  type CandidateForecast,
  candidatePlans,
  forecastCandidate,
  type Selection,
  type SelectionOptions,
  selectPlan,
  toEnvironment,
  toModelActivity,
} from "./select.ts";
export * from "./types.ts";
