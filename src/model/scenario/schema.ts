import { z } from "zod";
import { BanditProtocolSchema } from "../bandit/index.ts";
import { CircuitProtocolSchema, CircuitSpreadSchema } from "../circuit/index.ts";
import { PersonScenarioSchema } from "./person-schema.ts";

const seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1)
  .default(1);

/** A trial-level run: a circuit protocol (phases of cue/reward trials) for a population of TD agents. */
export const TrialScenarioSchema = z.strictObject({
  level: z.literal("trial"),
  name: z.string().max(200).default("scenario"),
  description: z.string().max(2000).optional(),
  seed,
  agents: z
    .strictObject({
      people: z.number().int().min(1).max(100_000).default(200),
      spread: CircuitSpreadSchema.prefault({}),
    })
    .prefault({}),
  protocol: CircuitProtocolSchema,
  outputs: z.strictObject({ trace: z.boolean().default(false) }).prefault({}),
});

/** The reference workload: a two-armed bandit with delta-rule Q-learning and softmax choice. */
export const BanditScenarioSchema = z.strictObject({
  level: z.literal("bandit"),
  name: z.string().max(200).default("scenario"),
  description: z.string().max(2000).optional(),
  seed,
  protocol: BanditProtocolSchema,
  outputs: z
    .strictObject({
      trace: z.boolean().default(false),
      /** Agents whose trials are traced when `trace` is on. */
      traceAgents: z.number().int().min(1).max(1000).default(10),
    })
    .prefault({}),
});

/** A run of the model, at any level; `level` selects the shape. */
export const ScenarioSchema = z.discriminatedUnion("level", [
  PersonScenarioSchema,
  TrialScenarioSchema,
  BanditScenarioSchema,
]);
export type Scenario = z.infer<typeof ScenarioSchema>;
export type TrialScenario = z.infer<typeof TrialScenarioSchema>;
export type BanditScenario = z.infer<typeof BanditScenarioSchema>;
