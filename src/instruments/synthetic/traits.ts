import type { PersonParameters } from "../../model/person/index.ts";
import type { TraitName } from "../definition.ts";

/**
 * How much a simulated person is exposed to each kind of reward that can become a problem, 0..1
 * (0 never, 1 heavy daily use). An absent entry means a typical, light level for the population.
 */
export interface Exposure {
  readonly alcohol?: number;
  readonly cannabis?: number;
  readonly gambling?: number;
  readonly socialMedia?: number;
}

/**
 * Latent traits on a z-like scale: 0 is a typical healthy person, about 2–3 the person a
 * condition preset describes (e.g. depression's anticipatory gain of 0.35 gives anhedonia ≈ 2.5).
 */
export type LatentTraits = Readonly<Record<Exclude<TraitName, "none">, number>>;

/** What the synthetic sleep answers are drawn around. */
export interface SleepTraits {
  /** Mid-sleep on free days, hour of day (from the chronotype peak). */
  readonly midSleepFreeHour: number;
  /** Extra minutes to fall asleep from stress and threat. */
  readonly extraLatencyMin: number;
}

/** Depression preset's fall in log anticipatory gain: the unit of the anhedonia scale. */
const LOG_KAPPA_UNIT = Math.log(1 / 0.35);
/** Healthy defaults of the model's parameters (the model's table), as reference points. */
const HEALTHY = { threatGain: 0.15, noveltyCoupling: 0.15, stressLoad: 0.15, choiceSensitivity: 5 } as const;

const clampExposure = (x: number | undefined): number | undefined =>
  x === undefined || !Number.isFinite(x) ? undefined : Math.min(1, Math.max(0, x));

/** An exposure of 0 gives a clear abstainer (−2.5), absent a typical light user (0), 1 a heavy user (+3). */
function exposureTrait(level: number | undefined, receptorLoss: number): number {
  if (level === undefined) return 0;
  return -2.5 + 5.5 * level + receptorLoss * level;
}

/**
 * Maps the model's person parameters to the latent traits that questionnaire answers express. A
 * heuristic for demos and end-to-end tests, not a psychometric model: lower anticipatory gain and
 * reward sensitivity raise anhedonia; lower hedonic gain raises consummatory anhedonia; threat gain
 * raises anxiety; novelty coupling and low choice sensitivity raise inattention; stress load raises
 * stress; exposure and receptor loss raise substance and compulsion traits.
 */
export function latentTraits(p: PersonParameters, exposure: Exposure = {}): LatentTraits {
  const stress = 5 * (p.stressLoad - HEALTHY.stressLoad);
  const anticipatory = -Math.log(Math.max(p.anticipatoryGain, 1e-3)) / LOG_KAPPA_UNIT;
  const sensitivity = -Math.log(Math.max(p.rewardSensitivity, 1e-3)) / LOG_KAPPA_UNIT;
  const liking = -Math.log(Math.max(p.hedonicGain, 1e-3)) / LOG_KAPPA_UNIT;
  const anhedonia = 2.4 * anticipatory + 1.2 * sensitivity + 0.8 * liking + 0.3 * stress;
  const consummatory = 2.4 * liking + 0.5 * anticipatory + 0.2 * stress;
  const threat = 1.2 * Math.log(Math.max(p.threatGain, 1e-3) / HEALTHY.threatGain);
  const anxiety = threat + 0.4 * stress;
  const inattention =
    4.2 * (p.noveltyCoupling - HEALTHY.noveltyCoupling) +
    0.8 * Math.log(HEALTHY.choiceSensitivity / Math.max(p.choiceSensitivity, 1e-3));
  const receptorLoss = Math.max(0, 1 - p.d2Availability) * 8;
  const e = {
    alcohol: clampExposure(exposure.alcohol),
    cannabis: clampExposure(exposure.cannabis),
    gambling: clampExposure(exposure.gambling),
    socialMedia: clampExposure(exposure.socialMedia),
  };
  const substanceLevel = Math.max(e.alcohol ?? 0, e.cannabis ?? 0);
  const behaviourLevel = Math.max(e.gambling ?? 0, e.socialMedia ?? 0);
  return {
    anhedonia,
    consummatory_anhedonia: consummatory,
    depressed_mood: 2.2 * anticipatory + 0.6 * sensitivity + 0.5 * liking + 0.5 * stress + 0.2 * threat,
    anxiety,
    inattention,
    hyperactivity: 0.8 * inattention,
    stress: stress + 0.3 * threat + 0.3 * anticipatory,
    alcohol: exposureTrait(e.alcohol, receptorLoss),
    cannabis: exposureTrait(e.cannabis, receptorLoss),
    gambling: exposureTrait(e.gambling, 0),
    social_media: exposureTrait(e.socialMedia, 0),
    tolerance: receptorLoss + 2.5 * substanceLevel - 0.5,
    compulsion: 3 * behaviourLevel + 0.5 * receptorLoss - 0.5,
    reward_drive: -0.8 * anhedonia + 0.5 * inattention,
    fun_seeking: -0.5 * anhedonia + 1.2 * inattention,
  };
}

/** Sleep timing centres from the chronotype peak (mid-sleep about 5.5 h before the daily tone peak). */
export function sleepTraits(p: PersonParameters): SleepTraits {
  return {
    midSleepFreeHour: p.chronotypePeak - 5.5,
    extraLatencyMin:
      20 * Math.max(0, p.stressLoad - HEALTHY.stressLoad) + 4 * Math.max(0, Math.log(p.threatGain / 0.15)),
  };
}
