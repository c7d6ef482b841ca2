import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seededRng } from "../../model/rng.ts";
import { buildMap } from "../../profile/index.ts";
import { openTestStore, storeTargets } from "../../store/test-stores.ts";
import {
  DEFAULT_TASK_PERSON,
  EEFRT_DESIGNS,
  EEFRT_SHORT,
  type EefrtScheduledTrial,
  PRT_DESIGNS,
  PRT_STANDARD,
  type PrtSchedule,
  playEefrtSchedule,
  playPrtSchedule,
  readTrialsCsv,
  type TaskTrial,
} from "../../tasks/index.ts";
import { registry } from "../index.ts";
import type { CommandContext } from "../registry.ts";
import type { Store } from "../store-port.ts";
import { storedTaskEvidence, TASK_FITS_BLOB, type TaskFitReport, type TaskSessionState } from "./commands.ts";

const AT = "2026-11-30T08:00:00Z";

describe("task commands", () => {
  let store: Store;
  let ctx: CommandContext;
  beforeEach(async () => {
    store = await openTestStore(storeTargets()[0]!);
    ctx = { store, personId: "me", now: () => AT };
  });
  afterEach(async () => {
    await store.close();
  });

  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await registry.invoke(name, input, ctx);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };

  async function play(
    task: "eefrt" | "prt",
    sessionId: string,
    version: "short" | "standard" = "short",
  ): Promise<TaskTrial[]> {
    const state = await call<TaskSessionState>("tasks/start", {
      sessionId,
      task,
      version,
      at: AT,
      seed: 3,
    });
    const session = { participantId: "me", sessionId };
    const trials =
      task === "eefrt"
        ? playEefrtSchedule(
            DEFAULT_TASK_PERSON,
            EEFRT_DESIGNS[version],
            state.schedule.trials as EefrtScheduledTrial[],
            session,
            seededRng(1),
          )
        : playPrtSchedule(
            DEFAULT_TASK_PERSON,
            PRT_DESIGNS[version],
            state.schedule as PrtSchedule,
            session,
            seededRng(1),
          );
    return trials.map((t) => ({ ...t, at: AT }));
  }

  it("autosaves each trial once, resumes where it stopped, and rejects a trial that does not match the schedule", async () => {
    const trials = await play("eefrt", "e1");
    expect(trials).toHaveLength(EEFRT_SHORT.practiceTrials + EEFRT_SHORT.trials);
    for (const t of trials.slice(0, 3))
      expect(await call("tasks/trial", { trial: t })).toMatchObject({ outcome: "created" });
    expect(await call("tasks/trial", { trial: trials[2] })).toMatchObject({
      outcome: "unchanged",
      nextTrialIndex: 3,
    });
    const resumed = await call<TaskSessionState>("tasks/session", { sessionId: "e1" });
    expect(resumed).toMatchObject({ nextTrialIndex: 3, complete: false });
    expect(resumed.trials).toEqual(trials.slice(0, 3));
    const again = await call<TaskSessionState>("tasks/start", {
      sessionId: "e1",
      task: "eefrt",
      version: "short",
      at: AT,
    });
    expect(again.schedule).toEqual(resumed.schedule);

    const changed = await registry.invoke("tasks/trial", { trial: { ...trials[2]!, choiceRtMs: 1 } }, ctx);
    expect(changed).toMatchObject({ ok: false, error: { code: "conflict", path: ["trial", "id"] } });
    const wrong = await registry.invoke("tasks/trial", { trial: { ...trials[3]!, hardReward: 99 } }, ctx);
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: "invalid_input", path: ["trial", "hardReward"] },
    });
    const other = await registry.invoke(
      "tasks/start",
      { sessionId: "e1", task: "prt", version: "short", at: AT },
      ctx,
    );
    expect(other).toMatchObject({ ok: false, error: { code: "conflict" } });
    const missing = await registry.invoke("tasks/session", { sessionId: "nope" }, ctx);
    expect(missing).toMatchObject({ ok: false, error: { code: "not_found", path: ["sessionId"] } });
    const bad = await registry.invoke("tasks/trial", { trial: { ...trials[3]!, choice: "medium" } }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_input", path: ["trial", "choice"] } });

    for (const t of trials.slice(3)) await call("tasks/trial", { trial: t });
    expect(await call("tasks/session", { sessionId: "e1" })).toMatchObject({
      complete: true,
      nextTrialIndex: 7,
    });
  });

  it("resumes the PRT reinforcement controller from the saved trials", async () => {
    const trials = await play("prt", "r1");
    for (const t of trials.slice(0, 10)) await call("tasks/trial", { trial: t });
    const state = await call<TaskSessionState>("tasks/session", { sessionId: "r1" });
    expect(state.pending).not.toBeNull();
    expect(state.schedule.task).toBe("prt");
    expect(state.nextTrialIndex).toBe(10);
  });

  it("short runs are fitted and shown, but never change the map", async () => {
    const before = await call<unknown>("map/get", {});
    for (const t of [...(await play("eefrt", "s1")), ...(await play("prt", "s2"))])
      await call("tasks/trial", { trial: t });
    const fit = await call<TaskFitReport>("tasks/fit", {});
    expect(fit.eefrt?.participants).toHaveLength(1);
    expect(fit.prt?.participants).toHaveLength(1);
    expect(fit.evidence).toEqual({});
    expect(fit.notes.join(" ")).toMatch(/fewer than 30 scored effort-task trials or 150 reward-task trials/);
    expect(await call<unknown>("map/get", {})).toEqual(before);
  });

  it("exports CSV and JSON that read back to the saved trials, fits them, and keeps the evidence of full runs for the map", async () => {
    const e = await play("eefrt", "e2", "standard");
    const p = await play("prt", "r2", "standard");
    for (const t of [...e, ...p]) await call("tasks/trial", { trial: t });
    const csv = await call<{ content: string; filename: string; trials: number }>("tasks/export", {
      sessionId: "e2",
      format: "csv",
    });
    expect(csv).toMatchObject({ filename: "dopamap-e2.csv", trials: e.length });
    expect(readTrialsCsv(csv.content)).toEqual({ ok: true, trials: e });
    const json = await call<{ content: string }>("tasks/export", { task: "prt", format: "json" });
    expect(JSON.parse(json.content)).toMatchObject({
      format: "dopamap-task-trials",
      trials: { length: p.length },
    });

    const fit = await call<TaskFitReport>("tasks/fit", {});
    expect(fit.stored).toBe(true);
    expect(fit.eefrt?.participants).toHaveLength(1);
    expect(fit.prt?.participants[0]?.trials).toBe(PRT_STANDARD.blocks * PRT_STANDARD.trialsPerBlock);
    expect(fit.evidence?.eefrtEffortCost?.estimate).toBeGreaterThan(0);
    expect(await store.getBlob("me", TASK_FITS_BLOB)).toMatchObject({ evidence: fit.evidence });
    const evidence = await storedTaskEvidence(store, "me");
    const map = buildMap({ screening: { phq9: 5 }, tasks: evidence });
    expect(map.statements.map((s) => s.id)).toContain("taskEffort");
    expect(map.patterns.find((x) => x.pattern === "anticipatoryDeficit")?.from).toContain("tasks");
    // map/get on the stored data reads the same evidence.
    const served = await call<{
      statements: { id: string }[];
      patterns: { pattern: string; from: string[] }[];
    }>("map/get", {});
    expect(served.statements.map((s) => s.id)).toContain("taskEffort");
    expect(served.patterns.find((x) => x.pattern === "anticipatoryDeficit")?.from).toContain("tasks");
  });

  it("fits a posted simulated file, and names the line and column of a bad row", async () => {
    const sim = await call<{ content: string }>("tasks/simulate", {
      task: "eefrt",
      participants: 4,
      seed: 2,
    });
    const fit = await call<TaskFitReport>("tasks/fit", { csv: sim.content });
    expect(fit).toMatchObject({ stored: false, evidence: null, prt: null });
    expect(fit.eefrt?.participants.map((x) => x.participantId)).toEqual(["p1", "p2", "p3", "p4"]);
    expect(await store.getBlob("me", TASK_FITS_BLOB)).toBeUndefined();
    const lines = sim.content.split("\n");
    lines[5] = lines[5]!.replace(",participant,", ",nobody,");
    const bad = await registry.invoke("tasks/fit", { csv: lines.join("\n") }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_input", path: ["csv", 6, "chosen_by"] } });
    if (!bad.ok) expect(bad.error.message).toMatch(/^line 6: chosen_by: /);
  });
});
