import { z } from "zod";
import { ACTIVITY_KINDS } from "../person/environment.ts";

/**
 * The person's records, defined once: activities, check-ins (one per planned occurrence) and urge
 * episodes. The same schemas type the CLI's files, the API, storage and the web client.
 */

const id = z.string().min(1).max(100);
const rating = z.number().int().min(0).max(10);
const unit = z.number().min(0).max(1);
/** The first date a record may carry: nothing dopamap models happened before it. */
export const EARLIEST_RECORD_DATE = "2000-01-01";
/** The last date any record may carry, whatever the clock (the adapters bound it by now + 1 day too). */
export const LATEST_RECORD_DATE = "2100-12-31";

/** A local calendar date, YYYY-MM-DD, from 2000-01-01 (so the work a log costs is bounded by its dates). */
export const LocalDateSchema = z.iso
  .date()
  .refine((d) => d >= EARLIEST_RECORD_DATE && d <= LATEST_RECORD_DATE, {
    message: `a date from ${EARLIEST_RECORD_DATE} to ${LATEST_RECORD_DATE}`,
  });
/** An instant in UTC, ISO 8601 with offset (e.g. 2026-11-30T08:05:00Z). */
export const InstantSchema = z.iso.datetime({ offset: true });
/**
 * A record's instant must agree with its local date and hour: the local clock is UTC−12 … UTC+14
 * of the instant (the range of zone offsets), and a check-in may be written up to a day after the
 * hour it is for. Hours: the slot's start read as if UTC.
 */
const EARLIEST_OFFSET_H = 14;
const LATEST_AFTER_H = 12 + 1 + 24;
export function instantFitsLocal(at: string, localDate: string, localHour: number): boolean {
  const slot = Date.parse(`${localDate}T${String(localHour).padStart(2, "0")}:00:00Z`);
  const t = Date.parse(at);
  // A field that is itself malformed has its own issue; the agreement is checked only between valid ones.
  if (
    Number.isNaN(slot) ||
    Number.isNaN(t) ||
    !Number.isInteger(localHour) ||
    localHour < 0 ||
    localHour > 23
  )
    return true;
  return t >= slot - EARLIEST_OFFSET_H * 3600_000 && t <= slot + LATEST_AFTER_H * 3600_000;
}
const AT_MESSAGE = `the instant must be within the zone offsets (UTC−12 to UTC+14) of localDate and localHour, or up to a day after`;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a 24-hour time HH:MM");

export const RecordActivitySchema = z.strictObject({
  id,
  name: z.string().min(1).max(200),
  kind: z.enum(ACTIVITY_KINDS as unknown as [string, ...string[]]),
  /** How much it matters to the person, 0..1. */
  importance: unit,
  /** How new it feels, 0..1. */
  novelty: unit,
  /** Effort, 0..1. */
  effort: unit,
  /** How threatening or feared, 0..1. */
  threat: unit.default(0),
  /** True when it comes as an urge (a drug, an app, a bet) rather than as a plan. */
  urge: z.boolean().default(false),
  /** Usual full duration, minutes. */
  durationMin: z.number().positive().max(1440).default(30),
  notes: z.string().max(2000).optional(),
});
export type RecordActivity = z.infer<typeof RecordActivitySchema>;

/** Scaffolding in place at a check-in. */
export const ScaffoldingSchema = z.strictObject({
  environmentCue: z.boolean().default(false),
  commitment: z.boolean().default(false),
  microDose: z.boolean().default(false),
});

/**
 * One planned occurrence. `localDate`/`localHour` place it in the person's day as they lived it, so
 * changing time zone or daylight saving never moves an entry to another day; `at` is the UTC instant.
 */
export const CheckInSchema = z
  .strictObject({
    /** Client-generated id: a retried write is not duplicated. */
    id,
    activityId: id,
    localDate: LocalDateSchema,
    localHour: z.number().int().min(0).max(23),
    at: InstantSchema,
    plannedMin: z.number().positive().max(1440),
    scaffolding: ScaffoldingSchema.prefault({}),
    /** Anticipated enjoyment before, 0–10. */
    anticipated: rating.nullable().default(null),
    started: z.boolean(),
    minutesDone: z.number().min(0).max(1440).default(0),
    /** Experienced enjoyment after, 0–10 (only if started). */
    experienced: rating.nullable().default(null),
    worry: rating.nullable().default(null),
    mood: rating.nullable().default(null),
    sleepTime: clock.nullable().default(null),
    wakeTime: clock.nullable().default(null),
  })
  .superRefine((c, ctx) => {
    if (!instantFitsLocal(c.at, c.localDate, c.localHour))
      ctx.addIssue({ code: "custom", path: ["at"], message: AT_MESSAGE });
    if (!c.started && c.experienced !== null)
      ctx.addIssue({
        code: "custom",
        path: ["experienced"],
        message: "an activity not started has no experienced rating",
      });
    if (!c.started && c.minutesDone > 0)
      ctx.addIssue({
        code: "custom",
        path: ["minutesDone"],
        message: "an activity not started has no minutes done",
      });
  });
export type CheckIn = z.infer<typeof CheckInSchema>;

/**
 * Whether `next` completes `before`: the same planned occurrence recorded first before the activity
 * (anticipated rating, not started yet) and now after it (started, minutes, experienced rating).
 * Everything the first record said stays as it was.
 */
