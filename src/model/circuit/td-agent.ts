import type { Rng } from "../rng.ts";
import type { CircuitParams, RewardEvent, TrialOutcome, TrialSpec } from "./schema.ts";

/**
 * The learned state of one circuit-level agent: per-cue delay-line weights (index = steps since
 * onset), per-cue outcome-variance weights, and the latent-state belief and counts.
 */
export interface CircuitAgent {
  readonly trialSteps: number;
  readonly params: CircuitParams;
  readonly weights: Map<string, Float64Array>;
  readonly varianceWeights: Map<string, Float64Array>;
  /** Belief b ∈ [0, 1] that the reinforcing regime holds, before the next trial. */
  belief: number;
  /** Decaying count of rewarded trials attributed to the reinforcing regime. */
  rewardedCount: number;
  /** Decaying count of unrewarded trials attributed to the reinforcing regime. */
  omittedCount: number;
  readonly rewardAt: Float64Array;
  readonly surgeAt: Float64Array;
}

/** Per-trial summaries, one row per trial, as columns. */
export interface TrialColumns {
  /** δ at the onset step of the earliest cue (the cue response), reward units. */
  readonly cueDelta: Float64Array;
  /** δ at the scheduled step of the trial's first outcome (0 when none is scheduled). */
  readonly rewardDelta: Float64Array;
  /** Largest δ of the trial and its step. */
  readonly maxDelta: Float64Array;
  readonly maxDeltaStep: Int32Array;
  /** Smallest δ of the trial and its step. */
  readonly minDelta: Float64Array;
  readonly minDeltaStep: Int32Array;
  /** Value V at the earliest cue's onset step, as the agent uses it (scaled by the belief). */
  readonly cueValue: Float64Array;
  /** σ(responseSlope · (cueValue − responseThreshold)): probability of a conditioned response. */
  readonly responseProbability: Float64Array;
  /** Belief in the reinforcing regime during the trial (1 without the latent-state filter). */
  readonly belief: Float64Array;
  /** Mean sustained uncertainty signal from the earliest cue's onset to the scheduled outcome step. */
  readonly uncertaintyLevel: Float64Array;
  /** Total magnitude delivered in the trial, reward units. */
  readonly rewardDelivered: Float64Array;
}

/** Per-step traces, row-major (trial × trialSteps). */
export interface TraceBuffers {
  /** Prediction error δ(t), reward units. */
  readonly delta: Float64Array;
  /** Value V(t) as used by the agent. */
  readonly value: Float64Array;
  /** Sustained uncertainty signal u(t). */
  readonly uncertainty: Float64Array;
}

interface CompiledCue {
  readonly weights: Float64Array;
  readonly variance: Float64Array;
  readonly onsetStep: number;
  readonly endStep: number;
  readonly learningRate: number;
}

/** A trial specification bound to one agent's weights, ready to run many times without allocation. */
export interface CompiledTrial {
  readonly cues: readonly CompiledCue[];
  readonly events: readonly RewardEvent[];
  readonly firstOnsetStep: number;
  readonly expectedRewardStep: number;
  readonly nominalUncertainty: Float64Array | null;
}

/** A naive agent (all weights 0) for trials of `trialSteps` steps. */
export function createCircuitAgent(trialSteps: number, params: CircuitParams): CircuitAgent {
  return {
    trialSteps,
    params,
    weights: new Map(),
    varianceWeights: new Map(),
    belief: params.latentState?.initialBelief ?? 1,
    rewardedCount: 0,
    omittedCount: 0,
    rewardAt: new Float64Array(trialSteps),
    surgeAt: new Float64Array(trialSteps),
  };
}

/** Allocates summary columns for `trialCount` trials. */
export function createTrialColumns(trialCount: number): TrialColumns {
  const f = () => new Float64Array(trialCount);
  return {
    cueDelta: f(),
    rewardDelta: f(),
    maxDelta: f(),
    maxDeltaStep: new Int32Array(trialCount),
    minDelta: f(),
    minDeltaStep: new Int32Array(trialCount),
    cueValue: f(),
    responseProbability: f(),
    belief: f(),
    uncertaintyLevel: f(),
    rewardDelivered: f(),
  };
}

function delayLine(map: Map<string, Float64Array>, id: string, steps: number): Float64Array {
  let line = map.get(id);
  if (!line) {
    line = new Float64Array(steps);
    map.set(id, line);
  }
  return line;
}

