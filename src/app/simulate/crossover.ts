import { z } from "zod";
import {
  CONDITION_IDS,
  type ConditionId,
  INTERVENTION_IDS,
  type InterventionId,
  personMeans,
  resolveConditions,
  simulatePopulation,
} from "../../model/person/index.ts";
import { meanInterval, pairedDifference } from "../../model/stats.ts";
import { defineCommand } from "../registry.ts";
import { IntervalSchema } from "./person-report.ts";

export const CrossoverInputSchema = z.strictObject({
  conditions: z
    .array(z.enum(CONDITION_IDS as [string, ...string[]]))
    .min(1)
    .default([...CONDITION_IDS]),
  interventions: z
    .array(z.enum(INTERVENTION_IDS as [string, ...string[]]))
    .min(1)
    .default(INTERVENTION_IDS.filter((i) => i !== "none")),
  people: z.number().int().min(2).max(100_000).default(200),
  weeks: z.number().int().min(1).max(520).default(12),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
});

const Cell = z.object({
  condition: z.string(),
  intervention: z.string(),
  /** Start rate of the person's own activities, last four weeks, with and without. */
  startRate: IntervalSchema,
  baseline: IntervalSchema,
  /** Paired effect on the start rate. */
  effect: IntervalSchema,
  /** Paired effect on κ at the last week. */
  kappaEffect: IntervalSchema,
});

/**
 * `model/crossover`: every condition × intervention on the same simulated people, from one parameter
 * set; each cell is the paired effect against no intervention.
 */
export const crossoverCommand = defineCommand({
  name: "model/crossover",
  localOnly: true,
  summary: "The condition × intervention crossover matrix: paired effects on starting and on κ",
  input: CrossoverInputSchema,
  output: z.object({ weeks: z.tuple([z.number(), z.number()]), cells: z.array(Cell) }),
  async run(input, ctx) {
    const cells: z.infer<typeof Cell>[] = [];
    const from = Math.max(0, input.weeks - 4);
    const total = input.conditions.length * (input.interventions.length + 1) * input.people;
    let done = 0;
    const fix = (x: { mean: number; lo: number; hi: number; n: number }) => ({
      mean: Number.isFinite(x.mean) ? x.mean : null,
      lo: Number.isFinite(x.lo) ? x.lo : null,
      hi: Number.isFinite(x.hi) ? x.hi : null,
      n: x.n,
    });
    for (const condition of input.conditions as ConditionId[]) {
      const { parameters, environment } = resolveConditions([condition]);
      const run = (id: InterventionId | null) => {
        const r = simulatePopulation(
          {
            parameters,
            environment,
            interventions: id ? [{ id, startWeek: 0 }] : [],
            people: input.people,
            weeks: input.weeks,
            seed: input.seed,
          },
          (n) => ctx.onProgress?.(done + n, total),
        );
        done += input.people;
        return r;
      };
      const none = run(null);
      const baseStart = personMeans(none, "startRate", from, input.weeks);
      const baseKappa = personMeans(none, "anticipatoryGain", input.weeks - 1, input.weeks);
      for (const intervention of input.interventions as InterventionId[]) {
        const r = run(intervention);
        const start = personMeans(r, "startRate", from, input.weeks);
        const kappa = personMeans(r, "anticipatoryGain", input.weeks - 1, input.weeks);
        cells.push({
          condition,
          intervention,
          startRate: fix(meanInterval(start)),
          baseline: fix(meanInterval(baseStart)),
          effect: fix(pairedDifference(start, baseStart)),
          kappaEffect: fix(pairedDifference(kappa, baseKappa)),
        });
      }
    }
    return { weeks: [from + 1, input.weeks] as [number, number], cells };
  },
});
