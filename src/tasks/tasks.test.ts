import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRng, streamRng } from "../model/rng.ts";
import {
  DEFAULT_TASK_PERSON,
  describeIssue,
  EEFRT_SHORT,
  EEFRT_STANDARD,
  eefrtData,
  eefrtLogLik,
  eefrtOutcome,
  eefrtSchedule,
  PRT_NO_PENDING,
  PRT_SHORT,
  PRT_STANDARD,
  playEefrt,
  playPrt,
  prtData,
  prtLeanProbability,
  prtLogLik,
  prtPendingAfter,
  prtReinforce,
  prtSchedule,
  prtSdt,
  readTrialsCsv,
  readTrialsJson,
  TASK_DEFINITIONS,
  TRIAL_COLUMNS,
  trialsToJson,
  writeTrialsCsv,
} from "./index.ts";

describe("EEfRT schedule (Treadway et al. 2009)", () => {
  it("cues 12, 50 and 88 % equally often, hard rewards within $1.24–$4.30, practice first, reproducible", () => {
    const s = eefrtSchedule(EEFRT_STANDARD, seededRng(3));
    expect(s).toHaveLength(52);
    expect(s.slice(0, 2).every((t) => t.practice && t.block === 0)).toBe(true);
    const scored = s.filter((t) => !t.practice);
    const count = (p: number) => s.filter((t) => t.probability === p).length;
    // 52 trials in shuffled sets of three: each level 17 or 18 times.
    for (const p of [0.12, 0.5, 0.88]) expect(count(p)).toBeGreaterThanOrEqual(17);
    expect(scored.every((t) => t.hardReward >= 1.24 && t.hardReward <= 4.3 && t.easyReward === 1)).toBe(true);
    expect(eefrtSchedule(EEFRT_STANDARD, seededRng(3))).toEqual(s);
    expect(eefrtSchedule(EEFRT_STANDARD, seededRng(4))).not.toEqual(s);
  });

  it("pays a completed task when the lottery falls under the probability, nothing when not completed", () => {
    const t = { ...eefrtSchedule(EEFRT_SHORT, seededRng(1))[0]!, probability: 0.5, hardReward: 3 };
    expect(eefrtOutcome({ ...t, lottery: 0.2 }, EEFRT_SHORT, "hard", 30)).toEqual({
      requiredPresses: 30,
      presses: 30,
      completed: true,
      won: true,
      earned: 3,
    });
    expect(eefrtOutcome({ ...t, lottery: 0.2 }, EEFRT_SHORT, "hard", 29).earned).toBe(0);
    expect(eefrtOutcome({ ...t, lottery: 0.7 }, EEFRT_SHORT, "easy", 10)).toMatchObject({
      won: false,
      earned: 0,
    });
  });

  it("gives log 0.5 per choice at T = 0 and favours hard when k is small", () => {
    const d = {
      participantId: "x",
      probability: Float64Array.of(0.88, 0.12),
      easyReward: Float64Array.of(1, 1),
      hardReward: Float64Array.of(4, 4),
      choseHard: Uint8Array.of(1, 1),
    };
    expect(eefrtLogLik(d, { effortCost: 1, probabilityWeighting: 1, inverseTemperature: 0 })).toBeCloseTo(
      2 * Math.log(0.5),
      12,
    );
    const ll = (k: number) =>
      eefrtLogLik(d, { effortCost: k, probabilityWeighting: 1, inverseTemperature: 3 });
    expect(ll(0.2)).toBeGreaterThan(ll(3));
  });
});