/** Binds a trial specification to the agent's weights (creating zero weights for new cues). */
export function compileTrial(agent: CircuitAgent, spec: TrialSpec): CompiledTrial {
  const steps = agent.trialSteps;
  const cues = spec.cues.map((cue) => ({
    weights: delayLine(agent.weights, cue.id, steps),
    variance: delayLine(agent.varianceWeights, cue.id, steps),
    onsetStep: cue.onsetStep,
    endStep: Math.min(steps, cue.onsetStep + (cue.durationSteps ?? steps)),
    learningRate: agent.params.learningRate * cue.salience,
  }));
  const firstOnsetStep = cues.length ? Math.min(...cues.map((c) => c.onsetStep)) : -1;
  const expectedRewardStep = spec.rewards[0]?.timeStep ?? -1;
  let nominalUncertainty: Float64Array | null = null;
  if (agent.params.uncertainty?.mode === "nominal" && firstOnsetStep >= 0) {
    nominalUncertainty = new Float64Array(steps);
    for (const event of spec.rewards) {
      const variance = event.magnitude * event.magnitude * event.probability * (1 - event.probability);
      for (let t = firstOnsetStep; t < event.timeStep; t++) nominalUncertainty[t]! += variance;
    }
  }
  return { cues, events: spec.rewards, firstOnsetStep, expectedRewardStep, nominalUncertainty };
}

function drawOutcomes(agent: CircuitAgent, trial: CompiledTrial, outcome: TrialOutcome, rng: Rng): number {
  agent.rewardAt.fill(0);
  agent.surgeAt.fill(0);
  let delivered = 0;
  for (let e = 0; e < trial.events.length; e++) {
    const event = trial.events[e]!;
    let step = event.timeStep;
    let give: boolean;
    if (outcome.kind === "drawn") give = rng.uniform() < event.probability;
    else if (outcome.kind === "omitted") give = false;
    else {
      give = true;
      step += outcome.shiftSteps;
    }
    if (!give) continue;
    agent.rewardAt[step]! += event.magnitude;
    agent.surgeAt[step]! += event.surge;
    delivered++;
  }
  return delivered;
}

function posteriorBelief(agent: CircuitAgent, rewarded: boolean): number {
  const latent = agent.params.latentState!;
  const prior = agent.belief;
  const a = latent.priorCount;
  const theta = (agent.rewardedCount + a) / (agent.rewardedCount + agent.omittedCount + 2 * a);
  const eps = latent.extinctionRewardProbability;
  const num = prior * (rewarded ? theta : 1 - theta);
  const den = num + (1 - prior) * (rewarded ? eps : 1 - eps);
  return den > 0 ? num / den : prior;
}

function updateLatentState(agent: CircuitAgent, trial: CompiledTrial, rewarded: boolean, post: number): void {
  const latent = agent.params.latentState!;
  if (trial.events.length > 0) {
    agent.rewardedCount = latent.countDecay * agent.rewardedCount + (rewarded ? post : 0);
    agent.omittedCount = latent.countDecay * agent.omittedCount + (rewarded ? 0 : post);
  }
  agent.belief = post * (1 - latent.hazard) + (1 - post) * latent.hazard;
}

/**
 * Runs one trial: draws (or forces) the outcomes, computes V(t) and δ(t) = r(t) + γ·V(t) − V(t − 1)
 * for the transition into each step t (V(−1) = 0: the pre-cue interval is unpredictable), learns
 * w ← w + α·salience·b·δ·e when `learn` (b: the posterior belief in the reinforcing regime, 1 without
 * the latent-state filter; e: the eligibility trace, x(t − 1) when λ = 0), and writes the trial's
 * summary into `columns[row]` and, when `traces` is given, its per-step traces at offset
 * `traceRow · trialSteps` (default `row`). `outcome` is the per-trial override (drawn, omitted, or
 * delivered with a shift). No allocation.
 */
