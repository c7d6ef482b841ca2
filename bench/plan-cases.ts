/**
 * Plan and rescue benchmarks in the shape of `bench/cases.ts`'s CASES (each runnable on its own:
 * `npx tsx bench/plan-cases.ts <name>` prints one JSON line with peak memory).
 */

import { PLAN_COMMANDS } from "../src/app/plan/commands.ts";
import { type Command, createRegistry } from "../src/app/registry.ts";
import { type OpportunityRecord, resolveConditions, simulatePerson } from "../src/model/person/index.ts";
import { logFromSimulation, recordActivities } from "../src/model/records/from-simulation.ts";
import type { PersonLog } from "../src/model/records/schema.ts";
import { streamRng } from "../src/model/rng.ts";
import { quantileSorted } from "../src/model/stats.ts";
import { choicesFromLog, createPlan, type PlanMap, planComponents, presetDraws } from "../src/plan/index.ts";
import { dueRescues, expandSchedule, rescueStart } from "../src/track/index.ts";
import type { CaseResult } from "./cases.ts";

const MAP: PlanMap = {
  primary: "anticipatoryDeficit",
  strengths: { anticipatoryDeficit: { mean: 0.8, lo: 0.6, hi: 0.9 } },
  stressLoad: 0.35,
  chronotypePeak: 9,
  professionalHelp: false,
};

/** A depressed person's 12-week log (three planned activities, about 250 check-ins). */
function twelveWeekLog(): PersonLog {
  const { parameters, environment } = resolveConditions(["depression"]);
  const records: OpportunityRecord[] = [];
  simulatePerson(parameters, environment, [{ id: "scaffolding", startWeek: 0 }], {
    weeks: 12,
    seed: 3,
    onRecord: (r) => records.push(r),
  });
  return logFromSimulation(environment, records, {
    startDate: "2026-01-05",
    utcOffsetMin: 0,
    rng: streamRng(3, 0, 3),
  });
}

/** Per-call latency in ms: median and 99th percentile over `n` calls after a warm-up. */
function latency(n: number, f: (i: number) => unknown): { median: number; p99: number; total: number } {
  for (let i = 0; i < 50; i++) f(i);
  const ms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    f(i);
    ms[i] = performance.now() - t;
  }
  const total = ms.reduce((s, x) => s + x, 0) / 1000;
  ms.sort();
  return { median: quantileSorted(ms, 0.5), p99: quantileSorted(ms, 0.99), total };
}

export const PLAN_CASES: Record<string, () => Promise<CaseResult>> = {
  async "rescue-latency"() {
    const log = twelveWeekLog();
    const plan = planComponents({ map: MAP, activities: log.activities, choices: choicesFromLog(log) });
    const ids = plan.activities.map((a) => a.activityId);
    const r = latency(1000, (i) =>
      rescueStart(plan, log, ids[i % ids.length]!, { unsafe: i % 10 === 0, region: "GB" }),
    );
    return {
      name: "rescue: I can't start X",
      work: `1000 rescues on a 12-week log (${log.checkIns.length} check-ins), plan components built once`,
      seconds: r.total,
      throughput: `median ${r.median.toFixed(3)} ms, p99 ${r.p99.toFixed(3)} ms per rescue`,
    };
  },
  async "rescue-cold"() {
    const log = twelveWeekLog();
    const r = latency(200, () => {
      const plan = planComponents({ map: MAP, activities: log.activities, choices: choicesFromLog(log) });
      const occ = expandSchedule(plan.activities, "2026-03-29", "2026-03-29");
      return dueRescues(plan, log, occ, { localDate: "2026-03-29", localHour: 20, localMinute: 0 });
    });
    return {
      name: "unasked rescue from scratch (today)",
      work: `200 × (plan components from the log + today's schedule + due rescues) on ${log.checkIns.length} check-ins`,
      seconds: r.total,
      throughput: `median ${r.median.toFixed(3)} ms, p99 ${r.p99.toFixed(3)} ms per call`,
    };
  },
  async "rescue-command"() {
    const log = twelveWeekLog();
    const registry = createRegistry(PLAN_COMMANDS as unknown as Command[]);
    const ms: number[] = [];
    for (let i = 0; i < 250; i++) {
      const t = performance.now();
      const r = await registry.invoke("rescue/get", { log, map: MAP, activityId: "walk" });
      if (!r.ok) throw new Error(r.error.message);
      if (i >= 50) ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    return {
      name: "rescue through the command registry",
      work: `200 rescue/get calls (validate the ${log.checkIns.length}-check-in log, build the plan, rescue)`,
      seconds: ms.reduce((s, x) => s + x, 0) / 1000,
      throughput: `median ${quantileSorted(ms, 0.5).toFixed(2)} ms, p99 ${quantileSorted(ms, 0.99).toFixed(2)} ms per call`,
    };
  },
  async "plan-selection"() {
    const log = twelveWeekLog();
    const request = {
      map: MAP,
      activities: recordActivities(resolveConditions(["depression"]).environment),
      choices: choicesFromLog(log),
    };
    const draws = presetDraws(MAP, 20, 1);
    const t = performance.now();
    const plan = createPlan(request, draws, { seed: 1, seedsPerDraw: 2 });
    const seconds = (performance.now() - t) / 1000;
    const n = plan.selection!.candidates.length;
    return {
      name: "plan selection in silico",
      work: `${n} candidate plans × 20 draws × 2 seeds × 12 weeks, 3 activities (${n * 40} person-runs)`,
      seconds,
      throughput: `${((n * 40) / seconds).toFixed(0)} person-runs/s; best ${plan.selection!.bestId}`,
    };
  },
};
