/**
 * Fitting the person-level model to a person's own logs: the replay likelihood, MAP with a Laplace
 * approximation, model comparison, parameter and model recovery, and the bandit2arm reference fit.
 */

export { posteriorDraws } from "./draws.ts";
export {
  compareVariants,
  countObservations,
  type DayLatent,
  type FitOptions,
  type FitResult,
  type FittedParameter,
  fitReplay,
  latentByDay,
  type ObservationCounts,
  type VariantComparison,
  type VariantScore,
} from "./fit.ts";
export {
  type ActivityOverride,
  LOGGED_COMMITMENT,
  LOGGED_CUE,
  type ReplayFromLogOptions,
  replayFromLog,
  replayFromRecords,
} from "./from-log.ts";
export { isPositiveDefinite, type LaplaceResult, laplace } from "./laplace.ts";
export { type MinimumResult, type NelderMeadOptions, nelderMead } from "./optimize.ts";
export {
  FITTED_NAMES,
  FITTED_SPECS,
  type FittedName,
  type FittedSpec,
  MODEL_VARIANTS,
  type ModelVariant,
  priorMeans,
  type VariantId,
} from "./parameters.ts";
export {
  drawTrueParameters,
  type ModelRecovery,
  modelRecovery,
  type ParameterRecovery,
  parameterRecovery,
  pearson,
  type RecoveryByWeeks,
  type RecoveryOptions,
  recoveryEnvironment,
  simulatedLogs,
} from "./recovery.ts";
export {
  ALL_TERMS,
  type ReplayActivity,
  type ReplayData,
  type ReplayOpportunity,
  type ReplayTerms,
  ratingInverse,
  ratingLogProbability,
  ratingProbability,
  replayLogLik,
} from "./replay.ts";