export function runTrial(
  agent: CircuitAgent,
  trial: CompiledTrial,
  outcome: TrialOutcome,
  rng: Rng,
  learn: boolean,
  columns: TrialColumns,
  row: number,
  traces: TraceBuffers | null,
  traceRow = row,
): void {
  const { params, trialSteps: steps } = agent;
  const gamma = params.discount;
  const decay = gamma * params.traceDecay;
  const uncertainty = params.uncertainty;
  const learnedU = uncertainty?.mode === "learned";
  const uGain = uncertainty?.gain ?? 0;
  const uRate = uncertainty?.learningRate ?? 0;
  const cues = trial.cues;
  const delivered = drawOutcomes(agent, trial, outcome, rng);
  const latent = params.latentState !== undefined;
  const prior = latent ? agent.belief : 1;
  const post = latent ? posteriorBelief(agent, delivered > 0) : 1;
  const hasEvents = trial.events.length > 0;
  const responsibility = latent && hasEvents ? post : 1;
  const offset = traceRow * steps;
  let prevR = 0;
  let prevEff = 0;
  let prevU = 0;
  let cueDelta = 0;
  let cueValue = 0;
  let rewardDelta = 0;
  let maxDelta = Number.NEGATIVE_INFINITY;
  let minDelta = Number.POSITIVE_INFINITY;
  let maxStep = 0;
  let minStep = 0;
  let uSum = 0;
  let total = 0;
  for (let t = 0; t <= steps; t++) {
    let vR = 0;
    let uL = 0;
    if (t < steps) {
      for (let c = 0; c < cues.length; c++) {
        const cue = cues[c]!;
        if (t < cue.onsetStep || t >= cue.endStep) continue;
        vR += cue.weights[t - cue.onsetStep]!;
        if (learnedU) uL += cue.variance[t - cue.onsetStep]!;
      }
    }
    const vEff = prior * vR;
    const reward = t < steps ? agent.rewardAt[t]! : 0;
    const surge = t < steps ? agent.surgeAt[t]! : 0;
    let dR = reward + gamma * vR - prevR;
    let dEff = reward + gamma * vEff - prevEff;
    if (surge > 0) {
      dR = Math.max(dR + surge, surge);
      dEff = Math.max(dEff + surge, surge);
    }
    if (learn && t > 0) {
      const xi = dR * dR + uL - prevU;
      const scaled = responsibility * dR;
      for (let c = 0; c < cues.length; c++) {
        const cue = cues[c]!;
        const last = Math.min(t - 1, cue.endStep - 1) - cue.onsetStep;
        if (last < 0) continue;
        const lag = t - 1 - cue.onsetStep - last;
        let f = lag === 0 ? 1 : decay ** lag;
        const step = cue.learningRate * scaled;
        for (let i = last; i >= 0 && f > 1e-12; i--) {
          cue.weights[i]! += step * f;
          f *= decay;
        }
        if (learnedU && lag === 0) cue.variance[last]! += uRate * xi;
      }
    }
    prevR = vR;
    prevEff = vEff;
    prevU = uL;
    if (t === steps) break;
    const u = uncertainty ? uGain * (learnedU ? Math.max(0, uL) : (trial.nominalUncertainty?.[t] ?? 0)) : 0;
    if (t === trial.firstOnsetStep) {
      cueDelta = dEff;
      cueValue = vEff;
    }
    if (t === trial.expectedRewardStep) rewardDelta = dEff;
    if (t >= trial.firstOnsetStep && t < trial.expectedRewardStep && trial.firstOnsetStep >= 0) uSum += u;
    if (dEff > maxDelta) {
      maxDelta = dEff;
      maxStep = t;
    }
    if (dEff < minDelta) {
      minDelta = dEff;
      minStep = t;
    }
    total += reward;
    if (traces) {
      traces.delta[offset + t] = dEff;
      traces.value[offset + t] = vEff;
      traces.uncertainty[offset + t] = u;
    }
  }
  if (learn && latent) updateLatentState(agent, trial, delivered > 0, hasEvents ? post : prior);
  const window = trial.expectedRewardStep - trial.firstOnsetStep;
  columns.cueDelta[row] = cueDelta;
  columns.rewardDelta[row] = rewardDelta;
  columns.maxDelta[row] = maxDelta;
  columns.maxDeltaStep[row] = maxStep;
  columns.minDelta[row] = minDelta;
  columns.minDeltaStep[row] = minStep;
  columns.cueValue[row] = cueValue;
  columns.responseProbability[row] =
    1 / (1 + Math.exp(-params.responseSlope * (cueValue - params.responseThreshold)));
  columns.belief[row] = prior;
  columns.uncertaintyLevel[row] = trial.firstOnsetStep >= 0 && window > 0 ? uSum / window : 0;
  columns.rewardDelivered[row] = total;
}
