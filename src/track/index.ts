/**
 * The day and the record: weekly Motivation Gap and anticipation gap, micro-dose progression,
 * the timeline with stall detection, and the rescue (asked or unasked). Pure: the current time
 * comes in as a value.
 */
export { addDays, dayNumber, expandSchedule, weekdayOf } from "./days.ts";
export { closeDay, occurrenceStatuses, type WeekSummary, weeklySummaries } from "./gaps.ts";
export { type ProgressionState, progressionState } from "./progression.ts";
export {
  dueRescues,
  type LocalNow,
  type RescueOptions,
  type RescuePlan,
  rescueStart,
  rescueUrge,
  type StartRescue,
  type UrgeRescue,
} from "./rescue.ts";
export {
  buildTimeline,
  FRAMEWORK_PHASES,
  type Stall,
  type StallOptions,
  type Timeline,
  type TimelinePhase,
} from "./timeline.ts";
