import { describe, expect, it } from "vitest";
import { FITTED_NAMES, FITTED_SPECS, fitReplay, replayFromLog } from "../fit/index.ts";
import { fromScale, toScale } from "../fit/parameters.ts";
import {
  clampParameters,
  type OpportunityRecord,
  type PersonParameters,
  resolveConditions,
  samplePerson,
  simulatePerson,
} from "../model/person/index.ts";
import { logFromSimulation, recordActivities } from "../model/records/from-simulation.ts";
import type { PersonLog } from "../model/records/schema.ts";
import { streamRng } from "../model/rng.ts";
import {
  choicesFromLog,
  createPlan,
  type PlanMap,
  type PlanRequest,
  presetDraws,
  toEnvironment,
} from "../plan/index.ts";
import { addDays, buildTimeline, expandSchedule, weeklySummaries } from "./index.ts";

/** Laplace draws: each fitted parameter independently on its transformed scale (correlations ignored). */
function drawsFromFit(estimates: PersonParameters, sds: Record<string, number>, n: number, seed: number) {
  return Array.from({ length: n }, (_, i) => {
    const rng = streamRng(seed, i, 7);
    const p = { ...estimates };
    for (const name of FITTED_NAMES) {
      const t = FITTED_SPECS[name].transform;
      const sd = Number.isFinite(sds[name]) ? sds[name]! : 0;
      p[name] = fromScale(t, toScale(t, estimates[name]) + sd * rng.normal());
    }
    return clampParameters(p);
  });
}

const before = (log: PersonLog, date: string): PersonLog => ({
  ...log,
  checkIns: log.checkIns.filter((c) => c.localDate < date),
  urges: log.urges.filter((u) => u.localDate < date),
  closedDays: log.closedDays.filter((d) => d < date),
});

describe("a full simulated 12-week loop: simulate → check-ins → refit → re-plan", () => {
  it("runs, refits a low anticipatory gain, keeps scaffolding and shows recalibration against the timeline", () => {
    const START = "2026-01-05";
    const { parameters, environment } = resolveConditions(["depression"]);
    const truth = samplePerson(parameters, 21, 0);
    const activities = recordActivities(environment);
    const map: PlanMap = {
      primary: "anticipatoryDeficit",
      strengths: { anticipatoryDeficit: { mean: 0.7, lo: 0.5, hi: 0.9 } },
      stressLoad: 0.35,
      chronotypePeak: 9,
      professionalHelp: false,
    };
    const choices = environment.activities.map((a) => ({
      activityId: a.id,
      hour: a.plannedHours[0]!,
      days: [...a.days],
    }));
    const request: PlanRequest = { map, activities, choices };
    const env = toEnvironment(activities, choices, environment.stressInput);
    const opts = { seed: 4, seedsPerDraw: 1 };
    const first = createPlan(request, presetDraws(map, 10, 4), opts);
    const chosen: string[][] = [];
    let scheduled = first
      .selection!.candidates.find((c) => c.id === first.selection!.bestId)!
      .interventions.map((id) => ({ id, startWeek: 0 }));
    chosen.push(scheduled.map((s) => s.id));
    const simulate = () => {
      const records: OpportunityRecord[] = [];
      simulatePerson(truth, env, scheduled, { weeks: 12, seed: 9, onRecord: (r) => records.push(r) });
      return logFromSimulation(env, records, { startDate: START, utcOffsetMin: 0, rng: streamRng(9, 0, 3) });
    };
    let log = simulate();
    const kappas: number[] = [];
    for (const week of [4, 8]) {
      const seen = before(log, addDays(START, week * 7));
      const fit = fitReplay(replayFromLog(seen), { starts: 1 });
      kappas.push(fit.estimates.anticipatoryGain);
      const sds = Object.fromEntries(fit.parameters.map((p) => [p.name, p.sdTransformed]));
      const replan = createPlan(
        {
          ...request,
          choices: choicesFromLog(seen),
          map: { ...map, chronotypePeak: fit.estimates.chronotypePeak },
        },
        drawsFromFit(fit.estimates, sds, 10, week),
        opts,
      );
      const best = replan.selection!.candidates.find((c) => c.id === replan.selection!.bestId)!;
      chosen.push([...best.interventions]);
      for (const id of best.interventions)
        if (!scheduled.some((s) => s.id === id)) scheduled = [...scheduled, { id, startWeek: week }];
      log = simulate();
    }
    expect(chosen.every((c) => c.includes("scaffolding"))).toBe(true);
    expect(kappas[0]).toBeLessThan(0.8);
    const plan = createPlan(request, [], opts);
    const weeks = weeklySummaries(log, expandSchedule(plan.activities, START, addDays(START, 83)), START);
    expect(weeks).toHaveLength(12);
    const rate = (ws: typeof weeks) =>
      ws.reduce((s, w) => s + w.started, 0) / ws.reduce((s, w) => s + w.planned, 0);
    expect(rate(weeks.slice(8))).toBeGreaterThan(rate(weeks.slice(0, 2)));
    const timeline = buildTimeline(weeks, 12, first.selection!.candidates[0]!.weekly);
    expect(timeline.phases).toHaveLength(2);
    console.info(
      `loop: plans ${chosen.map((c) => c.join("+")).join(" → ")}; κ refits ${kappas.map((k) => k.toFixed(2)).join(", ")} (truth ${truth.anticipatoryGain.toFixed(2)}); start rate weeks 1–2 ${rate(weeks.slice(0, 2)).toFixed(2)}, weeks 9–12 ${rate(weeks.slice(8)).toFixed(2)}; stall ${timeline.stall ? "yes" : "no"}`,
    );
  }, 60_000);
});
