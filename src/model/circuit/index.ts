/**
 * Circuit level of the reward-circuit model: within-trial temporal-difference learning over a
 * tapped-delay-line (complete serial compound) representation, with compound cues, probabilistic,
 * omitted, early and late outcomes, a sustained uncertainty signal, non-compensable drug surges and a
 * latent-state filter for partial reinforcement and extinction.
 *
 * Typical use: `parseCircuitProtocol(json)` → `runCircuitProtocol(protocol, { rng })` for one agent,
 * or `runCircuitPopulation(protocol, { rng, population: { agentCount, spread } })` for many.
 */
export {
  type CircuitPopulationOptions,
  type CircuitPopulationResult,
  type PerTrialDistribution,
  type PopulationMeasure,
  runCircuitPopulation,
  sampleCircuitParams,
} from "./population.ts";
export {
  type CircuitPhaseResult,
  type CircuitProtocolResult,
  type ExtinctionCriterion,
  type ExtinctionScore,
  phaseResult,
  type ResponseMeasure,
  type RunCircuitOptions,
  runCircuitProtocol,
  type TraceSelection,
  trialsToExtinction,
  trialTrace,
} from "./protocol.ts";
export * from "./schema.ts";

export {
  type CircuitAgent,
  type CompiledTrial,
  compileTrial,
  createCircuitAgent,
  createTrialColumns,
  runTrial,
  type TraceBuffers,
  type TrialColumns,
} from "./td-agent.ts";
