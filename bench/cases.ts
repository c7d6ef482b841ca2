/** Benchmark cases, each run in its own process by bench/run.ts so that peak memory is per case. */

import { registry } from "../src/app/index.ts";
import { workerPool } from "../src/cli/workers.ts";
import { createBanditProtocol, runBandit } from "../src/model/bandit/index.ts";
import {
  activity,
  baseEnvironment,
  defaultParameters,
  type Environment,
  type PopulationSpec,
  simulateSlice,
  summarisePopulation,
} from "../src/model/person/index.ts";
import { seededRng } from "../src/model/rng.ts";

/** The heaviest case: five activities, each offered every waking hour (16 h × 7 days). */
export function heavyEnvironment(): Environment {
  const base = baseEnvironment();
  return {
    ...base,
    activities: Array.from({ length: 5 }, (_, k) =>
      activity({
        id: `urge${k}`,
        kind: "app",
        urge: true,
        cueRatePerHour: 1,
        durationMin: 1,
        effort: 0.1 + 0.1 * k,
        reward: { kind: "variableRatio", magnitude: 1, probability: 0.3 + 0.1 * k },
        plannedHours: [],
      }),
    ),
  };
}

export interface CaseResult {
  name: string;
  work: string;
  seconds: number;
  throughput?: string;
  /** Measured figures to print after the table (the real-data validation cases). */
  figures?: string[];
}

const time = async (f: () => unknown | Promise<unknown>) => {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
};

/** Opportunity-steps: the engine's unit of work (one opportunity evaluated for one activity). */
function heavySpec(people: number): PopulationSpec {
  return {
    parameters: defaultParameters(),
    environment: heavyEnvironment(),
    interventions: [],
    people,
    weeks: 12,
    seed: 1,
  };
}
const STEPS_PER_PERSON = 12 * 7 * 16 * 5;

export const CASES: Record<string, () => Promise<CaseResult>> = {
  async "person-throughput"() {
    const people = 1000;
    simulateSlice(heavySpec(50), 0, 50); // warm the JIT
    const seconds = await time(() => simulateSlice(heavySpec(people), 0, people));
    const steps = people * STEPS_PER_PERSON;
    return {
      name: "person-level throughput, one core",
      work: `${people} people × 12 weeks × 5 activities every waking hour (${(steps / 1e6).toFixed(1)} M opportunity-steps)`,
      seconds,
      throughput: `${(steps / seconds / 1e6).toFixed(1)} M opportunity-steps/s`,
    };
  },
  async "heavy-one-thread"() {
    const spec = heavySpec(10_000);
    const seconds = await time(() => summarisePopulation(spec, [simulateSlice(spec, 0, spec.people)]));
    return {
      name: "heaviest case, one thread",
      work: "10,000 people × 12 weeks × 5 activities every waking hour (67.2 M opportunity-steps), summarised",
      seconds,
      throughput: `${((10_000 * STEPS_PER_PERSON) / seconds / 1e6).toFixed(1)} M steps/s`,
    };
  },
  async "heavy-workers"() {
    const spec = heavySpec(10_000);
    const pool = workerPool();
    const chunk = 500;
    const jobs = Array.from({ length: spec.people / chunk }, (_, k) => ({
      spec,
      from: k * chunk,
      to: (k + 1) * chunk,
    }));
    const seconds = await time(async () => {
      const slices = await pool.run(new URL("../src/app/simulate/slice-job.ts", import.meta.url).href, jobs);
      summarisePopulation(spec, slices as never);
    });
    await pool.close();
    return {
      name: `heaviest case, ${pool.workers} worker threads`,
      work: "the same 10,000 people, in 20 slices of 500",
      seconds,
      throughput: `${((10_000 * STEPS_PER_PERSON) / seconds / 1e6).toFixed(1)} M steps/s`,
    };
  },
  async "depression-compare"() {
    const seconds = await time(async () => {
      const r = await registry.invoke("simulate", {
        level: "person",
        agents: { conditions: ["depression"], people: 10_000 },
        protocol: { weeks: 12 },
        compare: ["scaffolding", "justExercise"],
      });
      if (!r.ok) throw new Error(r.error.message);
    });
    return {
      name: "simulate command, depression, 3 arms",
      work: "10,000 people × 12 weeks × 3 arms (none, scaffolding, justExercise), one thread, full report",
      seconds,
    };
  },
  async bandit2arm() {
    const protocol = createBanditProtocol({
      armRewardProbabilities: [0.7, 0.3],
      trials: 1000,
      agents: 10_000,
    });
    const seconds = await time(() => runBandit(protocol, { rng: seededRng(1) }));
    return {
      name: "two-armed bandit reference workload",
      work: "10,000 agents × 1,000 trials, delta-rule Q-learning, softmax",
      seconds,
      throughput: `${(1e7 / seconds / 1e6).toFixed(1)} M trials/s`,
    };
  },
};
