import { describe, expect, it } from "vitest";
import {
  computeSleepTiming,
  correctedMidSleepFree,
  formatClock,
  midSleepHour,
  parseClock,
  relativeSocialJetLagH,
  weeklySleepDurationH,
} from "./sleep-timing.ts";
import { scoreById, scoreList } from "./test-helpers.ts";

const h = (clock: string): number => parseClock(clock) as number;

describe("MCTQ formulas (rOpenSci mctq documented examples)", () => {
  it.each([
    ["04:00", 6, 7, 6.29, false, "03:38:42"],
    ["01:00", 5.5, 9, 6.75, false, "23:52:30"],
    ["03:45", 9, 5, 8.5, false, "03:45:00"],
  ])("MSF %s, SD_W %d, SD_F %d, SD_week %d → MSF_sc %s", (msf, sdW, sdF, sdWeek, alarm, expected) => {
    const v = correctedMidSleepFree(h(msf), sdW, sdF, sdWeek, alarm);
    expect(v).not.toBeNull();
    expect(formatClock(v as number)).toBe(expected);
  });

  it("an alarm on free days makes MSF_sc not computable", () => {
    expect(correctedMidSleepFree(h("05:40"), 7.5, 10, 8.5, true)).toBeNull();
  });

  it.each([
    ["03:30", "05:00", 1.5],
    ["04:30", "23:30", -5],
  ])("social jet lag: MSW %s, MSF %s → relative %d h", (msw, msf, relative) => {
    expect(relativeSocialJetLagH(h(msw), h(msf))).toBeCloseTo(relative, 12);
  });

  it("mid-sleep and weekly duration cross midnight correctly", () => {
    expect(midSleepHour({ bedtimeHour: h("23:30"), latencyMin: 0, wakeHour: h("06:30") })).toBeCloseTo(3, 12);
    expect(weeklySleepDurationH(7, 8.5, 5)).toBeCloseTo(52 / 7, 12);
  });

  it("the full derived example: MSF_sc 04:42:51, SJL 2.25 h", () => {
    const r = computeSleepTiming({
      workdaysPerWeek: 5,
      work: { bedtimeHour: h("23:30"), latencyMin: 0, wakeHour: h("06:30") },
      free: { bedtimeHour: h("01:00"), latencyMin: 0, wakeHour: h("09:30") },
      alarmOnFreeDays: false,
    });
    expect(r.sdWorkH).toBeCloseTo(7, 12);
    expect(r.sdFreeH).toBeCloseTo(8.5, 12);
    expect(formatClock(r.mswHour as number)).toBe("03:00:00");
    expect(formatClock(r.msfHour as number)).toBe("05:15:00");
    expect(r.sdWeekH).toBeCloseTo(7.4286, 4);
    expect(formatClock(r.msfScHour as number)).toBe("04:42:51");
    expect(r.sjlH).toBeCloseTo(2.25, 12);
  });

  it("sleep latency moves the onset: SO = SPrep + SLat", () => {
    const r = computeSleepTiming({
      workdaysPerWeek: 5,
      work: { bedtimeHour: h("23:00"), latencyMin: 30, wakeHour: h("06:30") },
      free: { bedtimeHour: h("00:30"), latencyMin: 30, wakeHour: h("09:30") },
      alarmOnFreeDays: false,
    });
    expect(r.sdWorkH).toBeCloseTo(7, 12);
    expect(formatClock(r.msfScHour as number)).toBe("04:42:51");
  });

  it("no free days or no workdays leave the undefined quantities null, with a reason", () => {
    const day = { bedtimeHour: 23, latencyMin: 10, wakeHour: 7 };
    const all = computeSleepTiming({ workdaysPerWeek: 7, work: day, free: day, alarmOnFreeDays: false });
    expect(all.msfScHour).toBeNull();
    expect(all.sjlH).toBeNull();
    expect(all.notes.join()).toContain("no free days");
    const none = computeSleepTiming({ workdaysPerWeek: 0, work: day, free: day, alarmOnFreeDays: false });
    expect(none.msfScHour).toBeCloseTo(midSleepHour(day), 12);
    expect(none.sjlH).toBeNull();
  });

  it("parseClock accepts only 24-hour HH:MM", () => {
    expect(parseClock("23:59")).toBeCloseTo(23 + 59 / 60, 12);
    for (const bad of ["24:00", "7:30", "07:60", "07:30:00", ""]) expect(parseClock(bad)).toBeUndefined();
  });
});

describe("the sleep-timing instrument", () => {
  const derived = [5, "23:30", 0, "06:30", "01:00", 0, "09:30", false];

  it("scores the derived example through the engine", () => {
    const r = scoreList("sleep_timing", derived);
    expect(r.complete).toBe(true);
    expect(r.total?.id).toBe("msf_sc");
    expect(formatClock(r.total?.value as number)).toBe("04:42:51");
    expect(scoreById(r, "sjl").value).toBeCloseTo(2.25, 12);
    expect(scoreById(r, "sjl_relative").value).toBeCloseTo(2.25, 12);
    expect(scoreById(r, "sd_week").value).toBeCloseTo(52 / 7, 12);
  });

  it("reports the chronotype as not computable with an alarm on free days", () => {
    const r = scoreList("sleep_timing", [...derived.slice(0, 7), true]);
    expect(r.complete).toBe(true);
    expect(r.total).toMatchObject({ status: "not_computable", value: null });
    expect(r.total?.reason).toContain("alarm");
    expect(scoreById(r, "sjl").status).toBe("complete");
  });

  it("gives no timing from a partial form", () => {
    const r = scoreList("sleep_timing", [5, "23:30", 0, null, "01:00", 0, "09:30", false]);
    expect(r.complete).toBe(false);
    expect(r.missingItems).toEqual(["sleep_work_wake"]);
    expect(r.total).toMatchObject({ status: "incomplete", value: null, missingItems: ["sleep_work_wake"] });
  });
});
