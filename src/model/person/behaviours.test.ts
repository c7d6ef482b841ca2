/**
 * The nine behaviours DESIGN.md asks of the person-level model, as effects on simulated populations
 * (200 people, fixed seeds) with 95 % intervals, all from ONE parameter set (the defaults in
 * params.ts and the presets in conditions.ts): a condition × intervention crossover.
 */
import { describe, expect, it } from "vitest";
import {
  type Interval,
  independentDifference,
  meanInterval,
  pairedDifference,
  ratioOfMeans,
} from "../stats.ts";
import { type ConditionId, resolveConditions } from "./conditions.ts";
import type { Environment } from "./environment.ts";
import type { InterventionId } from "./interventions.ts";
import { defaultParameters, type PersonParameters } from "./params.ts";
import type { ActivityMetric, WeekMetric } from "./person.ts";
import { type PopulationResult, personMeans, simulatePopulation } from "./population.ts";

const PEOPLE = 200;
const SEED = 20261130;

interface Arm {
  /** Names an environment edit for the cache (closures print alike). */
  label?: string;
  condition: ConditionId;
  intervention?: InterventionId;
  startWeek?: number;
  weeks?: number;
  params?: Partial<PersonParameters>;
  env?: (e: Environment) => Environment;
}

const cache = new Map<string, PopulationResult>();
function arm(a: Arm): PopulationResult {
  const key = JSON.stringify({ ...a, env: undefined });
  const hit = cache.get(key);
  if (hit) return hit;
  const { parameters, environment } = resolveConditions([a.condition]);
  const result = simulatePopulation({
    parameters: { ...parameters, ...a.params },
    environment: a.env ? a.env(environment) : environment,
    interventions: a.intervention ? [{ id: a.intervention, startWeek: a.startWeek ?? 0 }] : [],
    people: PEOPLE,
    weeks: a.weeks ?? 12,
    seed: SEED,
  });
  cache.set(key, result);
  return result;
}

/** Per-person mean of a metric over weeks [from, to] (1-based, inclusive). */
function per(
  r: PopulationResult,
  metric: WeekMetric | ActivityMetric,
  from: number,
  to: number,
  activity?: string,
) {
  return personMeans(r, metric, from - 1, to, activity);
}
const above = (x: Interval, v: number) => expect(x.lo, `interval ${JSON.stringify(x)}`).toBeGreaterThan(v);
const below = (x: Interval, v: number) => expect(x.hi, `interval ${JSON.stringify(x)}`).toBeLessThan(v);

describe("1. depression: the anticipatory deficit", () => {
  const healthy = arm({ condition: "healthy" });
  const dep = arm({ condition: "depression" });

  it("leaves liking near healthy (ratio interval within 0.9–1.1)", () => {
    const r = ratioOfMeans(per(dep, "liking", 1, 12), per(healthy, "liking", 1, 12));
    above(r, 0.9);
    below(r, 1.1);
  });

  it("lowers starting by more than 0.4 (absolute start rate, weeks 1–4)", () => {
    below(independentDifference(per(dep, "startRate", 1, 4), per(healthy, "startRate", 1, 4)), -0.4);
  });

  it("makes experience better than anticipated on average (gap > 1.5 rating points)", () => {
    above(meanInterval(per(dep, "ratingGap", 1, 12)), 1.5);
  });

  it("keeps the healthy anticipated-vs-experienced gap within ±0.5", () => {
    const gap = meanInterval(per(healthy, "ratingGap", 1, 12));
    above(gap, -0.5);
    below(gap, 0.5);
  });
});

