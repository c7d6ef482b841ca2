import { type Rng, streamRng } from "../model/rng.ts";
import { type PrtData, type PrtParameters, prtLeanProbability, prtLogLik, prtSummary } from "../tasks/prt.ts";
import { foldsByLabel, heldOutLogLik, type VariantCv } from "./cross-validation.ts";
import { PRT_PRIORS, type PrtParticipantFit, prtEstimates, prtFromCoordinates } from "./prt.ts";
import { pearson } from "./recovery.ts";
import { type TaskCoordinate, taskMap } from "./task-fit.ts";

/**
 * The Huys et al. 2013 PRT model for data that record the stimulus and the response but not the
 * rewards (as the preprocessed files of Sailer et al. 2024): the rewards are **latent**, drawn from
 * an assumed schedule given the person's observed correct responses, and the likelihood averages
 * over them, p(choices | θ) ≈ (1/M) Σ_m p(choices | θ, rewards_m), with M fixed seeded draws (the
 * same draws at every θ, so the optimiser sees a smooth function). Every result of this module is
 * labelled "rewards latent (schedule assumed)".
 */

/**
 * The assumed reward schedule. `controlled`: the published PRT (Pizzagalli et al. 2005), a fixed
 * number of rich and lean trials flagged per block of `trialsPerBlock`, a flagged reward missed by an
 * incorrect response waiting for the next correct response to that stimulus; the flags are drawn at
 * that rate among the trials present (trimmed trials are gone). `probabilistic`: each correct rich
 * (lean) response rewarded with probability `rich` (`lean`).
 */
export type PrtRewardSchedule =
  | {
      readonly kind: "controlled";
      readonly richPerBlock: number;
      readonly leanPerBlock: number;
      readonly trialsPerBlock: number;
    }
  | { readonly kind: "probabilistic"; readonly rich: number; readonly lean: number };

/** The published schedule: 30 rich and 10 lean rewards per block of 100. */
export const PRT_PUBLISHED_SCHEDULE: PrtRewardSchedule = {
  kind: "controlled",
  richPerBlock: 30,
  leanPerBlock: 10,
  trialsPerBlock: 100,
};

export const LATENT_LABEL = "rewards latent (schedule assumed)" as const;

function shuffledPrefix(idx: number[], k: number, rng: Rng): Set<number> {
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return new Set(idx.slice(0, k));
}

/**
 * One reward sequence for the given responses under the schedule. `response` may differ from
 * `d.response` (simulation); `d.stimulus` and `d.block` give the trial structure.
 */
export function drawRewards(
  d: PrtData,
  response: ArrayLike<number>,
  schedule: PrtRewardSchedule,
  rng: Rng,
): Uint8Array {
  const n = d.stimulus.length;
  const out = new Uint8Array(n);
  if (schedule.kind === "probabilistic") {
    for (let t = 0; t < n; t++) {
      const s = d.stimulus[t]!;
      if (response[t] === s && rng.uniform() < (s === 0 ? schedule.rich : schedule.lean)) out[t] = 1;
    }
    return out;
  }
  const half = schedule.trialsPerBlock / 2;
  const flagged = new Set<number>();
  for (const b of new Set(d.block)) {
    for (const s of [0, 1]) {
      const idx: number[] = [];
      for (let t = 0; t < n; t++) if (d.block[t] === b && d.stimulus[t] === s) idx.push(t);
      const rate = (s === 0 ? schedule.richPerBlock : schedule.leanPerBlock) / half;
      for (const t of shuffledPrefix(idx, Math.round(rate * idx.length), rng)) flagged.add(t);
    }
  }
  const pending = [0, 0];
  let block = -1;
  for (let t = 0; t < n; t++) {
    if (d.block[t] !== block) {
      block = d.block[t]!;
      pending[0] = 0;
      pending[1] = 0;
    }
    const s = d.stimulus[t]!;
    if (flagged.has(t)) pending[s]!++;
    if (response[t] === s && pending[s]! > 0) {
      out[t] = 1;
      pending[s]!--;
    }
  }
  return out;
}

/** `draws` copies of the person's data, each with a reward sequence drawn for their own responses. */
export function latentRewardDraws(
  d: PrtData,
  schedule: PrtRewardSchedule,
  draws: number,
  rng: Rng,
): PrtData[] {
  return Array.from({ length: draws }, () => ({ ...d, rewarded: drawRewards(d, d.response, schedule, rng) }));
}

