import type { Activity, Environment } from "./environment.ts";

/** Column offsets of one activity's attributes in a compiled phase (numbers only, for the hot loop). */
export const A = {
  available: 0,
  urge: 1,
  importance: 2,
  novelty: 3,
  noveltyRefresh: 4,
  effort: 5,
  durationMin: 6,
  magnitude: 7,
  probability: 8,
  variableMagnitude: 9,
  immediateReward: 10,
  surge: 11,
  threat: 12,
  harmProbability: 13,
  commitment: 14,
  cue: 15,
  cueRatePerHour: 16,
  stressRelief: 17,
  toneBoost: 18,
  hasProgression: 19,
  progStartMin: 20,
  progStepMin: 21,
  progAfterStarts: 22,
  progBackAfterMisses: 23,
  progExposureStart: 24,
  progExposureStep: 25,
  firstPlannedHour: 26,
} as const;
export const ATTRIBUTE_COUNT = 27;

/** An environment timeline compiled to typed arrays: slots are activity ids across all phases. */
export interface CompiledWorld {
  readonly activityIds: readonly string[];
  readonly activityLabels: readonly string[];
  /** 1 where the slot is one of the person's own planned activities (present and planned in phase 0). */
  readonly own: Uint8Array;
  /** 1 where the slot comes as an urge in any phase. */
  readonly urge: Uint8Array;
  readonly phaseStartDay: Int32Array;
  /** slot × ATTRIBUTE_COUNT: the person's own environment before any intervention (for probes). */
  readonly reference: Float64Array;
  /** phase × slot × ATTRIBUTE_COUNT. */
  readonly attributes: Float64Array;
  /** phase × slot × 7 days × 24 hours: 1 where a planned occurrence falls. */
  readonly plan: Uint8Array;
  readonly stressInput: Float64Array;
  readonly acuteStressPerDay: Float64Array;
  readonly wakeHour: number;
  readonly wakingHours: number;
  readonly slotCount: number;
  readonly phaseCount: number;
}

export interface EnvironmentPhase {
  readonly startDay: number;
  readonly environment: Environment;
}

/**
 * Compiles phases (sorted by start day, the first starting at day 0) into a world the engine reads.
 * `reference` is the person's own environment before any intervention: it defines their own
 * activities and the unscaffolded versions that probes evaluate.
 */
export function compileWorld(reference: Environment, phases: readonly EnvironmentPhase[]): CompiledWorld {
  const ids: string[] = [];
  const labels: string[] = [];
  for (const env of [reference, ...phases.map((p) => p.environment)])
    for (const a of env.activities)
      if (!ids.includes(a.id)) {
        ids.push(a.id);
        labels.push(a.label);
      }
  const slots = ids.length;
  const attributes = new Float64Array(phases.length * slots * ATTRIBUTE_COUNT);
  const plan = new Uint8Array(phases.length * slots * 7 * 24);
  const own = new Uint8Array(slots);
  const urge = new Uint8Array(slots);
  const ref = new Float64Array(slots * ATTRIBUTE_COUNT);
  for (const a of reference.activities) {
    const s = ids.indexOf(a.id);
    writeRow(ref, s * ATTRIBUTE_COUNT, a);
    if (!a.urge && a.available && a.plannedHours.length > 0) own[s] = 1;
  }
  phases.forEach((ph, k) => {
    for (const a of ph.environment.activities) {
      const s = ids.indexOf(a.id);
      writeRow(attributes, (k * slots + s) * ATTRIBUTE_COUNT, a);
      if (a.urge) urge[s] = 1;
      if (!a.urge)
        for (const d of a.days) for (const h of a.plannedHours) plan[((k * slots + s) * 7 + d) * 24 + h] = 1;
    }
  });
  const first = phases[0]?.environment;
  if (!first) throw new Error("compileWorld needs at least one phase");
  return {
    activityIds: ids,
    activityLabels: labels,
    own,
    urge,
    reference: ref,
    phaseStartDay: Int32Array.from(phases.map((p) => p.startDay)),
    attributes,
    plan,
    stressInput: Float64Array.from(phases.map((p) => p.environment.stressInput)),
    acuteStressPerDay: Float64Array.from(phases.map((p) => p.environment.acuteStressPerDay)),
    wakeHour: first.wakeHour,
    wakingHours: first.wakingHours,
    slotCount: slots,
    phaseCount: phases.length,
  };
}

function writeRow(target: Float64Array, o: number, a: Activity): void {
  const prog = a.progression;
  const row: Record<keyof typeof A, number> = {
    available: a.available ? 1 : 0,
    urge: a.urge ? 1 : 0,
    importance: a.importance,
    novelty: a.novelty,
    noveltyRefresh: a.noveltyRefresh,
    effort: a.effort,
    durationMin: a.durationMin,
    magnitude: a.reward.magnitude,
    probability:
      a.reward.kind === "fixed" || a.reward.kind === "variableMagnitude" ? 1 : a.reward.probability,
    variableMagnitude: a.reward.kind === "variableMagnitude" ? 1 : 0,
    immediateReward: a.immediateReward,
    surge: a.surge,
    threat: a.threat,
    harmProbability: a.harmProbability,
    commitment: a.commitment,
    cue: a.cue,
    cueRatePerHour: a.cueRatePerHour,
    stressRelief: a.stressRelief,
    toneBoost: a.toneBoost,
    hasProgression: prog ? 1 : 0,
    progStartMin: prog ? Math.min(prog.startMin, a.durationMin) : a.durationMin,
    progStepMin: prog?.stepMin ?? 0,
    progAfterStarts: prog?.afterStarts ?? 0,
    progBackAfterMisses: prog?.backAfterMisses ?? 0,
    progExposureStart: prog?.exposureStart ?? 1,
    progExposureStep: prog?.exposureStep ?? 0,
    firstPlannedHour: a.plannedHours[0] ?? -1,
  };
  for (const [key, col] of Object.entries(A)) target[o + col] = row[key as keyof typeof A];
}
