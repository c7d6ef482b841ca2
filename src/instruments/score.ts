import { type Answers, checkAnswers } from "./answers.ts";
import type {
  BandSet,
  CountScoreDefinition,
  Cutoff,
  InstrumentDefinition,
  RespondentSex,
  ScoreDefinition,
  SleepTimingScoreDefinition,
  SumScoreDefinition,
} from "./definition.ts";
import { findItem, pointsFor } from "./items.ts";
import { fail, ok, type Result } from "./result.ts";
import {
  evaluateFormRules,
  type Flag,
  type PresentationLevel,
  presentationOf,
  type ScoreFacts,
} from "./rules.ts";
import { computeSleepTiming, parseClock, type SleepTimingResult } from "./sleep-timing.ts";

/** Facts about the respondent that some cut-offs depend on (AUDIT-C). Absent sex uses the sensitive default. */
export interface ScoreContext {
  readonly sex?: RespondentSex;
}

/** Every result carries this: a screening result is never a diagnosis. */
export const SCREENING_NOTE =
  "This is a screening result, not a diagnosis. Only a qualified professional can assess and diagnose.";

/** The band a value falls in, with the source of the banding. */
export interface BandResult {
  readonly bandSet: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly source: string;
  readonly informal: boolean;
}

/** A cut-off applied to the value. */
export interface CutoffResult {
  readonly id: string;
  readonly label: string;
  readonly comparison: ">=" | ">";
  readonly threshold: number;
  readonly met: boolean;
  readonly source: string;
}

/**
 * One score. `value` is null unless `status` is `complete` or `prorated`: a partial sum is
 * never presented as a score. `not_computable` means the answers are complete but the quantity is
 * undefined for them (e.g. the chronotype with an alarm on free days).
 */
export interface ScoreResult {
  readonly id: string;
  readonly label: string;
  readonly kind: ScoreDefinition["kind"];
  readonly primary: boolean;
  readonly status: "complete" | "prorated" | "incomplete" | "not_computable";
  readonly value: number | null;
  readonly unit: string;
  readonly higherIs: ScoreDefinition["higherIs"];
  readonly range?: readonly [number, number];
  readonly loinc?: string;
  /** Items this score needs that are not answered. */
  readonly missingItems: readonly string[];
  /** The band in the first (preferred) band set, when there is one. */
  readonly band: BandResult | null;
  /** The band in every band set (e.g. PGSI's 2001 and 2013 systems). */
  readonly bands: readonly BandResult[];
  readonly cutoffs: readonly CutoffResult[];
  readonly reason?: string;
  /** Intermediate quantities (sleep timing). */
  readonly details?: SleepTimingResult;
}

/** A scored form. */
export interface ResponseScore {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly title: string;
  readonly validated: boolean;
  /** True when every required item is answered. */
  readonly complete: boolean;
  readonly answeredItems: number;
  /** Required items not answered, in form order. */
  readonly missingItems: readonly string[];
  /** The primary score (null when the instrument has none, e.g. TEPS's two subscales). */
  readonly total: ScoreResult | null;
  /** Every other score: subscales and alternative scorings (SHAPS continuous, ASRS sum). */
  readonly subscales: readonly ScoreResult[];
  /** The total's band, with its source. */
  readonly band: BandResult | null;
  readonly flags: readonly Flag[];
  readonly presentation: PresentationLevel;
  readonly resultType: "screening_result";
  readonly note: string;
}

/**
 * Scores a form with any definition: validates every answer (unknown items, values out of range
 * and malformed times are errors naming the item), computes every score, bands, cut-offs and
 * rules. Missing items are reported and leave the scores that need them without a value.
 */
export function scoreResponse(
  definition: InstrumentDefinition,
  answers: unknown,
  context: ScoreContext = {},
): Result<ResponseScore> {
  const checked = checkAnswers(definition, answers);
  if (!checked.ok) return checked;
  if (context.sex !== undefined && context.sex !== "female" && context.sex !== "male") {
    return fail(
      "invalid_context",
      `sex must be "female", "male" or absent; got ${JSON.stringify(context.sex)}`,
      ["sex"],
    );
  }
  const a = checked.value;
  const results = definition.scores.map((s) => scoreOne(definition, s, a, context));
  const facts = new Map<string, ScoreFacts>(
    results.map((r) => [
      r.id,
      {
        value: r.value,
        usable: r.status === "complete" || r.status === "prorated",
        cutoffsMet: r.cutoffs.filter((c) => c.met).map((c) => c.id),
      },
    ]),
  );
  const flags = evaluateFormRules(definition, a, facts);
  const missingItems = definition.items
    .filter((it) => it.required !== false && !(it.id in a))
    .map((it) => it.id);
  const total = results.find((r) => r.primary) ?? null;
  return ok({
    instrumentId: definition.id,
    instrumentVersion: definition.version,
    title: definition.title,
    validated: definition.validated,
    complete: missingItems.length === 0,
    answeredItems: Object.keys(a).length,
    missingItems,
    total,
    subscales: results.filter((r) => !r.primary),
    band: total?.band ?? null,
    flags,
    presentation: presentationOf(flags),
    resultType: "screening_result",
    note: SCREENING_NOTE,
  });
}

function base(score: ScoreDefinition) {
  return {
    id: score.id,
    label: score.label,
    kind: score.kind,
    primary: score.primary === true,
    unit: score.unit,
    higherIs: score.higherIs,
    ...(score.kind !== "sleep_timing" ? { range: score.range } : {}),
    ...(score.loinc ? { loinc: score.loinc } : {}),
  };
}

