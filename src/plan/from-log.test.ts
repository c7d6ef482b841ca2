import { describe, expect, it } from "vitest";
import { checkIn, log } from "../track/fixtures.ts";
import { choicesFromLog, WEEKDAY_EVIDENCE_DAYS } from "./from-log.ts";

const walkDays = (checkIns: ReturnType<typeof checkIn>[]) =>
  choicesFromLog(log(checkIns)).find((c) => c.activityId === "walk")?.days;

describe("choicesFromLog", () => {
  it("keeps every day planned while the log is younger than two weeks", () => {
    // 2026-11-30 is a Monday: one day of check-ins must not make a Mondays-only plan.
    expect(walkDays([checkIn("walk", "2026-11-30", 8, true)])).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(walkDays([])).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("reads the weekdays from the log once it spans two weeks", () => {
    const mondaysAndThursdays = ["2026-11-30", "2026-12-03", "2026-12-07", "2026-12-10", "2026-12-14"];
    expect(WEEKDAY_EVIDENCE_DAYS).toBe(14);
    expect(walkDays(mondaysAndThursdays.map((d) => checkIn("walk", d, 8, true)))).toEqual([0, 3]);
    // 13 days is one short of the evidence window.
    expect(walkDays(mondaysAndThursdays.slice(0, 4).map((d) => checkIn("walk", d, 8, true)))).toEqual([
      0, 1, 2, 3, 4, 5, 6,
    ]);
  });

  it("plans at the most frequent check-in hour", () => {
    const c = [checkIn("walk", "2026-11-30", 8, true), checkIn("walk", "2026-12-01", 8, false)];
    c.push(checkIn("walk", "2026-12-02", 17, true));
    expect(choicesFromLog(log(c)).find((x) => x.activityId === "walk")?.hour).toBe(8);
  });
});
