import type { Rng } from "../model/rng.ts";
import type { TaskDefinition } from "./definition.ts";
import type { EefrtTrial } from "./records.ts";

/**
 * The Effort Expenditure for Rewards Task (EEfRT; Treadway, Buckholtz, Schwartzman, Lambert & Zald
 * 2009, PLoS One 4:e6598). On each trial the participant chooses an easy task (30 button presses in
 * 7 s, always $1.00) or a hard task (100 presses in 21 s, $1.24–$4.30), told the probability (12, 50
 * or 88 %) that a completed task pays. The model is the Treadway lab's subjective value
 * (`TReAD-Lab/EEfRT_Distribution`, `EEfRT_Modeling/run_SVmodel.m`):
 * `SV = R·p^h − k·E` with E = 0.3 (easy) and 1 (hard), and `P(hard) = softmax(T·SV)`.
 */

/** The design of one version of the task. */
export interface EefrtDesign {
  readonly version: "standard" | "short";
  /** Scored trials (practice not included). */
  readonly trials: number;
  readonly practiceTrials: number;
  readonly easyPresses: number;
  readonly hardPresses: number;
  readonly easyTimeLimitMs: number;
  readonly hardTimeLimitMs: number;
  /** Time to choose; after it the task is assigned at random (Treadway et al. 2009) and the trial is not fitted. */
  readonly choiceWindowMs: number;
  readonly easyReward: number;
  readonly hardRewardMin: number;
  readonly hardRewardMax: number;
  readonly probabilities: readonly number[];
}

/** The published design: 30/100 presses in 7/21 s, $1.00 vs $1.24–$4.30, 12/50/88 %, 5 s to choose. */
export const EEFRT_STANDARD: EefrtDesign = {
  version: "standard",
  trials: 50,
  practiceTrials: 2,
  easyPresses: 30,
  hardPresses: 100,
  easyTimeLimitMs: 7000,
  hardTimeLimitMs: 21000,
  choiceWindowMs: 5000,
  easyReward: 1,
  hardRewardMin: 1.24,
  hardRewardMax: 4.3,
  probabilities: [0.12, 0.5, 0.88],
};

/** A short browser version for demos and tests: 6 trials, 10/30 presses in the same time limits. */
export const EEFRT_SHORT: EefrtDesign = {
  ...EEFRT_STANDARD,
  version: "short",
  trials: 6,
  practiceTrials: 1,
  easyPresses: 10,
  hardPresses: 30,
};

export const EEFRT_DESIGNS = { standard: EEFRT_STANDARD, short: EEFRT_SHORT } as const;

/** Effort of the easy and the hard task in the Treadway lab's model. */
export const EEFRT_EFFORT = { easy: 0.3, hard: 1 } as const;

