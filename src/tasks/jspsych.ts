import { writeCsv } from "../csv/index.ts";
import { EEFRT_DESIGNS } from "./eefrt.ts";
import { PRT_DESIGNS } from "./prt.ts";
import { type TaskTrial, TRIAL_COLUMNS, trialToRow } from "./records.ts";

/**
 * Task trials in jsPsych's data conventions (jsPsych 8: one row per trial with `trial_type`,
 * `trial_index`, `time_elapsed`, `rt`, `response`), for analysis scripts written for jsPsych data.
 * The values are converted, not only renamed:
 * - `time_elapsed` is milliseconds from the session's start to the trial's **end**: the next
 *   trial's onset when the session goes on (the next trial begins as this one's outcome screen
 *   ends), else the trial's onset plus its measured phases (the fixed fixation and face screens of
 *   the PRT, the choice and pressing of the EEfRT, the response window's length when no key was
 *   pressed). Empty for simulated trials, which have no clock.
 * - `rt` is one response time: the EEfRT's choice, the PRT's response to the mouth. The EEfRT's
 *   second time, the pressing, is `press_time` (ms), since jsPsych has one `rt` per row.
 * - `response` is what was chosen (`easy`/`hard`, `short`/`long`), empty when nothing was.
 * - `subject` and `session_id` carry the participant and session (jsPsych's `addProperties`
 *   convention); the other columns keep dopamap's names and units (`TRIAL_COLUMNS`).
 */

/** The jsPsych columns first, then the task's own columns that have no jsPsych counterpart. */
export const JSPSYCH_COLUMNS: readonly string[] = [
  "trial_type",
  "trial_index",
  "time_elapsed",
  "rt",
  "response",
  "press_time",
  "subject",
  "session_id",
  ...TRIAL_COLUMNS.map((c) => c.column).filter(
    (c) =>
      ![
        "task",
        "trial_index",
        "participant_id",
        "session_id",
        "onset_ms",
        "choice_rt_ms",
        "press_time_ms",
        "rt_ms",
        "response",
      ].includes(c),
  ),
];

/** When a trial ended, ms from the session's start, from its own measurements alone (null without a clock). */
function ownEndMs(t: TaskTrial): number | null {
  if (t.onsetMs === null) return null;
  if (t.task === "eefrt") {
    const design = EEFRT_DESIGNS[t.version as keyof typeof EEFRT_DESIGNS] ?? EEFRT_DESIGNS.standard;
    return t.onsetMs + (t.choiceRtMs ?? design.choiceWindowMs) + (t.pressTimeMs ?? 0);
  }
  const design = PRT_DESIGNS[t.version as keyof typeof PRT_DESIGNS] ?? PRT_DESIGNS.standard;
  return (
    t.onsetMs + design.fixationMs + design.faceMs + Math.max(t.rtMs ?? design.responseWindowMs, t.stimulusMs)
  );
}

/** The trials as jsPsych-style rows (in session and trial order). */
export function trialsToJsPsychRows(
  trials: readonly TaskTrial[],
): Record<string, string | number | boolean | null>[] {
  const sorted = [...trials].sort((a, b) =>
    a.sessionId === b.sessionId ? a.trialIndex - b.trialIndex : a.sessionId < b.sessionId ? -1 : 1,
  );
  return sorted.map((t, i) => {
    const next = sorted[i + 1];
    const own = ownEndMs(t);
    const nextOnset =
      next && next.sessionId === t.sessionId && next.trialIndex === t.trialIndex + 1 ? next.onsetMs : null;
    const end = own === null ? null : nextOnset !== null && nextOnset >= own ? nextOnset : own;
    const row = trialToRow(t);
    const out: Record<string, string | number | boolean | null> = {
      trial_type: `dopamap-${t.task}`,
      trial_index: t.trialIndex,
      time_elapsed: end,
      rt: t.task === "eefrt" ? t.choiceRtMs : t.rtMs,
      response: t.task === "eefrt" ? (t.chosenBy === "participant" ? t.choice : null) : t.response,
      press_time: t.task === "eefrt" ? t.pressTimeMs : null,
      subject: t.participantId,
      session_id: t.sessionId,
    };
    for (const c of JSPSYCH_COLUMNS) if (!(c in out)) out[c] = row[c] ?? null;
    return out;
  });
}

/** The trials as a jsPsych-style CSV (the columns of {@link JSPSYCH_COLUMNS}). */
export function writeTrialsJsPsychCsv(trials: readonly TaskTrial[]): string {
  return writeCsv(JSPSYCH_COLUMNS, trialsToJsPsychRows(trials));
}
