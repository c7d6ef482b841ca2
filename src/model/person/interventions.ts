import {
  type Activity,
  type ActivityKind,
  activity,
  type Environment,
  type Progression,
} from "./environment.ts";
import type { EvidenceGrade } from "./params.ts";

/** Which activities an edit applies to; every given condition must hold. */
export interface ActivitySelector {
  readonly urge?: boolean;
  /** True selects activities with a drug surge, false those without. */
  readonly drug?: boolean;
  /** True selects variable or probabilistic schedules. */
  readonly variableSchedule?: boolean;
  readonly minImportance?: number;
  readonly maxNovelty?: number;
  readonly minThreat?: number;
  readonly kinds?: readonly ActivityKind[];
}

type NumericField =
  | "importance"
  | "novelty"
  | "noveltyRefresh"
  | "effort"
  | "durationMin"
  | "immediateReward"
  | "threat"
  | "harmProbability"
  | "commitment"
  | "cue"
  | "cueRatePerHour";

/** One change to the environment's activities. Interventions never touch the person's parameters. */
export interface ActivityEdit {
  readonly where: ActivitySelector;
  readonly set?: Partial<Record<NumericField, number>>;
  readonly scale?: Partial<Record<NumericField, number>>;
  readonly available?: boolean;
  readonly rewardProbability?: number;
  readonly rewardBonus?: number;
  readonly progression?: Progression;
  /** Re-time to the person's tone peak or to bridge their afternoon dip (hours after the peak). */
  readonly timing?: { readonly hoursAfterPeak: number };
}

export interface InterventionDef {
  readonly id: string;
  readonly label: string;
  readonly summary: string;
  /** The pattern it is matched to, or "generic" for the advice the article warns against. */
  readonly target: string;
  readonly edits: readonly ActivityEdit[];
  readonly addActivities: readonly Activity[];
  /** Added activities re-timed to the person's peak plus this many hours. */
  readonly timedActivities?: Readonly<Record<string, number>>;
  readonly stressInputScale: number;
  readonly acuteStressScale: number;
  /** Rough burden on the person (1 = light); ties in the planner go to the lighter plan. */
  readonly burden: number;
  readonly source: string;
  readonly grade: EvidenceGrade;
}

const intervention = (
  d: Omit<InterventionDef, "addActivities" | "stressInputScale" | "acuteStressScale"> &
    Partial<InterventionDef>,
): InterventionDef => ({ addActivities: [], stressInputScale: 1, acuteStressScale: 1, ...d });

const PLANNED = { urge: false } as const;
const MICRO_DOSE: Progression = {
  startMin: 5,
  stepMin: 5,
  afterStarts: 3,
  backAfterMisses: 2,
  exposureStart: 1,
  exposureStep: 0,
};

