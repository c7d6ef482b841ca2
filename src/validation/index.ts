/**
 * Validation on real human data: readers of the study files that are not task trials (diaries,
 * wearables, questionnaires, screening metrics) and the statistics that compare dopamap's fits with
 * the published results, each with the agreement criterion written in docs/validation.md before the
 * fits were run. Pure: text in, figures out; files are read by the bench and the tests.
 */

export * from "./bandit-hbayesdm.ts";
export * from "./diary-flueckiger.ts";
export * from "./effort-bernacer.ts";
export * from "./habit-gera.ts";
export * from "./happiness-rdt.ts";
export * from "./prl-zorowitz.ts";
export * from "./prt-sailer.ts";
export * from "./sleep-jang.ts";
export * from "./stats.ts";
