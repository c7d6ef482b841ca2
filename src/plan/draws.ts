import {
  type ConditionId,
  type PersonParameters,
  resolveConditions,
  samplePerson,
} from "../model/person/index.ts";
import type { PatternId, PlanMap } from "./types.ts";

/** The condition preset each pattern corresponds to. */
export const PATTERN_CONDITIONS: Readonly<Record<PatternId, ConditionId>> = {
  anticipatoryDeficit: "depression",
  threatOverride: "anxiety",
  calibration: "adhd",
  receptorDownregulation: "addiction",
  predictionErrorLoop: "compulsive",
};

/**
 * Parameter draws around the preset of the map's primary pattern, at the map's chronotype peak and
 * stress load: a stand-in for posterior draws when the person's logs have not been fitted yet.
 */
export function presetDraws(map: PlanMap, count: number, seed: number): PersonParameters[] {
  const { parameters } = resolveConditions([PATTERN_CONDITIONS[map.primary]]);
  const preset = { ...parameters, chronotypePeak: map.chronotypePeak, stressLoad: map.stressLoad };
  return Array.from({ length: count }, (_, i) => samplePerson(preset, seed, i));
}
