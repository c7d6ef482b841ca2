/**
 * Fitting benchmarks in the shape of `bench/cases.ts`'s CASES (each runnable on its own:
 * `npx tsx bench/fit-cases.ts <name>` prints one JSON line with peak memory).
 */

import { type BanditSubject, fitBandit2arm } from "../src/fit/bandit2arm.ts";
import {
  drawTrueParameters,
  fitReplay,
  MODEL_VARIANTS,
  parameterRecovery,
  recoveryEnvironment,
  simulatedLogs,
} from "../src/fit/index.ts";
import { seededRng } from "../src/model/rng.ts";
import type { CaseResult } from "./cases.ts";

const time = async (f: () => unknown | Promise<unknown>) => {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
};

function banditSubjects(n: number, trials: number): BanditSubject[] {
  const rng = seededRng(5);
  return Array.from({ length: n }, (_, i) => {
    const a = 1 / (1 + Math.exp(-(-0.85 + 0.8 * rng.normal())));
    const tau = Math.exp(1.1 + 0.4 * rng.normal());
    const choices = new Uint8Array(trials);
    const outcomes = new Float64Array(trials);
    let e1 = 0;
    let e2 = 0;
    for (let t = 0; t < trials; t++) {
      const c = rng.uniform() < 1 / (1 + Math.exp(-tau * (e2 - e1))) ? 2 : 1;
      const r = rng.uniform() < (c === 2 ? 0.7 : 0.3) ? 1 : 0;
      choices[t] = c;
      outcomes[t] = r;
      if (c === 1) e1 += a * (r - e1);
      else e2 += a * (r - e2);
    }
    return { subjID: `s${i}`, choices, outcomes };
  });
}

export const FIT_CASES: Record<string, () => Promise<CaseResult>> = {
  async "fit-one-person"() {
    const truth = drawTrueParameters(MODEL_VARIANTS[0]!, 7, 0);
    const [data] = simulatedLogs(truth, recoveryEnvironment(), [12], 7, 0, 0.2);
    fitReplay(data!, { starts: 1 }); // warm the JIT
    const reps = 5;
    const seconds =
      (await time(() => {
        for (let i = 0; i < reps; i++) fitReplay(data!);
      })) / reps;
    return {
      name: "fit one person, 12 weeks",
      work: `${data!.opportunities.length} opportunities, 7 parameters, 2 starts + polish, Laplace intervals (mean of ${reps})`,
      seconds,
    };
  },
  async "fit-one-person-mcmc"() {
    const truth = drawTrueParameters(MODEL_VARIANTS[0]!, 7, 0);
    const [data] = simulatedLogs(truth, recoveryEnvironment(), [12], 7, 0, 0.2);
    fitReplay(data!, { starts: 1 }); // warm the JIT
    const reps = 3;
    const seconds =
      (await time(() => {
        for (let i = 0; i < reps; i++) fitReplay(data!, { uncertainty: "mcmc" });
      })) / reps;
    return {
      name: "fit one person with MCMC intervals, 12 weeks",
      work: `${data!.opportunities.length} opportunities, 7 parameters, MAP + 4 Metropolis chains × (400 warm-up + 1,000 kept) (mean of ${reps})`,
      seconds,
    };
  },
  async "recovery-200"() {
    const seconds = await time(() =>
      parameterRecovery({ people: 200, weeks: [8], seed: 101, fit: { starts: 1 } }),
    );
    return {
      name: "parameter recovery, one core",
      work: "200 simulated people × 8 weeks: simulate, log with 20 % missing ratings, fit with Laplace intervals",
      seconds,
      throughput: `${(200 / seconds).toFixed(1)} people/s`,
    };
  },
  async "recovery-200-mcmc"() {
    const seconds = await time(() =>
      parameterRecovery({ people: 200, weeks: [8], seed: 101, fit: { starts: 1, uncertainty: "mcmc" } }),
    );
    return {
      name: "parameter recovery with MCMC intervals, one core",
      work: "200 simulated people × 8 weeks: simulate, log with 20 % missing ratings, fit, 4 Metropolis chains each",
      seconds,
      throughput: `${(200 / seconds).toFixed(1)} people/s`,
    };
  },
  async "bandit2arm-fit"() {
    const subjects = banditSubjects(100, 200);
    const seconds = await time(() => fitBandit2arm(subjects));
    return {
      name: "bandit2arm_delta fit with shrinkage",
      work: "100 subjects × 200 trials, MAP + Laplace per subject, empirical-Bayes group prior",
      seconds,
    };
  },
  async "fit-map-api"() {
    const { openStore } = await import("../src/store/index.ts");
    const { buildServer } = await import("../src/server/index.ts");
    const { mkdtempSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const store = await openStore({
      kind: "sqlite",
      file: join(mkdtempSync(join(tmpdir(), "bench-")), "db.sqlite"),
    });
    const app = await buildServer({ store, mode: "local", now: () => new Date() });
    const post = async (url: string, payload: unknown) => {
      const r = await app.inject({
        method: "POST",
        url: `/api/${url}`,
        headers: { "content-type": "application/json", host: "127.0.0.1" },
        payload: payload as object,
      });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      return r.json();
    };
    await post("demo/seed", { weeks: 12 });
    const t = performance.now();
    const log = await post("log/get", {});
    await post("fit/run", { log });
    await post("map/get", { log });
    const seconds = (performance.now() - t) / 1000;
    await app.close();
    await store.close();
    return {
      name: "fit and map through the HTTP API",
      work: `log/get + fit/run (with model comparison) + map/get for the demo person's 12 weeks (${log.checkIns.length} check-ins), SQLite`,
      seconds,
    };
  },
};
