import { type Activity, activity, baseEnvironment, type Environment, WEEKDAYS } from "./environment.ts";
import type { EvidenceGrade, PersonParameters } from "./params.ts";
import { defaultParameters } from "./params.ts";

/** A condition: a parameter preset plus, where the pattern needs one, something in the environment. */
export interface ConditionDef {
  readonly id: string;
  readonly label: string;
  /** The circuit disruption, in the framework's words. */
  readonly pattern: string;
  /** Preset values; combined presets add their deviations from `healthy`. */
  readonly parameters: Partial<PersonParameters>;
  readonly addActivities: readonly Activity[];
  /** Added to the base stress input. */
  readonly stressInputDelta: number;
  readonly acuteStressDelta: number;
  readonly source: string;
  readonly grade: EvidenceGrade;
}

const condition = (
  c: Omit<ConditionDef, "addActivities" | "stressInputDelta" | "acuteStressDelta"> & Partial<ConditionDef>,
): ConditionDef => ({ addActivities: [], stressInputDelta: 0, acuteStressDelta: 0, ...c });

export const CONDITIONS = {
  healthy: condition({
    id: "healthy",
    label: "Healthy reference",
    pattern: "No disruption: anticipation matches experience",
    parameters: {},
    source: "Model reference",
    grade: "supported",
  }),
  depression: condition({
    id: "depression",
    label: "Anticipatory deficit (depression pattern)",
    pattern: "Blunted anticipatory (VTA→NAcc) signal; liking intact",
    parameters: { anticipatoryGain: 0.35, stressLoad: 0.35 },
    stressInputDelta: 0.2,
    source:
      "Treadway & Zald 2011, Neurosci Biobehav Rev 35:537 (article's source); contested by Huys et al. 2013 and Pike & Robinson 2022",
    grade: "contested",
  }),
  anxiety: condition({
    id: "anxiety",
    label: "Threat override (anxiety pattern)",
    pattern: "A threat signal overrides intact wanting",
    parameters: { threatGain: 1.4 },
    addActivities: [
      activity({
        id: "groupEvent",
        label: "Go to the weekly group event",
        kind: "social",
        importance: 0.8,
        novelty: 0.3,
        effort: 0.25,
        durationMin: 45,
        reward: { kind: "probabilistic", magnitude: 1.2, probability: 0.85 },
        threat: 0.8,
        harmProbability: 0.2,
        plannedHours: [17],
        days: [1, 3, 5],
      }),
    ],
    source: "Mkrtchian et al. 2017, Biol Psychiatry 82:532 (Pavlovian avoidance under threat)",
    grade: "supported",
  }),
  adhd: condition({
    id: "adhd",
    label: "Calibration (ADHD pattern)",
    pattern: "The signal follows novelty rather than importance",
    parameters: { noveltyCoupling: 0.75 },
    addActivities: [
      activity({
        id: "paperwork",
        label: "Routine paperwork",
        kind: "chore",
        importance: 0.85,
        novelty: 0.15,
        effort: 0.4,
        durationMin: 30,
        reward: { kind: "fixed", magnitude: 0.8, probability: 1 },
        plannedHours: [11],
        days: WEEKDAYS,
      }),
      activity({
        id: "sideProject",
        label: "A new side project",
        kind: "creative",
        importance: 0.3,
        novelty: 0.9,
        noveltyRefresh: 0.3,
        effort: 0.4,
        durationMin: 40,
        plannedHours: [20],
      }),
    ],
    source: "The article's claim; the literature's reading is lower choice sensitivity (Ziegler et al. 2016)",
    grade: "article",
  }),
  addiction: condition({
    id: "addiction",
    label: "Receptor downregulation (addiction pattern)",
    pattern: "Drug surges downregulate D2, so natural rewards feel insufficient",
    parameters: {},
    addActivities: [
      activity({
        id: "substance",
        label: "Use the substance",
        kind: "substance",
        importance: 0.5,
        novelty: 0.5,
        effort: 0.1,
        durationMin: 60,
        reward: { kind: "fixed", magnitude: 0.8, probability: 1 },
        surge: 0.5,
        urge: true,
        cueRatePerHour: 0.12,
        plannedHours: [],
      }),
    ],
    source: "Volkow, Wise & Baler 2017, Nat Rev Neurosci 18:741; Nader et al. 2006; Redish 2004",
    grade: "supported",
  }),
  compulsive: condition({
    id: "compulsive",
    label: "Prediction-error loop (compulsive pattern)",
    pattern: "Variable reinforcement keeps wanting high while liking falls",
    parameters: {},
    addActivities: [
      activity({
        id: "feedApp",
        label: "Check the feed app",
        kind: "app",
        importance: 0.5,
        novelty: 0.5,
        effort: 0.05,
        durationMin: 15,
        reward: { kind: "variableRatio", magnitude: 1.2, probability: 0.3 },
        urge: true,
        cueRatePerHour: 0.4,
        plannedHours: [],
      }),
    ],
    source: "Robinson & Berridge 1993; Fiorillo, Tobler & Schultz 2003; Ferster & Skinner 1957",
    grade: "supported",
  }),
  chronicStress: condition({
    id: "chronicStress",
    label: "Chronic stress load",
    pattern: "Sustained cortisol load lowers anticipatory gain over weeks",
    parameters: {},
    stressInputDelta: 0.65,
    acuteStressDelta: 0.4,
    source: "Valenti, Gill & Grace 2012, Eur J Neurosci; McEwen 2007, Physiol Rev 87:873",
    grade: "supported",
  }),
} as const satisfies Record<string, ConditionDef>;

export type ConditionId = keyof typeof CONDITIONS;
export const CONDITION_IDS = Object.keys(CONDITIONS) as ConditionId[];

/** Parameters and environment of one or more conditions combined (deviations from healthy add). */
export function resolveConditions(ids: readonly ConditionId[]): {
  parameters: PersonParameters;
  environment: Environment;
} {
  const healthy = defaultParameters();
  const parameters = { ...healthy };
  const base = baseEnvironment();
  const activities: Activity[] = [...base.activities];
  let stressInput = base.stressInput;
  let acuteStressPerDay = base.acuteStressPerDay;
  for (const id of ids) {
    const def: ConditionDef = CONDITIONS[id];
    for (const [name, value] of Object.entries(def.parameters) as [keyof PersonParameters, number][]) {
      parameters[name] += value - healthy[name];
    }
    for (const a of def.addActivities) if (!activities.some((x) => x.id === a.id)) activities.push(a);
    stressInput += def.stressInputDelta;
    acuteStressPerDay += def.acuteStressDelta;
  }
  return {
    parameters,
    environment: {
      ...base,
      activities,
      stressInput: Math.min(1, stressInput),
      acuteStressPerDay: Math.min(1, acuteStressPerDay),
    },
  };
}