/** The task as declarative data: design and model parameters with their sources. */
export const EEFRT_DEFINITION: TaskDefinition = {
  id: "eefrt",
  name: "Effort Expenditure for Rewards Task (EEfRT)",
  measures: "how much effort you choose to spend for a reward at a given probability (effort cost k)",
  citation: "Treadway, Buckholtz, Schwartzman, Lambert & Zald 2009, PLoS One 4:e6598",
  modelCitation:
    "Treadway lab, TReAD-Lab/EEfRT_Distribution, EEfRT_Modeling/run_SVmodel.m (SV = R·p^h − k·E)",
  design: [
    {
      name: "easyPresses",
      meaning: "presses for the easy task (dominant index finger in the original)",
      unit: "presses",
      standard: 30,
      source: "Treadway et al. 2009",
      grade: "established",
    },
    {
      name: "hardPresses",
      meaning: "presses for the hard task (non-dominant little finger in the original)",
      unit: "presses",
      standard: 100,
      source: "Treadway et al. 2009",
      grade: "established",
    },
    {
      name: "timeLimits",
      meaning: "time allowed for the easy and the hard task",
      unit: "s",
      standard: [7, 21],
      source: "Treadway et al. 2009",
      grade: "established",
    },
    {
      name: "rewards",
      meaning: "easy reward; range of the hard reward",
      unit: "dollars",
      standard: [1, 1.24, 4.3],
      source: "Treadway et al. 2009",
      grade: "established",
    },
    {
      name: "probabilities",
      meaning: "cued probability that a completed task pays",
      unit: "probability",
      standard: [0.12, 0.5, 0.88],
      source: "Treadway et al. 2009; Treadway et al. 2012, J Abnorm Psychol 121:553",
      grade: "established",
    },
  ],
  model: [
    {
      name: "effortCost",
      symbol: "k",
      meaning: "cost per unit effort, in dollars of reward (E = 0.3 easy, 1 hard)",
      unit: "dollars per effort unit",
      standard: "bounds [0, 10]",
      source: "TReAD-Lab/EEfRT_Distribution run_SVmodel.m",
      grade: "supported",
    },
    {
      name: "probabilityWeighting",
      symbol: "h",
      meaning: "probability weighting exponent (1 = face value)",
      unit: "exponent",
      standard: "bounds [0, 10]",
      source: "TReAD-Lab/EEfRT_Distribution run_SVmodel.m",
      grade: "supported",
    },
    {
      name: "inverseTemperature",
      symbol: "T",
      meaning: "choice sensitivity to the difference in subjective value",
      unit: "1 / dollar",
      standard: "bounds [0, 100]",
      source: "TReAD-Lab/EEfRT_Distribution run_SVmodel.m",
      grade: "supported",
    },
  ],
  versions: [
    {
      id: "standard",
      label: "Standard (Treadway et al. 2009 parameters)",
      simplifications: [
        "A fixed 50 trials instead of a fixed 20 minutes (the Treadway lab's model fits the first 50 trials).",
        "Presses are key presses (space bar) rather than a button box; no finger is prescribed.",
        "Rewards are points, not money.",
      ],
    },
    {
      id: "short",
      label: "Short (a demo: 6 trials, 10/30 presses)",
      simplifications: [
        "6 trials and 10/30 presses instead of 30/100: too few trials for a reliable fit.",
        "Presses are key presses (space bar); rewards are points, not money.",
      ],
    },
  ],
  keys: [
    { key: "e", action: "choose the easy task" },
    { key: "h", action: "choose the hard task" },
    { key: " ", action: "press (space bar)" },
  ],
  caveats: [
    "Motor ability and hand use confound the task; failed completions are recorded.",
    "Validity depends on incentives; browser points are weaker than money.",
    "Test–retest reliability is moderate (Ohmann et al. 2022, PLoS One).",
  ],
};

/** One scheduled trial, drawn before the session so it can be resumed exactly. */
export interface EefrtScheduledTrial {
  readonly trialIndex: number;
  readonly block: number;
  readonly practice: boolean;
  readonly probability: number;
  readonly easyReward: number;
  readonly hardReward: number;
  /** The task assigned if no choice is made in the window (uniform at random, as in the original). */
  readonly timeoutChoice: "easy" | "hard";
  /** The lottery draw: a completed task pays when `lottery < probability`. */
  readonly lottery: number;
}

/**
 * The session's trials: practice first, then each probability equally often in shuffled sets of
 * three, the hard reward uniform on [min, max] rounded to cents.
 */
export function eefrtSchedule(design: EefrtDesign, rng: Rng): EefrtScheduledTrial[] {
  const out: EefrtScheduledTrial[] = [];
  const levels = design.probabilities;
  let bag: number[] = [];
  const total = design.practiceTrials + design.trials;
  for (let i = 0; i < total; i++) {
    if (bag.length === 0) bag = shuffled(levels, rng);
    const probability = bag.pop()!;
    const hardReward =
      Math.round(
        100 * (design.hardRewardMin + rng.uniform() * (design.hardRewardMax - design.hardRewardMin)),
      ) / 100;
    const practice = i < design.practiceTrials;
    out.push({
      trialIndex: i,
      block: practice ? 0 : 1,
      practice,
      probability,
      easyReward: design.easyReward,
      hardReward,
      timeoutChoice: rng.uniform() < 0.5 ? "easy" : "hard",
      lottery: rng.uniform(),
    });
  }
  return out;
}

