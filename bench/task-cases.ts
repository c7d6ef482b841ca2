/**
 * Behavioural-task benchmarks in the shape of `bench/cases.ts`'s CASES: simulate and fit 100
 * participants per task (each runnable on its own: `npx tsx bench/case-runner.ts <name>` once the
 * lead adds TASK_CASES to `bench/all-cases.ts`; peak memory is that process's maximum RSS).
 */
import { fitEefrt, fitPrt } from "../src/fit/index.ts";
import { type EefrtTrial, eefrtData, type PrtTrial, prtData, simulateTaskStudy } from "../src/tasks/index.ts";
import type { CaseResult } from "./cases.ts";

const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return (performance.now() - t) / 1000;
};

export const TASK_CASES: Record<string, () => Promise<CaseResult>> = {
  async "eefrt-fit-100"() {
    const data = eefrtData(
      simulateTaskStudy({ task: "eefrt", participants: 100, seed: 7 }).trials as EefrtTrial[],
    );
    const seconds = time(() => fitEefrt(data));
    return {
      name: "EEfRT fit",
      work: "100 simulated participants × 50 trials, 3 parameters, MAP from 3 starts + Laplace, empirical-Bayes prior",
      seconds,
      throughput: `${(100 / seconds).toFixed(0)} participants/s`,
    };
  },
  async "prt-fit-100"() {
    const data = prtData(simulateTaskStudy({ task: "prt", participants: 100, seed: 7 }).trials as PrtTrial[]);
    const seconds = time(() => fitPrt(data));
    return {
      name: "PRT fit",
      work: "100 simulated participants × 300 trials, 3 parameters, MAP from 3 starts + Laplace, empirical-Bayes prior",
      seconds,
      throughput: `${(100 / seconds).toFixed(0)} participants/s`,
    };
  },
};
