/**
 * MCTQ-derived sleep timing: chronotype as mid-sleep on free days corrected for sleep debt
 * (MSF_sc) and social jet lag (SJL), from factual sleep times. Formulas as in Roenneberg,
 * Wirz-Justice & Merrow 2003 and the rOpenSci `mctq` package (MIT). All times are hours of the
 * day in [0, 24); durations are hours. Pure arithmetic on a 24-hour circle.
 */

/** One kind of day: when the person is ready to fall asleep, how long falling asleep takes, when they wake. */
export interface SleepDay {
  /** Hour of day at which the person is ready to fall asleep (SPrep). */
  readonly bedtimeHour: number;
  /** Minutes needed to fall asleep (SLat). */
  readonly latencyMin: number;
  /** Hour of day of waking (SE). */
  readonly wakeHour: number;
}

/** What the computation needs. */
export interface SleepTimingInput {
  /** Workdays per week, 0–7 (free days are the rest). */
  readonly workdaysPerWeek: number;
  readonly work: SleepDay;
  readonly free: SleepDay;
  /** An alarm on free days makes MSF_sc not computable. */
  readonly alarmOnFreeDays: boolean;
}

/** Every derived quantity; null where the inputs make it undefined (no free days, no workdays, an alarm). */
export interface SleepTimingResult {
  /** Sleep duration on workdays and free days, hours. */
  readonly sdWorkH: number;
  readonly sdFreeH: number;
  /** Average daily sleep duration over the week, hours. */
  readonly sdWeekH: number;
  /** Mid-sleep on workdays (MSW) and free days (MSF), hour of day. */
  readonly mswHour: number | null;
  readonly msfHour: number | null;
  /** Chronotype: MSF corrected for sleep debt, hour of day. */
  readonly msfScHour: number | null;
  /** Social jet lag, hours: absolute and signed (MSF − MSW, shorter way round the clock). */
  readonly sjlH: number | null;
  readonly sjlRelativeH: number | null;
  /** Why a null value is null, when one is. */
  readonly notes: readonly string[];
}

/** x mod 24 in [0, 24). */
export function wrapHour(hours: number): number {
  const r = hours % 24;
  return r < 0 ? r + 24 : r;
}

/** Sleep onset (SO = SPrep + SLat), hour of day. */
export function sleepOnsetHour(day: SleepDay): number {
  return wrapHour(day.bedtimeHour + day.latencyMin / 60);
}

/** Sleep duration (SD = SE − SO, across midnight), hours. */
export function sleepDurationH(day: SleepDay): number {
  return wrapHour(day.wakeHour - sleepOnsetHour(day));
}

/** Mid-sleep (MS = SO + SD/2), hour of day. */
export function midSleepHour(day: SleepDay): number {
  return wrapHour(sleepOnsetHour(day) + sleepDurationH(day) / 2);
}

/** Weekly average sleep duration: (SD_W·WD + SD_F·FD) / 7. */
export function weeklySleepDurationH(sdWorkH: number, sdFreeH: number, workdaysPerWeek: number): number {
  return (sdWorkH * workdaysPerWeek + sdFreeH * (7 - workdaysPerWeek)) / 7;
}

/**
 * MSF_sc: null with an alarm on free days; MSF when free-day sleep is not longer than workday
 * sleep; otherwise MSF − (SD_F − SD_week) / 2.
 */
export function correctedMidSleepFree(
  msfHour: number,
  sdWorkH: number,
  sdFreeH: number,
  sdWeekH: number,
  alarmOnFreeDays: boolean,
): number | null {
  if (alarmOnFreeDays) return null;
  if (sdFreeH <= sdWorkH) return wrapHour(msfHour);
  return wrapHour(msfHour - (sdFreeH - sdWeekH) / 2);
}

/** Signed social jet lag MSF − MSW, taken the shorter way round the clock, in (−12, 12]. */
export function relativeSocialJetLagH(mswHour: number, msfHour: number): number {
  const d = wrapHour(msfHour - mswHour);
  return d > 12 ? d - 24 : d;
}

/** All sleep-timing quantities from one person's answers. */
export function computeSleepTiming(input: SleepTimingInput): SleepTimingResult {
  const wd = input.workdaysPerWeek;
  const sdWorkH = sleepDurationH(input.work);
  const sdFreeH = sleepDurationH(input.free);
  const notes: string[] = [];
  const mswHour = wd > 0 ? midSleepHour(input.work) : null;
  const msfHour = wd < 7 ? midSleepHour(input.free) : null;
  const sdWeekH = wd === 0 ? sdFreeH : wd === 7 ? sdWorkH : weeklySleepDurationH(sdWorkH, sdFreeH, wd);
  if (wd === 7) notes.push("no free days: mid-sleep on free days is undefined");
  if (wd === 0) notes.push("no workdays: mid-sleep on workdays and social jet lag are undefined");
  if (input.alarmOnFreeDays) notes.push("an alarm on free days: the chronotype (MSF_sc) cannot be computed");
  let msfScHour: number | null = null;
  if (msfHour !== null) {
    msfScHour =
      wd === 0
        ? input.alarmOnFreeDays
          ? null
          : msfHour
        : correctedMidSleepFree(msfHour, sdWorkH, sdFreeH, sdWeekH, input.alarmOnFreeDays);
  }
  const sjlRelativeH = mswHour !== null && msfHour !== null ? relativeSocialJetLagH(mswHour, msfHour) : null;
  return {
    sdWorkH,
    sdFreeH,
    sdWeekH,
    mswHour,
    msfHour,
    msfScHour,
    sjlH: sjlRelativeH === null ? null : Math.abs(sjlRelativeH),
    sjlRelativeH,
    notes,
  };
}

/** "HH:MM:SS" for an hour of day (rounded to the second). */
export function formatClock(hourOfDay: number): string {
  const totalS = Math.round(wrapHour(hourOfDay) * 3600) % 86_400;
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  return [h, m, s].map((n) => String(n).padStart(2, "0")).join(":");
}

/** Hour of day from "HH:MM" (24-hour clock), or undefined when malformed. */
export function parseClock(text: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (m === null) return undefined;
  return Number(m[1]) + Number(m[2]) / 60;
}
