/**
 * Behavioural task fits as evidence for the map. The EEfRT effort cost k (Treadway lab model) and
 * the PRT reward sensitivity ρ (Huys et al. 2013) both bear on the anticipatory-deficit pattern:
 * a higher k (less effort spent for reward) and a lower ρ each raise its strength. The anchors are a
 * model convention: the default simulated person's values (k = 1.5, ρ = 2; `src/tasks`) give 0,
 * three times k or a quarter of ρ give 1, on the log scale.
 */

/** An estimate with its 95 % interval (natural scale). */
export interface TaskEstimateInput {
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

/** Task fits the map can use, each optional. */
export interface TaskEvidence {
  /** EEfRT effort cost k, dollars of reward per unit effort. */
  readonly eefrtEffortCost?: TaskEstimateInput;
  /** PRT reward sensitivity ρ, value units per reward. */
  readonly prtRewardSensitivity?: TaskEstimateInput;
}

/** The anchors of the mapping: the typical value (strength 0) and the value at strength 1. */
export const TASK_ANCHORS = {
  eefrtEffortCost: { typical: 1.5, strong: 4.5 },
  prtRewardSensitivity: { typical: 2, strong: 0.5 },
} as const;

/** A task-derived strength 0..1 with its interval; null when the estimate or its interval is missing. */
export interface TaskStrength {
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
  readonly enoughData: boolean;
  readonly from: readonly ["tasks"];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function strength(
  e: TaskEstimateInput | undefined,
  a: { typical: number; strong: number },
): TaskStrength | null {
  if (!e || ![e.estimate, e.lo, e.hi].every((x) => Number.isFinite(x) && x > 0)) return null;
  const f = (x: number) => clamp01(Math.log(x / a.typical) / Math.log(a.strong / a.typical));
  const [p, q] = [f(e.lo), f(e.hi)];
  return {
    estimate: f(e.estimate),
    lo: Math.min(p, q),
    hi: Math.max(p, q),
    enoughData: true,
    from: ["tasks"],
  };
}

/** Strengths of the anticipatory-deficit pattern from each task fit present. */
export function taskStrengths(e: TaskEvidence | undefined): TaskStrength[] {
  if (!e) return [];
  return [
    strength(e.eefrtEffortCost, TASK_ANCHORS.eefrtEffortCost),
    strength(e.prtRewardSensitivity, TASK_ANCHORS.prtRewardSensitivity),
  ].filter((x): x is TaskStrength => x !== null);
}

const r2 = (x: number) => x.toFixed(2);

/** Plain-language lines for the why, in the person's own task numbers. */
export function taskWhy(e: TaskEvidence | undefined): string[] {
  const out: string[] = [];
  const k = e?.eefrtEffortCost;
  if (k && Number.isFinite(k.lo))
    out.push(
      `In the effort task your effort cost was ${r2(k.estimate)} [${r2(k.lo)}, ${r2(k.hi)}] (about ${TASK_ANCHORS.eefrtEffortCost.typical} is typical of dopamap's reference person; higher means less effort spent for reward).`,
    );
  const rho = e?.prtRewardSensitivity;
  if (rho && Number.isFinite(rho.lo))
    out.push(
      `In the reward task your reward sensitivity was ${r2(rho.estimate)} [${r2(rho.lo)}, ${r2(rho.hi)}] (about ${TASK_ANCHORS.prtRewardSensitivity.typical} is typical of dopamap's reference person).`,
    );
  return out;
}
