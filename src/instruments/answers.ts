import type { InstrumentDefinition, ItemDefinition } from "./definition.ts";
import { findItem, optionsOf } from "./items.ts";
import { fail, type InstrumentIssue, ok, type Result } from "./result.ts";
import { parseClock } from "./sleep-timing.ts";

/** One answer: an option value or integer, a clock time "HH:MM", or yes/no. */
export type AnswerValue = number | string | boolean;

/** Answers keyed by item id. Key order never matters; a missing key means "not answered". */
export type Answers = Readonly<Record<string, AnswerValue>>;

/** An item named by its id or by its printed number (1 = the first item). */
export type ItemRef = string | number;

/** Finds an item by id or printed number; `unknown_item` otherwise. */
export function resolveItem(definition: InstrumentDefinition, ref: ItemRef): Result<ItemDefinition> {
  const item =
    typeof ref === "number" ? definition.items.find((it) => it.number === ref) : findItem(definition, ref);
  if (item === undefined) {
    const known = definition.items.map((it) => it.id).join(", ");
    return fail(
      "unknown_item",
      `${definition.shortTitle} has no item ${JSON.stringify(ref)} (items: ${known})`,
      [definition.id, typeof ref === "number" ? ref : String(ref)],
    );
  }
  return ok(item);
}

/**
 * Checks one answer against its item: an option value of the item's option set (so AUDIT's
 * 0/2/4 items reject 1 and 3), an integer within range, a valid "HH:MM" time, or a boolean.
 */
export function checkAnswer(
  definition: InstrumentDefinition,
  item: ItemDefinition,
  value: unknown,
): Result<AnswerValue> {
  const path = [definition.id, item.id];
  const r = item.response;
  const name = `${definition.shortTitle} item ${item.number} (${item.id})`;
  switch (r.kind) {
    case "choice": {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        return fail("answer_wrong_type", `${name} takes an option value, got ${JSON.stringify(value)}`, path);
      }
      const allowed = optionsOf(definition, item).map((o) => o.value);
      if (!allowed.includes(value)) {
        return fail("answer_out_of_range", `${name} takes ${allowed.join(", ")}; got ${value}`, path);
      }
      return ok(value);
    }
    case "integer": {
      if (typeof value !== "number" || !Number.isInteger(value)) {
        return fail("answer_wrong_type", `${name} takes a whole number, got ${JSON.stringify(value)}`, path);
      }
      if (value < r.min || value > r.max) {
        return fail("answer_out_of_range", `${name} takes ${r.min}–${r.max} ${r.unit}; got ${value}`, path);
      }
      return ok(value);
    }
    case "time": {
      if (typeof value !== "string") {
        return fail(
          "answer_wrong_type",
          `${name} takes a clock time "HH:MM", got ${JSON.stringify(value)}`,
          path,
        );
      }
      if (parseClock(value) === undefined) {
        return fail(
          "invalid_time",
          `${name} takes a 24-hour time "HH:MM", got ${JSON.stringify(value)}`,
          path,
        );
      }
      return ok(value);
    }
    case "boolean": {
      if (typeof value !== "boolean") {
        return fail("answer_wrong_type", `${name} takes true or false, got ${JSON.stringify(value)}`, path);
      }
      return ok(value);
    }
  }
}

/**
 * Validates a whole answer map: an object, only known item ids, every value valid for its item.
 * `null` and `undefined` mean "not answered" and are dropped. Reports the first offending item.
 */
export function checkAnswers(definition: InstrumentDefinition, input: unknown): Result<Answers> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return fail(
      "answer_wrong_type",
      `answers must be an object keyed by item id (see answersFromArray for a list)`,
      [definition.id],
    );
  }
  const out: Record<string, AnswerValue> = {};
  const issues: InstrumentIssue[] = [];
  let first: Result<Answers> | undefined;
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined) continue;
    const item = resolveItem(definition, key);
    if (!item.ok) {
      first ??= item;
      issues.push({ path: [definition.id, key], message: item.error.message });
      continue;
    }
    const checked = checkAnswer(definition, item.value, value);
    if (!checked.ok) {
      first ??= checked;
      issues.push({ path: [definition.id, key], message: checked.error.message });
      continue;
    }
    out[item.value.id] = checked.value;
  }
  if (first !== undefined && !first.ok) {
    return fail(
      first.error.code,
      first.error.message,
      first.error.path,
      issues.length > 1 ? issues : undefined,
    );
  }
  return ok(out);
}

/**
 * Answers from a list in item order (paper forms, the CLI): one entry per item, `null` for an
 * unanswered one. Optional items at the end of the form may be left off (PHQ-9 item 10); any other
 * length is `wrong_item_count`, never silently padded.
 */
export function answersFromArray(
  definition: InstrumentDefinition,
  values: readonly (AnswerValue | null)[],
): Result<Answers> {
  const n = definition.items.length;
  const lastRequired = definition.items.reduce((k, item, i) => (item.required === false ? k : i + 1), 0);
  if (values.length < lastRequired || values.length > n) {
    const optional = definition.items.filter((it) => it.required === false).map((it) => it.number);
    const hint = optional.length
      ? ` (use null for unanswered items such as item ${optional.join(", ")})`
      : "";
    return fail(
      "wrong_item_count",
      `${definition.shortTitle} has ${n} items; got ${values.length} answers${hint}`,
      [definition.id],
    );
  }
  const map: Record<string, AnswerValue | null> = {};
  for (const [i, item] of definition.items.entries()) map[item.id] = values[i] ?? null;
  return checkAnswers(definition, map);
}
