/**
 * The reference workload other toolkits also run: a two-armed bandit played by a population of
 * delta-rule Q-learners with softmax choice (hBayesDM `bandit2arm_delta`).
 *
 * Typical use: `parseBanditProtocol(json)` → `runBandit(protocol, { rng })`.
 */
export {
  type BanditParseResult,
  type BanditProtocol,
  type BanditProtocolInput,
  BanditProtocolSchema,
  createBanditProtocol,
  MAX_AGENT_BLOCKS,
  parseBanditProtocol,
} from "./schema.ts";
export {
  type BanditBlockSummary,
  type BanditResult,
  type BanditTraces,
  type DistributionSummary,
  type RunBanditOptions,
  runBandit,
  summarize,
} from "./simulate.ts";
