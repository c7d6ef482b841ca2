import { z } from "zod";
import { PlanChoiceSchema, PlanMapSchema } from "../../plan/index.ts";
import {
  ONE_LOG_SOURCE,
  oneLogSource,
  openPerson,
  type Person,
  PersonSourceFields,
} from "../person/index.ts";

/**
 * Input shared by the plan commands: the person (the stored one, or a log or CSV given), and
 * optionally a map given by hand, other choices, and other selection settings. Left out, the
 * draws, seed and runs per draw are the ones every view shares (`src/app/person/rules.ts`).
 */
export const PlanInputSchema = z
  .strictObject({
    ...PersonSourceFields,
    map: PlanMapSchema.optional(),
    choices: z.array(PlanChoiceSchema).min(1).optional(),
    /** Parameter draws for the in-silico selection (0 = components only). */
    draws: z.number().int().min(0).max(100).optional(),
    seedsPerDraw: z.number().int().min(1).max(5).optional(),
    seed: z.number().int().optional(),
  })
  .refine(oneLogSource, ONE_LOG_SOURCE);
export type PlanInput = z.output<typeof PlanInputSchema>;

/** Opens the person a plan command names, with its draw settings. */
export function personOf(
  input: Pick<PlanInput, "log" | "csv" | "onError" | "draws" | "seed">,
  ctx: Parameters<typeof openPerson>[0],
): Promise<Person> {
  return openPerson(
    ctx,
    { log: input.log, csv: input.csv, onError: input.onError },
    {
      ...(input.draws !== undefined ? { draws: input.draws } : {}),
      ...(input.seed !== undefined ? { seed: input.seed } : {}),
    },
  );
}

/** The plan options of a plan command's input. */
export const planOptionsOf = (input: Pick<PlanInput, "map" | "choices" | "seedsPerDraw">) => ({
  map: input.map,
  choices: input.choices,
  seedsPerDraw: input.seedsPerDraw,
});
