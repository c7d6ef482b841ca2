import { z } from "zod";
import { fromParse, type Result, type SafeParsed } from "../../errors/index.ts";
import { boundedInteger, boundedNumber } from "../schema-helpers.ts";

/** Largest number of time steps in one trial. */
export const MAX_TRIAL_STEPS = 1000;
/** Largest number of trials in one phase. */
export const MAX_TRIALS_PER_PHASE = 100_000;
/** Largest absolute reward magnitude and drug surge, in reward units. */
export const MAX_MAGNITUDE = 1000;

/** A conditioned stimulus, represented as a tapped delay line (complete serial compound). */
export const CueSchema = z.object({
  /** Name of the cue; cues with the same id share their delay-line weights across trials and phases. */
  id: z.string().min(1).max(64),
  /** Step at which the cue comes on, 0-based, in [0, trialSteps − 1]. */
  onsetStep: boundedInteger(0, MAX_TRIAL_STEPS - 1),
  /** Steps the cue and its delay line stay represented, ≥ 1; default: to the end of the trial. */
  durationSteps: boundedInteger(1, MAX_TRIAL_STEPS).optional(),
  /** Salience α_CS: multiplies the learning rate of this cue's weights (Rescorla & Wagner 1972); [0, 1], default 1. */
  salience: boundedNumber(0, 1).default(1),
});

/** A scheduled outcome within the trial. */
export const RewardEventSchema = z.object({
  /** Step at which the outcome is delivered, 0-based, in [0, trialSteps − 1]. */
  timeStep: boundedInteger(0, MAX_TRIAL_STEPS - 1),
  /** Size of the outcome, reward units; [−1000, 1000], default 1. */
  magnitude: boundedNumber(-MAX_MAGNITUDE, MAX_MAGNITUDE).default(1),
  /** Probability that the outcome is delivered on a trial; [0, 1], default 1. */
  probability: boundedNumber(0, 1).default(1),
  /**
   * Non-compensable dopamine surge D delivered with the outcome (a drug), reward units; at that step
   * δ = max(δ_TD + D, D) (Redish 2004, Science 306:1944). [0, 1000], default 0 (a natural reward).
   */
  surge: boundedNumber(0, MAX_MAGNITUDE).default(0),
});

/** What one trial contains: cues (several at once make a compound) and scheduled outcomes. */
export const TrialSpecSchema = z.object({
  /** Cues of the trial; at most 16. Default: none. */
  cues: z.array(CueSchema).max(16).default([]),
  /** Scheduled outcomes of the trial; at most 16. Default: none. */
  rewards: z.array(RewardEventSchema).max(16).default([]),
});

/**
 * How the outcomes of a trial are delivered: `drawn` (each with its probability, using the run's Rng),
 * `omitted` (none delivered: extinction, omission probes) or `delivered` (all delivered, shifted by
 * `shiftSteps`: negative is early, positive is late; Hollerman & Schultz 1998).
 */
export const TrialOutcomeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("drawn") }),
  z.object({ kind: z.literal("omitted") }),
  z.object({
    kind: z.literal("delivered"),
    /** Shift of every outcome's step, in steps; [−999, 999], default 0. */
    shiftSteps: boundedInteger(-(MAX_TRIAL_STEPS - 1), MAX_TRIAL_STEPS - 1).default(0),
  }),
]);

/** A block of identical trials. */
export const PhaseSchema = z.object({
  /** Name of the phase, unique within the protocol (e.g. "acquisition", "extinction", "omission probe"). */
  name: z.string().min(1).max(64),
  /** Number of trials in the phase; [0, 100000]. */
  trials: boundedInteger(0, MAX_TRIALS_PER_PHASE),
  /** The trial repeated in this phase. */
  trial: TrialSpecSchema,
  /** Delivery of outcomes; default `{ kind: "drawn" }`. */
  outcome: TrialOutcomeSchema.default({ kind: "drawn" }),
  /** When true the agent's state (weights, belief, counts) is left unchanged: probe trials. Default false. */
  frozen: z.boolean().default(false),
  /** When true the per-step δ, V and uncertainty traces of this phase are kept. Default false. */
  recordTraces: z.boolean().default(false),
});

/**
 * Two-regime latent-state filter for partial reinforcement and extinction (after Gershman, Blei &
 * Niv 2010, Psychol Rev 117:197; Cochran & Cisler 2019, PLoS Comput Biol): the agent's belief b that
 * the learned reinforcing regime still holds scales the learned value and weights learning.
 */
