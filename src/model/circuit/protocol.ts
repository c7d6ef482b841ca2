import type { Rng } from "../rng.ts";
import type { CircuitParams, CircuitProtocol } from "./schema.ts";
import {
  type CircuitAgent,
  compileTrial,
  createCircuitAgent,
  createTrialColumns,
  runTrial,
  type TraceBuffers,
  type TrialColumns,
} from "./td-agent.ts";

/** Which per-step traces to keep: none, those of phases with `recordTraces`, or all. Default `flagged`. */
export type TraceSelection = "none" | "flagged" | "all";

/** Options of {@link runCircuitProtocol}. */
export interface RunCircuitOptions {
  /** The only source of randomness (outcome draws). */
  readonly rng: Rng;
  /** Agent parameters overriding `protocol.params` (e.g. one sampled member of a population). */
  readonly params?: CircuitParams;
  /** Which per-step traces to keep; default `flagged`. */
  readonly traces?: TraceSelection;
}

/** The result of one phase. */
export interface CircuitPhaseResult {
  readonly name: string;
  /** Index of the phase's first trial in the whole protocol. */
  readonly firstTrialIndex: number;
  readonly trialCount: number;
  /** Per-trial summaries (one row per trial of this phase). */
  readonly trials: TrialColumns;
  /** Per-step traces (row-major trial × trialSteps), when kept. */
  readonly traces: TraceBuffers | null;
}

/** The result of {@link runCircuitProtocol}. */
export interface CircuitProtocolResult {
  readonly trialSteps: number;
  readonly params: CircuitParams;
  readonly phases: readonly CircuitPhaseResult[];
  /** Final delay-line weights per cue id (index = steps since onset); weights[id][0] is the cue's own value at onset. */
  readonly weights: Readonly<Record<string, Float64Array>>;
  /** Final belief in the reinforcing regime (1 without the latent-state filter). */
  readonly belief: number;
}

/** A per-trial measure that extinction can be scored on. */
export type ResponseMeasure = "cueValue" | "responseProbability" | "cueDelta";

/** Runs every phase of a validated protocol in order with one agent. */
export function runCircuitProtocol(
  protocol: CircuitProtocol,
  options: RunCircuitOptions,
): CircuitProtocolResult {
  const params = options.params ?? protocol.params;
  const selection = options.traces ?? "flagged";
  const agent = createCircuitAgent(protocol.trialSteps, params);
  const phases: CircuitPhaseResult[] = [];
  let firstTrialIndex = 0;
  for (const phase of protocol.phases) {
    const trial = compileTrial(agent, phase.trial);
    const trials = createTrialColumns(phase.trials);
    const keep = selection === "all" || (selection === "flagged" && phase.recordTraces);
    const size = keep ? phase.trials * protocol.trialSteps : 0;
    const traces = keep
      ? { delta: new Float64Array(size), value: new Float64Array(size), uncertainty: new Float64Array(size) }
      : null;
    for (let i = 0; i < phase.trials; i++) {
      runTrial(agent, trial, phase.outcome, options.rng, !phase.frozen, trials, i, traces);
    }
    phases.push({ name: phase.name, firstTrialIndex, trialCount: phase.trials, trials, traces });
    firstTrialIndex += phase.trials;
  }
  return {
    trialSteps: protocol.trialSteps,
    params,
    phases,
    weights: copyWeights(agent),
    belief: agent.belief,
  };
}

function copyWeights(agent: CircuitAgent): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [id, line] of agent.weights) out[id] = line.slice();
  return out;
}

/** The named phase of a result; throws when absent. */
export function phaseResult(result: CircuitProtocolResult, name: string): CircuitPhaseResult {
  const phase = result.phases.find((p) => p.name === name);
  if (!phase) throw new Error(`no phase named "${name}"`);
  return phase;
}

/** One trial's per-step trace (a view, length trialSteps) of a phase whose traces were kept. */
export function trialTrace(
  result: CircuitProtocolResult,
  phaseName: string,
  trialIndex: number,
  kind: keyof TraceBuffers = "delta",
): Float64Array {
  const phase = phaseResult(result, phaseName);
  if (!phase.traces) throw new Error(`phase "${phaseName}" kept no traces`);
  if (trialIndex < 0 || trialIndex >= phase.trialCount)
    throw new Error(`trial ${trialIndex} not in phase "${phaseName}"`);
  const steps = result.trialSteps;
  return phase.traces[kind].subarray(trialIndex * steps, (trialIndex + 1) * steps);
}

/** Options of {@link trialsToExtinction}. */
export interface ExtinctionCriterion {
  /** Name of the extinction phase. */
  readonly phase: string;
  /** Measure scored; default `cueValue`. */
  readonly measure?: ResponseMeasure;
  /** Criterion as a fraction of the pre-extinction level; default 0.5. */
  readonly fraction?: number;
  /** Trials before the phase averaged as the pre-extinction level; default 10. */
  readonly baselineTrials?: number;
  /** Absolute criterion, replacing `fraction` × pre-extinction level. */
  readonly threshold?: number;
}

/** Trials to extinction: `trials` = extinction trials completed before the measure first falls below criterion. */
export interface ExtinctionScore {
  readonly trials: number;
  /** True when the measure never fell below criterion (then `trials` = the phase length). */
  readonly censored: boolean;
  readonly baseline: number;
  readonly criterion: number;
}

/** Scores extinction of one run: how many unreinforced trials until the response falls below criterion. */
export function trialsToExtinction(
  result: CircuitProtocolResult,
  criterion: ExtinctionCriterion,
): ExtinctionScore {
  const measure = criterion.measure ?? "cueValue";
  const index = result.phases.findIndex((p) => p.name === criterion.phase);
  const phase = result.phases[index];
  if (!phase) throw new Error(`no phase named "${criterion.phase}"`);
  let remaining = criterion.baselineTrials ?? 10;
  let sum = 0;
  let count = 0;
  for (let p = index - 1; p >= 0 && remaining > 0; p--) {
    const column = result.phases[p]!.trials[measure];
    for (let i = column.length - 1; i >= 0 && remaining > 0; i--, remaining--) {
      sum += column[i]!;
      count++;
    }
  }
  const baseline = count > 0 ? sum / count : 0;
  const level = criterion.threshold ?? (criterion.fraction ?? 0.5) * baseline;
  const column = phase.trials[measure];
  for (let i = 0; i < column.length; i++) {
    if (column[i]! < level) return { trials: i, censored: false, baseline, criterion: level };
  }
  return { trials: column.length, censored: true, baseline, criterion: level };
}
