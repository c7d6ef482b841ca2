import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { choice, sampleMap, sampleRequest } from "./fixtures.ts";
import { planToIcs } from "./ics.ts";
import { planComponents } from "./plan.ts";

const plan = {
  ...planComponents(sampleRequest(sampleMap("anticipatoryDeficit"), [choice("walk", 9, [0, 2, 4])])),
  seed: 1,
};
const OPTS = { startDate: "2026-12-02", now: "2026-11-30T08:00:00Z" };

describe("iCalendar export", () => {
  it("parses back with recurring events, alarms and the micro-dose and cue in the description", () => {
    const text = planToIcs(plan, OPTS);
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    const ev = events[0]!;
    const rrule = ev.getFirstPropertyValue("rrule") as ICAL.Recur;
    expect(rrule.freq).toBe("WEEKLY");
    expect(rrule.toString()).toContain("BYDAY=MO,WE,FR");
    const alarm = ev.getFirstSubcomponent("valarm")!;
    expect(alarm.getFirstPropertyValue("action")).toBe("DISPLAY");
    expect(String(alarm.getFirstPropertyValue("trigger"))).toBe("-PT10M");
    const description = String(ev.getFirstPropertyValue("description"));
    expect(description).toContain("Micro-dose: 5 minutes");
    expect(description).toContain(
      `Cue: ${plan.activities[0]!.components.find((c) => c.kind === "environmentCue")!.text}`,
    );
    const start = ev.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect([start.year, start.month, start.day, start.hour]).toEqual([2026, 12, 2, 9]);
  });

  it("is the same for the same inputs", () => {
    expect(planToIcs(plan, OPTS)).toBe(planToIcs(plan, OPTS));
  });

  it("names the option on a bad date", () => {
    expect(() => planToIcs(plan, { ...OPTS, startDate: "2.12.2026" })).toThrow(
      "startDate: expected YYYY-MM-DD",
    );
  });
});
