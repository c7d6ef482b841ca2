import { z } from "zod";
import { type AnswerValue, checkAnswer, type ItemRef, resolveItem } from "./answers.ts";
import { type CrisisRegion, type CrisisResources, crisisResources } from "./crisis-resources.ts";
import type { InstrumentDefinition, Presentation } from "./definition.ts";
import { getInstrument } from "./registry.ts";
import { fail, ok, type Result } from "./result.ts";
import { evaluateItemRules, type Flag, type PresentationLevel, presentationOf } from "./rules.ts";

/** What the caller passes in: the instant of the answer and the person's region. */
export interface EvaluateAnswerOptions {
  /** The instant the answer was given, ISO 8601 with an offset, e.g. "2026-03-01T09:30:00Z". */
  readonly at: string;
  /** ISO 3166 region or locale ("GB", "en-US"); absent or unknown gives the international resources. */
  readonly region?: string;
}

/**
 * A crisis event, for the app layer to store in the person's own data (never in server logs):
 * which answer raised it, how severe, and when.
 */
export interface CrisisEvent {
  readonly kind: "crisis_event";
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly itemId: string;
  readonly itemNumber: number;
  /** The answer value that raised it. */
  readonly value: number;
  /** `prominent` for the gravest answers (PHQ-9 item 9 of 2–3), `standard` otherwise. */
  readonly severity: Presentation;
  readonly ruleId: string;
  /** The instant passed in. */
  readonly at: string;
  readonly region: CrisisRegion | "unknown";
}

/** The outcome of one answer, evaluated the moment it is given. */
export interface AnswerEvaluation {
  readonly instrumentId: string;
  readonly itemId: string;
  readonly itemNumber: number;
  readonly value: AnswerValue;
  readonly flags: readonly Flag[];
  /** Present when the answer fires a crisis rule. */
  readonly crisis?: CrisisEvent;
  /** `none` when nothing fired; otherwise how prominently to show the flags. */
  readonly presentation: PresentationLevel;
  /** Crisis resources for the region, present whenever `crisis` is. */
  readonly resources?: CrisisResources;
}

const instantSchema = z.iso.datetime({ offset: true });

/**
 * Evaluates one answer the moment it is given, so that a crisis rule fires in every interface even
 * when the form is then abandoned. `instrument` is a bundled id or a definition (a worded one from a
 * pack); `item` is an item id or printed number. Safety rules of the bundled definition with the same
 * id always apply; nothing turns them off.
 */
export function evaluateAnswer(
  instrument: string | InstrumentDefinition,
  item: ItemRef,
  value: unknown,
  options: EvaluateAnswerOptions,
): Result<AnswerEvaluation> {
  const definition = typeof instrument === "string" ? getInstrument(instrument) : ok(instrument);
  if (!definition.ok) return definition;
  const def = definition.value;
  const resolved = resolveItem(def, item);
  if (!resolved.ok) return resolved;
  const it = resolved.value;
  const checked = checkAnswer(def, it, value);
  if (!checked.ok) return checked;
  if (typeof options?.at !== "string" || !instantSchema.safeParse(options.at).success) {
    return fail(
      "invalid_instant",
      `at must be an ISO 8601 instant with an offset, e.g. "2026-03-01T09:30:00Z"; got ${JSON.stringify(options?.at)}`,
      ["at"],
    );
  }
  const flags = evaluateItemRules(def, it.id, checked.value);
  const crisisFlags = flags.filter((f) => f.kind === "crisis");
  const base = {
    instrumentId: def.id,
    itemId: it.id,
    itemNumber: it.number,
    value: checked.value,
    flags,
    presentation: presentationOf(flags),
  };
  if (crisisFlags.length === 0) return ok(base);
  const resources = crisisResources(options.region);
  const gravest = crisisFlags.reduce((a, b) => (b.presentation === "prominent" ? b : a));
  const crisis: CrisisEvent = {
    kind: "crisis_event",
    instrumentId: def.id,
    instrumentVersion: def.version,
    itemId: it.id,
    itemNumber: it.number,
    value: checked.value as number,
    severity: gravest.presentation,
    ruleId: gravest.ruleId,
    at: options.at,
    region: resources.region,
  };
  return ok({ ...base, crisis, resources });
}

/**
 * Evaluates every answer of a form (an imported FHIR response, a paper form typed in), in form
 * order, so that a crisis rule fires for answers that did not arrive one by one.
 */
export function evaluateAnswers(
  definition: InstrumentDefinition,
  answers: Readonly<Record<string, unknown>>,
  options: EvaluateAnswerOptions,
): Result<AnswerEvaluation[]> {
  const out: AnswerEvaluation[] = [];
  for (const key of Object.keys(answers)) {
    const known = resolveItem(definition, key);
    if (!known.ok) return known;
  }
  for (const item of definition.items) {
    if (!(item.id in answers) || answers[item.id] === null || answers[item.id] === undefined) continue;
    const r = evaluateAnswer(definition, item.id, answers[item.id], options);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}