export function completesCheckIn(before: CheckIn, next: CheckIn): boolean {
  if (before.started || before.experienced !== null || before.minutesDone > 0 || !next.started) return false;
  const same = (k: keyof CheckIn) => JSON.stringify(before[k]) === JSON.stringify(next[k]);
  const kept = (k: "anticipated" | "worry" | "mood" | "sleepTime" | "wakeTime") =>
    before[k] === null || before[k] === next[k];
  return (
    (["id", "activityId", "localDate", "localHour", "plannedMin", "scaffolding"] as const).every(same) &&
    (["anticipated", "worry", "mood", "sleepTime", "wakeTime"] as const).every(kept)
  );
}

/** An unplanned pull towards an urge activity. */
export const UrgeEpisodeSchema = z
  .strictObject({
    id,
    activityId: id,
    localDate: LocalDateSchema,
    localHour: z.number().int().min(0).max(23),
    at: InstantSchema,
    /** What set it off (a place, a notification, a feeling). */
    cue: z.string().max(200).default(""),
    strength: rating,
    acted: z.boolean(),
    minutes: z.number().min(0).max(1440).default(0),
    /** Liking when acted, 0–10. */
    liking: rating.nullable().default(null),
  })
  .superRefine((u, ctx) => {
    if (!instantFitsLocal(u.at, u.localDate, u.localHour))
      ctx.addIssue({ code: "custom", path: ["at"], message: AT_MESSAGE });
    if (!u.acted && u.liking !== null)
      ctx.addIssue({ code: "custom", path: ["liking"], message: "a resisted urge has no liking rating" });
  });
export type UrgeEpisode = z.infer<typeof UrgeEpisodeSchema>;

/** A plan occurrence the person expects; with no check-in it is missing until the day is closed, then skipped. */
export const PlannedOccurrenceSchema = z.strictObject({
  activityId: id,
  localDate: LocalDateSchema,
  localHour: z.number().int().min(0).max(23),
  plannedMin: z.number().positive().max(1440),
});
export type PlannedOccurrence = z.infer<typeof PlannedOccurrenceSchema>;

/** Activities a person may have (the plan, the import and every export keep to it). */
export const MAX_ACTIVITIES = 200;

/** Ids that appear twice in `items`, each with its index, as issues under `key`. */
function duplicateIds(items: readonly { id: string }[], key: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((x, i) => {
    if (seen.has(x.id))
      ctx.addIssue({ code: "custom", path: [key, i, "id"], message: `duplicate id ${x.id}` });
    seen.add(x.id);
  });
}

/** A whole log: what `fit` reads and what `simulate --export-logs` writes. Ids are unique per kind. */
export const PersonLogSchema = z
  .strictObject({
    version: z.literal(1).default(1),
    activities: z.array(RecordActivitySchema).max(MAX_ACTIVITIES),
    checkIns: z.array(CheckInSchema),
    urges: z.array(UrgeEpisodeSchema).default([]),
    /** Days the person has closed (YYYY-MM-DD): planned occurrences without a check-in count as skipped. */
    closedDays: z.array(LocalDateSchema).default([]),
  })
  .superRefine((log, ctx) => {
    duplicateIds(log.activities, "activities", ctx);
    duplicateIds(log.checkIns, "checkIns", ctx);
    duplicateIds(log.urges, "urges", ctx);
  });

/**
 * The latest date a record may carry at `now` (ISO 8601): the day after now's UTC date, so every
 * zone's today is allowed and nothing later.
 */
export function latestDateAt(now: string): string {
  return new Date(Date.parse(now) + 86_400_000).toISOString().slice(0, 10);
}

/** The first record dated after `latest`, as a path and its date, or null. */
export function firstRecordAfter(
  log: Pick<PersonLog, "checkIns" | "urges" | "closedDays">,
  latest: string,
): { path: (string | number)[]; date: string } | null {
  const c = log.checkIns.findIndex((x) => x.localDate > latest);
  if (c >= 0) return { path: ["checkIns", c, "localDate"], date: log.checkIns[c]!.localDate };
  const u = log.urges.findIndex((x) => x.localDate > latest);
  if (u >= 0) return { path: ["urges", u, "localDate"], date: log.urges[u]!.localDate };
  const d = log.closedDays.findIndex((x) => x > latest);
  if (d >= 0) return { path: ["closedDays", d], date: log.closedDays[d]! };
  return null;
}
export type PersonLog = z.infer<typeof PersonLogSchema>;

/** Status of a planned occurrence given the records. */
export type OccurrenceStatus = "started" | "notStarted" | "missing" | "skipped";

/** A planned occurrence with no record is missing until its day is closed, then skipped. */
export function occurrenceStatus(
  occurrence: PlannedOccurrence,
  checkIns: readonly CheckIn[],
  closedDays: ReadonlySet<string>,
): OccurrenceStatus {
  const c = checkIns.find(
    (x) =>
      x.activityId === occurrence.activityId &&
      x.localDate === occurrence.localDate &&
      x.localHour === occurrence.localHour,
  );
  if (c) return c.started ? "started" : "notStarted";
  return closedDays.has(occurrence.localDate) ? "skipped" : "missing";
}
