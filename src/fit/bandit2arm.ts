import { CellReader, readTable, type TableIssue } from "../tasks/table.ts";
import { laplace } from "./laplace.ts";
import { nelderMead } from "./optimize.ts";

/**
 * The two-armed bandit reference fit (hBayesDM `bandit2arm_delta`): per subject, the delta rule
 * `ev[c] += A·(outcome − ev[c])` from ev = 0 and softmax choice with inverse temperature τ. Each
 * subject's (logit A, log τ) gets a MAP estimate with a Laplace 95 % interval under a normal group
 * prior; the group prior is estimated from the subjects (empirical Bayes, EM-style: mean of the
 * modes; variance of the modes plus the mean posterior variance), which shrinks noisy subjects
 * towards the group.
 */

/** One subject's trials: choice 1 or 2, and the outcome on the file's own scale (0/1, ±1, points). */
export interface BanditSubject {
  readonly subjID: string;
  readonly choices: Uint8Array;
  readonly outcomes: Float64Array;
}

export type BanditCsvIssue = TableIssue;

/**
 * Reads `subjID,choice,outcome` as CSV or tab-separated text (hBayesDM's example files are TSV with
 * a `trial` column and ±1 outcomes). Choice must be 1 or 2; the outcome any number, used as it is
 * (the delta rule learns on the file's own scale). Every bad row is reported by line and column.
 */
export function readBanditCsv(
  text: string,
): { ok: true; subjects: BanditSubject[] } | { ok: false; issues: BanditCsvIssue[] } {
  const t = readTable(text, ["subjID", "choice", "outcome"]);
  if (!t.ok) return { ok: false, issues: [...t.issues] };
  const cells = new CellReader();
  const bySubject = new Map<string, { c: number[]; o: number[] }>();
  for (const row of t.rows) {
    const id = cells.text(row, "subjID");
    const choice = cells.number(row, "choice", { integer: true, min: 1, max: 2 });
    const outcome = cells.number(row, "outcome");
    if (id === null || choice === null || outcome === null) continue;
    const s = bySubject.get(id) ?? { c: [], o: [] };
    s.c.push(choice);
    s.o.push(outcome);
    bySubject.set(id, s);
  }
  if (cells.issues.length > 0) return { ok: false, issues: cells.issues };
  return {
    ok: true,
    subjects: [...bySubject].map(([subjID, s]) => ({
      subjID,
      choices: Uint8Array.from(s.c),
      outcomes: Float64Array.from(s.o),
    })),
  };
}

/** Log-likelihood of one subject's choices at learning rate `a` and inverse temperature `tau`. */
export function banditLogLik(s: BanditSubject, a: number, tau: number): number {
  let ev1 = 0;
  let ev2 = 0;
  let ll = 0;
  for (let t = 0; t < s.choices.length; t++) {
    const d = tau * (ev2 - ev1);
    // log softmax, stable for large |d|.
    const lse = d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
    const c = s.choices[t]!;
    ll += c === 2 ? d - lse : -lse;
    const r = s.outcomes[t]!;
    if (c === 1) ev1 += a * (r - ev1);
    else ev2 += a * (r - ev2);
  }
  return ll;
}

export interface BanditEstimate {
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

export interface BanditSubjectFit {
  readonly subjID: string;
  readonly trials: number;
  readonly learningRate: BanditEstimate;
  readonly inverseTemperature: BanditEstimate;
  readonly logLik: number;
  readonly converged: boolean;
}

export interface BanditFitResult {
  readonly model: "bandit2arm_delta";
  readonly subjects: BanditSubjectFit[];
  /** The estimated group prior, on the transformed scale (logit A, log τ), and back on the natural scale at the mean. */
  readonly group: {
    readonly logitLearningRate: { readonly mean: number; readonly sd: number };
    readonly logInverseTemperature: { readonly mean: number; readonly sd: number };
    readonly learningRate: number;
    readonly inverseTemperature: number;
  };
  /** Empirical Bayes iterations run. */
  readonly iterations: number;
}

const logistic = (z: number) => 1 / (1 + Math.exp(-z));

function fitSubject(s: BanditSubject, mu: readonly number[], sd: readonly number[], withCurvature: boolean) {
  const f = (z: Float64Array) =>
    -banditLogLik(s, logistic(z[0]!), Math.exp(z[1]!)) +
    0.5 * ((z[0]! - mu[0]!) / sd[0]!) ** 2 +
    0.5 * ((z[1]! - mu[1]!) / sd[1]!) ** 2;
  const r = nelderMead(f, mu, { step: 0.5, fTolerance: 1e-7, xTolerance: 1e-5 });
  const lap = withCurvature ? laplace(f, r.x, 1e-4) : null;
  return {
    z: r.x,
    converged: r.converged && (lap?.positiveDefinite ?? true),
    sd: lap?.sd ?? [Number.NaN, Number.NaN],
  };
}

/**
 * Fits every subject with empirical-Bayes shrinkage (at most `iterations` EM steps, default 20,
 * stopping when the group prior moves less than 1e-3).
 */
export function fitBandit2arm(
  subjects: readonly BanditSubject[],
  options: { iterations?: number } = {},
): BanditFitResult {
  let mu = [Math.log(0.3 / 0.7), Math.log(2)];
  let sd = [1.5, 1];
  let it = 0;
  const maxIt = options.iterations ?? 20;
  for (; it < maxIt; it++) {
    const fits = subjects.map((s) => fitSubject(s, mu, sd, true));
    const next = [0, 1].map((k) => fits.reduce((a, f) => a + f.z[k]!, 0) / fits.length);
    const nextSd = [0, 1].map((k) => {
      const v =
        fits.reduce(
          (a, f) => a + (f.z[k]! - next[k]!) ** 2 + (Number.isFinite(f.sd[k]!) ? f.sd[k]! ** 2 : 0),
          0,
        ) / fits.length;
      return Math.max(0.05, Math.sqrt(v));
    });
    const moved = Math.max(...[0, 1].map((k) => Math.abs(next[k]! - mu[k]!) + Math.abs(nextSd[k]! - sd[k]!)));
    mu = next;
    sd = nextSd;
    if (moved < 1e-3) break;
  }
  const out = subjects.map((s) => {
    const f = fitSubject(s, mu, sd, true);
    const ci = (k: number, back: (z: number) => number): BanditEstimate => ({
      estimate: back(f.z[k]!),
      lo: back(f.z[k]! - 1.96 * f.sd[k]!),
      hi: back(f.z[k]! + 1.96 * f.sd[k]!),
    });
    return {
      subjID: s.subjID,
      trials: s.choices.length,
      learningRate: ci(0, logistic),
      inverseTemperature: ci(1, Math.exp),
      logLik: banditLogLik(s, logistic(f.z[0]!), Math.exp(f.z[1]!)),
      converged: f.converged,
    };
  });
  return {
    model: "bandit2arm_delta",
    subjects: out,
    group: {
      logitLearningRate: { mean: mu[0]!, sd: sd[0]! },
      logInverseTemperature: { mean: mu[1]!, sd: sd[1]! },
      learningRate: logistic(mu[0]!),
      inverseTemperature: Math.exp(mu[1]!),
    },
    iterations: Math.min(it + 1, maxIt),
  };
}
