import type { Rng } from "../model/rng.ts";
import type { TaskDefinition } from "./definition.ts";
import type { PrtTrial } from "./records.ts";

/**
 * The Probabilistic Reward Task (PRT; Pizzagalli, Jahn & O'Shea 2005, Biol Psychiatry 57:319). On
 * each trial a face with a short or a long mouth is shown briefly and the participant reports which.
 * Correct reports of one mouth (the rich stimulus) are rewarded three times as often as of the other
 * (lean): 30 vs 10 rewards in each block of 100 trials. The standard summaries are response bias
 * (log b) and discriminability (log d) per block. The model is Huys, Pizzagalli, Bogdan & Dayan 2013
 * (Biol Mood Anxiety Disord 3:12): `Q(a,s) ← Q(a,s) + ε·(ρ·r − Q(a,s))`,
 * `p(a|s) ∝ exp(Q̃(a,s) + γ·I(a,s))`, where reward sensitivity ρ sets the asymptote and the learning
 * rate ε the speed, so the two can be told apart.
 */

export interface PrtDesign {
  readonly version: "standard" | "short";
  readonly blocks: number;
  readonly trialsPerBlock: number;
  readonly practiceTrials: number;
  /** Rewards scheduled per block for correct rich and correct lean responses (3:1). */
  readonly richRewardsPerBlock: number;
  readonly leanRewardsPerBlock: number;
  readonly fixationMs: number;
  /** The face without a mouth before the mouth appears. */
  readonly faceMs: number;
  /** How long the mouth is shown. */
  readonly stimulusMs: number;
  /** After it, the trial records no response (a browser limit; the original waits). */
  readonly responseWindowMs: number;
  readonly feedbackMs: number;
  /** Points per reward ("Correct! You won 5 points"). */
  readonly rewardPoints: number;
}

/** The published design: 3 blocks of 100, 30 rich and 10 lean rewards per block, mouth shown 100 ms. */
export const PRT_STANDARD: PrtDesign = {
  version: "standard",
  blocks: 3,
  trialsPerBlock: 100,
  practiceTrials: 4,
  richRewardsPerBlock: 30,
  leanRewardsPerBlock: 10,
  fixationMs: 500,
  faceMs: 500,
  stimulusMs: 100,
  responseWindowMs: 4000,
  feedbackMs: 1750,
  rewardPoints: 5,
};

/** A short browser version for demos and tests: one block of 20 trials (6 and 2 rewards), mouth 350 ms. */
export const PRT_SHORT: PrtDesign = {
  ...PRT_STANDARD,
  version: "short",
  blocks: 1,
  trialsPerBlock: 20,
  practiceTrials: 2,
  richRewardsPerBlock: 6,
  leanRewardsPerBlock: 2,
  stimulusMs: 350,
  feedbackMs: 1000,
};

export const PRT_DESIGNS = { standard: PRT_STANDARD, short: PRT_SHORT } as const;