function scoreOne(
  def: InstrumentDefinition,
  score: ScoreDefinition,
  answers: Answers,
  context: ScoreContext,
): ScoreResult {
  switch (score.kind) {
    case "sum":
      return finish(score, sumScore(def, score, answers), context);
    case "count":
      return finish(score, countScore(score, answers), context);
    case "sleep_timing":
      return sleepScore(score, answers);
  }
}

interface Computed {
  status: ScoreResult["status"];
  value: number | null;
  missingItems: string[];
  reason?: string;
}

function sumScore(def: InstrumentDefinition, score: SumScoreDefinition, answers: Answers): Computed {
  let sum = 0;
  const missingItems: string[] = [];
  for (const id of score.items) {
    const v = answers[id];
    const item = findItem(def, id);
    const p = typeof v === "number" && item ? pointsFor(def, item, v, score.recode) : undefined;
    if (p === undefined) missingItems.push(id);
    else sum += p;
  }
  if (missingItems.length === 0) return { status: "complete", value: sum, missingItems };
  const answered = score.items.length - missingItems.length;
  if (score.proration && answered >= score.proration.minAnswered) {
    return {
      status: "prorated",
      value: (sum * score.items.length) / answered,
      missingItems,
      reason: `prorated from ${answered} of ${score.items.length} items (${score.proration.source})`,
    };
  }
  return {
    status: "incomplete",
    value: null,
    missingItems,
    reason: `${missingItems.length} item(s) unanswered`,
  };
}

function countScore(score: CountScoreDefinition, answers: Answers): Computed {
  let count = 0;
  const missingItems: string[] = [];
  for (const hit of score.hits) {
    const v = answers[hit.item];
    if (typeof v !== "number") missingItems.push(hit.item);
    else if (v >= hit.atOrAbove) count++;
  }
  if (missingItems.length > 0) {
    return {
      status: "incomplete",
      value: null,
      missingItems,
      reason: `${missingItems.length} item(s) unanswered`,
    };
  }
  return { status: "complete", value: count, missingItems };
}

function finish(
  score: SumScoreDefinition | CountScoreDefinition,
  p: Computed,
  context: ScoreContext,
): ScoreResult {
  const usable = p.value !== null;
  const bands = usable ? (score.bandSets ?? []).flatMap((set) => bandFor(set, p.value as number)) : [];
  const cutoffs = usable ? (score.cutoffs ?? []).map((c) => applyCutoff(c, p.value as number, context)) : [];
  return {
    ...base(score),
    status: p.status,
    value: p.value,
    missingItems: p.missingItems,
    band: bands[0] ?? null,
    bands,
    cutoffs,
    ...(p.reason ? { reason: p.reason } : {}),
  };
}

/** The band of a set that holds `value`: the last band whose minimum it reaches (prorated values fall between). */
export function bandFor(set: BandSet, value: number): BandResult[] {
  let found: (typeof set.bands)[number] | undefined;
  for (const band of set.bands) if (value >= band.min) found = band;
  if (found === undefined || value > (set.bands[set.bands.length - 1]?.max ?? Number.NEGATIVE_INFINITY))
    return [];
  return [
    {
      bandSet: set.id,
      label: found.label,
      min: found.min,
      max: found.max,
      source: set.source,
      informal: set.informal,
    },
  ];
}

/** Applies a cut-off with the threshold for this respondent. */
export function applyCutoff(cutoff: Cutoff, value: number, context: ScoreContext): CutoffResult {
  const variant = cutoff.variants?.find((v) => v.sex === context.sex);
  const threshold = variant?.threshold ?? cutoff.threshold;
  const met = cutoff.comparison === ">=" ? value >= threshold : value > threshold;
  return {
    id: cutoff.id,
    label: cutoff.label,
    comparison: cutoff.comparison,
    threshold,
    met,
    source: variant?.source ?? cutoff.source,
  };
}

function sleepScore(score: SleepTimingScoreDefinition, answers: Answers): ScoreResult {
  const r = score.roles;
  const missingItems = Object.values(r).filter((id) => !(id in answers));
  const empty = { ...base(score), missingItems, band: null, bands: [], cutoffs: [] };
  if (missingItems.length > 0) {
    return {
      ...empty,
      status: "incomplete",
      value: null,
      reason: `${missingItems.length} item(s) unanswered`,
    };
  }
  const num = (id: string) => answers[id] as number;
  const clock = (id: string) => parseClock(answers[id] as string) as number;
  const details = computeSleepTiming({
    workdaysPerWeek: num(r.workdaysPerWeek),
    work: {
      bedtimeHour: clock(r.workBedtime),
      latencyMin: num(r.workLatencyMin),
      wakeHour: clock(r.workWake),
    },
    free: {
      bedtimeHour: clock(r.freeBedtime),
      latencyMin: num(r.freeLatencyMin),
      wakeHour: clock(r.freeWake),
    },
    alarmOnFreeDays: answers[r.alarmOnFreeDays] === true,
  });
  const byOutput: Record<SleepTimingScoreDefinition["output"], number | null> = {
    msf_sc: details.msfScHour,
    msf: details.msfHour,
    msw: details.mswHour,
    sjl: details.sjlH,
    sjl_relative: details.sjlRelativeH,
    sd_week: details.sdWeekH,
  };
  const value = byOutput[score.output];
  if (value === null) {
    return { ...empty, status: "not_computable", value: null, reason: details.notes.join("; "), details };
  }
  return { ...empty, status: "complete", value, details };
}
