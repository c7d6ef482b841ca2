/**
 * The reward-circuit model: the person level (day by day), the circuit level (within-trial TD
 * learning), the two-armed bandit reference workload, scenarios, and the seeded generator.
 */
export * as bandit from "./bandit/index.ts";
export * as circuit from "./circuit/index.ts";
export * from "./person/index.ts";
export * from "./rng.ts";
export * from "./scenario/index.ts";
export * from "./stats.ts";