export const PRT_DEFINITION: TaskDefinition = {
  id: "prt",
  name: "Probabilistic Reward Task (PRT)",
  measures:
    "how much rewards shift your choices (response bias) and, in the model, reward sensitivity ρ apart from learning rate ε",
  citation: "Pizzagalli, Jahn & O'Shea 2005, Biol Psychiatry 57:319",
  modelCitation: "Huys, Pizzagalli, Bogdan & Dayan 2013, Biol Mood Anxiety Disord 3:12",
  design: [
    {
      name: "blocks",
      meaning: "blocks × trials per block",
      unit: "trials",
      standard: [3, 100],
      source: "Pizzagalli et al. 2005",
      grade: "established",
    },
    {
      name: "reinforcement",
      meaning:
        "rewards per block for correct rich / lean responses (3:1); a missed scheduled reward waits for the next correct response to that stimulus",
      unit: "rewards",
      standard: [30, 10],
      source: "Pizzagalli et al. 2005",
      grade: "established",
    },
    {
      name: "stimulusMs",
      meaning: "mouth duration (350 ms in the jsPsych port, jodeleeuw/prt-test-my-brain)",
      unit: "ms",
      standard: 100,
      source: "Pizzagalli et al. 2005",
      grade: "established",
    },
    {
      name: "logB",
      meaning:
        "response bias ½·log10[(rich correct · lean incorrect) / (rich incorrect · lean correct)], 0.5 added to every cell when one is 0",
      unit: "log10",
      standard: "per block",
      source: "Pizzagalli et al. 2005; Hautus 1995",
      grade: "established",
    },
    {
      name: "logD",
      meaning: "discriminability ½·log10[(rich correct · lean correct) / (rich incorrect · lean incorrect)]",
      unit: "log10",
      standard: "per block",
      source: "Pizzagalli et al. 2005",
      grade: "established",
    },
  ],
  model: [
    {
      name: "rewardSensitivity",
      symbol: "ρ",
      meaning: "scales the reward in learning: sets the asymptote of the learned bias",
      unit: "value units per reward",
      standard: "fitted",
      source: "Huys et al. 2013",
      grade: "supported",
    },
    {
      name: "learningRate",
      symbol: "ε",
      meaning: "speed at which values approach ρ·r",
      unit: "per trial",
      standard: "fitted",
      source: "Huys et al. 2013",
      grade: "supported",
    },
    {
      name: "instructionSensitivity",
      symbol: "γ",
      meaning: "weight on the instructed (correct) response: perceptual accuracy",
      unit: "log-odds",
      standard: "fitted",
      source: "Huys et al. 2013",
      grade: "supported",
    },
    {
      name: "perceptualCertainty",
      symbol: "ζ",
      meaning:
        "weight of the shown stimulus's values against the other's (Huys' belief model); 1 = stimulus–action model",
      unit: "0..1",
      standard: "1 (held fixed in dopamap's fit)",
      source: "Huys et al. 2013 (the belief model)",
      grade: "supported",
    },
  ],
  versions: [
    {
      id: "standard",
      label: "Standard (Pizzagalli et al. 2005 design)",
      simplifications: [
        "Faces are drawn by dopamap (a circle with a short or long mouth), not the original stimuli.",
        "A 4 s response limit (the original waits for a response); rewards are points, not money.",
      ],
    },
    {
      id: "short",
      label: "Short (a demo: one block of 20, mouth shown 350 ms)",
      simplifications: [
        "One block of 20 trials with 6 and 2 rewards: too few for a reliable fit.",
        "The mouth is shown for 350 ms (as in the jsPsych port) instead of 100 ms.",
      ],
    },
  ],
  keys: [
    { key: "z", action: "the short mouth" },
    { key: "m", action: "the long mouth" },
  ],
  caveats: [
    "The model's reward sensitivity and learning rate trade off on short sessions; intervals say how well they were told apart.",
    "Meta-analysis finds no reliable difference in outcome sensitivity between patients and controls (Pike & Robinson 2022).",
  ],
};

/** One scheduled trial. */
export interface PrtScheduledTrial {
  readonly trialIndex: number;
  readonly block: number;
  readonly practice: boolean;
  readonly shown: "short" | "long";
  readonly stimulusType: "rich" | "lean";
  /** The schedule flags this trial's correct response for a reward. */
  readonly rewardFlag: boolean;
}

/** A session's schedule: which mouth is rich (counterbalanced by the rng) and every trial. */
export interface PrtSchedule {
  readonly richStimulus: "short" | "long";
  readonly trials: readonly PrtScheduledTrial[];
}

/**
 * Draws the schedule: rich and lean equally often per block with no more than three of one in a row
 * (as far as the counts allow), `richRewardsPerBlock` rich and `leanRewardsPerBlock` lean trials
 * flagged at random; practice trials first, never rewarded.
 */
export function prtSchedule(design: PrtDesign, rng: Rng): PrtSchedule {
  const richStimulus = rng.uniform() < 0.5 ? "short" : "long";
  const mouth = (t: "rich" | "lean") =>
    t === "rich" ? richStimulus : richStimulus === "short" ? "long" : "short";
  const trials: PrtScheduledTrial[] = [];
  for (let i = 0; i < design.practiceTrials; i++) {
    const stimulusType = rng.uniform() < 0.5 ? "rich" : "lean";
    trials.push({
      trialIndex: i,
      block: 0,
      practice: true,
      shown: mouth(stimulusType),
      stimulusType,
      rewardFlag: false,
    });
  }
  for (let b = 1; b <= design.blocks; b++) {
    const types = balancedSequence(design.trialsPerBlock, rng);
    const flag = (t: "rich" | "lean", n: number) => {
      const idx = types.flatMap((x, i) => (x === t ? [i] : []));
      for (let i = idx.length - 1; i > 0; i--) {
        const j = Math.floor(rng.uniform() * (i + 1));
        [idx[i], idx[j]] = [idx[j]!, idx[i]!];
      }
      return new Set(idx.slice(0, n));
    };
    const rich = flag("rich", design.richRewardsPerBlock);
    const lean = flag("lean", design.leanRewardsPerBlock);
    for (const [i, stimulusType] of types.entries())
      trials.push({
        trialIndex: trials.length,
        block: b,
        practice: false,
        shown: mouth(stimulusType),
        stimulusType,
        rewardFlag: rich.has(i) || lean.has(i),
      });
  }
  return { richStimulus, trials };
}

