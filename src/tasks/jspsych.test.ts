import { describe, expect, it } from "vitest";
import { readCsv } from "../csv/index.ts";
import { EEFRT_STANDARD } from "./eefrt.ts";
import { JSPSYCH_COLUMNS, trialsToJsPsychRows, writeTrialsJsPsychCsv } from "./jspsych.ts";
import { PRT_STANDARD } from "./prt.ts";
import type { EefrtTrial, PrtTrial } from "./records.ts";

const eefrt = (i: number, onsetMs: number, over: Partial<EefrtTrial> = {}): EefrtTrial => ({
  id: `s1/${i}`,
  sessionId: "s1",
  participantId: "me",
  version: "standard",
  trialIndex: i,
  block: 1,
  practice: false,
  at: "2026-03-01T09:30:00Z",
  onsetMs,
  task: "eefrt",
  probability: 0.5,
  easyReward: 1,
  hardReward: 3.2,
  choice: "hard",
  chosenBy: "participant",
  choiceRtMs: 850,
  requiredPresses: 100,
  presses: 100,
  completed: true,
  pressTimeMs: 19_400,
  won: true,
  earned: 3.2,
  ...over,
});

describe("task trials in jsPsych's conventions", () => {
  it("puts jsPsych's columns first and converts the values, not only the names", () => {
    const trials = [
      eefrt(0, 1_000),
      eefrt(1, 23_000, { chosenBy: "timeout", choiceRtMs: null, choice: "easy" }),
    ];
    const rows = trialsToJsPsychRows(trials);
    expect(JSPSYCH_COLUMNS.slice(0, 5)).toEqual([
      "trial_type",
      "trial_index",
      "time_elapsed",
      "rt",
      "response",
    ]);
    // time_elapsed is the trial's end: the next trial's onset, or the last trial's measured phases.
    expect(rows[0]).toMatchObject({
      trial_type: "dopamap-eefrt",
      time_elapsed: 23_000,
      rt: 850,
      response: "hard",
    });
    expect(rows[0]!.press_time).toBe(19_400);
    expect(rows[1]).toMatchObject({
      rt: null,
      response: null,
      time_elapsed: 23_000 + EEFRT_STANDARD.choiceWindowMs + 19_400,
    });
    // As in jsPsych data: a trial ends after its response, and ends later than the trial before it.
    for (const [k, r] of rows.entries()) {
      expect(r.time_elapsed as number).toBeGreaterThanOrEqual(trials[k]!.onsetMs! + ((r.rt as number) ?? 0));
      if (k > 0) expect(r.time_elapsed as number).toBeGreaterThan(rows[k - 1]!.time_elapsed as number);
    }
    const t = readCsv(writeTrialsJsPsychCsv(trials), ",");
    expect(t.headers).toEqual(JSPSYCH_COLUMNS);
    expect(t.headers).not.toContain("onset_ms");
    expect(t.rows[0]!.cells.slice(0, 5)).toEqual(["dopamap-eefrt", "0", "23000", "850", "hard"]);
  });

  it("a PRT trial ends after fixation, face and the response; a simulated one has no clock", () => {
    const prt: PrtTrial = {
      id: "p/0",
      sessionId: "p",
      participantId: "me",
      version: "standard",
      trialIndex: 0,
      block: 1,
      practice: false,
      at: null,
      onsetMs: 500,
      task: "prt",
      richStimulus: "short",
      shown: "long",
      stimulusType: "lean",
      response: "long",
      correct: true,
      rewardScheduled: false,
      rewarded: false,
      rtMs: 620,
      stimulusMs: 100,
    };
    const [row] = trialsToJsPsychRows([prt]);
    expect(row).toMatchObject({ rt: 620, response: "long", press_time: null, subject: "me" });
    expect(row!.time_elapsed).toBe(500 + PRT_STANDARD.fixationMs + PRT_STANDARD.faceMs + 620);
    expect(trialsToJsPsychRows([{ ...prt, onsetMs: null }])[0]!.time_elapsed).toBeNull();
  });
});
