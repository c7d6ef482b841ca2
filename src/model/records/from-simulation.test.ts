import { describe, expect, it } from "vitest";
import type { OpportunityRecord } from "../person/engine.ts";
import { activity, baseEnvironment, type Environment } from "../person/environment.ts";
import { defaultParameters } from "../person/params.ts";
import { simulatePerson } from "../person/person.ts";
import { seededRng } from "../rng.ts";
import { readLogCsv, writeLogCsv } from "./csv.ts";
import { addDays, instantOf, logFromSimulation } from "./from-simulation.ts";
import { PersonLogSchema } from "./schema.ts";

function environment(): Environment {
  const env = baseEnvironment();
  return {
    ...env,
    activities: [
      ...env.activities,
      activity({
        id: "app",
        kind: "app",
        urge: true,
        cueRatePerHour: 0.2,
        durationMin: 20,
        plannedHours: [],
      }),
    ],
  };
}

function simulated(weeks = 4) {
  const env = environment();
  const records: OpportunityRecord[] = [];
  simulatePerson(defaultParameters(), env, [], { weeks, seed: 5, onRecord: (r) => records.push(r) });
  return { env, records };
}

describe("logFromSimulation", () => {
  it("gives a valid log: one check-in per planned occurrence, urges only when cued, every day closed", () => {
    const { env, records } = simulated();
    const log = logFromSimulation(env, records, {
      startDate: "2026-03-28",
      utcOffsetMin: 60,
      rng: seededRng(1),
    });
    expect(PersonLogSchema.safeParse(log).success).toBe(true);
    expect(log.checkIns.length).toBe(records.filter((r) => r.planned).length);
    expect(log.urges.length).toBe(records.filter((r) => !r.planned && r.cued).length);
    expect(log.urges.length).toBeGreaterThan(0);
    expect(log.closedDays.length).toBe(28);
    expect(new Set(log.checkIns.map((c) => c.id)).size).toBe(log.checkIns.length);
    expect(log.checkIns.every((c) => c.started || c.experienced === null)).toBe(true);
  });

  it("is deterministic given the rng seed, and misses ratings at about the given rate", () => {
    const { env, records } = simulated(8);
    const a = logFromSimulation(env, records, {
      startDate: "2026-01-01",
      utcOffsetMin: 0,
      rng: seededRng(3),
      missingRatingProbability: 0.3,
    });
    const b = logFromSimulation(env, records, {
      startDate: "2026-01-01",
      utcOffsetMin: 0,
      rng: seededRng(3),
      missingRatingProbability: 0.3,
    });
    expect(a).toEqual(b);
    // One log has only ~64 check-ins; pool 20 seeds (n ≈ 1,300) so that 0.3 ± 0.04 is 3 standard errors.
    let missing = 0;
    let total = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const log = logFromSimulation(env, records, {
        startDate: "2026-01-01",
        utcOffsetMin: 0,
        rng: seededRng(seed),
        missingRatingProbability: 0.3,
      });
      missing += log.checkIns.filter((c) => c.anticipated === null).length;
      total += log.checkIns.length;
    }
    expect(total).toBeGreaterThan(1000);
    expect(missing / total).toBeGreaterThan(0.26);
    expect(missing / total).toBeLessThan(0.34);
  });

  it("places local times by calendar arithmetic, across a month end and an offset", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(instantOf("2026-03-01", 0, 60)).toBe("2026-02-28T23:00:00Z");
    expect(instantOf("2026-03-01", 9, -300)).toBe("2026-03-01T14:00:00Z");
  });
});

describe("log CSV", () => {
  it("round-trips a simulated log", () => {
    const { env, records } = simulated(2);
    const log = logFromSimulation(env, records, {
      startDate: "2026-03-28",
      utcOffsetMin: 60,
      rng: seededRng(1),
    });
    const back = readLogCsv(writeLogCsv(log));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.value.log).toEqual(PersonLogSchema.parse(log));
  });

  const head =
    "record,id,activity_id,local_date,local_hour,at,planned_min,environment_cue,commitment,micro_dose,anticipated,started,minutes,experienced,worry,cue,strength,acted,liking,name,kind,importance,novelty,effort,threat,urge,duration_min";
  const act = "activity,walk,,,,,,,,,,,,,,,,,,Walk,movement,0.6,0.2,0.4,0,false,30";
  const ci = (id: string, fields: { a?: string; date?: string; hour?: string; ant?: string }) =>
    `checkin,${id},${fields.a ?? "walk"},${fields.date ?? "2026-03-02"},${fields.hour ?? "9"},2026-03-02T08:00:00Z,30,false,false,false,${fields.ant ?? "5"},true,30,7,,,,,,,,,,,,,`;

  it("reports malformed rows by line number and field, and can skip them", () => {
    const text = [
      head,
      act,
      ci("c1", {}),
      ci("c2", { a: "swim" }),
      ci("c3", { ant: "11" }),
      ci("c1", {}),
      ci("c4", { date: "2026-02-30" }),
      ci("c5", { hour: "25" }),
      "bogus,x,,,,,,,,,,,,,,,,,,,,,,,,,",
    ].join("\n");
    const rejected = readLogCsv(text);
    expect(rejected.ok).toBe(false);
    if (!rejected.ok)
      expect(rejected.error.issues?.map((i) => [i.path[1], i.path[2]])).toEqual([
        [4, "activity_id"],
        [5, "anticipated"],
        [6, "id"],
        [7, "local_date"],
        [8, "local_hour"],
        [9, "record"],
      ]);
    const skipped = readLogCsv(text, { onError: "skip" });
    expect(skipped.ok).toBe(true);
    if (skipped.ok) {
      expect(skipped.value.log.checkIns.map((c) => c.id)).toEqual(["c1"]);
      expect(skipped.value.skipped).toHaveLength(6);
    }
  });
});
