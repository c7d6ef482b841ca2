import type { PrtData } from "./prt.ts";
import { CellReader, readTable, type TableIssue } from "./table.ts";

/**
 * The PRT trials of Sailer, Wurm & Pfabigan 2024 (Behav Res Methods 56:5161), as the authors
 * preprocessed them (reaction times outside 0.25–2.5 s removed, participants re-indexed within each
 * of the four feedback versions) and converted to `trials.csv`:
 * `version,feedback,participant_in_version,subject,block,stim,rt_s,correct`. The file records the
 * stimulus type and whether the response was correct, but **not** whether a reward was shown, so
 * `rewarded` is all zeros here and `rewardsKnown` is false: a learning model must treat the rewards
 * as latent.
 */

/** One participant of the study, with the trials as `PrtData`. */
export interface SailerPrtParticipant {
  readonly data: PrtData;
  /** Feedback version 1–4 (1 = star and points, the standard; 2 verbal praise; 3 happy face; 4 thumbs up). */
  readonly version: number;
  /** The authors' re-index within the version (the questionnaire join is by position within version). */
  readonly participantInVersion: number;
  readonly rewardsKnown: false;
}

export type ReadSailerPrtResult =
  | { readonly ok: true; readonly participants: readonly SailerPrtParticipant[] }
  | { readonly ok: false; readonly issues: readonly TableIssue[] };

const COLUMNS = ["version", "participant_in_version", "subject", "block", "stim", "rt_s", "correct"] as const;

/** Reads `trials.csv`; each malformed row is reported by line and column. Trial order is file order. */
export function readSailerPrtCsv(text: string): ReadSailerPrtResult {
  const t = readTable(text, COLUMNS);
  if (!t.ok) return t;
  const cells = new CellReader();
  const by = new Map<string, { version: number; piv: number; rows: number[][] }>();
  for (const row of t.rows) {
    const subject = cells.text(row, "subject");
    const version = cells.number(row, "version", { integer: true, min: 1, max: 4 });
    const piv = cells.number(row, "participant_in_version", { integer: true, min: 1 });
    const block = cells.number(row, "block", { integer: true, min: 1, max: 100 });
    const stim = cells.oneOf(row, "stim", ["rich", "lean"]);
    const rt = cells.number(row, "rt_s", { min: 0, max: 60, optional: true });
    const correct = cells.number(row, "correct", { integer: true, min: 0, max: 1 });
    if (subject === null || version === null || piv === null || block === null) continue;
    if (stim === null || correct === null) continue;
    const p = by.get(subject) ?? { version, piv, rows: [] };
    by.set(subject, p);
    const s = stim === "rich" ? 0 : 1;
    p.rows.push([s, correct === 1 ? s : 1 - s, block, rt === null ? Number.NaN : rt * 1000]);
  }
  if (cells.issues.length > 0) return { ok: false, issues: cells.issues };
  const participants = [...by].map(([participantId, p]) => ({
    data: {
      participantId,
      stimulus: Uint8Array.from(p.rows, (r) => r[0]!),
      response: Uint8Array.from(p.rows, (r) => r[1]!),
      rewarded: new Uint8Array(p.rows.length),
      block: Uint16Array.from(p.rows, (r) => r[2]!),
      rtMs: Float64Array.from(p.rows, (r) => r[3]!),
    },
    version: p.version,
    participantInVersion: p.piv,
    rewardsKnown: false as const,
  }));
  return { ok: true, participants };
}
