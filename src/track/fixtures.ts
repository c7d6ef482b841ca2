import {
  type CheckIn,
  CheckInSchema,
  type PersonLog,
  PersonLogSchema,
  type UrgeEpisode,
  UrgeEpisodeSchema,
} from "../model/records/schema.ts";
import { SAMPLE_ACTIVITIES } from "../plan/fixtures.ts";

/** A crafted check-in (validated through the records schema). */
export function checkIn(
  activityId: string,
  localDate: string,
  localHour: number,
  started: boolean,
  ratings: { anticipated?: number; experienced?: number } = {},
): CheckIn {
  return CheckInSchema.parse({
    id: `${activityId}-${localDate}-${localHour}`,
    activityId,
    localDate,
    localHour,
    at: `${localDate}T${String(localHour).padStart(2, "0")}:05:00Z`,
    plannedMin: 5,
    started,
    minutesDone: started ? 5 : 0,
    anticipated: ratings.anticipated ?? null,
    experienced: started ? (ratings.experienced ?? null) : null,
  });
}

/** A crafted urge episode. */
export function urge(
  activityId: string,
  localDate: string,
  localHour: number,
  acted: boolean,
  liking?: number,
): UrgeEpisode {
  return UrgeEpisodeSchema.parse({
    id: `u-${activityId}-${localDate}-${localHour}`,
    activityId,
    localDate,
    localHour,
    at: `${localDate}T${String(localHour).padStart(2, "0")}:00:00Z`,
    strength: 6,
    acted,
    liking: acted ? (liking ?? 4) : null,
  });
}

/** A log over the sample activities. */
export function log(checkIns: CheckIn[], closedDays: string[] = [], urges: UrgeEpisode[] = []): PersonLog {
  return PersonLogSchema.parse({ activities: SAMPLE_ACTIVITIES, checkIns, urges, closedDays });
}