describe("PRT schedule (Pizzagalli et al. 2005)", () => {
  it("shows rich and lean 50/50 per block, flags 30 rich and 10 lean rewards, counterbalances the rich mouth", () => {
    const s = prtSchedule(PRT_STANDARD, seededRng(5));
    expect(s.trials).toHaveLength(304);
    for (const b of [1, 2, 3]) {
      const block = s.trials.filter((t) => t.block === b);
      expect(block.filter((t) => t.stimulusType === "rich")).toHaveLength(50);
      expect(block.filter((t) => t.rewardFlag && t.stimulusType === "rich")).toHaveLength(30);
      expect(block.filter((t) => t.rewardFlag && t.stimulusType === "lean")).toHaveLength(10);
      expect(block.every((t) => t.shown === (t.stimulusType === "rich" ? s.richStimulus : t.shown))).toBe(
        true,
      );
    }
    expect(s.trials.filter((t) => t.practice).every((t) => !t.rewardFlag)).toBe(true);
    const rich = Array.from({ length: 40 }, (_, i) => prtSchedule(PRT_SHORT, streamRng(1, i)).richStimulus);
    const short = rich.filter((r) => r === "short").length;
    // Fair counterbalancing: 12..28 of 40 holds with probability > 0.98.
    expect(short).toBeGreaterThanOrEqual(12);
    expect(short).toBeLessThanOrEqual(28);
  });

  it("keeps runs of one stimulus to three or fewer in at least 95 % of positions", () => {
    const t = prtSchedule(PRT_STANDARD, seededRng(9)).trials.filter((x) => !x.practice);
    let long = 0;
    for (let i = 3; i < t.length; i++)
      if (
        [1, 2, 3].every(
          (k) => t[i - k]!.stimulusType === t[i]!.stimulusType && t[i - k]!.block === t[i]!.block,
        )
      )
        long++;
    expect(long / t.length).toBeLessThan(0.05);
  });

  it("carries a missed scheduled reward to the next correct response to that stimulus, within the block", () => {
    const flagged = {
      trialIndex: 5,
      block: 1,
      practice: false,
      shown: "long",
      stimulusType: "lean",
      rewardFlag: true,
    } as const;
    const next = { ...flagged, trialIndex: 6, rewardFlag: false };
    const a = prtReinforce(PRT_NO_PENDING, flagged, false);
    expect(a).toMatchObject({
      rewardScheduled: true,
      rewarded: false,
      pending: { block: 1, lean: 1, rich: 0 },
    });
    const b = prtReinforce(a.pending, next, true);
    expect(b).toMatchObject({ rewardScheduled: true, rewarded: true, pending: { lean: 0 } });
    const newBlock = prtReinforce(a.pending, { ...next, block: 2 }, true);
    expect(newBlock.rewarded).toBe(false);
    const schedule = { richStimulus: "short" as const, trials: [] as (typeof flagged)[] };
    schedule.trials[5] = flagged;
    expect(prtPendingAfter(schedule, [{ trialIndex: 5, correct: false }])).toEqual(a.pending);
  });

  it("computes log b and log d as the worked examples (research/instruments.md §3.2)", () => {
    const cases: [number[], number, number][] = [
      [[40, 10, 40, 10], 0, 0.6021],
      [[45, 5, 35, 15], 0.2931, 0.6611],
      [[50, 0, 30, 20], 0.9159, 1.0884],
    ];
    for (const [[rc, ri, lc, li], b, d] of cases) {
      const r = prtSdt(rc!, ri!, lc!, li!);
      expect(r.logB).toBeCloseTo(b, 4);
      expect(r.logD).toBeCloseTo(d, 4);
    }
  });
});

