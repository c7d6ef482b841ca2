/**
 * The fit's world against the plan's: the same logged activities converted by the plan
 * (`plan/select.ts`) and by the fit (`from-log.ts`) differ only where `world.ts` says they do.
 */
import { describe, expect, it } from "vitest";
import { type Activity, activity } from "../model/person/environment.ts";
import type { PersonLog, RecordActivity } from "../model/records/schema.ts";
import { activityFromRecord } from "../model/records/to-model.ts";
import { choice, SAMPLE_ACTIVITIES } from "../plan/fixtures.ts";
import { toEnvironment, toModelActivity } from "../plan/select.ts";
import { replayFromLog } from "./from-log.ts";
import {
  DESCRIPTIVE,
  fittedActivity,
  LOGGED_ACTIVITY,
  NOT_IN_A_LOG,
  PER_CHECK_IN,
  replayActivity,
  WORLD_NOT_IN_A_LOG,
} from "./world.ts";

/** The plan's sample week (planned activities with and without threat, a substance and an app) and a bet. */
const RECORDS: RecordActivity[] = [
  ...SAMPLE_ACTIVITIES,
  {
    id: "bet",
    name: "Place a bet",
    kind: "gambling",
    importance: 0.2,
    novelty: 0.6,
    effort: 0.1,
    threat: 0.1,
    urge: true,
    durationMin: 10,
  },
];
const CHOICES = RECORDS.filter((a) => !a.urge).map((a, i) => choice(a.id, 8 + i, [0, 2, 4]));
const planned = (a: RecordActivity) =>
  toModelActivity(
    a,
    CHOICES.find((c) => c.activityId === a.id),
  );
const log: PersonLog = { version: 1, activities: RECORDS, checkIns: [], urges: [], closedDays: [] };

const ID = ["id"] as const;
const CARRIED = [
  "importance",
  "novelty",
  "effort",
  "threat",
  "urge",
  "durationMin",
] as const satisfies readonly (keyof Activity)[];
const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

describe("the fit's world and the plan's", () => {
  it("classifies every field of a model activity and of an environment once", () => {
    const fields = [...ID, ...CARRIED, ...Object.keys(NOT_IN_A_LOG), ...PER_CHECK_IN, ...DESCRIPTIVE];
    expect([...fields].sort()).toEqual(Object.keys(activity({ id: "x", kind: "work" })).sort());
    expect(new Set(fields).size).toBe(fields.length);
    const env = toEnvironment(RECORDS, CHOICES, 0.3);
    expect([...Object.keys(WORLD_NOT_IN_A_LOG), "activities", "wakeHour", "wakingHours"].sort()).toEqual(
      Object.keys(env).sort(),
    );
  });

  it("sees the plan's activity exactly as the fit's own, for every kind of logged activity", () => {
    const data = replayFromLog(log);
    RECORDS.forEach((record, i) => {
      expect(data.activities[i]).toEqual(fittedActivity(planned(record)));
      expect(data.activities[i]).toEqual(fittedActivity(activityFromRecord(record)));
    });
  });

  it("differs from the plan only in fields a log does not show or gives per check-in", () => {
    const allowed: readonly string[] = [...Object.keys(NOT_IN_A_LOG), ...PER_CHECK_IN, ...DESCRIPTIVE];
    const differing = new Set<string>();
    for (const record of RECORDS) {
      const plan = planned(record);
      const fit = activityFromRecord(record);
      for (const key of Object.keys(plan) as (keyof Activity)[])
        if (!same(plan[key], fit[key])) {
          expect(allowed).toContain(key);
          differing.add(key);
        }
    }
    // The differences are real: the plan simulates harm, drug surges, cues and variable schedules.
    for (const key of ["harmProbability", "surge", "cueRatePerHour", "reward"])
      expect(differing).toContain(key);
    const env = toEnvironment(RECORDS, CHOICES, 0.3);
    expect(env.acuteStressPerDay).toBeGreaterThan(0);
    expect(replayFromLog(log).wakeHour).toBe(env.wakeHour);
  });

  it("takes nothing the statement lists from the activity, and everything it carries", () => {
    const base = planned(RECORDS[0]!);
    const changed: Record<keyof typeof NOT_IN_A_LOG, Partial<Activity>> = {
      reward: { reward: { kind: "variableRatio", magnitude: 2, probability: 0.2 } },
      immediateReward: { immediateReward: 0.5 },
      noveltyRefresh: { noveltyRefresh: 0.3 },
      surge: { surge: 0.5 },
      harmProbability: { harmProbability: 0.5 },
      cueRatePerHour: { cueRatePerHour: 0.5 },
      stressRelief: { stressRelief: 0.1 },
      toneBoost: { toneBoost: 0.1 },
    };
    for (const edit of Object.values(changed))
      expect(fittedActivity({ ...base, ...edit })).toEqual(fittedActivity(base));
    for (const key of CARRIED) {
      const edit = { [key]: typeof base[key] === "boolean" ? !base[key] : (base[key] as number) + 0.1 };
      expect(fittedActivity({ ...base, ...edit })).not.toEqual(fittedActivity(base));
    }
    // A simulation's own facts are carried in full (the replay's check against the engine).
    expect(replayActivity({ ...base, ...changed.reward })).toMatchObject({ magnitude: 2, probability: 0.2 });
    expect(fittedActivity(base)).toMatchObject(LOGGED_ACTIVITY);
  });
});
