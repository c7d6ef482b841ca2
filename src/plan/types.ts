import { z } from "zod";
import type { EvidenceGrade } from "../model/person/index.ts";
import { RecordActivitySchema } from "../model/records/schema.ts";

/** The five circuit patterns of the framework. */
export const PATTERN_IDS = [
  "anticipatoryDeficit",
  "threatOverride",
  "calibration",
  "receptorDownregulation",
  "predictionErrorLoop",
] as const;
export type PatternId = (typeof PATTERN_IDS)[number];
export const PatternIdSchema = z.enum(PATTERN_IDS);

/** A pattern strength (0..1) with its interval. */
export const PatternStrengthSchema = z.strictObject({
  mean: z.number().min(0).max(1),
  lo: z.number().min(0).max(1),
  hi: z.number().min(0).max(1),
});

/**
 * The map as the planner reads it: the primary pattern, pattern strengths with intervals, the
 * chronic stress load (0..1), the circadian peak (hour of day) and whether screening recommends
 * professional help. The profile's output is adapted to this.
 */
export const PlanMapSchema = z.strictObject({
  primary: PatternIdSchema,
  strengths: z.partialRecord(PatternIdSchema, PatternStrengthSchema).default({}),
  stressLoad: z.number().min(0).max(1).default(0.15),
  chronotypePeak: z.number().min(0).max(23.99).default(9),
  professionalHelp: z.boolean().default(false),
  /** Why screening recommends professional help (e.g. "PHQ-9 total 21"). */
  professionalHelpReason: z.string().max(300).optional(),
});
export type PlanMap = z.infer<typeof PlanMapSchema>;

/** One activity the person chose, when they plan to do it, and their own notes. */
export const PlanChoiceSchema = z.strictObject({
  activityId: z.string().min(1).max(100),
  /** Planned hour of day, 0..23. */
  hour: z.number().int().min(0).max(23),
  /** Days of the week, 0 = Monday … 6 = Sunday. */
  days: z.array(z.number().int().min(0).max(6)).min(1).default([0, 1, 2, 3, 4, 5, 6]),
  notes: z.string().max(2000).optional(),
});
export type PlanChoice = z.infer<typeof PlanChoiceSchema>;

/** What the planner needs from the person: the map, their activities (log records) and their choices. */
export const PlanRequestSchema = z.strictObject({
  map: PlanMapSchema,
  activities: z.array(RecordActivitySchema).max(200),
  choices: z.array(PlanChoiceSchema).min(1).max(50),
});
export type PlanRequest = z.infer<typeof PlanRequestSchema>;

/** Where a component's rationale comes from and how well it is supported. */
export interface Rationale {
  readonly text: string;
  readonly source: string;
  readonly grade: EvidenceGrade;
}

export type ComponentKind =
  | "professionalHelp"
  | "environmentCue"
  | "commitment"
  | "microDose"
  | "progression"
  | "approachLadder"
  | "noveltyPairing"
  | "naturalRewardSchedule"
  | "abstinenceSupport"
  | "cueRemoval"
  | "endVariableSchedule"
  | "stressReduction"
  | "timing"
  | "movementBreak";

/** One concrete piece of the plan with the pattern it serves and its rationale. */
export interface PlanComponent {
  readonly kind: ComponentKind;
  readonly pattern: PatternId | "stress" | "circadian" | "safety";
  /** True for components of the primary pattern (and safety); secondary ones come after. */
  readonly primary: boolean;
  readonly title: string;
  readonly text: string;
  /** Ordered steps (the approach ladder, abstinence support). */
  readonly steps?: readonly string[];
  readonly rationale: Rationale;
}

/** The micro-dose progression rule, in minutes and counts. */
export interface ProgressionRule {
  readonly startMin: number;
  readonly stepMin: number;
  /** Step up after this many consecutive starts. */
  readonly afterStarts: number;
  /** Step back after this many consecutive misses. */
  readonly backAfterMisses: number;
  /** The full duration, minutes (the micro-dose never grows past it). */
  readonly maxMin: number;
}

/** One chosen activity in the plan: when, and the components attached to it. */
export interface ActivityPlan {
  readonly activityId: string;
  readonly name: string;
  readonly hour: number;
  readonly days: readonly number[];
  readonly notes?: string;
  /** The hour the circadian estimate suggests, and why. */
  readonly suggestedHour: number;
  readonly timingReason: string;
  readonly progression: ProgressionRule;
  readonly components: readonly PlanComponent[];
}