describe("trial records and their CSV/JSON export", () => {
  const trials = [
    ...playEefrt(DEFAULT_TASK_PERSON, EEFRT_SHORT, { participantId: "p1", sessionId: "e1" }, seededRng(1)),
    ...playPrt(DEFAULT_TASK_PERSON, PRT_SHORT, { participantId: "p1", sessionId: "r1" }, seededRng(2)),
  ];

  it("round-trips both tasks through CSV and JSON without loss", () => {
    const csv = writeTrialsCsv(trials);
    expect(csv.split("\n")[0]).toBe(TRIAL_COLUMNS.map((c) => c.column).join(","));
    const back = readTrialsCsv(csv);
    expect(back).toEqual({ ok: true, trials });
    expect(readTrialsJson(JSON.parse(JSON.stringify(trialsToJson(trials))))).toEqual({ ok: true, trials });
  });

  it("names the line and column of a bad row, an unknown column and a duplicate id", () => {
    const lines = writeTrialsCsv(trials).split("\n");
    const h = TRIAL_COLUMNS.findIndex((c) => c.column === "hard_reward");
    const cells = lines[3]!.split(",");
    cells[h] = "lots";
    lines[3] = cells.join(",");
    const bad = readTrialsCsv(lines.join("\n"));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(describeIssue(bad.issues[0]!)).toMatch(/^line 4: hard_reward: /);
    const renamed = readTrialsCsv(writeTrialsCsv(trials).replace("hard_reward", "hard_rewrd"));
    expect(renamed.ok ? null : describeIssue(renamed.issues[0]!)).toBe(
      "line 1: hard_rewrd: unknown column hard_rewrd",
    );
    const row0 = trialsToJson(trials).trials[0]!;
    const dup = readTrialsJson([row0, row0]);
    expect(dup.ok ? null : describeIssue(dup.issues[0]!)).toBe("trials[1]: id: duplicate trial id e1/0");
    const rows = trialsToJson(trials).trials.map((r) => ({ ...r }));
    rows[2] = { ...rows[2], choice: "medium" };
    const j = readTrialsJson(rows);
    expect(j.ok ? null : describeIssue(j.issues[0]!)).toMatch(/^trials\[2\]: choice: /);
  });

  it("documents every field of both schemas exactly once", () => {
    const fields = TRIAL_COLUMNS.map((c) => c.field);
    expect(new Set(fields).size).toBe(fields.length);
    for (const t of trials) for (const k of Object.keys(t)) expect(fields).toContain(k);
    expect(TASK_DEFINITIONS.map((d) => d.id)).toEqual(["eefrt", "prt"]);
    for (const d of TASK_DEFINITIONS)
      for (const p of [...d.design, ...d.model]) expect(p.source).not.toBe("");
  });
});

describe("likelihoods (properties)", () => {
  const e = playEefrt(
    DEFAULT_TASK_PERSON,
    EEFRT_STANDARD,
    { participantId: "p", sessionId: "s" },
    seededRng(8),
  );
  const p = playPrt(DEFAULT_TASK_PERSON, PRT_STANDARD, { participantId: "p", sessionId: "t" }, seededRng(9));
  const ed = eefrtData(e)[0]!;
  const pd = prtData(p)[0]!;

  it("stay finite and at most 0 for any parameters in range, however extreme", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        fc.double({ min: 1e-2, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (k, h, T) => {
          const ll = eefrtLogLik(ed, { effortCost: k, probabilityWeighting: h, inverseTemperature: T });
          return Number.isFinite(ll) && ll <= 0;
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rho, eps, gamma, zeta) => {
          const ll = prtLogLik(pd, {
            rewardSensitivity: rho,
            learningRate: eps,
            instructionSensitivity: gamma,
            perceptualCertainty: zeta,
          });
          return Number.isFinite(ll) && ll <= 0;
        },
      ),
    );
  });

  it("in Huys' belief model (ζ < 1), learned rich values pull lean trials towards the rich report", () => {
    const q = Float64Array.of(1, 0, 0.3, 0); // rich row: rich report 1; lean row: rich report 0.3 (q[stimulus·2 + report])
    const base = { rewardSensitivity: 1, learningRate: 0.2, instructionSensitivity: 1.5 };
    const lean = (zeta: number) => prtLeanProbability(q, 1, { ...base, perceptualCertainty: zeta });
    expect(lean(1)).toBeCloseTo(1 / (1 + Math.exp(-(1.5 - 0.3))), 12);
    expect(lean(0.7)).toBeLessThan(lean(1));
  });
});
