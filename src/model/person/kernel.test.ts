import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTIVITY_BLOCK,
  activityOffset,
  beginHour,
  decide,
  initActivity,
  initPerson,
  K,
  L,
  learn,
  newState,
  P,
  PARAMETER_COUNT,
  PERSON_BLOCK,
  packParameters,
} from "./kernel.ts";
import { defaultParameters, PARAMETER_NAMES } from "./params.ts";

/** An enum's members (TypeScript enums also map numbers back to names). */
const members = (e: object) =>
  Object.entries(e).filter(([, v]) => typeof v === "number") as [string, number][];

/** The outputs `decide` and `learn` write; everything else in the person block is state or input. */
const RESULTS = [
  K.value,
  K.anticipation,
  K.wanting,
  K.threatSignal,
  K.drive,
  K.startProbability,
  K.liking,
  K.predictionError,
];

function person(activities = 2) {
  const par = packParameters({ ...defaultParameters(), threatGain: 0.4 });
  const st = newState(activities);
  initPerson(par, st);
  for (let s = 0; s < activities; s++) initActivity(par, st, s, 0.9, 1, 0.3);
  beginHour(par, st, 9, 2, 0, 0);
  st[K.cueFactor] = 1;
  st[K.importance] = 0.6;
  st[K.threat] = 0.5;
  st[K.exposure] = 1;
  st[K.commitment] = 0;
  st[K.cost] = 0.4;
  return { par, st };
}

describe("the kernel's layout", () => {
  it("packs the parameters in the parameter table's order", () => {
    expect(members(P).map(([name]) => name)).toEqual(PARAMETER_NAMES);
    expect(members(P).map(([, i]) => i)).toEqual(PARAMETER_NAMES.map((_, i) => i));
    expect(PARAMETER_COUNT).toBe(PARAMETER_NAMES.length);
    const p = defaultParameters();
    const par = packParameters(p);
    for (const name of PARAMETER_NAMES) expect(par[P[name]]).toBe(p[name]);
  });

  it("gives every variable its own offset inside its block", () => {
    const person = members(K).map(([, i]) => i);
    expect(new Set(person).size).toBe(person.length);
    expect(Math.max(...person.filter((i) => i !== K.toneByHour))).toBeLessThan(K.toneByHour);
    expect(K.toneByHour + 24).toBe(PERSON_BLOCK);
    const activity = members(L).map(([, i]) => i);
    expect([...activity].sort((a, b) => a - b)).toEqual(activity.map((_, i) => i));
    expect(activity).toHaveLength(ACTIVITY_BLOCK);
    expect(activityOffset(1) - activityOffset(0)).toBe(ACTIVITY_BLOCK);
    expect(newState(3)).toHaveLength(activityOffset(3));
  });
});

describe("the kernel's equations", () => {
  it("decide writes only its results", () => {
    const { par, st } = person();
    const before = Float64Array.from(st);
    decide(par, st, 1);
    st.forEach((v, i) => {
      if (!RESULTS.includes(i)) expect(v).toBe(before[i]);
    });
    expect(st[K.startProbability]).toBeGreaterThan(0);
    expect(st[K.startProbability]).toBeLessThan(1);
  });

  it("learn changes only the started activity's block, the slow variables and the results", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.constantFrom(0, 0.5),
        fc.constantFrom(0, 1),
        (outcome, surge, harmed) => {
          const { par, st } = person();
          decide(par, st, 0);
          st[K.outcome] = outcome;
          st[K.surge] = surge;
          st[K.harmed] = harmed;
          st[K.stressRelief] = 0.1;
          const before = Float64Array.from(st);
          learn(par, st, 0, false);
          const slow = [K.anticipatoryGain, K.d2Availability, K.threatGain, K.stressLoad];
          for (let i = 0; i < st.length; i++) {
            const own = i >= activityOffset(0) && i < activityOffset(1);
            if (!own && !slow.includes(i) && !RESULTS.includes(i)) expect(st[i]).toBe(before[i]);
          }
          // Harm on approach sensitizes τ, a safe approach extinguishes it; a surge lowers D.
          if (harmed === 1) expect(st[K.threatGain]).toBeGreaterThan(before[K.threatGain]!);
          else expect(st[K.threatGain]).toBeLessThan(before[K.threatGain]!);
          if (surge > 0) expect(st[K.d2Availability]).toBeLessThan(before[K.d2Availability]!);
          else expect(st[K.d2Availability]).toBe(before[K.d2Availability]);
          expect(st[K.stressLoad]).toBeLessThan(before[K.stressLoad]!);
        },
      ),
      { numRuns: 50 },
    );
  });
});
