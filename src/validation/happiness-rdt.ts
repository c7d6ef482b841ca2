import { CellReader, readTable, type TableIssue } from "../tasks/table.ts";

/**
 * A format check for momentary mood ratings on hBayesDM's `rdt_exampleData.txt` (the
 * `rdt_happiness` model of Rutledge, Skandali, Dayan & Dolan 2014, PNAS 111:12252; GPL-3.0; whether
 * the file is recorded or simulated is undocumented): each row is one risky-decision trial with the
 * latest happiness rating, which the file repeats until the next one (a new rating shows as a new
 * rating time).
 */

export const RDT_CITATION =
  "hBayesDM example data (Ahn, Haines & Zhang 2017, Comput Psychiatry 1:24; GPL-3.0); model: Rutledge et al. 2014, PNAS 111:12252";

export interface HappinessTrial {
  readonly subjID: string;
  readonly trial: number;
  readonly gamble: boolean;
  readonly outcome: number;
  /** Happiness on the file's integer scale, −5..5. */
  readonly happy: number;
  readonly ratingRtMs: number;
}

/** Reads the file; each malformed row is reported by line and column. */
export function readHappinessTrials(
  text: string,
): { ok: true; trials: HappinessTrial[] } | { ok: false; issues: readonly TableIssue[] } {
  const t = readTable(text, ["subjID", "trial_number", "gamble", "outcome", "happy", "RT_happy"]);
  if (!t.ok) return t;
  const c = new CellReader();
  const trials: HappinessTrial[] = [];
  for (const row of t.rows) {
    const subjID = c.text(row, "subjID");
    const trial = c.number(row, "trial_number", { integer: true, min: 1 });
    const gamble = c.number(row, "gamble", { integer: true, min: 0, max: 1 });
    const outcome = c.number(row, "outcome");
    const happy = c.number(row, "happy", { integer: true, min: -5, max: 5 });
    const rt = c.number(row, "RT_happy", { min: 0 });
    if (
      subjID === null ||
      trial === null ||
      gamble === null ||
      outcome === null ||
      happy === null ||
      rt === null
    )
      continue;
    trials.push({ subjID, trial, gamble: gamble === 1, outcome, happy, ratingRtMs: rt });
  }
  return c.issues.length ? { ok: false, issues: c.issues } : { ok: true, trials };
}

/** Subjects, trials and distinct ratings (a change of rating time starts a new rating). */
export function happinessSummary(trials: readonly HappinessTrial[]) {
  const subjects = [...new Set(trials.map((t) => t.subjID))];
  return subjects.map((s) => {
    const own = trials.filter((t) => t.subjID === s);
    let ratings = 0;
    let last = Number.NaN;
    for (const t of own) {
      if (t.ratingRtMs !== last) ratings++;
      last = t.ratingRtMs;
    }
    return {
      subjID: s,
      trials: own.length,
      ratings,
      min: Math.min(...own.map((t) => t.happy)),
      max: Math.max(...own.map((t) => t.happy)),
    };
  });
}