export const INTERVENTIONS = {
  none: intervention({
    id: "none",
    label: "No intervention",
    summary: "The environment as it is",
    target: "none",
    edits: [],
    burden: 0,
    source: "Reference arm",
    grade: "supported",
  }),
  scaffolding: intervention({
    id: "scaffolding",
    label: "Dopamine Scaffolding",
    summary:
      "Environment cue (lower the effort to start), social commitment, and a 5-minute micro-dose that grows after consecutive starts",
    target: "anticipatory deficit",
    edits: [{ where: PLANNED, set: { cue: 1, commitment: 0.5 }, progression: MICRO_DOSE }],
    burden: 2,
    source:
      "The article's protocol; components: behavioural activation (Dimidjian et al. 2006), implementation intentions, lower effort cost (Treadway et al. 2009)",
    grade: "article",
  }),
  threatReduction: intervention({
    id: "threatReduction",
    label: "Graded approach",
    summary: "A ladder from a small, safe version of the feared activity up to the full one",
    target: "threat override",
    edits: [
      {
        where: { urge: false, minThreat: 0.2 },
        set: { harmProbability: 0 },
        progression: {
          startMin: 10,
          stepMin: 10,
          afterStarts: 2,
          backAfterMisses: 3,
          exposureStart: 0.25,
          exposureStep: 0.25,
        },
      },
    ],
    burden: 2,
    source: "Exposure therapy and inhibitory learning (Craske et al. 2014, Behav Res Ther 58:10)",
    grade: "established",
  }),
  calibration: intervention({
    id: "calibration",
    label: "Novelty and immediate reward for important routine tasks",
    summary: "Rotate how important routine tasks are done and pair each start with an immediate reward",
    target: "calibration",
    edits: [
      {
        where: { urge: false, minImportance: 0.6, maxNovelty: 0.4 },
        set: { novelty: 0.7, noveltyRefresh: 0.4 },
        rewardBonus: 0.2,
      },
    ],
    burden: 2,
    source:
      "The article's claim; novelty bonus (Kakade & Dayan 2002); immediate reinforcement (Tripp & Wickens 2008)",
    grade: "article",
  }),
  receptorRestoration: intervention({
    id: "receptorRestoration",
    label: "Abstinence with sustained natural reward",
    summary:
      "Stop the drug with a doctor's help (stopping alcohol or benzodiazepines abruptly can be dangerous) and schedule daily natural rewards",
    target: "receptor downregulation",
    edits: [{ where: { drug: true }, available: false }],
    addActivities: [
      activity({
        id: "naturalReward",
        label: "Scheduled pleasant activity (nature, music, company)",
        kind: "leisure",
        importance: 0.6,
        novelty: 0.4,
        noveltyRefresh: 0.2,
        effort: 0.25,
        durationMin: 30,
        cue: 1,
        commitment: 0.5,
        plannedHours: [17],
        stressRelief: 0.01,
      }),
    ],
    burden: 3,
    source: "Volkow, Wise & Baler 2017; Nader et al. 2006 (recovery over months, variable)",
    grade: "supported",
  }),
  loopDisruption: intervention({
    id: "loopDisruption",
    label: "Disrupt the variable-reinforcement loop",
    summary: "Remove the cues and end the variable schedule (notifications off, feeds removed)",
    target: "prediction-error loop",
    edits: [
      {
        where: { urge: true, drug: false },
        scale: { cueRatePerHour: 0.35 },
        rewardProbability: 0,
      },
    ],
    burden: 1,
    source: "Extinction of partially reinforced responding (Humphreys 1939; Gershman, Blei & Niv 2010)",
    grade: "supported",
  }),
  stressReduction: intervention({
    id: "stressReduction",
    label: "Stress reduction",
    summary: "Lower the chronic stress input (workload, sleep, recovery time)",
    target: "stress load",
    edits: [],
    stressInputScale: 0.3,
    acuteStressScale: 0.5,
    burden: 2,
    source: "McEwen 2007, Physiol Rev 87:873",
    grade: "supported",
  }),
  circadianAlignment: intervention({
    id: "circadianAlignment",
    label: "Circadian alignment",
    summary: "Consequential work at the person's own peak; a short movement break to bridge the dip",
    target: "circadian",
    edits: [{ where: { urge: false, minImportance: 0.75 }, timing: { hoursAfterPeak: 0 } }],
    addActivities: [
      activity({
        id: "movementBreak",
        label: "10-minute movement break in the afternoon dip",
        kind: "movement",
        importance: 0.4,
        novelty: 0.3,
        effort: 0.3,
        durationMin: 10,
        reward: { kind: "fixed", magnitude: 0.6, probability: 1 },
        plannedHours: [15],
        toneBoost: 0.1,
      }),
    ],
    timedActivities: { movementBreak: 6 },
    burden: 1,
    source: "The article's claim; the direction of the daily rhythm is contested (Byrne et al. 2017, 2019)",
    grade: "contested",
  }),
  justExercise: intervention({
    id: "justExercise",
    label: "Generic advice: just exercise",
    summary: "A full-length exercise session every day, with no scaffolding",
    target: "generic",
    edits: [],
    addActivities: [
      activity({
        id: "exercise",
        label: "30-minute workout",
        kind: "movement",
        importance: 0.6,
        novelty: 0.3,
        effort: 0.6,
        durationMin: 30,
        plannedHours: [17],
        stressRelief: 0.03,
      }),
    ],
    burden: 2,
    source:
      "Generic advice the article warns against for initiation failure (exercise itself helps once started)",
    grade: "article",
  }),
  dopamineFast: intervention({
    id: "dopamineFast",
    label: "Generic advice: dopamine fast",
    summary: "Remove stimulation and novelty",
    target: "generic",
    edits: [
      { where: { urge: true, drug: false }, available: false },
      { where: {}, set: { novelty: 0, noveltyRefresh: 0 } },
    ],
    burden: 2,
    source: "Popular advice without trial evidence",
    grade: "article",
  }),
  coldShower: intervention({
    id: "coldShower",
    label: "Generic advice: cold shower",
    summary: "A brief cold shower each morning for a short rise in tone",
    target: "generic",
    edits: [],
    addActivities: [
      activity({
        id: "coldShower",
        label: "2-minute cold shower",
        kind: "selfCare",
        importance: 0.3,
        novelty: 0.3,
        effort: 0.5,
        durationMin: 2,
        reward: { kind: "fixed", magnitude: 0.3, probability: 1 },
        plannedHours: [7],
        toneBoost: 0.1,
      }),
    ],
    burden: 1,
    source: "Šrámek et al. 2000 (catecholamine rise after cold immersion); no evidence on initiation",
    grade: "article",
  }),
} as const satisfies Record<string, InterventionDef>;

