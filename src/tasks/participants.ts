import { PARAMETERS } from "../model/person/params.ts";
import { type Rng, streamRng } from "../model/rng.ts";
import {
  EEFRT_DESIGNS,
  type EefrtDesign,
  type EefrtParameters,
  type EefrtScheduledTrial,
  eefrtOutcome,
  eefrtSchedule,
  eefrtValueDifference,
} from "./eefrt.ts";
import {
  PRT_DESIGNS,
  PRT_NO_PENDING,
  type PrtDesign,
  type PrtParameters,
  type PrtSchedule,
  prtLeanProbability,
  prtReinforce,
  prtSchedule,
} from "./prt.ts";
import type { EefrtTrial, PrtTrial, TaskTrial } from "./records.ts";

/**
 * Simulated participants: a person-level parameter set (the model's own names and units) mapped to
 * each task's parameters, then played through the task's schedule, so tests and demos need no human.
 */

/** The person-level parameters the tasks read, plus two task-only parameters. */
export interface TaskPerson {
  /** c, value units per unit effort (person model default 1.5). */
  readonly effortCost: number;
  /** ρ, multiplier on reward (default 1). */
  readonly rewardSensitivity: number;
  /** β, 1 / value unit (default 5). */
  readonly choiceSensitivity: number;
  /** α+, the learning rate for rewards (default 0.2). */
  readonly learningRate: number;
  /** h, EEfRT probability weighting (default 1, face value). */
  readonly probabilityWeighting: number;
  /** γ, PRT perceptual accuracy as log-odds on the correct report (default 1.5, ≈ 82 % correct without bias). */
  readonly instructionSensitivity: number;
}

/** The defaults: the person model's defaults, h = 1 and γ = 1.5 (a model convention). */
export const DEFAULT_TASK_PERSON: TaskPerson = {
  effortCost: PARAMETERS.effortCost.default,
  rewardSensitivity: PARAMETERS.rewardSensitivity.default,
  choiceSensitivity: PARAMETERS.choiceSensitivity.default,
  learningRate: PARAMETERS.learningRatePos.default,
  probabilityWeighting: 1,
  instructionSensitivity: 1.5,
};

/**
 * A PRT reward in value units: 0.4, a model convention chosen so that the default person's block-3
 * response bias (log b ≈ 0.2) falls in the range usually reported for healthy adults (about
 * 0.15–0.25; research/models.md §1.2b).
 */
export const PRT_REWARD_VALUE = 0.4;

/**
 * EEfRT parameters of a person. With the stated reward in value units ($1 = 1) scaled by ρ and the
 * effort cost c·E, `P(hard) = σ(β·(ρ·ΔR·p^h − c·ΔE))`, which is the Treadway lab's model with
 * `T = β·ρ` and `k = c/ρ`: the task measures effort cost relative to reward sensitivity.
 */
export function eefrtParametersOf(p: TaskPerson): EefrtParameters {
  return {
    effortCost: p.effortCost / p.rewardSensitivity,
    probabilityWeighting: p.probabilityWeighting,
    inverseTemperature: p.choiceSensitivity * p.rewardSensitivity,
  };
}

/**
 * PRT parameters of a person. Huys et al.'s ρ absorbs the softmax scale, so the task's ρ is
 * `rewardSensitivity · β · PRT_REWARD_VALUE` (2 for the defaults); ε is α+; γ is the task's own.
 */
export function prtParametersOf(p: TaskPerson): PrtParameters {
  return {
    rewardSensitivity: p.rewardSensitivity * p.choiceSensitivity * PRT_REWARD_VALUE,
    learningRate: p.learningRate,
    instructionSensitivity: p.instructionSensitivity,
  };
}

/** Between-person spread for simulated populations (wider than the person model's, so recovery has range). */
export interface TaskPopulationSpread {
  /** sd of log c, log ρ, log β, log h, log γ and of logit α+. */
  readonly logEffortCost: number;
  readonly logRewardSensitivity: number;
  readonly logChoiceSensitivity: number;
  readonly logitLearningRate: number;
  readonly logProbabilityWeighting: number;
  readonly logInstructionSensitivity: number;
}

export const DEFAULT_SPREAD: TaskPopulationSpread = {
  logEffortCost: 0.4,
  logRewardSensitivity: 0.4,
  logChoiceSensitivity: 0.3,
  logitLearningRate: 0.8,
  logProbabilityWeighting: 0.3,
  logInstructionSensitivity: 0.3,
};

const logit = (x: number) => Math.log(x / (1 - x));
const logistic = (z: number) => 1 / (1 + Math.exp(-z));

/** Draws a person around `centre` (default `DEFAULT_TASK_PERSON`), log- or logit-normally. */
export function drawTaskPerson(
  rng: Rng,
  centre: TaskPerson = DEFAULT_TASK_PERSON,
  spread: TaskPopulationSpread = DEFAULT_SPREAD,
): TaskPerson {
  const ln = (x: number, sd: number) => x * Math.exp(sd * rng.normal());
  return {
    effortCost: ln(centre.effortCost, spread.logEffortCost),
    rewardSensitivity: ln(centre.rewardSensitivity, spread.logRewardSensitivity),
    choiceSensitivity: ln(centre.choiceSensitivity, spread.logChoiceSensitivity),
    learningRate: logistic(logit(centre.learningRate) + spread.logitLearningRate * rng.normal()),
    probabilityWeighting: ln(centre.probabilityWeighting, spread.logProbabilityWeighting),
    instructionSensitivity: ln(centre.instructionSensitivity, spread.logInstructionSensitivity),
  };
}

const rt = (rng: Rng, medianMs: number) => Math.round(medianMs * Math.exp(0.3 * rng.normal()));

