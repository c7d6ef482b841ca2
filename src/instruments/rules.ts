import type { Answers, AnswerValue } from "./answers.ts";
import type { InstrumentDefinition, Presentation, RuleDefinition } from "./definition.ts";
import { effectiveRules } from "./registry.ts";

/** What a fired rule asks the interface to do. */
export type FlagKind = "crisis" | "suggest_instrument" | "recommend_professional_help";

/** How prominently to show the outcome of an answer or a form: the most prominent flag wins. */
export type PresentationLevel = "none" | Presentation;

/** A fired rule. Flags are data for the interface; none of them can be switched off. */
export interface Flag {
  readonly ruleId: string;
  readonly kind: FlagKind;
  readonly presentation: Presentation;
  readonly message: string;
  /** Why: the rule's source. */
  readonly source: string;
  readonly instrumentId: string;
  /** The item whose answer fired the rule. */
  readonly itemId?: string;
  /** The answer value that fired it. */
  readonly value?: number;
  /** The score that fired it. */
  readonly scoreId?: string;
  /** For `suggest_instrument`: the instrument to give next. */
  readonly suggestedInstrument?: string;
}

/** The numeric value of a score, when known, for score rules. */
export interface ScoreFacts {
  readonly value: number | null;
  readonly usable: boolean;
  readonly cutoffsMet: readonly string[];
}

const RANK: Record<PresentationLevel, number> = { none: 0, standard: 1, prominent: 2 };

/** The more prominent of two levels. */
export function morePresentation(a: PresentationLevel, b: PresentationLevel): PresentationLevel {
  return RANK[b] > RANK[a] ? b : a;
}

/** The level the flags call for: "none" when there are no flags. */
export function presentationOf(flags: readonly Flag[]): PresentationLevel {
  return flags.reduce<PresentationLevel>((level, f) => morePresentation(level, f.presentation), "none");
}

function flagFrom(definition: InstrumentDefinition, rule: RuleDefinition, extra: Partial<Flag>): Flag {
  const e = rule.effect;
  return {
    ruleId: rule.id,
    kind: e.kind,
    presentation: e.kind === "suggest_instrument" ? "standard" : e.presentation,
    message: e.message,
    source: rule.source,
    instrumentId: definition.id,
    ...(e.kind === "suggest_instrument" ? { suggestedInstrument: e.instrument } : {}),
    ...extra,
  };
}

/** Flags fired by one answer: the rules on that item whose threshold the value reaches. */
export function evaluateItemRules(
  definition: InstrumentDefinition,
  itemId: string,
  value: AnswerValue,
): Flag[] {
  if (typeof value !== "number") return [];
  const flags: Flag[] = [];
  for (const rule of effectiveRules(definition)) {
    const w = rule.when;
    if (w.kind === "answer_at_least" && w.item === itemId && value >= w.value) {
      flags.push(flagFrom(definition, rule, { itemId, value }));
    }
  }
  return collapseFlags(flags);
}

/** Flags fired by a whole form: every answer rule, and score rules on scores that are usable. */
export function evaluateFormRules(
  definition: InstrumentDefinition,
  answers: Answers,
  scores: ReadonlyMap<string, ScoreFacts>,
): Flag[] {
  const flags: Flag[] = [];
  for (const rule of effectiveRules(definition)) {
    const w = rule.when;
    if (w.kind === "answer_at_least") {
      const v = answers[w.item];
      if (typeof v === "number" && v >= w.value)
        flags.push(flagFrom(definition, rule, { itemId: w.item, value: v }));
      continue;
    }
    const facts = scores.get(w.score);
    if (facts === undefined || !facts.usable || facts.value === null) continue;
    const fires = w.kind === "score_at_least" ? facts.value >= w.value : facts.cutoffsMet.includes(w.cutoff);
    if (fires) flags.push(flagFrom(definition, rule, { scoreId: w.score, value: facts.value }));
  }
  return collapseFlags(flags);
}

/**
 * Keeps one flag per kind and subject (item or score): the most prominent, so that PHQ-9
 * item 9 = 3 gives one prominent crisis flag rather than a standard and a prominent one.
 */
export function collapseFlags(flags: readonly Flag[]): Flag[] {
  const kept = new Map<string, Flag>();
  for (const f of flags) {
    const key = `${f.kind}|${f.itemId ?? ""}|${f.scoreId ?? ""}|${f.suggestedInstrument ?? ""}`;
    const prev = kept.get(key);
    if (prev === undefined || RANK[f.presentation] > RANK[prev.presentation]) kept.set(key, f);
  }
  return [...kept.values()];
}
