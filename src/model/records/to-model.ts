import { type Activity, type ActivityKind, activity } from "../person/environment.ts";
import type { RecordActivity } from "./schema.ts";

/**
 * A recorded activity as a model activity: the record's fields, the model's neutral defaults for
 * everything a record does not say (the inverse of `recordActivities`). The fit sees logged
 * activities through it (`fit/world.ts`); what a forecast assumes beyond it is the caller's.
 */
export function activityFromRecord(a: RecordActivity): Activity {
  return activity({
    id: a.id,
    label: a.name,
    kind: a.kind as ActivityKind,
    importance: a.importance,
    novelty: a.novelty,
    effort: a.effort,
    threat: a.threat,
    urge: a.urge,
    durationMin: a.durationMin,
  });
}
