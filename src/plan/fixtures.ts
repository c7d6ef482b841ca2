import type { RecordActivity } from "../model/records/schema.ts";
import type { PatternId, PlanChoice, PlanMap, PlanRequest } from "./types.ts";

/** Activities used by the plan and track tests and the bench (a small, typical week). */
export const SAMPLE_ACTIVITIES: RecordActivity[] = [
  {
    id: "walk",
    name: "Walk",
    kind: "movement",
    importance: 0.6,
    novelty: 0.2,
    effort: 0.45,
    threat: 0,
    urge: false,
    durationMin: 30,
  },
  {
    id: "thesis",
    name: "Thesis writing",
    kind: "work",
    importance: 0.9,
    novelty: 0.1,
    effort: 0.6,
    threat: 0,
    urge: false,
    durationMin: 45,
  },
  {
    id: "group",
    name: "Go to the climbing group",
    kind: "social",
    importance: 0.8,
    novelty: 0.3,
    effort: 0.25,
    threat: 0.8,
    urge: false,
    durationMin: 45,
  },
  {
    id: "call",
    name: "Call my sister",
    kind: "social",
    importance: 0.7,
    novelty: 0.5,
    effort: 0.3,
    threat: 0.5,
    urge: false,
    durationMin: 20,
  },
  {
    id: "wine",
    name: "Evening wine",
    kind: "substance",
    importance: 0.2,
    novelty: 0.3,
    effort: 0.1,
    threat: 0,
    urge: true,
    durationMin: 60,
  },
  {
    id: "feed",
    name: "Scrolling the feed",
    kind: "app",
    importance: 0.3,
    novelty: 0.5,
    effort: 0.05,
    threat: 0,
    urge: true,
    durationMin: 15,
  },
];

/** A map with the given primary pattern and no secondary ones. */
export function sampleMap(primary: PatternId, fields: Partial<PlanMap> = {}): PlanMap {
  return {
    primary,
    strengths: { [primary]: { mean: 0.8, lo: 0.6, hi: 0.95 } },
    stressLoad: 0.2,
    chronotypePeak: 9,
    professionalHelp: false,
    ...fields,
  };
}

/** A plan request over the sample activities. */
export function sampleRequest(map: PlanMap, choices: PlanChoice[]): PlanRequest {
  return { map, activities: SAMPLE_ACTIVITIES, choices };
}

/** A choice every day (or on the given days). */
export const choice = (activityId: string, hour: number, days = [0, 1, 2, 3, 4, 5, 6]): PlanChoice => ({
  activityId,
  hour,
  days,
});
