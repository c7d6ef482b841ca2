import { buildDayStripChart, type ChartSpec } from "../charts/index.ts";
import { PARAMETERS, toneAt } from "../model/person/index.ts";
import type { Plan } from "./plan.ts";

/** Options of {@link planDayChart}. */
export interface PlanDayChartOptions {
  /** Size of the daily tone swing (the model's circadianAmplitude, 0–1). Default: the model's default. */
  readonly amplitude?: number;
  /** Waking hours [from, to) to shade. Default [7, 23], the model's default day. */
  readonly waking?: readonly [number, number];
  /** Curve resolution, points per hour. Default 4. */
  readonly pointsPerHour?: number;
}

/**
 * The plan's day strip: every planned activity at its hour on the person's daily tone curve
 * (the model's `toneAt` at the plan's chronotype peak), the peak marked. Pure.
 */
export function planDayChart(
  plan: Pick<Plan, "chronotypePeak" | "activities">,
  options: PlanDayChartOptions = {},
): ChartSpec {
  const amplitude = options.amplitude ?? PARAMETERS.circadianAmplitude.default;
  const perHour = options.pointsPerHour ?? 4;
  const hours = Array.from({ length: 24 * perHour + 1 }, (_, i) => i / perHour);
  const tone = (h: number) => toneAt(h, plan.chronotypePeak, amplitude);
  const waking = options.waking ?? [7, 23];
  return buildDayStripChart({
    curve: { hour: hours, tone: hours.map(tone) },
    activities: plan.activities.map((a) => ({ name: a.name, hour: a.hour, tone: tone(a.hour) })),
    peakHour: plan.chronotypePeak,
    waking: [waking[0], waking[1]],
  });
}