describe("2. depression + scaffolding: starts first, anticipation after", () => {
  const none = arm({ condition: "depression" });
  const scaf = arm({ condition: "depression", intervention: "scaffolding" });

  it("raises starts in the first week already (effect > 0.3)", () => {
    above(pairedDifference(per(scaf, "startRate", 1, 1), per(none, "startRate", 1, 1)), 0.3);
  });

  it("recalibrates anticipatory gain only later: no κ gain in week 1, > 0.15 by week 12", () => {
    const k1 = pairedDifference(per(scaf, "anticipatoryGain", 1, 1), per(none, "anticipatoryGain", 1, 1));
    const k12 = pairedDifference(
      per(scaf, "anticipatoryGain", 12, 12),
      per(none, "anticipatoryGain", 12, 12),
    );
    below(k1, 0.08);
    above(k12, 0.15);
  });

  it("puts the start-rate rise before the κ rise (half-way weeks in that order)", () => {
    const halfway = (metric: WeekMetric) => {
      const d = scaf.metrics[metric].mean.map((m, w) => m - none.metrics[metric].mean[w]!);
      const final = d[d.length - 1]!;
      return d.findIndex((x) => x >= final / 2) + 1;
    };
    expect(halfway("startRate")).toBeLessThan(halfway("anticipatoryGain"));
  });

  it("makes the unscaffolded full-length activity startable again (probe, week 12, effect > 0.1)", () => {
    for (const id of ["walk", "focusWork", "callFriend"]) {
      above(
        pairedDifference(
          per(scaf, "probeStartProbability", 12, 12, id),
          per(none, "probeStartProbability", 12, 12, id),
        ),
        0.1,
      );
    }
  });

  it("ablation: with plasticity off, scaffolding still raises starts but κ does not recover", () => {
    const offNone = arm({ condition: "depression", params: { plasticity: 0 } });
    const offScaf = arm({ condition: "depression", intervention: "scaffolding", params: { plasticity: 0 } });
    above(pairedDifference(per(offScaf, "startRate", 9, 12), per(offNone, "startRate", 9, 12)), 0.3);
    const kappaChange = pairedDifference(
      per(offScaf, "anticipatoryGain", 12, 12),
      per(offScaf, "anticipatoryGain", 1, 1),
    );
    expect(Math.abs(kappaChange.mean)).toBe(0);
    // and the probe of the unscaffolded activity does not improve beyond noise
    below(
      pairedDifference(
        per(offScaf, "probeStartProbability", 12, 12, "walk"),
        per(offNone, "probeStartProbability", 12, 12, "walk"),
      ),
      0.1,
    );
  });

  it("recalibrates within the article's 4–12-week window (the article's claim, not a finding)", () => {
    const d = scaf.metrics.anticipatoryGain.mean.map((m, w) => m - none.metrics.anticipatoryGain.mean[w]!);
    const final = d[d.length - 1]!;
    const halfway = d.findIndex((x) => x >= final / 2) + 1;
    expect(halfway).toBeGreaterThanOrEqual(2);
    expect(halfway).toBeLessThanOrEqual(8);
  });
});

describe("3. depression + just exercise", () => {
  it("brings no meaningful improvement in starting (< 0.05) while scaffolding does (> 0.3)", () => {
    const none = arm({ condition: "depression" });
    const ex = arm({ condition: "depression", intervention: "justExercise" });
    const scaf = arm({ condition: "depression", intervention: "scaffolding" });
    below(pairedDifference(per(ex, "startRate", 9, 12), per(none, "startRate", 9, 12)), 0.05);
    above(pairedDifference(per(scaf, "startRate", 9, 12), per(none, "startRate", 9, 12)), 0.3);
    below(meanInterval(per(ex, "startRate", 1, 12, "exercise")), 0.1);
  });

  it("helps a healthy agent once started: exercise is started and lowers the stress load", () => {
    const none = arm({ condition: "healthy" });
    const ex = arm({ condition: "healthy", intervention: "justExercise" });
    above(meanInterval(per(ex, "startRate", 1, 12, "exercise")), 0.2);
    below(pairedDifference(per(ex, "stressLoad", 12, 12), per(none, "stressLoad", 12, 12)), 0);
  });
});

