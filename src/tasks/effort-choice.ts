import { CellReader, MISSING_CELLS, readTable, type TableIssue } from "./table.ts";

/**
 * Choices between two offers, each a probability of winning a fixed prize and an effort (minutes of
 * running), as in Bernacer et al. 2019 (NeuroImage 203:116181; the nearest open data to the EEfRT,
 * which it is not). The reader takes the converted in-scanner log (`inscanner_choices.csv`):
 * motor-control events and missed responses are left out, and pairs that offer 0 % or 100 % (catch
 * pairs) are counted apart, since no discounting of the offered prize explains choosing the 0 % one.
 */

/** The fixed prize, euros (the authors' SV = 30 € × effort discount × risk discount). */
export const EFFORT_PRIZE_EUR = 30;

/** One person at one time point: the decision trials on typed arrays (A = left, B = right). */
export interface EffortChoiceData {
  /** `${subject}/${timepoint}`. */
  readonly participantId: string;
  readonly subject: string;
  readonly timepoint: string;
  readonly session: Uint8Array;
  /** Win probabilities, 0..1, and efforts, minutes. */
  readonly pA: Float64Array;
  readonly eA: Float64Array;
  readonly pB: Float64Array;
  readonly eB: Float64Array;
  /** 1 = chose B. */
  readonly choseB: Uint8Array;
  /** Catch pairs (an offer of 0 % or 100 %): how many, and how often the less probable offer was chosen. */
  readonly catchTrials: number;
  readonly catchErrors: number;
}

export type ReadEffortChoicesResult =
  | { readonly ok: true; readonly participants: readonly EffortChoiceData[] }
  | { readonly ok: false; readonly issues: readonly TableIssue[] };

const COLUMNS = [
  "subject",
  "timepoint",
  "session",
  "left_p_win_pct",
  "left_effort_min",
  "right_p_win_pct",
  "right_effort_min",
  "choice",
] as const;

/** Reads the converted log; each malformed row is reported by line and column. */
export function readEffortChoicesCsv(text: string): ReadEffortChoicesResult {
  const t = readTable(text, COLUMNS);
  if (!t.ok) return t;
  const cells = new CellReader();
  const by = new Map<
    string,
    { subject: string; timepoint: string; rows: number[][]; n: number; e: number }
  >();
  for (const row of t.rows) {
    const subject = cells.text(row, "subject");
    const timepoint = cells.text(row, "timepoint");
    const session = cells.number(row, "session", { integer: true, min: 1, max: 100 });
    const choice = cells.oneOf(row, "choice", ["LEFT", "RIGHT", "NO RESPONSE"]);
    if (subject === null || timepoint === null || session === null || choice === null) continue;
    const key = `${subject}/${timepoint}`;
    const p = by.get(key) ?? { subject, timepoint, rows: [], n: 0, e: 0 };
    by.set(key, p);
    // Motor-control events carry no offers.
    if (
      MISSING_CELLS.has(row.cells.left_p_win_pct ?? "") &&
      MISSING_CELLS.has(row.cells.right_p_win_pct ?? "")
    )
      continue;
    const pct = { min: 0, max: 100 };
    const mins = { min: 0, max: 600 };
    const lp = cells.number(row, "left_p_win_pct", pct);
    const le = cells.number(row, "left_effort_min", mins);
    const rp = cells.number(row, "right_p_win_pct", pct);
    const re = cells.number(row, "right_effort_min", mins);
    if (lp === null || le === null || rp === null || re === null || choice === "NO RESPONSE") continue;
    if ([lp, rp].some((x) => x === 0 || x === 100)) {
      if (lp !== rp) {
        p.n++;
        if ((choice === "LEFT") !== lp > rp) p.e++;
      }
      continue;
    }
    p.rows.push([session, lp / 100, le, rp / 100, re, choice === "RIGHT" ? 1 : 0]);
  }
  if (cells.issues.length > 0) return { ok: false, issues: cells.issues };
  const participants = [...by.values()].map((p) => ({
    participantId: `${p.subject}/${p.timepoint}`,
    subject: p.subject,
    timepoint: p.timepoint,
    session: Uint8Array.from(p.rows, (r) => r[0]!),
    pA: Float64Array.from(p.rows, (r) => r[1]!),
    eA: Float64Array.from(p.rows, (r) => r[2]!),
    pB: Float64Array.from(p.rows, (r) => r[3]!),
    eB: Float64Array.from(p.rows, (r) => r[4]!),
    choseB: Uint8Array.from(p.rows, (r) => r[5]!),
    catchTrials: p.n,
    catchErrors: p.e,
  }));
  return { ok: true, participants };
}
