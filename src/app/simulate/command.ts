import { z } from "zod";
import { simulatePerson } from "../../model/person/index.ts";
import { samplePerson } from "../../model/person/population.ts";
import { type PersonScenario, ScenarioSchema } from "../../model/scenario/index.ts";
import { resolvePersonScenario } from "../../model/scenario/resolve-person.ts";
import { type CommandContext, defineCommand } from "../registry.ts";
import { PersonReportSchema, runPersonScenario } from "./person-report.ts";
import {
  BanditReportSchema,
  runBanditScenario,
  runTrialScenario,
  TrialReportSchema,
} from "./trial-report.ts";

export const SimulationReportSchema = z.discriminatedUnion("level", [
  PersonReportSchema,
  TrialReportSchema,
  BanditReportSchema,
]);
export type SimulationReport = z.infer<typeof SimulationReportSchema>;

function tracePerson(s: PersonScenario, ctx: CommandContext): void {
  const resolved = resolvePersonScenario(s);
  for (const arm of resolved.arms)
    for (let i = 0; i < s.agents.people; i++) {
      const params = samplePerson(arm.spec.parameters, s.seed, i, arm.spec.spread ?? 1);
      simulatePerson(params, arm.spec.environment, arm.interventions, {
        weeks: arm.spec.weeks,
        seed: s.seed,
        index: i,
        onRecord: (r) => ctx.onRecord?.({ arm: arm.id, person: i, ...r }),
      });
    }
}

/** `simulate`: runs a scenario and reports weekly summaries with intervals (and traces when asked). */
export const simulateCommand = defineCommand({
  name: "simulate",
  localOnly: true,
  summary: "Run a scenario of the reward-circuit model and summarise it with population intervals",
  input: ScenarioSchema,
  output: SimulationReportSchema,
  async run(scenario, ctx) {
    if (scenario.level === "trial") return runTrialScenario(scenario, ctx);
    if (scenario.level === "bandit") return runBanditScenario(scenario, ctx);
    if (scenario.outputs.trace && ctx.onRecord) tracePerson(scenario, ctx);
    return runPersonScenario(scenario, ctx);
  },
});
