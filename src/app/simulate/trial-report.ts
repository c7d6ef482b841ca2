import { z } from "zod";
import { buildTrialDeltaChart, type ChartSpec, chartSpecSchema } from "../../charts/index.ts";
import { runBandit } from "../../model/bandit/index.ts";
import {
  type PopulationMeasure,
  runCircuitPopulation,
  runCircuitProtocol,
  trialTrace,
} from "../../model/circuit/index.ts";
import { seededRng } from "../../model/rng.ts";
import type { BanditScenario, TrialScenario } from "../../model/scenario/index.ts";
import type { CommandContext } from "../registry.ts";

const series = z.object({ mean: z.array(z.number()), lo: z.array(z.number()), hi: z.array(z.number()) });

export const TrialReportSchema = z.object({
  level: z.literal("trial"),
  name: z.string(),
  seed: z.number(),
  people: z.number(),
  trialSteps: z.number(),
  phases: z.array(z.object({ name: z.string(), firstTrial: z.number(), trials: z.number() })),
  perTrial: z.record(z.string(), series),
  charts: z.array(chartSpecSchema),
  notes: z.array(z.string()),
});
export type TrialReport = z.infer<typeof TrialReportSchema>;

const MEASURES: readonly PopulationMeasure[] = [
  "cueDelta",
  "rewardDelta",
  "cueValue",
  "responseProbability",
  "belief",
];

/** Runs a trial-level scenario: per-trial population means with 2.5–97.5 % percentiles. */
export function runTrialScenario(s: TrialScenario, ctx: CommandContext): TrialReport {
  const total = s.agents.people;
  const traceRows = ctx.onRecord && s.outputs.trace;
  const result = runCircuitPopulation(s.protocol, {
    rng: seededRng(s.seed),
    population: { agentCount: s.agents.people, spread: s.agents.spread },
    measures: MEASURES,
    onAgent: (agent, r) => {
      ctx.onProgress?.(agent + 1, total);
      if (!traceRows) return;
      for (const ph of r.phases)
        for (let i = 0; i < ph.trialCount; i++) {
          const t = ph.trials;
          ctx.onRecord?.({
            agent,
            phase: ph.name,
            trial: ph.firstTrialIndex + i,
            cueDelta: t.cueDelta[i],
            rewardDelta: t.rewardDelta[i],
            maxDelta: t.maxDelta[i],
            maxDeltaStep: t.maxDeltaStep[i],
            minDelta: t.minDelta[i],
            minDeltaStep: t.minDeltaStep[i],
            cueValue: t.cueValue[i],
            responseProbability: t.responseProbability[i],
            belief: t.belief[i],
          });
        }
    },
  });
  const perTrial: TrialReport["perTrial"] = {};
  for (const m of MEASURES) {
    const d = result.perTrial[m];
    if (d) perTrial[m] = { mean: Array.from(d.mean), lo: Array.from(d.lower), hi: Array.from(d.upper) };
  }
  return {
    level: "trial",
    name: s.name,
    seed: s.seed,
    people: s.agents.people,
    trialSteps: s.protocol.trialSteps,
    phases: result.phases.map((p) => ({ name: p.name, firstTrial: p.firstTrialIndex, trials: p.trialCount })),
    perTrial,
    charts: [deltaChart(s)],
    notes: [
      "lo/hi: 2.5th–97.5th percentiles across agents.",
      "δ(t) is the temporal-difference prediction error (Schultz, Dayan & Montague 1997).",
    ],
  };
}

/** δ over time steps for one agent at the first and last trial of the first phase (learning). */
function deltaChart(s: TrialScenario): ChartSpec {
  const run = runCircuitProtocol(s.protocol, { rng: seededRng(s.seed), traces: "all" });
  const phase = run.phases[0]!;
  const steps = Array.from({ length: run.trialSteps }, (_, i) => i);
  const pick = [0, phase.trialCount - 1].filter((v, i, a) => a.indexOf(v) === i);
  const trials = pick.map((i) => ({
    name: `${phase.name} trial ${i + 1}`,
    step: steps,
    delta: Array.from(trialTrace(run, phase.name, i, "delta")),
  }));
  const trial = s.protocol.phases[0]!.trial;
  return buildTrialDeltaChart(trials, {
    cueStep: trial.cues[0]?.onsetStep,
    rewardStep: trial.rewards[0]?.timeStep,
    subtitle: "One agent, early vs late in learning",
  });
}

const dist = z.object({
  mean: z.number(),
  meanLower: z.number(),
  meanUpper: z.number(),
  lower: z.number(),
  upper: z.number(),
});
export const BanditReportSchema = z.object({
  level: z.literal("bandit"),
  name: z.string(),
  seed: z.number(),
  agents: z.number(),
  trials: z.number(),
  betterArm: z.number(),
  betterArmProportion: dist,
  totalReward: dist,
  blocks: z.array(
    z.object({ startTrial: z.number(), endTrial: z.number(), betterArmProportion: dist, meanOutcome: dist }),
  ),
  charts: z.array(chartSpecSchema),
  notes: z.array(z.string()),
});
export type BanditReport = z.infer<typeof BanditReportSchema>;

/** Runs the two-armed bandit reference workload. */
export function runBanditScenario(s: BanditScenario, ctx: CommandContext): BanditReport {
  const traceAgentCount = ctx.onRecord && s.outputs.trace ? s.outputs.traceAgents : 0;
  const r = runBandit(s.protocol, { rng: seededRng(s.seed), traceAgentCount });
  ctx.onProgress?.(s.protocol.agents, s.protocol.agents);
  if (r.traces && ctx.onRecord) {
    const t = r.traces;
    const trials = s.protocol.trials;
    for (let a = 0; a < t.agentCount; a++)
      for (let i = 0; i < trials; i++)
        ctx.onRecord({
          agent: a,
          trial: i,
          choice: t.choice[a * trials + i],
          outcome: t.outcome[a * trials + i],
          choiceProbability: t.choiceProbability[a * trials + i],
        });
  }
  const x = r.blocks.map((b) => (b.startTrial + b.endTrial) / 2);
  const chart: ChartSpec = {
    id: "bandit-better-arm",
    title: "Choices of the better arm",
    subtitle: `${s.protocol.agents} agents, delta-rule Q-learning with softmax choice`,
    x: { label: "trial", kind: "linear" },
    y: { label: "proportion choosing the better arm", domain: [0, 1] },
    series: [
      {
        name: "population mean",
        kind: "line",
        x,
        y: r.blocks.map((b) => b.betterArmProportion.mean),
        lo: r.blocks.map((b) => b.betterArmProportion.lower),
        hi: r.blocks.map((b) => b.betterArmProportion.upper),
      },
    ],
    references: [{ kind: "line", axis: "y", value: 0.5, label: "chance" }],
    caption: "Band: 2.5th–97.5th percentiles across agents.",
  };
  return {
    level: "bandit",
    name: s.name,
    seed: s.seed,
    agents: s.protocol.agents,
    trials: s.protocol.trials,
    betterArm: r.betterArm,
    betterArmProportion: r.population.betterArmProportion,
    totalReward: r.population.totalReward,
    blocks: r.blocks.map((b) => ({ ...b })),
    charts: [chart],
    notes: [
      "meanLower/meanUpper: 95 % interval of the mean; lower/upper: 2.5th–97.5th percentiles across agents.",
    ],
  };
}
