/**
 * Fitting the person-level model to a person's own logs: the replay likelihood, MAP with a Laplace
 * approximation, model comparison, parameter and model recovery, and the bandit2arm reference fit.
 */

export {
  type CvComparison,
  type CvFold,
  compareHeldOut,
  foldsByLabel,
  heldOutLogLik,
  type VariantCv,
} from "./cross-validation.ts";
export { posteriorDraws } from "./draws.ts";
export {
  EEFRT_PRIORS,
  type EefrtFitOptions,
  type EefrtFitResult,
  type EefrtParticipantFit,
  fitEefrt,
} from "./eefrt.ts";
export {
  type ChoiceCurveBin,
  EFFORT_VARIANTS,
  type EffortFitResult,
  type EffortParameters,
  type EffortParticipantFit,
  type EffortPpc,
  type EffortVariant,
  effortChoiceProbability,
  effortCoordinates,
  effortCrossValidate,
  effortDiscount,
  effortLogLik,
  effortPpc,
  fitEffortDiscounting,
  offerValue,
} from "./effort-discounting.ts";
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
  R_HAT_LIMIT,
  type UncertaintyMethod,
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
export {
  diagnostics,
  drawQuantiles,
  drawSd,
  type MetropolisOptions,
  type MetropolisResult,
  metropolis,
} from "./mcmc.ts";
export { type MinimumResult, type NelderMeadOptions, nelderMead } from "./optimize.ts";
export {
  FITTED_NAMES,
  FITTED_SPECS,
  type FittedName,
  type FittedSpec,
  MODEL_VARIANTS,
  type ModelVariant,
  NOT_IDENTIFIED,
  priorMeans,
  type VariantId,
} from "./parameters.ts";
export { fitPrt, PRT_PRIORS, type PrtFitOptions, type PrtFitResult, type PrtParticipantFit } from "./prt.ts";
export {
  drawRewards,
  fitPrtLatent,
  LATENT_LABEL,
  latentRewardDraws,
  PRT_PUBLISHED_SCHEDULE,
  PRT_STATIC_PRIORS,
  type PrtLatentFitResult,
  type PrtLatentOptions,
  type PrtLatentParticipantFit,
  type PrtLatentPpc,
  type PrtRewardSchedule,
  prtLatentCrossValidate,
  prtLatentLogLik,
  prtLatentPpc,
  prtStaticLogLik,
  simulatePrtLatent,
} from "./prt-latent.ts";
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
  wilson,
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
export {
  fitRstd,
  phiApprox,
  RSTD_VARIANTS,
  type RstdFitOptions,
  type RstdFitResult,
  type RstdParameters,
  type RstdParticipantFit,
  type RstdPpc,
  type RstdVariant,
  reversalCurve,
  rstdCoordinates,
  rstdCrossValidate,
  rstdLogLik,
  rstdParameters,
  rstdPpc,
  simulateRstd,
} from "./rstd.ts";
export {
  type TaskCoordinate,
  type TaskEstimate,
  type TaskGroupPrior,
  type TaskMap,
  taskGroupFit,
  taskMap,
} from "./task-fit.ts";
export { type TaskParameterRecovery, type TaskRecovery, taskRecovery } from "./task-recovery.ts";