export const LatentStateSchema = z.object({
  /** Probability per trial that the regime changes; [0, 0.5], default 0.02. */
  hazard: boundedNumber(0, 0.5).default(0.02),
  /** Probability of a rewarded trial under the extinction regime; [0, 0.5], default 0.05. */
  extinctionRewardProbability: boundedNumber(0, 0.5).default(0.05),
  /** Per-trial decay of the reinforcing regime's reward/omission counts; [0, 1], default 0.95 (≈ 20-trial memory). */
  countDecay: boundedNumber(0, 1).default(0.95),
  /** Prior (pseudo-)count of rewarded and of omitted trials; [0.01, 100], default 1. */
  priorCount: boundedNumber(0.01, 100).default(1),
  /** Belief in the reinforcing regime before the first trial; [0, 1], default 1. */
  initialBelief: boundedNumber(0, 1).default(1),
});

/**
 * Sustained uncertainty signal between cue and outcome (Fiorillo, Tobler & Schultz 2003, Science
 * 299:1898), maximal at p = 0.5. `nominal`: gain · Σ magnitude² · p(1 − p) of outcomes still to come;
 * `learned`: gain · U(t), where U is learned by TD over the same delay lines to predict the summed
 * squared prediction error still to come (outcome variance; Preuschoff & Bossaerts 2007).
 */
export const UncertaintySchema = z.object({
  /** `nominal` or `learned`; default `learned`. */
  mode: z.enum(["nominal", "learned"]).default("learned"),
  /** Scale of the reported signal; [0, 100], default 1. */
  gain: boundedNumber(0, 100).default(1),
  /** Learning rate of U in `learned` mode; [0, 1], default 0.1. */
  learningRate: boundedNumber(0, 1).default(0.1),
});

/** Parameters of the circuit-level TD agent (Schultz, Dayan & Montague 1997, Science 275:1593). */
export const CircuitParamsSchema = z.object({
  /** Learning rate α of the delay-line weights; [0, 1], default 0.1 (0.05–0.3 in published simulations). */
  learningRate: boundedNumber(0, 1).default(0.1),
  /** Discount γ per time step; [0, 1], default 0.95 (0.9–0.99). */
  discount: boundedNumber(0, 1).default(0.95),
  /** Eligibility-trace decay λ of TD(λ); [0, 1], default 0 (TD(0)). */
  traceDecay: boundedNumber(0, 1).default(0),
  /** Slope of the logistic response probability σ(slope · (cue value − threshold)), per reward unit; [0, 1000], default 10. */
  responseSlope: boundedNumber(0, 1000).default(10),
  /** Cue value at which the response probability is 0.5, reward units; [−1000, 1000], default 0.25. */
  responseThreshold: boundedNumber(-MAX_MAGNITUDE, MAX_MAGNITUDE).default(0.25),
  /** Sustained uncertainty signal; absent: none is computed (its trace is 0). */
  uncertainty: UncertaintySchema.optional(),
  /** Latent-state filter; absent: plain TD. */
  latentState: LatentStateSchema.optional(),
});

/** A trial-level protocol: fixed trial length, agent parameters, and phases run in order. */
export const CircuitProtocolSchema = z
  .object({
    /** Number of time steps T in every trial; [2, 1000]. */
    trialSteps: boundedInteger(2, MAX_TRIAL_STEPS),
    /** Agent parameters; every field defaulted. */
    params: CircuitParamsSchema.prefault({}),
    /** Phases, run in order; 1 to 64. */
    phases: z.array(PhaseSchema).min(1).max(64),
  })
  .superRefine((protocol, ctx) => {
    const lastStep = protocol.trialSteps - 1;
    const inTrial = `must be an integer in [0, ${lastStep}] (trialSteps − 1)`;
    const names = new Set<string>();
    protocol.phases.forEach((phase, p) => {
      if (names.has(phase.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["phases", p, "name"],
          message: "must be unique within a protocol",
        });
      }
      names.add(phase.name);
      const seen = new Set<string>();
      phase.trial.cues.forEach((cue, c) => {
        const path = ["phases", p, "trial", "cues", c];
        if (cue.onsetStep > lastStep)
          ctx.addIssue({ code: "custom", path: [...path, "onsetStep"], message: inTrial });
        if (seen.has(cue.id)) {
          ctx.addIssue({ code: "custom", path: [...path, "id"], message: "must be unique within a trial" });
        }
        seen.add(cue.id);
      });
      const shift = phase.outcome.kind === "delivered" ? phase.outcome.shiftSteps : 0;
      phase.trial.rewards.forEach((reward, r) => {
        const path = ["phases", p, "trial", "rewards", r, "timeStep"];
        if (reward.timeStep > lastStep) ctx.addIssue({ code: "custom", path, message: inTrial });
        else if (reward.timeStep + shift < 0 || reward.timeStep + shift > lastStep) {
          ctx.addIssue({
            code: "custom",
            path: ["phases", p, "outcome", "shiftSteps"],
            message: `must keep every outcome inside the trial: shifted step ${reward.timeStep + shift} not in [0, ${lastStep}]`,
          });
        }
      });
    });
  });

