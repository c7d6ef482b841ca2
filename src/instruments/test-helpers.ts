import { expect } from "vitest";
import { type AnswerValue, answersFromArray } from "./answers.ts";
import type { InstrumentDefinition } from "./definition.ts";
import { getInstrument } from "./registry.ts";
import { type ResponseScore, type ScoreContext, type ScoreResult, scoreResponse } from "./score.ts";

/** A bundled definition, or a failed test. */
export function instrument(id: string): InstrumentDefinition {
  const r = getInstrument(id);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Scores answers given in item order; items beyond `values` (unscored extras) are left unanswered. */
export function scoreList(
  id: string,
  values: readonly (AnswerValue | null)[],
  context: ScoreContext = {},
): ResponseScore {
  const def = instrument(id);
  const padded = [...values, ...Array<null>(Math.max(0, def.items.length - values.length)).fill(null)];
  const answers = answersFromArray(def, padded);
  if (!answers.ok) throw new Error(answers.error.message);
  const r = scoreResponse(def, answers.value, context);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The score with this id among total and subscales. */
export function scoreById(result: ResponseScore, id: string): ScoreResult {
  const s = [...(result.total ? [result.total] : []), ...result.subscales].find((x) => x.id === id);
  expect(s, `score ${id}`).toBeDefined();
  return s as ScoreResult;
}
