import { describe, expect, it } from "vitest";
import { choice, sampleMap, sampleRequest } from "../plan/fixtures.ts";
import { planComponents } from "../plan/index.ts";
import { addDays, expandSchedule, weekdayOf } from "./days.ts";
import { checkIn, log } from "./fixtures.ts";
import { closeDay, occurrenceStatuses, weeklySummaries } from "./gaps.ts";
import { progressionState } from "./progression.ts";
import { buildTimeline } from "./timeline.ts";

const plan = planComponents(sampleRequest(sampleMap("anticipatoryDeficit"), [choice("walk", 9)]));
const START = "2026-11-30"; // a Monday
const walkRule = plan.activities[0]!.progression;

describe("days and the schedule", () => {
  it("knows the weekday and expands the plan into planned occurrences", () => {
    expect(weekdayOf(START)).toBe(0);
    expect(addDays(START, 2)).toBe("2026-12-02");
    const occ = expandSchedule(plan.activities, START, addDays(START, 6));
    expect(occ).toHaveLength(7);
    expect(occ[0]).toEqual({ activityId: "walk", localDate: START, localHour: 9, plannedMin: 5 });
  });
});

describe("missing and skipped", () => {
  it("a planned occurrence with no record is missing until the day is closed, then skipped", () => {
    const occ = expandSchedule(plan.activities, START, addDays(START, 2));
    let l = log([checkIn("walk", START, 9, true)]);
    expect(occurrenceStatuses(l, occ).map((s) => s.status)).toEqual(["started", "missing", "missing"]);
    l = closeDay(l, addDays(START, 1));
    expect(occurrenceStatuses(l, occ).map((s) => s.status)).toEqual(["started", "skipped", "missing"]);
    expect(closeDay(l, addDays(START, 1))).toBe(l);
  });
});

describe("weekly Motivation Gap and anticipation gap", () => {
  it("counts planned vs started and experienced minus anticipated", () => {
    const occ = expandSchedule(plan.activities, START, addDays(START, 13));
    const days = Array.from({ length: 7 }, (_, i) => addDays(START, i));
    const l = log(
      [
        checkIn("walk", days[0]!, 9, true, { anticipated: 3, experienced: 7 }),
        checkIn("walk", days[1]!, 9, true, { anticipated: 4, experienced: 6 }),
        checkIn("walk", days[2]!, 9, false, { anticipated: 2 }),
      ],
      days.slice(0, 5),
    );
    const [w1, w2] = weeklySummaries(l, occ, START);
    expect(w1).toMatchObject({
      planned: 7,
      started: 2,
      notStarted: 1,
      skipped: 2,
      missing: 2,
      motivationGap: 3,
    });
    expect(w1!.startRate).toBeCloseTo(2 / 5);
    expect(w1!.anticipationGap).toBe(3);
    expect(w2).toMatchObject({ planned: 7, missing: 7, startRate: null, anticipationGap: null });
  });
});

describe("progression", () => {
  const days = (n: number) => Array.from({ length: n }, (_, i) => addDays(START, i));
  it("the micro-dose grows after three consecutive starts and steps back after two not-yets", () => {
    const occ = expandSchedule(plan.activities, START, addDays(START, 9));
    const d = days(10);
    const starts = d.slice(0, 6).map((x) => checkIn("walk", x, 9, true));
    const up = progressionState(log(starts), occ, "walk", walkRule);
    expect(up.currentMin).toBe(15);
    expect(up.steps.map((s) => s.direction)).toEqual(["up", "up"]);
    expect(up.message).toBe("3 starts in a row: next time is 15 minutes.");
    const back = progressionState(
      log([...starts, checkIn("walk", d[6]!, 9, false)], [d[7]!]),
      occ,
      "walk",
      walkRule,
    );
    expect(back.currentMin).toBe(10);
    expect(back.message).toMatch(/^Not yet a couple of times/);
    expect(back.message).not.toMatch(/fail|miss|should/i);
  });

  it("never steps below the start or above the full length; open days do not count", () => {
    const occ = expandSchedule(plan.activities, START, addDays(START, 40));
    const d = days(41);
    const none = progressionState(log([], d.slice(0, 10)), occ, "walk", walkRule);
    expect(none.currentMin).toBe(5);
    const all = progressionState(log(d.map((x) => checkIn("walk", x, 9, true))), occ, "walk", walkRule);
    expect(all.currentMin).toBe(30);
    const open = progressionState(log([]), occ, "walk", walkRule);
    expect(open).toMatchObject({ currentMin: 5, misses: 0 });
  });
});

describe("timeline", () => {
  const week = (w: number, rate: number) => ({
    week: w,
    planned: 7,
    started: Math.round(rate * 7),
    notStarted: 0,
    missing: 0,
    skipped: 0,
    startRate: rate,
    motivationGap: 0,
    anticipationGap: null,
    ratedStarts: 0,
  });
  const forecast = {
    name: "f",
    week: [1, 2, 3, 4, 5, 6],
    mean: [0.3, 0.35, 0.4, 0.45, 0.5, 0.55],
    lo: [0.2, 0.25, 0.3, 0.35, 0.4, 0.45],
    hi: [0.4, 0.45, 0.5, 0.55, 0.6, 0.65],
  };

  it("shows the framework's phases labelled as its expectation beside the forecast", () => {
    const t = buildTimeline([week(1, 0.3), week(2, 0.4)], 2, forecast);
    expect(t.phases.map((p) => [p.fromWeek, p.toWeek, p.grade])).toEqual([
      [4, 6, "article"],
      [8, 12, "article"],
    ]);
    expect(t.phases[0]!.label).toContain("the framework's expectation");
    expect(t.chart.series.map((s) => s.name)).toEqual([
      "your start rate (recorded)",
      "your forecast (model)",
    ]);
    expect(t.stall).toBeNull();
  });

  it("proposes re-planning with the reason when progress stalls", () => {
    const t = buildTimeline([week(1, 0.3), week(2, 0.3), week(3, 0.3), week(4, 0.32)], 4, forecast);
    expect(t.stall!.reason).toBe(
      "Your start rate over the last two weeks (31 %) is not yet above the first two weeks (30 %). Your forecast expected about 43 %.",
    );
    expect(t.stall!.proposal).toMatch(/^Re-plan/);
    expect(t.currentPhase!.fromWeek).toBe(4);
  });

  it("calls no stall before week 4, or when the rate is rising within the forecast", () => {
    expect(buildTimeline([week(1, 0.3), week(2, 0.3), week(3, 0.3)], 3, forecast).stall).toBeNull();
    expect(
      buildTimeline([week(1, 0.3), week(2, 0.3), week(3, 0.4), week(4, 0.45)], 4, forecast).stall,
    ).toBeNull();
  });

  it("flags a rise that stays below the forecast's range", () => {
    const hi = { ...forecast, lo: [0.5, 0.5, 0.6, 0.6, 0.6, 0.6] };
    const t = buildTimeline([week(1, 0.1), week(2, 0.1), week(3, 0.3), week(4, 0.3)], 4, hi);
    expect(t.stall!.reason).toContain("below your forecast's range (from 60 %)");
  });
});
