import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCAL_PERSON_ID } from "../app/index.ts";
import { answerForm } from "../app/person/test-person.ts";
import { openStore, resolveLocation } from "../store/index.ts";
import { CLI_TEST_NOW, runCli } from "./test-cli.ts";

/** Every run happens at this instant, in UTC: the demo's history ends the day before. */
const NOW = CLI_TEST_NOW;
const TODAY = NOW.slice(0, 10);
const dopamap = (args: string[], data: string, now = NOW) => runCli(args, { data, now });

describe("the day's commands on the local database", () => {
  it("say what to do on an empty database, then work on what was recorded", () => {
    const data = mkdtempSync(join(tmpdir(), "dopamap-local-"));
    const empty = dopamap(["today"], data);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/no activities recorded yet/);
    expect(dopamap(["demo"], data).code).toBe(0);
    const map = JSON.parse(dopamap(["map", "--json"], data).out);
    expect(map.primary.pattern).toBe("anticipatoryDeficit");
    const progress = JSON.parse(dopamap(["progress", "--json"], data).out);
    expect(progress.weeks.length).toBeGreaterThanOrEqual(6);
  });

  it("records a check-in before and after as one entry, and urges acted or resisted", () => {
    const data = mkdtempSync(join(tmpdir(), "dopamap-log-"));
    expect(dopamap(["demo"], data).code).toBe(0);
    const at = ["--date", TODAY, "--hour", "9"];
    expect(dopamap(["log", "walk", "--anticipated", "3", ...at], data).out).toMatch(
      /Saved \(before; created\)/,
    );
    expect(dopamap(["log", "walk", "--minutes", "8", "--experienced", "7", ...at], data).out).toMatch(
      /Saved \(after; updated\)/,
    );
    const unknown = dopamap(["log", "swim", "--anticipated", "2"], data);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("allowed: callFriend, focusWork, walk");
    expect(dopamap(["urge", "walk", "--strength", "4", "--resisted"], data).code).toBe(0);
    const log = JSON.parse(dopamap(["data", "log/get"], data).out);
    const c = log.checkIns.find((x: { id: string }) => x.id === `c-${TODAY}T09-walk`);
    expect(c).toMatchObject({ started: true, anticipated: 3, experienced: 7, minutesDone: 8 });
    expect(log.urges).toHaveLength(1);
    expect(log.urges[0]).toMatchObject({ localDate: TODAY, localHour: 10, at: "2026-12-01T10:30:00.000Z" });
  });

  it("says what is in the way when a before rating meets an entry already done", () => {
    const data = mkdtempSync(join(tmpdir(), "dopamap-done-"));
    expect(dopamap(["demo"], data).code).toBe(0);
    const log = JSON.parse(dopamap(["data", "log/get"], data).out);
    const done = log.checkIns.find(
      (c: { activityId: string; started: boolean }) => c.activityId === "walk" && c.started,
    );
    const at = ["--date", done.localDate, "--hour", String(done.localHour)];
    const r = dopamap(["log", "walk", "--anticipated", "3", ...at], data);
    expect(r.code).toBe(1);
    expect(r.err).toContain("error [conflict]");
    expect(r.err).toContain(`is already recorded as done (${done.minutesDone} min`);
    expect(r.err).not.toContain("not started has no experienced rating");
    const after = JSON.parse(dopamap(["data", "log/get"], data).out);
    expect(after.checkIns.find((c: { id: string }) => c.id === done.id)).toEqual(done);
  });

  it("plan and progress on the local database lead with professional help after a PHQ-9 of 24", async () => {
    const data = mkdtempSync(join(tmpdir(), "dopamap-help-"));
    expect(dopamap(["demo", "--weeks", "3"], data).code).toBe(0);
    const store = await openStore(resolveLocation(data, {}));
    try {
      const ctx = { store, personId: LOCAL_PERSON_ID, now: () => NOW };
      await answerForm(ctx, "phq9", [3, 3, 3, 3, 3, 3, 3, 3, 0], NOW);
    } finally {
      await store.close();
    }
    const plan = dopamap(["plan", "--draws", "2"], data);
    expect(plan.code, plan.err).toBe(0);
    expect(plan.out.split("\n")[0]).toMatch(/^>> Talk to a professional first: .*PHQ-9 total 24/);
    const progress = dopamap(["progress"], data);
    expect(progress.code, progress.err).toBe(0);
    expect(progress.out.split("\n")[0]).toMatch(/^>> Talk to a professional first/);
  });

  it("plan, today and progress read a CSV log or standard input, and say that no screening was used", () => {
    const dir = mkdtempSync(join(tmpdir(), "dopamap-csv-"));
    const csv = join(dir, "log.csv");
    const exp = dopamap(["simulate", "--condition", "depression", "--weeks", "3", "--export-logs", csv], dir);
    expect(exp.code, exp.err).toBe(0);
    const plan = dopamap(["plan", csv, "--draws", "2"], dir);
    expect(plan.code, plan.err).toBe(0);
    expect(plan.out).toContain("From the log given alone: no screening used");
    const progress = JSON.parse(dopamap(["progress", csv, "--json"], dir).out);
    expect(progress.basis).toMatchObject({ log: "given", screening: "none" });
    const json = join(dir, "log.json");
    expect(
      dopamap(["simulate", "--condition", "depression", "--weeks", "3", "--export-logs", json], dir).code,
    ).toBe(0);
    const piped = runCli(["today", "-", "--json"], { data: dir, input: readFileSync(json, "utf8") });
    expect(piped.code, piped.err).toBe(0);
    expect(JSON.parse(piped.out).occurrences.length).toBeGreaterThan(0);
    const pipedCsv = runCli(["progress", "-", "--json"], { data: dir, input: readFileSync(csv, "utf8") });
    expect(pipedCsv.code, pipedCsv.err).toBe(0);
    expect(JSON.parse(pipedCsv.out).weeks).toEqual(progress.weeks);
  });

  it("refuses a malformed DOPAMAP_NOW by name", () => {
    const r = dopamap(["today"], mkdtempSync(join(tmpdir(), "dopamap-now-")), "yesterday");
    expect(r.code).toBe(2);
    expect(r.err).toContain("error [invalid_input]: DOPAMAP_NOW: expected an ISO 8601 instant");
  });
});