function logMeanExp(xs: readonly number[]): number {
  const m = Math.max(...xs);
  if (!Number.isFinite(m)) return m;
  return m + Math.log(xs.reduce((a, x) => a + Math.exp(x - m), 0) / xs.length);
}

/** log p(choices | θ) averaged over the reward draws (with `weights`, of the weighted choices). */
export function prtLatentLogLik(draws: readonly PrtData[], p: PrtParameters, weights?: ArrayLike<number>) {
  return logMeanExp(draws.map((d) => prtLogLik(d, p, weights)));
}

/** The static-bias comparison model: a constant bias towards the lean response b plus γ, no learning. */
export const PRT_STATIC_PRIORS: readonly TaskCoordinate[] = [
  { name: "instructionSensitivity", priorMean: Math.log(1.5), priorSd: 1, back: Math.exp },
  { name: "leanBias", priorMean: 0, priorSd: 1, back: (z) => z },
];

/** Log-likelihood of the static-bias model (log-odds of "lean" = ±γ + b). */
export function prtStaticLogLik(d: PrtData, gamma: number, bias: number, weights?: ArrayLike<number>) {
  let ll = 0;
  for (let t = 0; t < d.response.length; t++) {
    const w = weights ? weights[t]! : 1;
    if (w === 0) continue;
    const x = (d.stimulus[t] === 1 ? gamma : -gamma) + bias;
    const lse = x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    ll += w * (d.response[t] === 1 ? x - lse : -lse);
  }
  return ll;
}

/** As a PRT fit with known rewards (without the block summaries), plus the transformed coordinates. */
export interface PrtLatentParticipantFit extends Omit<PrtParticipantFit, "blocks"> {
  readonly z: readonly number[];
}

export interface PrtLatentFitResult {
  readonly model: "huys-2013-stimulus-action";
  readonly label: typeof LATENT_LABEL;
  readonly schedule: PrtRewardSchedule;
  readonly draws: number;
  readonly participants: PrtLatentParticipantFit[];
}

export interface PrtLatentOptions {
  readonly schedule?: PrtRewardSchedule;
  /** Reward sequences averaged per person (default 32). */
  readonly draws?: number;
  readonly starts?: number;
  readonly seed?: number;
}

function drawsFor(d: PrtData, i: number, o: PrtLatentOptions) {
  return latentRewardDraws(
    d,
    o.schedule ?? PRT_PUBLISHED_SCHEDULE,
    o.draws ?? 32,
    streamRng(o.seed ?? 1, i, 71),
  );
}

/** Fits each person (MAP under the weak PRT priors, several starts, 95 % Laplace intervals). */
export function fitPrtLatent(data: readonly PrtData[], options: PrtLatentOptions = {}): PrtLatentFitResult {
  const participants = data.map((d, i) => {
    const draws = drawsFor(d, i, options);
    const m = taskMap(
      (z) => -prtLatentLogLik(draws, prtFromCoordinates(z)),
      PRT_PRIORS,
      options.starts ?? 3,
      streamRng(options.seed ?? 1, i, 72),
    );
    return {
      participantId: d.participantId,
      trials: d.response.length,
      ...prtEstimates(m),
      logLik: prtLatentLogLik(draws, prtFromCoordinates(m.z)),
      converged: m.converged,
      z: Array.from(m.z),
    };
  });
  return {
    model: "huys-2013-stimulus-action",
    label: LATENT_LABEL,
    schedule: options.schedule ?? PRT_PUBLISHED_SCHEDULE,
    draws: options.draws ?? 32,
    participants,
  };
}

/** One simulated session of a fitted person on their own stimulus sequence, rewards from the schedule. */
export function simulatePrtLatent(
  d: PrtData,
  p: PrtParameters,
  schedule: PrtRewardSchedule,
  rng: Rng,
): PrtData {
  const n = d.stimulus.length;
  const response = new Uint8Array(n);
  const rewarded = new Uint8Array(n);
  // The schedule's flags depend only on the trial structure, so they are drawn up front; the
  // controller then pays out as the simulated responses come.
  const flags = drawRewards(d, d.stimulus, schedule, rng);
  const q = new Float64Array(4);
  const pending = [0, 0];
  let block = -1;
  for (let t = 0; t < n; t++) {
    const s = d.stimulus[t]!;
    const a = rng.uniform() < prtLeanProbability(q, s, p) ? 1 : 0;
    response[t] = a;
    let r = 0;
    if (schedule.kind === "probabilistic") r = a === s ? flags[t]! : 0;
    else {
      if (d.block[t] !== block) {
        block = d.block[t]!;
        pending[0] = 0;
        pending[1] = 0;
      }
      if (flags[t]) pending[s]!++;
      if (a === s && pending[s]! > 0) {
        r = 1;
        pending[s]!--;
      }
    }
    rewarded[t] = r;
    q[s * 2 + a]! += p.learningRate * (p.rewardSensitivity * r - q[s * 2 + a]!);
  }
  return { ...d, response, rewarded };
}

