/** The person's architecture map: pattern strengths with intervals, the primary pattern, and graded statements. */

export { mapChart } from "./chart.ts";
export {
  type ActivitySummary,
  type ArchitectureMap,
  buildMap,
  FRAMEWORK,
  type FrameworkRow,
  type MapInput,
  type MapParameter,
  PATTERN_IDS,
  type PatternId,
  type PatternStrength,
  type ScreeningScores,
  type Strength,
  summariseLog,
} from "./map.ts";
export { priorMeansFromScreening } from "./priors.ts";
export {
  STATEMENTS,
  type Statement,
  type StatementGrade,
  type StatementId,
  statement,
  statesUnsourcedFigure,
  UNSOURCED_FIGURES,
} from "./statements.ts";
export {
  TASK_ANCHORS,
  type TaskEstimateInput,
  type TaskEvidence,
  type TaskStrength,
  taskStrengths,
  taskWhy,
} from "./tasks.ts";
