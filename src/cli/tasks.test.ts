import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectNoStack, runCli } from "./test-cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "dopamap-tasks-"));

const dopamap = (...args: string[]) => runCli(args);

const noStack = expectNoStack;

describe("dopamap tasks (command line)", () => {
  it("simulates example data for both tasks and fits it from CSV and JSON", { timeout: 300_000 }, () => {
    const csv = join(tmp, "eefrt.csv");
    const sim = dopamap(
      "tasks",
      "simulate",
      "--task",
      "eefrt",
      "--participants",
      "3",
      "--seed",
      "4",
      "--out",
      csv,
    );
    expect(sim.code).toBe(0);
    expect(sim.out).toBe(`wrote 156 trials to ${csv}\n`);
    const fit = dopamap("tasks", "fit", csv, "--json");
    expect(fit.code).toBe(0);
    const r = JSON.parse(fit.out) as { eefrt: { participants: { participantId: string }[] }; prt: null };
    expect(r.eefrt.participants.map((p) => p.participantId)).toEqual(["p1", "p2", "p3"]);
    expect(r.prt).toBeNull();
    const json = join(tmp, "prt.json");
    expect(
      dopamap(
        "tasks",
        "simulate",
        "--task",
        "prt",
        "--participants",
        "2",
        "--version",
        "short",
        "--out",
        json,
      ).code,
    ).toBe(0);
    const text = dopamap("tasks", "fit", json);
    expect(text.code).toBe(0);
    expect(text.out).toContain("PRT (2 participants");
    expect(text.out).toContain("not a diagnosis");
  });

  it("exits 2 naming the line and column of a malformed row, or the JSON problem, never a stack trace", {
    timeout: 300_000,
  }, () => {
    const csv = join(tmp, "bad.csv");
    expect(dopamap("tasks", "simulate", "--task", "eefrt", "--participants", "1", "--out", csv).code).toBe(0);
    const lines = readFileSync(csv, "utf8").split("\n");
    lines[6] = lines[6]!.replace(/,(easy|hard),participant,/, ",both,participant,");
    writeFileSync(csv, lines.join("\n"));
    const r = dopamap("tasks", "fit", csv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error \[invalid_input\]: line 7: choice: /);
    noStack(r.err);
    const json = join(tmp, "bad.json");
    writeFileSync(json, "{ not json");
    const j = dopamap("tasks", "fit", json);
    expect(j.code).toBe(2);
    expect(j.err).toMatch(/^error \[invalid_input\]: .*bad\.json is not valid JSON/);
    noStack(j.err);
    const task = dopamap("tasks", "simulate", "--task", "stroop");
    expect(task.code).toBe(2);
    expect(task.err).toContain("allowed: eefrt, prt");
    const missing = dopamap("tasks", "fit", join(tmp, "missing.csv"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^error \[not_found\]: cannot read .*missing\.csv/);
  });
});