/** Spread of agent parameters in a population: standard deviations of clipped normal draws. */
export const CircuitSpreadSchema = z.object({
  /** SD of the learning rate α; [0, 1], default 0. */
  learningRate: boundedNumber(0, 1).default(0),
  /** SD of the discount γ; [0, 1], default 0. */
  discount: boundedNumber(0, 1).default(0),
  /** SD of the trace decay λ; [0, 1], default 0. */
  traceDecay: boundedNumber(0, 1).default(0),
});

/** A population of agents running one protocol, parameters drawn around `protocol.params`. */
export const CircuitPopulationSchema = z.object({
  /** Number of agents; [1, 100000]. */
  agentCount: boundedInteger(1, 100_000),
  /** Spread of the agents' parameters; default no spread. */
  spread: CircuitSpreadSchema.prefault({}),
});

export type CueInput = z.input<typeof CueSchema>;
export type Cue = z.output<typeof CueSchema>;
export type RewardEventInput = z.input<typeof RewardEventSchema>;
export type RewardEvent = z.output<typeof RewardEventSchema>;
export type TrialSpecInput = z.input<typeof TrialSpecSchema>;
export type TrialSpec = z.output<typeof TrialSpecSchema>;
export type TrialOutcome = z.output<typeof TrialOutcomeSchema>;
export type PhaseInput = z.input<typeof PhaseSchema>;
export type Phase = z.output<typeof PhaseSchema>;
export type LatentStateParams = z.output<typeof LatentStateSchema>;
export type UncertaintyParams = z.output<typeof UncertaintySchema>;
export type CircuitParamsInput = z.input<typeof CircuitParamsSchema>;
export type CircuitParams = z.output<typeof CircuitParamsSchema>;
export type CircuitProtocolInput = z.input<typeof CircuitProtocolSchema>;
export type CircuitProtocol = z.output<typeof CircuitProtocolSchema>;
export type CircuitSpreadInput = z.input<typeof CircuitSpreadSchema>;
export type CircuitSpread = z.output<typeof CircuitSpreadSchema>;
export type CircuitPopulationInput = z.input<typeof CircuitPopulationSchema>;
export type CircuitPopulation = z.output<typeof CircuitPopulationSchema>;

/** A parse result with the stable code `invalid_protocol`; the message lists every issue as `path: rule (got value)`. */
export type ParseResult<T> = Result<T, "invalid_protocol">;

const toParseResult = <T>(parsed: SafeParsed<T>): ParseResult<T> => fromParse("invalid_protocol", parsed);

/** Validates a trial-level protocol, filling every default. */
export function parseCircuitProtocol(input: unknown): ParseResult<CircuitProtocol> {
  return toParseResult(CircuitProtocolSchema.safeParse(input, { reportInput: true }));
}

/** Validates a protocol built in code; throws an Error with the {@link ParseResult} message when invalid. */
export function createCircuitProtocol(input: CircuitProtocolInput): CircuitProtocol {
  const result = parseCircuitProtocol(input);
  if (!result.ok) throw new Error(`invalid circuit protocol: ${result.error.message}`);
  return result.value;
}

/** Validates agent parameters, filling defaults; throws when invalid. */
export function createCircuitParams(input: CircuitParamsInput = {}): CircuitParams {
  const result = toParseResult(CircuitParamsSchema.safeParse(input, { reportInput: true }));
  if (!result.ok) throw new Error(`invalid circuit parameters: ${result.error.message}`);
  return result.value;
}

/** Validates a population description, filling defaults. */
export function parseCircuitPopulation(input: unknown): ParseResult<CircuitPopulation> {
  return toParseResult(CircuitPopulationSchema.safeParse(input, { reportInput: true }));
}