/** Identity of a simulated session. */
export interface SimulatedSession {
  readonly participantId: string;
  readonly sessionId: string;
}

/**
 * A simulated participant plays one EEfRT session: choices from the SV model (always within the
 * window), presses always completed (motor failures are not simulated), the schedule's lottery.
 */
export function playEefrt(
  person: TaskPerson,
  design: EefrtDesign,
  session: SimulatedSession,
  rng: Rng,
): EefrtTrial[] {
  return playEefrtSchedule(person, design, eefrtSchedule(design, rng), session, rng);
}

/** As `playEefrt`, on a given schedule (a stored session's). */
export function playEefrtSchedule(
  person: TaskPerson,
  design: EefrtDesign,
  schedule: readonly EefrtScheduledTrial[],
  session: SimulatedSession,
  rng: Rng,
): EefrtTrial[] {
  const params = eefrtParametersOf(person);
  let onsetMs = 0;
  return schedule.map((s) => {
    const x = eefrtValueDifference(params, s.probability, s.easyReward, s.hardReward);
    const choice = rng.uniform() < 1 / (1 + Math.exp(-x)) ? "hard" : "easy";
    const required = choice === "hard" ? design.hardPresses : design.easyPresses;
    const choiceRtMs = Math.min(design.choiceWindowMs - 1, rt(rng, 1200));
    const pressTimeMs = Math.round(required * 180 * Math.exp(0.1 * rng.normal()));
    const trial: EefrtTrial = {
      id: `${session.sessionId}/${s.trialIndex}`,
      sessionId: session.sessionId,
      participantId: session.participantId,
      version: design.version,
      trialIndex: s.trialIndex,
      block: s.block,
      practice: s.practice,
      at: null,
      onsetMs,
      task: "eefrt",
      probability: s.probability,
      easyReward: s.easyReward,
      hardReward: s.hardReward,
      choice,
      chosenBy: "participant",
      choiceRtMs,
      ...eefrtOutcome(s, design, choice, required),
      pressTimeMs,
    };
    onsetMs += choiceRtMs + pressTimeMs + 3000;
    return trial;
  });
}

/** A simulated participant plays one PRT session under the Huys et al. model (every trial answered). */
export function playPrt(
  person: TaskPerson,
  design: PrtDesign,
  session: SimulatedSession,
  rng: Rng,
): PrtTrial[] {
  return playPrtSchedule(person, design, prtSchedule(design, rng), session, rng);
}

/** As `playPrt`, on a given schedule (a stored session's). */
export function playPrtSchedule(
  person: TaskPerson,
  design: PrtDesign,
  schedule: PrtSchedule,
  session: SimulatedSession,
  rng: Rng,
): PrtTrial[] {
  const params = prtParametersOf(person);
  const q = new Float64Array(4);
  let pending = PRT_NO_PENDING;
  let onsetMs = 0;
  return schedule.trials.map((s) => {
    const stim = s.stimulusType === "rich" ? 0 : 1;
    const reportLean = rng.uniform() < prtLeanProbability(q, stim, params) ? 1 : 0;
    const correct = reportLean === stim;
    const r = prtReinforce(pending, s, correct);
    pending = r.pending;
    if (!s.practice)
      q[stim * 2 + reportLean]! +=
        params.learningRate * (params.rewardSensitivity * (r.rewarded ? 1 : 0) - q[stim * 2 + reportLean]!);
    const lean = schedule.richStimulus === "short" ? "long" : "short";
    const rtMs = rt(rng, 550);
    const trial: PrtTrial = {
      id: `${session.sessionId}/${s.trialIndex}`,
      sessionId: session.sessionId,
      participantId: session.participantId,
      version: design.version,
      trialIndex: s.trialIndex,
      block: s.block,
      practice: s.practice,
      at: null,
      onsetMs,
      task: "prt",
      richStimulus: schedule.richStimulus,
      shown: s.shown,
      stimulusType: s.stimulusType,
      response: reportLean ? lean : schedule.richStimulus,
      correct,
      rewardScheduled: r.rewardScheduled,
      rewarded: r.rewarded,
      rtMs,
      stimulusMs: design.stimulusMs,
    };
    onsetMs += design.fixationMs + design.faceMs + rtMs + (r.rewarded ? design.feedbackMs : 0) + 500;
    return trial;
  });
}

/** Options of a simulated study. */
export interface SimulateTasksOptions {
  readonly task: "eefrt" | "prt";
  readonly participants: number;
  readonly seed: number;
  readonly version?: "standard" | "short";
  readonly centre?: TaskPerson;
  readonly spread?: TaskPopulationSpread;
}

/**
 * Draws `participants` people (person i from stream (seed, i), so adding people leaves the first
 * ones unchanged) and plays the task once each; returns their true person- and task-level
 * parameters beside the trials.
 */
export function simulateTaskStudy(o: SimulateTasksOptions): {
  people: { participantId: string; person: TaskPerson; eefrt: EefrtParameters; prt: PrtParameters }[];
  trials: TaskTrial[];
} {
  const people = [];
  const trials: TaskTrial[] = [];
  for (let i = 0; i < o.participants; i++) {
    const rng = streamRng(o.seed, i, o.task === "eefrt" ? 31 : 37);
    const person = drawTaskPerson(rng, o.centre, o.spread);
    const participantId = `p${i + 1}`;
    const session = { participantId, sessionId: `${o.task}-${participantId}` };
    const version = o.version ?? "standard";
    trials.push(
      ...(o.task === "eefrt"
        ? playEefrt(person, EEFRT_DESIGNS[version], session, rng)
        : playPrt(person, PRT_DESIGNS[version], session, rng)),
    );
    people.push({ participantId, person, eefrt: eefrtParametersOf(person), prt: prtParametersOf(person) });
  }
  return { people, trials };
}
