import { z } from "zod";
import {
  ACTIVITY_KINDS,
  CONDITION_IDS,
  INTERVENTION_IDS,
  PARAMETER_NAMES,
  PARAMETERS,
  type ParameterName,
} from "../person/index.ts";

const unit = z.number().min(0).max(1);
const hour = z.number().int().min(0).max(23);

/** One parameter override, with the range from the parameter table. */
const parameterShape = Object.fromEntries(
  PARAMETER_NAMES.map((name) => {
    const { min, max, meaning, unit: u } = PARAMETERS[name];
    return [name, z.number().min(min).max(max).optional().describe(`${meaning} (${u}; ${min}..${max})`)];
  }),
) as Record<ParameterName, z.ZodOptional<z.ZodNumber>>;

export const ParameterOverridesSchema = z.strictObject(parameterShape);

export const RewardScheduleSchema = z
  .strictObject({
    kind: z.enum(["fixed", "probabilistic", "variableRatio", "variableMagnitude"]),
    magnitude: z.number().min(0).max(100),
    probability: unit.default(1),
  })
  .refine((r) => r.kind !== "fixed" || r.probability === 1, {
    message: "a fixed schedule rewards every start: probability must be 1",
    path: ["probability"],
  });

export const ProgressionSchema = z.strictObject({
  startMin: z.number().positive().max(1440),
  stepMin: z.number().min(0).max(1440),
  afterStarts: z.number().int().min(1).max(100),
  backAfterMisses: z.number().int().min(1).max(100),
  exposureStart: unit.default(1),
  exposureStep: unit.default(0),
});

/** An activity in a scenario file; omitted fields take the neutral defaults of `activity()`. */
export const ActivitySchema = z.strictObject({
  id: z.string().min(1).max(64),
  label: z.string().max(200).optional(),
  kind: z.enum(ACTIVITY_KINDS as [string, ...string[]]),
  importance: unit.optional(),
  novelty: unit.optional(),
  noveltyRefresh: unit.optional(),
  effort: unit.optional(),
  durationMin: z.number().positive().max(1440).optional(),
  reward: RewardScheduleSchema.optional(),
  immediateReward: z.number().min(0).max(100).optional(),
  surge: z.number().min(0).max(100).optional(),
  threat: unit.optional(),
  harmProbability: unit.optional(),
  commitment: unit.optional(),
  cue: unit.optional(),
  urge: z.boolean().optional(),
  cueRatePerHour: unit.optional(),
  plannedHours: z.array(hour).max(24).optional(),
  days: z.array(z.number().int().min(0).max(6)).max(7).optional(),
  stressRelief: unit.optional(),
  toneBoost: z.number().min(0).max(2).optional(),
  available: z.boolean().optional(),
  progression: ProgressionSchema.nullable().optional(),
});

export const ConditionIdSchema = z.enum(CONDITION_IDS as [string, ...string[]]);
export const InterventionIdSchema = z.enum(INTERVENTION_IDS as [string, ...string[]]);

export const ScheduledInterventionSchema = z.strictObject({
  id: InterventionIdSchema,
  startWeek: z.number().int().min(0).max(520).default(0),
});

/** The agents of a person-level run: a condition preset (or several combined) and explicit overrides. */
export const PersonAgentsSchema = z.strictObject({
  conditions: z.array(ConditionIdSchema).min(1).max(7).default(["healthy"]),
  parameters: ParameterOverridesSchema.default({}),
  people: z.number().int().min(1).max(1_000_000).default(200),
  /** Multiplies every parameter's population spread (0 = identical people). */
  spread: z.number().min(0).max(5).default(1),
});

export const PersonProtocolSchema = z.strictObject({
  weeks: z.number().int().min(1).max(520).default(12),
  /** Activities added to the condition's environment (replacing any with the same id). */
  activities: z.array(ActivitySchema).max(50).default([]),
  /** Ids of the condition's activities to leave out. */
  removeActivities: z.array(z.string()).max(50).default([]),
  stressInput: unit.optional(),
  acuteStressPerDay: unit.optional(),
  wakeHour: hour.optional(),
  wakingHours: z.number().int().min(1).max(24).optional(),
});

export const PersonScenarioSchema = z.strictObject({
  level: z.literal("person"),
  name: z.string().max(200).default("scenario"),
  description: z.string().max(2000).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  agents: PersonAgentsSchema.default({ conditions: ["healthy"], parameters: {}, people: 200, spread: 1 }),
  protocol: PersonProtocolSchema.default({ weeks: 12, activities: [], removeActivities: [] }),
  interventions: z.array(ScheduledInterventionSchema).max(11).default([]),
  /** Interventions to compare against no intervention on the same simulated people. */
  compare: z.array(InterventionIdSchema).max(11).default([]),
  /** Week (0-based) from which the compared interventions are in place. */
  compareStartWeek: z.number().int().min(0).max(520).default(0),
  outputs: z
    .strictObject({
      /** Per-opportunity records (large: use with few people). */
      trace: z.boolean().default(false),
      /** Weeks over which arms are compared (1-based, inclusive). */
      compareWeeks: z.tuple([z.number().int().min(1), z.number().int().min(1)]).optional(),
    })
    .default({ trace: false }),
});

export type PersonScenario = z.infer<typeof PersonScenarioSchema>;
