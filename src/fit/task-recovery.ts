import {
  DEFAULT_TASK_PERSON,
  type EefrtTrial,
  eefrtData,
  type PrtTrial,
  prtData,
  type SimulateTasksOptions,
  simulateTaskStudy,
} from "../tasks/index.ts";
import { fitEefrt } from "./eefrt.ts";
import { fitPrt } from "./prt.ts";
import { pearson } from "./recovery.ts";
import { logit } from "./task-fit.ts";

/** Recovery of one task parameter: r on the transformed scale, and how often the 95 % interval covers the truth. */
export interface TaskParameterRecovery {
  readonly name: string;
  readonly r: number;
  readonly coverage: number;
}

export interface TaskRecovery {
  readonly task: "eefrt" | "prt";
  readonly participants: number;
  readonly trialsPerParticipant: number;
  readonly converged: number;
  readonly parameters: TaskParameterRecovery[];
  /** PRT only: r between estimated ρ and true ε, and between estimated ε and true ρ (near 0 when told apart). */
  readonly crossTalk?: { readonly rhoHatEpsTrue: number; readonly epsHatRhoTrue: number };
}

/**
 * Simulates `participants` people around the default person (`simulateTaskStudy`), fits them, and
 * compares estimates with the truth: r on the log scale (logit for ε) and interval coverage.
 */
export function taskRecovery(o: SimulateTasksOptions): TaskRecovery {
  const sim = simulateTaskStudy({ centre: DEFAULT_TASK_PERSON, ...o });
  const cov = (pairs: [number, { lo: number; hi: number }][]) =>
    pairs.filter(([t, e]) => e.lo <= t && t <= e.hi).length / pairs.length;
  if (o.task === "eefrt") {
    const fit = fitEefrt(eefrtData(sim.trials as EefrtTrial[]));
    const names = ["effortCost", "probabilityWeighting", "inverseTemperature"] as const;
    return {
      task: "eefrt",
      participants: fit.participants.length,
      trialsPerParticipant: fit.participants[0]?.trials ?? 0,
      converged: fit.participants.filter((p) => p.converged).length / fit.participants.length,
      parameters: names.map((n) => ({
        name: n,
        r: pearson(
          sim.people.map((p) => Math.log(p.eefrt[n])),
          fit.participants.map((p) => Math.log(p[n].estimate)),
        ),
        coverage: cov(sim.people.map((p, i) => [p.eefrt[n], fit.participants[i]![n]])),
      })),
    };
  }
  const fit = fitPrt(prtData(sim.trials as PrtTrial[]));
  const tr = (n: "rewardSensitivity" | "learningRate" | "instructionSensitivity", x: number) =>
    n === "learningRate" ? logit(x) : Math.log(x);
  const names = ["rewardSensitivity", "learningRate", "instructionSensitivity"] as const;
  return {
    task: "prt",
    participants: fit.participants.length,
    trialsPerParticipant: fit.participants[0]?.trials ?? 0,
    converged: fit.participants.filter((p) => p.converged).length / fit.participants.length,
    parameters: names.map((n) => ({
      name: n,
      r: pearson(
        sim.people.map((p) => tr(n, p.prt[n])),
        fit.participants.map((p) => tr(n, p[n].estimate)),
      ),
      coverage: cov(sim.people.map((p, i) => [p.prt[n], fit.participants[i]![n]])),
    })),
    crossTalk: {
      rhoHatEpsTrue: pearson(
        sim.people.map((p) => logit(p.prt.learningRate)),
        fit.participants.map((p) => Math.log(p.rewardSensitivity.estimate)),
      ),
      epsHatRhoTrue: pearson(
        sim.people.map((p) => Math.log(p.prt.rewardSensitivity)),
        fit.participants.map((p) => logit(p.learningRate.estimate)),
      ),
    },
  };
}
