import type { InstrumentDefinition } from "./definition.ts";
import { type ResponseScore, SCREENING_NOTE, type ScoreResult } from "./score.ts";
import { formatClock } from "./sleep-timing.ts";

/** Formats a score value in its unit: clock times for hours of day, one decimal for hours, integers as they are. */
export function formatScoreValue(score: Pick<ScoreResult, "unit" | "value">): string {
  if (score.value === null) return "—";
  if (score.unit === "hour of day") return formatClock(score.value).slice(0, 5);
  if (score.unit === "hours") return `${score.value.toFixed(1)} h`;
  const n = Number.isInteger(score.value) ? String(score.value) : score.value.toFixed(1);
  return score.unit === "points" ? n : `${n} ${score.unit}`;
}

function describeScore(score: ScoreResult): string {
  if (score.status === "incomplete") {
    return `${score.label}: not scored — ${score.missingItems.length} item(s) unanswered (${score.missingItems.join(", ")}).`;
  }
  if (score.status === "not_computable")
    return `${score.label}: cannot be computed (${score.reason ?? "see notes"}).`;
  const range = score.unit === "points" && score.range ? ` (range ${score.range[0]}–${score.range[1]})` : "";
  const value = `${formatScoreValue(score)}${range}`;
  const band = score.band
    ? ` — ${score.band.label} (${score.band.informal ? "informal bands" : "bands"}: ${score.band.source})`
    : "";
  const met = score.cutoffs
    .filter((c) => c.met)
    .map((c) => `${c.label} (${c.comparison === ">=" ? "≥" : ">"} ${c.threshold})`);
  const cut = met.length > 0 ? `; ${met.join("; ")}` : "";
  const prorated = score.status === "prorated" ? ` [${score.reason}]` : "";
  return `${score.label}: ${value}${band}${cut}${prorated}.`;
}

/**
 * Plain-language lines for a scored form, worded as a screening result (never a diagnosis): the
 * scores with their bands and sources, missing items, the flags' messages, and the screening note.
 */
export function describeResult(definition: InstrumentDefinition, result: ResponseScore): string[] {
  const lines = [
    `${definition.shortTitle} ${definition.kind === "own_measure" ? "result" : "screening result"}`,
  ];
  if (definition.kind === "own_screener") lines.push("Not a validated instrument: a rough indication only.");
  if (definition.kind === "own_measure") {
    lines.push("Our own wording, not a validated questionnaire; the computations follow published formulas.");
  }
  if (!result.complete) {
    lines.push(
      `Incomplete: ${result.missingItems.length} required item(s) unanswered; affected scores are not given.`,
    );
  }
  for (const score of [...(result.total ? [result.total] : []), ...result.subscales])
    lines.push(describeScore(score));
  for (const flag of result.flags) lines.push(flag.message);
  lines.push(SCREENING_NOTE);
  return lines;
}
