import type { PersonLog } from "../model/records/schema.ts";
import type { PlanChoice } from "./types.ts";

const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

/** Days the log must span before its weekdays are read as the plan's weekdays. */
export const WEEKDAY_EVIDENCE_DAYS = 14;

function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

function weekday(date: string): number {
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

/**
 * The person's choices as their log shows them: every planned (non-urge) activity at the hour it is
 * most often checked in (09:00 when it has no check-ins yet), on the weekdays it has been planned.
 * Until an activity's check-ins span {@link WEEKDAY_EVIDENCE_DAYS} days, every day counts as
 * planned: a first day's check-ins on a Monday do not make it a Mondays-only plan.
 */
export function choicesFromLog(log: PersonLog): PlanChoice[] {
  return log.activities
    .filter((a) => !a.urge)
    .map((a) => {
      const mine = log.checkIns.filter((c) => c.activityId === a.id);
      const hours = new Map<number, number>();
      for (const c of mine) hours.set(c.localHour, (hours.get(c.localHour) ?? 0) + 1);
      const hour = [...hours.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0] ?? 9;
      const dayNumbers = mine.map((c) => dayNumber(c.localDate));
      const spanDays = mine.length ? Math.max(...dayNumbers) - Math.min(...dayNumbers) + 1 : 0;
      const days =
        spanDays >= WEEKDAY_EVIDENCE_DAYS
          ? [...new Set(mine.map((c) => weekday(c.localDate)))].sort((x, y) => x - y)
          : ALL_DAYS;
      return {
        activityId: a.id,
        hour,
        days,
        ...(a.notes !== undefined ? { notes: a.notes } : {}),
      };
    });
}
