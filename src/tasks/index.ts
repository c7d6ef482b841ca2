/**
 * Behavioural tasks: the EEfRT (Treadway et al. 2009) and the PRT (Pizzagalli et al. 2005) as
 * declarative definitions, seeded trial schedules, the trial record with its documented CSV/JSON
 * columns, likelihoods on typed arrays, and simulated participants. The screens live in `web/`.
 */

export type { TaskDefinition, TaskGrade, TaskKey, TaskParameterInfo, TaskVersionInfo } from "./definition.ts";
export {
  EEFRT_DEFINITION,
  EEFRT_DESIGNS,
  EEFRT_EFFORT,
  EEFRT_SHORT,
  EEFRT_STANDARD,
  type EefrtData,
  type EefrtDesign,
  type EefrtParameters,
  type EefrtScheduledTrial,
  eefrtData,
  eefrtLogLik,
  eefrtOutcome,
  eefrtSchedule,
  eefrtSummary,
  eefrtValueDifference,
} from "./eefrt.ts";
export {
  EFFORT_PRIZE_EUR,
  type EffortChoiceData,
  type ReadEffortChoicesResult,
  readEffortChoicesCsv,
} from "./effort-choice.ts";
export { JSPSYCH_COLUMNS, trialsToJsPsychRows, writeTrialsJsPsychCsv } from "./jspsych.ts";
export {
  DEFAULT_SPREAD,
  DEFAULT_TASK_PERSON,
  drawTaskPerson,
  eefrtParametersOf,
  PRT_REWARD_VALUE,
  playEefrt,
  playEefrtSchedule,
  playPrt,
  playPrtSchedule,
  prtParametersOf,
  type SimulatedSession,
  type SimulateTasksOptions,
  simulateTaskStudy,
  type TaskPerson,
  type TaskPopulationSpread,
} from "./participants.ts";
export {
  PRT_DEFINITION,
  PRT_DESIGNS,
  PRT_NO_PENDING,
  PRT_SHORT,
  PRT_STANDARD,
  type PrtBlockSummary,
  type PrtData,
  type PrtDesign,
  type PrtParameters,
  type PrtPending,
  type PrtSchedule,
  type PrtScheduledTrial,
  prtData,
  prtLeanProbability,
  prtLogLik,
  prtPendingAfter,
  prtReinforce,
  prtSchedule,
  prtSdt,
  prtSummary,
} from "./prt.ts";
export {
  describeIssue,
  type EefrtTrial,
  EefrtTrialSchema,
  type PrtTrial,
  PrtTrialSchema,
  type ReadTrialsResult,
  readTrialsCsv,
  readTrialsJson,
  TASK_IDS,
  type TaskId,
  type TaskTrial,
  TaskTrialSchema,
  TRIAL_COLUMNS,
  type TrialColumn,
  type TrialIssue,
  type TrialsJson,
  trialsToJson,
  trialToRow,
  writeTrialsCsv,
} from "./records.ts";
export {
  REVERSAL_3ARM,
  type ReadReversalResult,
  type ReversalData,
  readReversalCsv,
  reversalAccuracy,
} from "./reversal.ts";
export { type ReadSailerPrtResult, readSailerPrtCsv, type SailerPrtParticipant } from "./sailer-prt.ts";
export {
  CellReader,
  describeTableIssues,
  MISSING_CELLS,
  type NumberOptions,
  readTable,
  type TableIssue,
  type TableResult,
  type TableRow,
} from "./table.ts";

import { EEFRT_DEFINITION } from "./eefrt.ts";
import { PRT_DEFINITION } from "./prt.ts";

/** Both task definitions, in menu order. */
export const TASK_DEFINITIONS = [EEFRT_DEFINITION, PRT_DEFINITION] as const;