function balancedSequence(n: number, rng: Rng): ("rich" | "lean")[] {
  const left = { rich: Math.ceil(n / 2), lean: Math.floor(n / 2) };
  const out: ("rich" | "lean")[] = [];
  for (let i = 0; i < n; i++) {
    const run3 = i >= 3 && out[i - 1] === out[i - 2] && out[i - 2] === out[i - 3] ? out[i - 1] : null;
    let pick: "rich" | "lean" = rng.uniform() * (left.rich + left.lean) < left.rich ? "rich" : "lean";
    if (pick === run3) {
      const other = pick === "rich" ? "lean" : "rich";
      if (left[other] > 0) pick = other;
    }
    if (left[pick] === 0) pick = pick === "rich" ? "lean" : "rich";
    left[pick]--;
    out.push(pick);
  }
  return out;
}

/** Rewards due but not yet delivered, per stimulus type (controlled reinforcement, reset each block). */
export interface PrtPending {
  readonly block: number;
  readonly rich: number;
  readonly lean: number;
}

export const PRT_NO_PENDING: PrtPending = { block: 0, rich: 0, lean: 0 };

/**
 * One trial of the reinforcement controller (Pizzagalli et al. 2005): a flagged trial adds a due
 * reward for its stimulus type; a correct response to that type collects one. Returns whether this
 * trial had a reward due, whether it was rewarded, and the pending counts after it.
 */
export function prtReinforce(
  pending: PrtPending,
  s: PrtScheduledTrial,
  correct: boolean,
): { rewardScheduled: boolean; rewarded: boolean; pending: PrtPending } {
  if (s.practice) return { rewardScheduled: false, rewarded: false, pending };
  const p = pending.block === s.block ? pending : { block: s.block, rich: 0, lean: 0 };
  const due = p[s.stimulusType] + (s.rewardFlag ? 1 : 0);
  const rewarded = correct && due > 0;
  return {
    rewardScheduled: due > 0,
    rewarded,
    pending: { ...p, [s.stimulusType]: due - (rewarded ? 1 : 0) },
  };
}

/** Replays saved trials through the controller (for resuming a session). */
export function prtPendingAfter(
  schedule: PrtSchedule,
  trials: readonly Pick<PrtTrial, "trialIndex" | "correct">[],
): PrtPending {
  let pending = PRT_NO_PENDING;
  for (const t of [...trials].sort((a, b) => a.trialIndex - b.trialIndex)) {
    const s = schedule.trials[t.trialIndex];
    if (s) pending = prtReinforce(pending, s, t.correct).pending;
  }
  return pending;
}

/** The PRT model's parameters (Huys et al. 2013). */
export interface PrtParameters {
  /** ρ, value units per reward. */
  readonly rewardSensitivity: number;
  /** ε, 0..1. */
  readonly learningRate: number;
  /** γ, log-odds on the instructed response. */
  readonly instructionSensitivity: number;
  /** ζ, 0..1; 1 (the default) is the stimulus–action model. */
  readonly perceptualCertainty?: number;
}

/** One participant's responded, non-practice trials on typed arrays, in order. */
export interface PrtData {
  readonly participantId: string;
  /** 0 = rich stimulus shown, 1 = lean. */
  readonly stimulus: Uint8Array;
  /** 0 = reported the rich mouth, 1 = the lean mouth. */
  readonly response: Uint8Array;
  readonly rewarded: Uint8Array;
  readonly block: Uint16Array;
  /** Reaction times, ms (NaN when unknown). */
  readonly rtMs: Float64Array;
}

/** Groups trials by participant into `PrtData` (practice and unanswered trials left out). */
export function prtData(trials: readonly PrtTrial[]): PrtData[] {
  const by = new Map<string, PrtTrial[]>();
  for (const t of trials)
    if (!t.practice && t.response !== null) by.set(t.participantId, [...(by.get(t.participantId) ?? []), t]);
  return [...by].map(([participantId, ts]) => {
    ts.sort((a, b) => a.sessionId.localeCompare(b.sessionId) || a.trialIndex - b.trialIndex);
    return {
      participantId,
      stimulus: Uint8Array.from(ts, (t) => (t.stimulusType === "rich" ? 0 : 1)),
      response: Uint8Array.from(ts, (t) => (t.response === t.richStimulus ? 0 : 1)),
      rewarded: Uint8Array.from(ts, (t) => (t.rewarded ? 1 : 0)),
      block: Uint16Array.from(ts, (t) => t.block),
      rtMs: Float64Array.from(ts, (t) => t.rtMs ?? Number.NaN),
    };
  });
}