describe("4. anxiety: threat override", () => {
  // The same environment (with the feared activity) for a healthy threat gain.
  const healthyHere = arm({ condition: "anxiety", params: { threatGain: defaultParameters().threatGain } });
  const anx = arm({ condition: "anxiety" });

  it("keeps wanting near healthy (ratio within 0.9–1.1) yet avoids the feared activity (−0.3)", () => {
    const r = ratioOfMeans(
      per(anx, "wanting", 1, 4, "groupEvent"),
      per(healthyHere, "wanting", 1, 4, "groupEvent"),
    );
    above(r, 0.9);
    below(r, 1.1);
    below(
      pairedDifference(
        per(anx, "startRate", 1, 4, "groupEvent"),
        per(healthyHere, "startRate", 1, 4, "groupEvent"),
      ),
      -0.3,
    );
  });

  it("threat reduction beats scaffolding alone: lower τ and a more startable unsupported activity", () => {
    const tr = arm({ condition: "anxiety", intervention: "threatReduction" });
    const sc = arm({ condition: "anxiety", intervention: "scaffolding" });
    below(pairedDifference(per(tr, "threatGain", 12, 12), per(sc, "threatGain", 12, 12)), -0.15);
    above(
      pairedDifference(
        per(tr, "probeStartProbability", 12, 12, "groupEvent"),
        per(sc, "probeStartProbability", 12, 12, "groupEvent"),
      ),
      0.1,
    );
  });
});

describe("5. ADHD pattern: calibration", () => {
  const adhd = arm({ condition: "adhd" });

  it("starts novel tasks and not important routine ones", () => {
    above(
      pairedDifference(
        per(adhd, "startRate", 1, 12, "sideProject"),
        per(adhd, "startRate", 1, 12, "paperwork"),
      ),
      0.3,
    );
    const healthyHere = arm({
      condition: "adhd",
      params: { noveltyCoupling: defaultParameters().noveltyCoupling },
    });
    above(
      pairedDifference(
        per(healthyHere, "startRate", 1, 12, "paperwork"),
        per(adhd, "startRate", 1, 12, "paperwork"),
      ),
      0.3,
    );
  });

  it("dopamine fasting makes routine engagement worse; calibration improves it", () => {
    const fast = arm({ condition: "adhd", intervention: "dopamineFast" });
    const cal = arm({ condition: "adhd", intervention: "calibration" });
    below(
      pairedDifference(
        per(fast, "startRate", 9, 12, "paperwork"),
        per(adhd, "startRate", 9, 12, "paperwork"),
      ),
      0,
    );
    above(
      pairedDifference(per(cal, "startRate", 9, 12, "paperwork"), per(adhd, "startRate", 9, 12, "paperwork")),
      0.3,
    );
  });
});

describe("6. addiction: receptor downregulation", () => {
  const healthy = arm({ condition: "healthy", weeks: 36 });
  const addicted = arm({ condition: "addiction", weeks: 36 });
  const restored = arm({
    condition: "addiction",
    intervention: "receptorRestoration",
    startWeek: 8,
    weeks: 36,
  });

  it("lowers D through exposure to the drug, not through the preset", () => {
    expect(resolveConditions(["addiction"]).parameters.d2Availability).toBe(
      defaultParameters().d2Availability,
    );
    below(meanInterval(per(addicted, "d2Availability", 4, 4)), 0.85);
    above(meanInterval(per(healthy, "d2Availability", 4, 4)), 0.97);
  });

  it("makes natural rewards' wanting insufficient (own activities, weeks 9–12 vs healthy and vs week 1)", () => {
    below(independentDifference(per(addicted, "wanting", 9, 12), per(healthy, "wanting", 9, 12)), -0.2);
    below(pairedDifference(per(addicted, "wanting", 9, 12), per(addicted, "wanting", 1, 1)), -0.2);
  });

  it("restores D and natural wanting over months of abstinence (weeks 8 → 36), not weeks", () => {
    const gain = pairedDifference(
      per(restored, "d2Availability", 36, 36),
      per(restored, "d2Availability", 8, 8),
    );
    above(gain, 0.05);
    const earlyGain = pairedDifference(
      per(restored, "d2Availability", 12, 12),
      per(restored, "d2Availability", 8, 8),
    );
    below(earlyGain, gain.mean / 2);
    above(pairedDifference(per(restored, "wanting", 33, 36), per(addicted, "wanting", 33, 36)), 0.1);
  });
});

