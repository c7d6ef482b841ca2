import { z } from "zod";
import { fromParse, type Result } from "../../errors/index.ts";
import { boundedInteger, boundedNumber } from "../schema-helpers.ts";

/** Largest agents × blocks the population summary may hold (memory bound). */
export const MAX_AGENT_BLOCKS = 20_000_000;

/** Population distribution of one parameter: clipped normal with this mean and standard deviation. */
function parameterSchema(max: number, meanDefault: number) {
  return z.object({
    /** Population mean; [0, max]. */
    mean: boundedNumber(0, max).default(meanDefault),
    /** Population standard deviation of a normal clipped to [0, max]; [0, max], default 0. */
    sd: boundedNumber(0, max).default(0),
  });
}

/**
 * A two-armed bandit run by a population of delta-rule Q-learners with softmax choice (the
 * `bandit2arm_delta` model of hBayesDM: Ahn, Haines & Zhang 2017, Comput Psychiatry 1:24; task after
 * Erev et al. 2010): Q(chosen) ← Q + α·(outcome − Q), P(arm 1) = 1 / (1 + exp(−β·(Q1 − Q0))).
 */
export const BanditProtocolSchema = z
  .object({
    /** Probability that each arm pays `rewardValue` (else `lossValue`); two values in [0, 1]. */
    armRewardProbabilities: z.tuple([boundedNumber(0, 1), boundedNumber(0, 1)]),
    /** Outcome of a rewarded pull, reward units; [−1000, 1000], default 1 (hBayesDM: 1). */
    rewardValue: boundedNumber(-1000, 1000).default(1),
    /** Outcome of an unrewarded pull, reward units; [−1000, 1000], default −1 (hBayesDM: −1). */
    lossValue: boundedNumber(-1000, 1000).default(-1),
    /** Starting Q of both arms, reward units; [−1000, 1000], default 0. */
    initialValue: boundedNumber(-1000, 1000).default(0),
    /** Trials per agent; [1, 100000]. */
    trials: boundedInteger(1, 100_000),
    /** Number of agents; [1, 1000000]. */
    agents: boundedInteger(1, 1_000_000),
    /** Trials per block of the population summary; [1, 100000], default 100 (the last block may be shorter). */
    blockTrials: boundedInteger(1, 100_000).default(100),
    /** Learning rate α (hBayesDM `A`); mean and sd in [0, 1], default mean 0.3. */
    learningRate: parameterSchema(1, 0.3).prefault({}),
    /** Inverse temperature β (hBayesDM `tau`, there in [0, 5]), per reward unit; mean and sd in [0, 100], default mean 3. */
    inverseTemperature: parameterSchema(100, 3).prefault({}),
  })
  .superRefine((protocol, ctx) => {
    const blocks = Math.ceil(protocol.trials / protocol.blockTrials);
    if (protocol.agents * blocks > MAX_AGENT_BLOCKS) {
      ctx.addIssue({
        code: "custom",
        path: ["agents"],
        message: `agents × blocks must be ≤ ${MAX_AGENT_BLOCKS} (got ${protocol.agents} × ${blocks}); raise blockTrials`,
      });
    }
  });

export type BanditProtocolInput = z.input<typeof BanditProtocolSchema>;
export type BanditProtocol = z.output<typeof BanditProtocolSchema>;

/** A parse result with the stable code `invalid_protocol`; the message lists every issue as `path: rule (got value)`. */
export type BanditParseResult = Result<BanditProtocol, "invalid_protocol">;

/** Validates a bandit protocol, filling every default. */
export function parseBanditProtocol(input: unknown): BanditParseResult {
  return fromParse("invalid_protocol", BanditProtocolSchema.safeParse(input, { reportInput: true }));
}

/** Validates a protocol built in code; throws an Error with the parse message when invalid. */
export function createBanditProtocol(input: BanditProtocolInput): BanditProtocol {
  const result = parseBanditProtocol(input);
  if (!result.ok) throw new Error(`invalid bandit protocol: ${result.error.message}`);
  return result.value;
}
