import { CellReader, readTable, type TableIssue } from "./table.ts";

/**
 * The three-arm probabilistic reversal-learning task as Zorowitz, Solis, Niv & Bennett 2023 (Nat Hum
 * Behav 7:1667) ran it online: 6 blocks of 15 trials, three options, the best one pays with
 * probability 0.8 and the others with 0.2, and the best option moves to another arm at every block.
 * The reader takes their trial file (`platform,subject,block,trial,correct,choice,…,outcome`).
 */

/** The published design. */
export const REVERSAL_3ARM = {
  arms: 3,
  blocks: 6,
  trialsPerBlock: 15,
  rewardBest: 0.8,
  rewardOther: 0.2,
} as const;

/** One participant's answered trials, in order, on typed arrays. */
export interface ReversalData {
  readonly participantId: string;
  readonly platform: string;
  /** Arm chosen, 0–2. */
  readonly choice: Uint8Array;
  /** 1 = rewarded. */
  readonly outcome: Uint8Array;
  /** The best arm on this trial, 0–2. */
  readonly best: Uint8Array;
  /** 1-based block, and the trial number as the file gives it (1–90 in the study). */
  readonly block: Uint16Array;
  readonly trial: Uint16Array;
  /** Trials in the file with no choice (not fitted). */
  readonly missed: number;
}

export type ReadReversalResult =
  | { readonly ok: true; readonly participants: readonly ReversalData[] }
  | { readonly ok: false; readonly issues: readonly TableIssue[] };

const COLUMNS = ["platform", "subject", "block", "trial", "correct", "choice", "outcome"] as const;

/** Reads the trial file; every malformed row is reported by line and column. Rows are kept in file order. */
export function readReversalCsv(text: string): ReadReversalResult {
  const t = readTable(text, COLUMNS);
  if (!t.ok) return t;
  const cells = new CellReader();
  const by = new Map<string, { platform: string; rows: number[][]; missed: number }>();
  for (const row of t.rows) {
    const subject = cells.text(row, "subject");
    const platform = cells.text(row, "platform");
    const block = cells.number(row, "block", { integer: true, min: 1, max: 100 });
    const trial = cells.number(row, "trial", { integer: true, min: 1, max: 1000 });
    const best = cells.number(row, "correct", { integer: true, min: 0, max: 2 });
    const choice = cells.number(row, "choice", { integer: true, min: 0, max: 2, optional: true });
    const outcome = cells.number(row, "outcome", { integer: true, min: 0, max: 1, optional: true });
    if (subject === null || platform === null || block === null || trial === null || best === null) continue;
    const p = by.get(subject) ?? { platform, rows: [], missed: 0 };
    by.set(subject, p);
    if (choice === null || outcome === null) p.missed++;
    else p.rows.push([choice, outcome, best, block, trial]);
  }
  if (cells.issues.length > 0) return { ok: false, issues: cells.issues };
  const participants = [...by].map(([participantId, p]) => ({
    participantId,
    platform: p.platform,
    choice: Uint8Array.from(p.rows, (r) => r[0]!),
    outcome: Uint8Array.from(p.rows, (r) => r[1]!),
    best: Uint8Array.from(p.rows, (r) => r[2]!),
    block: Uint16Array.from(p.rows, (r) => r[3]!),
    trial: Uint16Array.from(p.rows, (r) => r[4]!),
    missed: p.missed,
  }));
  return { ok: true, participants };
}

/** Share of trials on which the best arm was chosen. */
export function reversalAccuracy(d: ReversalData): number {
  let k = 0;
  for (let t = 0; t < d.choice.length; t++) if (d.choice[t] === d.best[t]) k++;
  return d.choice.length ? k / d.choice.length : Number.NaN;
}