/** The PPC: block means of log b, observed and simulated, and per-person mean log b. */
export interface PrtLatentPpc {
  readonly reps: number;
  readonly blocks: { readonly block: number; readonly observed: number; readonly simulated: number }[];
  readonly maxBlockGap: number;
  /** r across people between observed and simulated mean log b over blocks. */
  readonly personR: number;
}

const meanLogB = (d: PrtData) => {
  const per = prtSummary(d).filter((b) => b.block !== 0);
  return per.reduce((a, b) => a + b.logB, 0) / per.length;
};

/** Simulates each fitted person `reps` times (default 20) and compares block-wise log b. */
export function prtLatentPpc(
  data: readonly PrtData[],
  fit: PrtLatentFitResult,
  options: { reps?: number; seed?: number } = {},
): PrtLatentPpc {
  const reps = options.reps ?? 20;
  const blocks = [...new Set(data.flatMap((d) => Array.from(d.block)))].sort((a, b) => a - b);
  const obs = new Map(blocks.map((b) => [b, 0]));
  const sim = new Map(blocks.map((b) => [b, 0]));
  const personObs: number[] = [];
  const personSim: number[] = [];
  data.forEach((d, i) => {
    const p = prtFromCoordinates(fit.participants[i]!.z);
    const rng = streamRng(options.seed ?? 1, i, 73);
    for (const b of prtSummary(d))
      if (b.block !== 0) obs.set(b.block, obs.get(b.block)! + b.logB / data.length);
    let m = 0;
    for (let r = 0; r < reps; r++) {
      const s = simulatePrtLatent(d, p, fit.schedule, rng);
      for (const b of prtSummary(s))
        if (b.block !== 0) sim.set(b.block, sim.get(b.block)! + b.logB / (data.length * reps));
      m += meanLogB(s) / reps;
    }
    personObs.push(meanLogB(d));
    personSim.push(m);
  });
  const rows = blocks.map((block) => ({ block, observed: obs.get(block)!, simulated: sim.get(block)! }));
  return {
    reps,
    blocks: rows,
    maxBlockGap: Math.max(...rows.map((r) => Math.abs(r.simulated - r.observed))),
    personR: pearson(personObs, personSim),
  };
}

/**
 * Held-out log-likelihood, leave-one-block-out, of the latent Huys model (`huys`) or the static-bias
 * model (`static`). For the latent model the held-out score is the conditional predictive
 * log p(held-out | rest, θ) = log p(all | θ) − log p(rest | θ), each averaged over the draws.
 */
export function prtLatentCrossValidate(
  data: readonly PrtData[],
  variant: "huys" | "static",
  options: PrtLatentOptions = {},
): VariantCv {
  const perPerson = data.map((d, i) => {
    const rng = streamRng(options.seed ?? 1, i, 74);
    const folds = foldsByLabel(d.block);
    if (variant === "static")
      return heldOutLogLik(
        folds,
        (train) =>
          taskMap((z) => -prtStaticLogLik(d, Math.exp(z[0]!), z[1]!, train), PRT_STATIC_PRIORS, 2, rng).z,
        (z, test) => prtStaticLogLik(d, Math.exp(z[0]!), z[1]!, test),
      );
    const draws = drawsFor(d, i, options);
    return heldOutLogLik(
      folds,
      (train) => taskMap((z) => -prtLatentLogLik(draws, prtFromCoordinates(z), train), PRT_PRIORS, 2, rng).z,
      (z, test) => {
        const p = prtFromCoordinates(z);
        return (
          prtLatentLogLik(draws, p) -
          prtLatentLogLik(
            draws,
            p,
            test.map((w) => 1 - w),
          )
        );
      },
    );
  });
  return { variant, total: perPerson.reduce((a, x) => a + x, 0), perPerson };
}
