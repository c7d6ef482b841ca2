import type { PlannedOccurrence } from "../model/records/schema.ts";
import type { ActivityPlan } from "../plan/index.ts";

/** Parses YYYY-MM-DD to a day number (days since 1970-01-01). */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`date: expected YYYY-MM-DD, got ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Day of the week, 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

/** Every planned occurrence of the plan's activities on days [fromDate, toDate], in time order. */
export function expandSchedule(
  activities: readonly Pick<ActivityPlan, "activityId" | "hour" | "days" | "progression">[],
  fromDate: string,
  toDate: string,
): PlannedOccurrence[] {
  const out: PlannedOccurrence[] = [];
  const days = dayNumber(toDate) - dayNumber(fromDate);
  for (let d = 0; d <= days; d++) {
    const localDate = addDays(fromDate, d);
    const wd = weekdayOf(localDate);
    for (const a of activities)
      if (a.days.includes(wd))
        out.push({
          activityId: a.activityId,
          localDate,
          localHour: a.hour,
          plannedMin: a.progression.startMin,
        });
  }
  return out.sort((a, b) => a.localDate.localeCompare(b.localDate) || a.localHour - b.localHour);
}
