import { describe, expect, it } from "vitest";
import { choice, sampleMap, sampleRequest } from "../plan/fixtures.ts";
import { planComponents } from "../plan/index.ts";
import { expandSchedule } from "./days.ts";
import { checkIn, log, urge } from "./fixtures.ts";
import { dueRescues, rescueStart, rescueUrge } from "./rescue.ts";

const depressed = planComponents(
  sampleRequest(sampleMap("anticipatoryDeficit"), [choice("walk", 9), choice("thesis", 14)]),
);
const anxious = planComponents(sampleRequest(sampleMap("threatOverride"), [choice("group", 17)]));
const D = (i: number) => `2026-11-${String(20 + i).padStart(2, "0")}`;
// Six rated walks; the oldest (felt 10) falls outside the last five (6, 7, 6, 7, 6 → 6.4).
const rated = [0, 1, 2, 3, 4, 5].map((i) =>
  checkIn("walk", D(i), 9, true, { anticipated: 3, experienced: i === 0 ? 10 : i % 2 ? 6 : 7 }),
);

describe("rescue: I can't start X", () => {
  it("returns the scaffolding micro-step with the person's own evidence and a two-minute version", () => {
    const r = rescueStart(depressed, log(rated), "walk");
    expect(r.crisis).toBeNull();
    expect(r.microStep).toContain("Set up the cue:");
    expect(r.microStep).toContain("5 minutes");
    expect(r.evidence).toBe(
      "The last 5 times you expected 3 and felt 6.4. It tends to feel better than expected once started.",
    );
    expect(r.twoMinute).toMatch(/shoes/);
  });

  it("matches the anxious person's first ladder rung", () => {
    const r = rescueStart(anxious, log([]), "group");
    expect(r.microStep).toMatch(/^Take the first rung only: The smallest real step/);
    expect(r.evidence).toBeNull();
  });

  it("falls back to evidence across activities when the activity has none yet", () => {
    const r = rescueStart(depressed, log(rated), "thesis");
    expect(r.evidence).toMatch(/^The last 5 times \(across your activities\)/);
  });

  it("puts the crisis resources first when the person feels unsafe", () => {
    const r = rescueStart(depressed, log([]), "walk", { unsafe: true, region: "GB" });
    expect(Object.keys(r)[0]).toBe("crisis");
    expect(r.crisis!.region).toBe("GB");
    expect(r.crisis!.contacts.some((c) => c.action.includes("116 123"))).toBe(true);
  });

  it("names the activity when it is unknown", () => {
    expect(() => rescueStart(depressed, log([]), "juggling")).toThrow("activity: unknown activity juggling");
  });
});

describe("rescue: I can't stop X", () => {
  it("gives delay, cue removal and a natural-reward substitute, with a doctor note for a substance", () => {
    const l = log(
      [],
      [],
      [urge("wine", D(1), 20, true, 4), urge("wine", D(2), 20, false), urge("wine", D(3), 21, true, 3)],
    );
    const r = rescueUrge(depressed, l, "wine");
    expect(r.pattern).toBe("receptorDownregulation");
    expect(r.steps.delay).toMatch(/15 minutes/);
    expect(r.steps.substitute).toContain("Walk");
    expect(r.doctorNote).toMatch(/alcohol or benzodiazepines abruptly can be dangerous/);
    expect(r.evidence).toBe(
      "You let 1 of the last 3 urges pass. When you went with it, liking averaged 3.5/10.",
    );
  });

  it("uses the loop's step for an app", () => {
    const r = rescueUrge(depressed, log([]), "feed");
    expect(r.pattern).toBe("predictionErrorLoop");
    expect(r.steps.cueRemoval).toMatch(/notifications off/);
    expect(r.doctorNote).toBeNull();
  });
});

describe("the rescue offered unasked", () => {
  const occ = expandSchedule(depressed.activities, "2026-11-30", "2026-11-30");
  it("shows the micro-step once a planned time has passed the grace period with no start", () => {
    const early = dueRescues(depressed, log([]), occ, {
      localDate: "2026-11-30",
      localHour: 9,
      localMinute: 10,
    });
    expect(early).toEqual([]);
    const late = dueRescues(depressed, log([]), occ, {
      localDate: "2026-11-30",
      localHour: 9,
      localMinute: 15,
    });
    expect(late.map((r) => r.activityId)).toEqual(["walk"]);
  });

  it("stays quiet once the occurrence has a record", () => {
    const l = log([checkIn("walk", "2026-11-30", 9, false)]);
    expect(
      dueRescues(depressed, l, occ, { localDate: "2026-11-30", localHour: 16, localMinute: 0 }).map(
        (r) => r.activityId,
      ),
    ).toEqual(["thesis"]);
  });
});