describe("7. compulsive: the variable-reinforcement loop", () => {
  const loop = arm({ condition: "compulsive" });

  it("keeps wanting high while liking falls", () => {
    const want = ratioOfMeans(per(loop, "wanting", 9, 12, "feedApp"), per(loop, "wanting", 1, 1, "feedApp"));
    above(want, 0.9);
    below(
      pairedDifference(per(loop, "liking", 9, 12, "feedApp"), per(loop, "liking", 1, 1, "feedApp")),
      -0.03,
    );
  });

  it("loop disruption lets wanting decay", () => {
    const cut = arm({ condition: "compulsive", intervention: "loopDisruption", startWeek: 4 });
    below(
      pairedDifference(per(cut, "wanting", 9, 12, "feedApp"), per(loop, "wanting", 9, 12, "feedApp")),
      -0.1,
    );
  });

  it("responding learned under partial reinforcement extinguishes more slowly than under continuous", () => {
    const continuous = (e: Environment): Environment => ({
      ...e,
      activities: e.activities.map((a) =>
        a.id === "feedApp"
          ? { ...a, reward: { ...a.reward, kind: "fixed", probability: 1, magnitude: 0.4 } }
          : a,
      ),
    });
    const prf = arm({ condition: "compulsive", intervention: "loopDisruption", startWeek: 4 });
    const crf = arm({
      label: "continuous",
      condition: "compulsive",
      intervention: "loopDisruption",
      startWeek: 4,
      env: continuous,
    });
    // Week 5 (first week without reinforcement) relative to weeks 3–4: how much wanting is left.
    const left = (r: PopulationResult) => {
      const before = per(r, "wanting", 3, 4, "feedApp");
      const after = per(r, "wanting", 5, 5, "feedApp");
      return after.map((v, i) => v / before[i]!);
    };
    above(pairedDifference(left(prf), left(crf)), 0.1);
  });
});

describe("8. chronic stress", () => {
  const stressed = arm({ condition: "chronicStress" });

  it("lowers anticipatory gain and starting over weeks", () => {
    below(
      pairedDifference(per(stressed, "anticipatoryGain", 12, 12), per(stressed, "anticipatoryGain", 1, 1)),
      -0.15,
    );
    below(pairedDifference(per(stressed, "startRate", 9, 12), per(stressed, "startRate", 1, 2)), -0.1);
  });

  it("stress reduction reverses it", () => {
    const reduced = arm({ condition: "chronicStress", intervention: "stressReduction" });
    above(
      pairedDifference(per(reduced, "anticipatoryGain", 12, 12), per(stressed, "anticipatoryGain", 12, 12)),
      0.1,
    );
    above(pairedDifference(per(reduced, "startRate", 9, 12), per(stressed, "startRate", 9, 12)), 0.1);
  });
});

describe("9. circadian timing", () => {
  const at =
    (hour: number) =>
    (e: Environment): Environment => ({
      ...e,
      activities: e.activities.map((a) => (a.id === "walk" ? { ...a, plannedHours: [hour] } : a)),
    });

  it("starts the same activity more at the default morning peak than in the afternoon dip", () => {
    const morning = arm({ label: "walk@9", condition: "healthy", env: at(9) });
    const afternoon = arm({ label: "walk@15", condition: "healthy", env: at(15) });
    above(
      pairedDifference(per(morning, "startRate", 1, 12, "walk"), per(afternoon, "startRate", 1, 12, "walk")),
      0.03,
    );
  });

  it("reverses the order for a late chronotype (peak 15:00)", () => {
    const late = { chronotypePeak: 15 };
    const morning = arm({ label: "walk@9", condition: "healthy", env: at(9), params: late });
    const afternoon = arm({ label: "walk@15", condition: "healthy", env: at(15), params: late });
    below(
      pairedDifference(per(morning, "startRate", 1, 12, "walk"), per(afternoon, "startRate", 1, 12, "walk")),
      -0.03,
    );
  });

  it("circadian alignment moves consequential work to a late chronotype's peak and raises its starting", () => {
    const late = { chronotypePeak: 15 };
    const none = arm({ condition: "healthy", params: late });
    const aligned = arm({ condition: "healthy", intervention: "circadianAlignment", params: late });
    above(
      pairedDifference(
        per(aligned, "startRate", 1, 12, "focusWork"),
        per(none, "startRate", 1, 12, "focusWork"),
      ),
      0.05,
    );
  });
});