function shuffled<T>(xs: readonly T[], rng: Rng): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** The fields of an EEfRT trial that follow from its schedule, a choice and the presses made. */
export function eefrtOutcome(
  s: EefrtScheduledTrial,
  design: EefrtDesign,
  choice: "easy" | "hard",
  presses: number,
): Pick<EefrtTrial, "requiredPresses" | "presses" | "completed" | "won" | "earned"> {
  const requiredPresses = choice === "hard" ? design.hardPresses : design.easyPresses;
  const completed = presses >= requiredPresses;
  const won = completed && s.lottery < s.probability;
  return {
    requiredPresses,
    presses,
    completed,
    won,
    earned: won ? (choice === "hard" ? s.hardReward : s.easyReward) : 0,
  };
}

/** The EEfRT model's parameters (Treadway lab formulation). */
export interface EefrtParameters {
  /** k, dollars per unit effort. */
  readonly effortCost: number;
  /** h, probability weighting exponent (1 = face value). */
  readonly probabilityWeighting: number;
  /** T, inverse temperature, 1 / dollar. */
  readonly inverseTemperature: number;
}

/** One participant's fitted trials on typed arrays (participant-chosen, non-practice trials only). */
export interface EefrtData {
  readonly participantId: string;
  readonly probability: Float64Array;
  readonly easyReward: Float64Array;
  readonly hardReward: Float64Array;
  /** 1 = hard chosen, 0 = easy. */
  readonly choseHard: Uint8Array;
}

/** Groups trials by participant into `EefrtData`, keeping only scored trials the participant chose. */
export function eefrtData(trials: readonly EefrtTrial[]): EefrtData[] {
  const by = new Map<string, EefrtTrial[]>();
  for (const t of trials)
    if (!t.practice && t.chosenBy === "participant")
      by.set(t.participantId, [...(by.get(t.participantId) ?? []), t]);
  return [...by].map(([participantId, ts]) => {
    ts.sort((a, b) => a.sessionId.localeCompare(b.sessionId) || a.trialIndex - b.trialIndex);
    return {
      participantId,
      probability: Float64Array.from(ts, (t) => t.probability),
      easyReward: Float64Array.from(ts, (t) => t.easyReward),
      hardReward: Float64Array.from(ts, (t) => t.hardReward),
      choseHard: Uint8Array.from(ts, (t) => (t.choice === "hard" ? 1 : 0)),
    };
  });
}

/** `T·(SV_hard − SV_easy)` for one trial. */
export function eefrtValueDifference(
  p: EefrtParameters,
  probability: number,
  easyReward: number,
  hardReward: number,
): number {
  const w = probability ** p.probabilityWeighting;
  return (
    p.inverseTemperature *
    (hardReward * w - p.effortCost * EEFRT_EFFORT.hard - (easyReward * w - p.effortCost * EEFRT_EFFORT.easy))
  );
}

/** Log-likelihood of a participant's choices under the SV model (log-sum-exp, stable for large T). */
export function eefrtLogLik(d: EefrtData, p: EefrtParameters): number {
  let ll = 0;
  for (let i = 0; i < d.choseHard.length; i++) {
    const x = eefrtValueDifference(p, d.probability[i]!, d.easyReward[i]!, d.hardReward[i]!);
    const lse = x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    ll += d.choseHard[i] === 1 ? x - lse : -lse;
  }
  return ll;
}

/** Proportion of hard choices overall and by probability level (the task's standard summary). */
export function eefrtSummary(d: EefrtData): {
  hard: number;
  byProbability: { probability: number; hard: number; n: number }[];
} {
  const levels = [...new Set(d.probability)].sort((a, b) => a - b);
  const n = d.choseHard.length;
  const hard = n ? d.choseHard.reduce((a, c) => a + c, 0) / n : Number.NaN;
  return {
    hard,
    byProbability: levels.map((probability) => {
      let k = 0;
      let m = 0;
      for (let i = 0; i < n; i++)
        if (d.probability[i] === probability) {
          m++;
          k += d.choseHard[i]!;
        }
      return { probability, hard: k / m, n: m };
    }),
  };
}
