import type { OpportunityRecord } from "../person/engine.ts";
import { ratingOf } from "../person/engine.ts";
import type { Environment } from "../person/environment.ts";
import type { Rng } from "../rng.ts";
import type { CheckIn, PersonLog, RecordActivity, UrgeEpisode } from "./schema.ts";

/** How a simulated person's opportunities become a log a real person might have kept. */
export interface LogFromSimulationOptions {
  /** Local calendar date of simulated day 0, YYYY-MM-DD. */
  readonly startDate: string;
  /** The person's UTC offset in minutes (e.g. 60 for UTC+01:00); local times are as lived. */
  readonly utcOffsetMin: number;
  /** Draws which ratings are missing (and which days go unlogged). */
  readonly rng: Rng;
  /** Chance that any one rating (anticipated, experienced, worry, liking) is missing, 0..1. Default 0.2. */
  readonly missingRatingProbability?: number;
  /** Chance that a whole day goes unlogged (no records, not closed), 0..1. Default 0. */
  readonly missingDayProbability?: number;
}

/** The local date `days` after `startDate` (YYYY-MM-DD), by calendar arithmetic only. */
export function addDays(startDate: string, days: number): string {
  const [y, m, d] = startDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  const t = (s: string) => {
    const [y, m, d] = s.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/** The UTC instant (ISO 8601, `Z`) of a local date and hour at a UTC offset in minutes. */
export function instantOf(localDate: string, localHour: number, utcOffsetMin: number): string {
  const [y, m, d] = localDate.split("-").map(Number) as [number, number, number];
  const ms = Date.UTC(y, m - 1, d, localHour) - utcOffsetMin * 60_000;
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

/** The log's description of the environment's activities (every activity in it, planned or urge); the inverse of `activityFromRecord`. */
export function recordActivities(environment: Environment): RecordActivity[] {
  return environment.activities.map((a) => ({
    id: a.id,
    name: a.label,
    kind: a.kind,
    importance: a.importance,
    novelty: a.novelty,
    effort: a.effort,
    threat: a.threat,
    urge: a.urge,
    durationMin: a.durationMin,
  }));
}

/**
 * Turns a simulated person's opportunity records into a `PersonLog`: one check-in per planned
 * occurrence (started or not), one urge episode per cued urge (strength = the rating map of wanting),
 * ratings missing at random, every logged day closed. Ids are derived from date, hour and activity,
 * so the same simulation always gives the same log.
 */
export function logFromSimulation(
  environment: Environment,
  records: readonly OpportunityRecord[],
  options: LogFromSimulationOptions,
): PersonLog {
  const pMiss = options.missingRatingProbability ?? 0.2;
  const pDay = options.missingDayProbability ?? 0;
  const { rng } = options;
  const keep = (r: number): number | null => (Number.isFinite(r) && rng.uniform() >= pMiss ? r : null);
  const lastDay = records.reduce((m, r) => Math.max(m, r.day), -1);
  const unlogged = new Set<number>();
  for (let d = 0; d <= lastDay; d++) if (pDay > 0 && rng.uniform() < pDay) unlogged.add(d);
  const checkIns: CheckIn[] = [];
  const urges: UrgeEpisode[] = [];
  for (const r of records) {
    if (unlogged.has(r.day)) continue;
    const localDate = addDays(options.startDate, r.day);
    const id = `${localDate}T${String(r.hour).padStart(2, "0")}-${r.activity}`;
    const at = instantOf(localDate, r.hour, options.utcOffsetMin);
    if (r.planned) {
      const anticipated = keep(r.anticipatedRating);
      const experienced = r.started ? keep(r.experiencedRating) : null;
      checkIns.push({
        id: `c-${id}`,
        activityId: r.activity,
        localDate,
        localHour: r.hour,
        at,
        plannedMin: r.durationMin,
        scaffolding: { environmentCue: r.cue > 0, commitment: r.commitment > 0, microDose: r.microDose },
        anticipated,
        started: r.started,
        minutesDone: r.started ? r.durationMin : 0,
        experienced,
        worry: keep(r.worryRating),
        mood: null,
        sleepTime: null,
        wakeTime: null,
      });
    } else if (r.cued) {
      urges.push({
        id: `u-${id}`,
        activityId: r.activity,
        localDate,
        localHour: r.hour,
        at,
        cue: "cue",
        strength: Math.min(10, Math.max(0, Math.round(ratingOf(r.wanting)))),
        acted: r.started,
        minutes: r.started ? r.durationMin : 0,
        liking: r.started ? keep(r.experiencedRating) : null,
      });
    }
  }
  const closedDays: string[] = [];
  for (let d = 0; d <= lastDay; d++) if (!unlogged.has(d)) closedDays.push(addDays(options.startDate, d));
  return { version: 1, activities: recordActivities(environment), checkIns, urges, closedDays };
}
