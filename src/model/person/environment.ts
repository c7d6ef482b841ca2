/**
 * The person's environment: the activities they may start and the stress they live under.
 * Conditions add to it and interventions change it; the model only reads it.
 */

/** How an activity's outcome is drawn when it is started. */
export type RewardScheduleKind = "fixed" | "probabilistic" | "variableRatio" | "variableMagnitude";

export interface RewardSchedule {
  readonly kind: RewardScheduleKind;
  /** Outcome size when rewarded, in value units (a good ordinary activity ≈ 1). */
  readonly magnitude: number;
  /** Chance of a reward per start (probabilistic, variableRatio = 1 / mean ratio); 1 for fixed. */
  readonly probability: number;
}

/** Micro-dose and graded-exposure progression, applied to planned occurrences. */
export interface Progression {
  /** Duration of the first step, minutes. */
  readonly startMin: number;
  /** Minutes added after `afterStarts` consecutive starts (and removed after `backAfterMisses` misses). */
  readonly stepMin: number;
  readonly afterStarts: number;
  readonly backAfterMisses: number;
  /** Fraction of the activity's threat met at the first step (graded approach); 1 = all of it. */
  readonly exposureStart: number;
  /** Exposure added with each step up. */
  readonly exposureStep: number;
}

export type ActivityKind =
  | "movement"
  | "work"
  | "social"
  | "creative"
  | "chore"
  | "leisure"
  | "selfCare"
  | "substance"
  | "app"
  | "gambling";

export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  "movement",
  "work",
  "social",
  "creative",
  "chore",
  "leisure",
  "selfCare",
  "substance",
  "app",
  "gambling",
];

export interface Activity {
  /** Stable id; the model keeps learned state per id across environment changes. */
  readonly id: string;
  readonly label: string;
  readonly kind: ActivityKind;
  /** How much the activity matters to the person, 0..1. */
  readonly importance: number;
  /** How new it feels, 0..1 (decays with repetition). */
  readonly novelty: number;
  /** Per-day return of novelty towards its starting level (variety the environment supplies), 0..1. */
  readonly noveltyRefresh: number;
  /** Physical or mental effort, 0..1. */
  readonly effort: number;
  /** Full duration, minutes. */
  readonly durationMin: number;
  readonly reward: RewardSchedule;
  /** Reward delivered at once on starting (a treat paired with the task), value units. */
  readonly immediateReward: number;
  /** Non-compensable dopamine surge per use (a drug, Redish 2004); 0 for natural rewards. */
  readonly surge: number;
  /** How threatening the activity is, 0..1. */
  readonly threat: number;
  /** Chance that an approach meets real harm (rejection, failure), 0..1. */
  readonly harmProbability: number;
  /** Social commitment in place, 0..1. */
  readonly commitment: number;
  /** Environment cue that lowers the effort to start, 0..1. */
  readonly cue: number;
  /** True when the activity comes as an urge (offered at waking hours) rather than as a plan. */
  readonly urge: boolean;
  /** Chance per waking hour that a cue for an urge activity is met, 0..1. */
  readonly cueRatePerHour: number;
  /** Hours of day (0..23) at which a planned activity is scheduled. */
  readonly plannedHours: readonly number[];
  /** Days of the week (0 = Monday … 6 = Sunday) on which it is scheduled. */
  readonly days: readonly number[];
  /** Fraction of chronic load removed when the activity is done. */
  readonly stressRelief: number;
  /** Rise in tone for the next three hours after the activity. */
  readonly toneBoost: number;
  /** False when the activity is out of reach (abstinence, app deleted). */
  readonly available: boolean;
  readonly progression: Progression | null;
}

export interface Environment {
  readonly activities: readonly Activity[];
  /** Stress input the chronic load follows, 0..1. */
  readonly stressInput: number;
  /** Chance per day of an acute stressor. */
  readonly acuteStressPerDay: number;
  /** First waking hour; the person is awake for `wakingHours` hours. */
  readonly wakeHour: number;
  readonly wakingHours: number;
}

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6] as const;
export const WEEKDAYS = [0, 1, 2, 3, 4] as const;

/** An activity with neutral defaults for every field not given. */
export function activity(fields: Partial<Activity> & Pick<Activity, "id" | "kind">): Activity {
  return {
    label: fields.id,
    importance: 0.5,
    novelty: 0.2,
    noveltyRefresh: 0,
    effort: 0.4,
    durationMin: 30,
    reward: { kind: "fixed", magnitude: 1, probability: 1 },
    immediateReward: 0,
    surge: 0,
    threat: 0,
    harmProbability: 0,
    commitment: 0,
    cue: 0,
    urge: false,
    cueRatePerHour: 0,
    plannedHours: [9],
    days: EVERY_DAY,
    stressRelief: 0,
    toneBoost: 0,
    available: true,
    progression: null,
    ...fields,
  };
}

/** The ordinary week every simulated person starts from. */
export function baseEnvironment(): Environment {
  return {
    activities: [
      activity({
        id: "walk",
        label: "30-minute walk",
        kind: "movement",
        importance: 0.6,
        novelty: 0.2,
        effort: 0.45,
        durationMin: 30,
        plannedHours: [9],
        stressRelief: 0.01,
      }),
      activity({
        id: "focusWork",
        label: "Focused work on an important project",
        kind: "work",
        importance: 0.9,
        novelty: 0.1,
        effort: 0.6,
        durationMin: 45,
        reward: { kind: "fixed", magnitude: 0.9, probability: 1 },
        plannedHours: [10],
        days: WEEKDAYS,
      }),
      activity({
        id: "callFriend",
        label: "Call a friend",
        kind: "social",
        importance: 0.7,
        novelty: 0.3,
        effort: 0.35,
        durationMin: 20,
        reward: { kind: "probabilistic", magnitude: 1.1, probability: 0.9 },
        threat: 0.15,
        harmProbability: 0.03,
        plannedHours: [18],
        days: [0, 2, 4, 5],
      }),
    ],
    stressInput: 0.15,
    acuteStressPerDay: 0.1,
    wakeHour: 7,
    wakingHours: 16,
  };
}
