import {
  type OccurrenceStatus,
  occurrenceStatus,
  type PersonLog,
  type PlannedOccurrence,
} from "../model/records/schema.ts";
import { dayNumber } from "./days.ts";

/** One week of the record (week 1 starts on the plan's start date). */
export interface WeekSummary {
  readonly week: number;
  readonly planned: number;
  readonly started: number;
  readonly notStarted: number;
  /** Planned, no record, day still open. */
  readonly missing: number;
  /** Planned, no record, day closed. */
  readonly skipped: number;
  /** Started / planned occurrences with a known outcome (missing ones excluded); null when none. */
  readonly startRate: number | null;
  /** The Motivation Gap: planned occurrences with a known outcome that were not started. */
  readonly motivationGap: number;
  /** Mean experienced − anticipated rating (0–10 scale) over started check-ins with both; null when none. */
  readonly anticipationGap: number | null;
  readonly ratedStarts: number;
}

/** Status of every planned occurrence given the log. */
export function occurrenceStatuses(
  log: PersonLog,
  occurrences: readonly PlannedOccurrence[],
): { occurrence: PlannedOccurrence; status: OccurrenceStatus }[] {
  const closed = new Set(log.closedDays);
  return occurrences.map((o) => ({ occurrence: o, status: occurrenceStatus(o, log.checkIns, closed) }));
}

/** Weekly Motivation Gap and anticipation gap from the log against the planned occurrences. */
export function weeklySummaries(
  log: PersonLog,
  occurrences: readonly PlannedOccurrence[],
  startDate: string,
): WeekSummary[] {
  const start = dayNumber(startDate);
  const weekOf = (date: string) => Math.floor((dayNumber(date) - start) / 7) + 1;
  const statuses = occurrenceStatuses(log, occurrences);
  const weeks = Math.max(0, ...statuses.map((s) => weekOf(s.occurrence.localDate)));
  const out: WeekSummary[] = [];
  for (let w = 1; w <= weeks; w++) {
    const these = statuses.filter((s) => weekOf(s.occurrence.localDate) === w);
    const count = (st: OccurrenceStatus) => these.filter((s) => s.status === st).length;
    const started = count("started");
    const known = these.length - count("missing");
    const rated = log.checkIns.filter(
      (c) => c.started && c.anticipated !== null && c.experienced !== null && weekOf(c.localDate) === w,
    );
    out.push({
      week: w,
      planned: these.length,
      started,
      notStarted: count("notStarted"),
      missing: count("missing"),
      skipped: count("skipped"),
      startRate: known > 0 ? started / known : null,
      motivationGap: known - started,
      anticipationGap: rated.length
        ? rated.reduce((s, c) => s + (c.experienced! - c.anticipated!), 0) / rated.length
        : null,
      ratedStarts: rated.length,
    });
  }
  return out;
}

/** The log with `date` closed: its planned occurrences without a check-in now count as skipped. */
export function closeDay(log: PersonLog, date: string): PersonLog {
  dayNumber(date);
  return log.closedDays.includes(date) ? log : { ...log, closedDays: [...log.closedDays, date].sort() };
}