export type InterventionId = keyof typeof INTERVENTIONS;
export const INTERVENTION_IDS = Object.keys(INTERVENTIONS) as InterventionId[];

function matches(a: Activity, w: ActivitySelector): boolean {
  if (w.urge !== undefined && a.urge !== w.urge) return false;
  if (w.drug !== undefined && a.surge > 0 !== w.drug) return false;
  if (w.variableSchedule !== undefined && (a.reward.kind !== "fixed") !== w.variableSchedule) return false;
  if (w.minImportance !== undefined && a.importance < w.minImportance) return false;
  if (w.maxNovelty !== undefined && a.novelty > w.maxNovelty) return false;
  if (w.minThreat !== undefined && a.threat < w.minThreat) return false;
  if (w.kinds !== undefined && !w.kinds.includes(a.kind)) return false;
  return true;
}

function applyEdit(a: Activity, e: ActivityEdit, chronotypePeak: number): Activity {
  const next: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(e.set ?? {})) next[k] = v;
  for (const [k, v] of Object.entries(e.scale ?? {}))
    next[k] = (a[k as NumericField] as number) * (v as number);
  if (e.available !== undefined) next.available = e.available;
  if (e.rewardProbability !== undefined || e.rewardBonus !== undefined) {
    const ended = e.rewardProbability !== undefined && e.rewardProbability < 1 && a.reward.kind === "fixed";
    next.reward = {
      ...a.reward,
      kind: ended ? "probabilistic" : a.reward.kind,
      probability: e.rewardProbability ?? a.reward.probability,
      magnitude: a.reward.magnitude + (e.rewardBonus ?? 0),
    };
  }
  if (e.progression) next.progression = e.progression;
  if (e.timing) next.plannedHours = [Math.round(chronotypePeak + e.timing.hoursAfterPeak) % 24];
  return next as unknown as Activity;
}

/**
 * The environment after an intervention. Only the environment changes (effort, duration, cue,
 * commitment, schedule, timing, exposure, stress input); `chronotypePeak` is read for timing only.
 */
export function applyIntervention(
  env: Environment,
  def: InterventionDef,
  chronotypePeak: number,
): Environment {
  const activities = env.activities.map((a) =>
    def.edits.reduce((acc, e) => (matches(acc, e.where) ? applyEdit(acc, e, chronotypePeak) : acc), a),
  );
  for (const add of def.addActivities) {
    if (activities.some((x) => x.id === add.id)) continue;
    const offset = def.timedActivities?.[add.id];
    activities.push(
      offset === undefined ? add : { ...add, plannedHours: [Math.round(chronotypePeak + offset) % 24] },
    );
  }
  return {
    ...env,
    activities,
    stressInput: env.stressInput * def.stressInputScale,
    acuteStressPerDay: env.acuteStressPerDay * def.acuteStressScale,
  };
}
