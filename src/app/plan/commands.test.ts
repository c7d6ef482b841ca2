import { describe, expect, it } from "vitest";
import { SAMPLE_ACTIVITIES } from "../../plan/fixtures.ts";
import { checkIn, log } from "../../track/fixtures.ts";
import { type Command, createRegistry } from "../registry.ts";
import { PLAN_COMMANDS, type PlanReport, type ProgressReport, type TodayReport } from "./commands.ts";

const registry = createRegistry(PLAN_COMMANDS as unknown as Command[]);
const days = (n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 10, 2 + i)).toISOString().slice(0, 10));
const walks = days(28).map((d, i) => checkIn("walk", d, 9, i % 4 === 0, { anticipated: 3, experienced: 6 }));
const theLog = log(walks, days(28));
const map = { primary: "anticipatoryDeficit", chronotypePeak: 9 };

describe("plan commands", () => {
  it("plan/create returns the matched plan with its selection, choices taken from the log", async () => {
    const r = await registry.invoke("plan/create", { log: theLog, map, draws: 4, seedsPerDraw: 1 });
    expect(r.ok).toBe(true);
    const rep = (r as { value: PlanReport }).value;
    expect(rep.assumedMap).toBe(false);
    expect(rep.plan.activities.map((a) => [a.activityId, a.hour])).toEqual([
      ["walk", 9],
      ["thesis", 9],
      ["group", 9],
      ["call", 9],
    ]);
    expect(rep.plan.selection!.candidates.map((c) => c.id)).toEqual(["yourPlan", "justExercise", "none"]);
  });

  it("plan/ics returns a calendar with alarms", async () => {
    const r = await registry.invoke(
      "plan/ics",
      { log: theLog, map, startDate: "2026-12-01" },
      { now: () => "2026-11-30T08:00:00Z" },
    );
    const ics = (r as { value: { ics: string } }).value.ics;
    expect(ics).toContain("BEGIN:VALARM");
    expect(ics).toContain("DTSTAMP:20261130T080000Z");
  });

  it("rescue/get names an unknown activity with the allowed ones", async () => {
    const r = await registry.invoke("rescue/get", { log: theLog, activityId: "juggling" });
    expect(r).toMatchObject({
      ok: false,
      error: { code: "not_found", allowed: SAMPLE_ACTIVITIES.map((a) => a.id) },
    });
  });

  it("rescue/get answers an urge with the loop's steps", async () => {
    const r = await registry.invoke("rescue/get", { log: theLog, activityId: "feed" });
    expect((r as { value: { pattern: string } }).value.pattern).toBe("predictionErrorLoop");
  });

  it("today/get offers the rescue for a planned time that passed with no start", async () => {
    const r = await registry.invoke("today/get", {
      log: theLog,
      map,
      now: { localDate: "2026-12-01", localHour: 10, localMinute: 0 },
    });
    const rep = (r as { value: TodayReport }).value;
    expect(rep.occurrences.find((o) => o.activityId === "walk")!.status).toBe("missing");
    expect(rep.rescues.map((x) => x.activityId)).toContain("walk");
  });

  it("progress/get reports the weeks, the progression and a stalled timeline", async () => {
    const r = await registry.invoke("progress/get", { log: theLog, map, draws: 2, seedsPerDraw: 1 });
    const rep = (r as { value: ProgressReport }).value;
    expect(rep.weeks).toHaveLength(4);
    expect(rep.weeks[0]).toMatchObject({ started: 2, anticipationGap: 3 });
    expect(rep.timeline.stall).not.toBeNull();
  });
});
