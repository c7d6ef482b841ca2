import type { FittedName } from "../fit/parameters.ts";
import { FITTED_SPECS } from "../fit/parameters.ts";
import type { ScreeningScores } from "./map.ts";

/**
 * Prior means for the fit informed by screening scores (a model convention, not a published
 * mapping): a higher PHQ-9 lowers the prior κ (down to half the default at 27), a higher GAD-7
 * raises the prior τ (up to four times at 21), ASRS Part A raises ν, and mid-sleep places the
 * daily peak five hours after it. The priors stay wide; the logs decide.
 */
export function priorMeansFromScreening(s: ScreeningScores): Partial<Record<FittedName, number>> {
  const out: Partial<Record<FittedName, number>> = {};
  const d = FITTED_SPECS;
  if (s.phq9 !== undefined)
    out.anticipatoryGain = d.anticipatoryGain.priorMean * (1 - 0.5 * Math.min(1, s.phq9 / 27));
  if (s.gad7 !== undefined) out.threatGain = d.threatGain.priorMean * (1 + 3 * Math.min(1, s.gad7 / 21));
  if (s.asrsPartA !== undefined)
    out.noveltyCoupling = Math.min(0.8, d.noveltyCoupling.priorMean + 0.1 * s.asrsPartA);
  if (s.midSleepHour !== undefined) out.chronotypePeak = (s.midSleepHour + 5) % 24;
  return out;
}