/**
 * The model's log-odds of reporting the lean mouth, given values `q` (rich-stimulus row: q[0], q[1];
 * lean row: q[2], q[3]; column = response) and the shown stimulus.
 */
function leanLogOdds(q: Float64Array, s: number, p: PrtParameters, zeta: number): number {
  const own = s * 2;
  const other = (1 - s) * 2;
  const v0 = zeta * q[own]! + (1 - zeta) * q[other]!;
  const v1 = zeta * q[own + 1]! + (1 - zeta) * q[other + 1]!;
  const instructed = s === 1 ? p.instructionSensitivity : -p.instructionSensitivity;
  return v1 - v0 + instructed;
}

/**
 * Log-likelihood of a participant's responses; values start at 0 and carry across blocks. With
 * `weights`, trial t's choice counts `weights[t]` times (0 holds it out; values still learn from it).
 */
export function prtLogLik(d: PrtData, p: PrtParameters, weights?: ArrayLike<number>): number {
  const q = new Float64Array(4);
  const zeta = p.perceptualCertainty ?? 1;
  let ll = 0;
  for (let t = 0; t < d.response.length; t++) {
    const s = d.stimulus[t]!;
    const a = d.response[t]!;
    const x = leanLogOdds(q, s, p, zeta);
    const lse = x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    const w = weights ? weights[t]! : 1;
    if (w !== 0) ll += w * (a === 1 ? x - lse : -lse);
    const i = s * 2 + a;
    q[i]! += p.learningRate * (p.rewardSensitivity * d.rewarded[t]! - q[i]!);
  }
  return ll;
}

/** Probability of reporting the lean mouth on the next trial of stimulus `s`, given the values so far (for simulation). */
export function prtLeanProbability(q: Float64Array, s: number, p: PrtParameters): number {
  return 1 / (1 + Math.exp(-leanLogOdds(q, s, p, p.perceptualCertainty ?? 1)));
}

/** Signal-detection cells and measures for one block. */
export interface PrtBlockSummary {
  readonly block: number;
  readonly richCorrect: number;
  readonly richIncorrect: number;
  readonly leanCorrect: number;
  readonly leanIncorrect: number;
  readonly logB: number;
  readonly logD: number;
  readonly richAccuracy: number;
  readonly leanAccuracy: number;
}

/**
 * log b and log d from the four cells, adding 0.5 to every cell when any is 0 (Hautus 1995), or to
 * every cell always with `correction: "always"` (as some analyses do).
 */
export function prtSdt(
  richCorrect: number,
  richIncorrect: number,
  leanCorrect: number,
  leanIncorrect: number,
  correction: "whenZero" | "always" = "whenZero",
) {
  const c =
    correction === "always" || richCorrect * richIncorrect * leanCorrect * leanIncorrect === 0 ? 0.5 : 0;
  const [rc, ri, lc, li] = [richCorrect + c, richIncorrect + c, leanCorrect + c, leanIncorrect + c];
  return { logB: 0.5 * Math.log10((rc * li) / (ri * lc)), logD: 0.5 * Math.log10((rc * lc) / (ri * li)) };
}

/**
 * log b and log d per block (and over all blocks, block 0), trials with reaction times outside
 * 150–2500 ms left out as is usual (unknown reaction times kept).
 */
export function prtSummary(d: PrtData): PrtBlockSummary[] {
  const blocks = [...new Set(d.block)].sort((a, b) => a - b);
  const one = (block: number): PrtBlockSummary => {
    const cell = [0, 0, 0, 0];
    for (let t = 0; t < d.response.length; t++) {
      const rt = d.rtMs[t]!;
      if ((block !== 0 && d.block[t] !== block) || rt < 150 || rt > 2500) continue;
      const s = d.stimulus[t]!;
      cell[s * 2 + (d.response[t] === s ? 0 : 1)]!++;
    }
    const [rc, ri, lc, li] = cell as [number, number, number, number];
    return {
      block,
      richCorrect: rc,
      richIncorrect: ri,
      leanCorrect: lc,
      leanIncorrect: li,
      ...prtSdt(rc, ri, lc, li),
      richAccuracy: rc / (rc + ri),
      leanAccuracy: lc / (lc + li),
    };
  };
  return [...blocks.map(one), ...(blocks.length > 1 ? [one(0)] : [])];
}
