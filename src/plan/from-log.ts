import type { PersonLog } from "../model/records/schema.ts";
import type { PlanChoice } from "./types.ts";

const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

function weekday(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return (new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7;
}

/**
 * The person's choices as their log shows them: every planned (non-urge) activity at the hour it is
 * most often checked in (09:00 when it has no check-ins yet), on the weekdays it has been planned.
 */
export function choicesFromLog(log: PersonLog): PlanChoice[] {
  return log.activities
    .filter((a) => !a.urge)
    .map((a) => {
      const mine = log.checkIns.filter((c) => c.activityId === a.id);
      const hours = new Map<number, number>();
      for (const c of mine) hours.set(c.localHour, (hours.get(c.localHour) ?? 0) + 1);
      const hour = [...hours.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0] ?? 9;
      const days = [...new Set(mine.map((c) => weekday(c.localDate)))].sort((x, y) => x - y);
      return {
        activityId: a.id,
        hour,
        days: days.length ? days : ALL_DAYS,
        ...(a.notes !== undefined ? { notes: a.notes } : {}),
      };
    });
}
