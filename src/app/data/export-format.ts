import { z } from "zod";
import { csvTable, InstantSchema, type PersonLog, PersonLogSchema } from "../../model/records/index.ts";

/** A stored entry (an answer, a submitted assessment, a crisis event) as it travels in an export. */
export const ExportEntrySchema = z.strictObject({
  id: z.string().min(1).max(200),
  kind: z.string().min(1).max(50),
  at: InstantSchema,
  data: z.json(),
});

/** A stored JSON blob (a fit, a map) as it travels in an export. */
export const ExportBlobSchema = z.strictObject({
  name: z.string().min(1).max(200),
  updatedAt: InstantSchema,
  data: z.json(),
});

/** Everything a person has, as one JSON document that `import/all` reads back losslessly. */
export const ExportDocumentSchema = z.strictObject({
  format: z.literal("dopamap-export"),
  version: z.literal(1),
  exportedAt: InstantSchema,
  person: z.strictObject({ name: z.string().max(200), demo: z.boolean() }),
  log: PersonLogSchema,
  entries: z.array(ExportEntrySchema).default([]),
  blobs: z.array(ExportBlobSchema).default([]),
});
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;

/** The log as CSV files, one per record kind, snake_case columns. */
export function logToCsv(log: PersonLog): Record<string, string> {
  return {
    "activities.csv": csvTable(
      ["id", "name", "kind", "importance", "novelty", "effort", "threat", "urge", "duration_min", "notes"],
      log.activities.map((a) => ({ ...a, duration_min: a.durationMin })),
    ),
    "check_ins.csv": csvTable(
      [
        "id",
        "activity_id",
        "local_date",
        "local_hour",
        "at",
        "planned_min",
        "environment_cue",
        "commitment",
        "micro_dose",
        "anticipated",
        "started",
        "minutes_done",
        "experienced",
        "worry",
        "mood",
        "sleep_time",
        "wake_time",
      ],
      log.checkIns.map((c) => ({
        id: c.id,
        activity_id: c.activityId,
        local_date: c.localDate,
        local_hour: c.localHour,
        at: c.at,
        planned_min: c.plannedMin,
        environment_cue: c.scaffolding.environmentCue,
        commitment: c.scaffolding.commitment,
        micro_dose: c.scaffolding.microDose,
        anticipated: c.anticipated,
        started: c.started,
        minutes_done: c.minutesDone,
        experienced: c.experienced,
        worry: c.worry,
        mood: c.mood,
        sleep_time: c.sleepTime,
        wake_time: c.wakeTime,
      })),
    ),
    "urges.csv": csvTable(
      [
        "id",
        "activity_id",
        "local_date",
        "local_hour",
        "at",
        "cue",
        "strength",
        "acted",
        "minutes",
        "liking",
      ],
      log.urges.map((u) => ({
        id: u.id,
        activity_id: u.activityId,
        local_date: u.localDate,
        local_hour: u.localHour,
        at: u.at,
        cue: u.cue,
        strength: u.strength,
        acted: u.acted,
        minutes: u.minutes,
        liking: u.liking,
      })),
    ),
    "closed_days.csv": csvTable(
      ["local_date"],
      log.closedDays.map((d) => ({ local_date: d })),
    ),
  };
}
