import type {
  InstrumentDefinition,
  ItemDefinition,
  OptionDefinition,
  SumScoreDefinition,
} from "./definition.ts";

/** The item with this id, or undefined. */
export function findItem(definition: InstrumentDefinition, itemId: string): ItemDefinition | undefined {
  return definition.items.find((item) => item.id === itemId);
}

/** The response options of a choice item (empty for other kinds). */
export function optionsOf(
  definition: InstrumentDefinition,
  item: ItemDefinition,
): readonly OptionDefinition[] {
  return item.response.kind === "choice" ? (definition.optionSets[item.response.optionSet] ?? []) : [];
}

/** Lowest and highest answer value of a choice or integer item; undefined for time and boolean items. */
export function valueRange(
  definition: InstrumentDefinition,
  item: ItemDefinition,
): readonly [number, number] | undefined {
  if (item.response.kind === "integer") return [item.response.min, item.response.max];
  if (item.response.kind !== "choice") return undefined;
  const values = optionsOf(definition, item).map((o) => o.value);
  if (values.length === 0) return undefined;
  return [Math.min(...values), Math.max(...values)];
}

/**
 * Reverse keying: (lowest + highest option value) − value. Applying it twice gives the value
 * back, and it maps the option set onto itself when the values are symmetric (all bundled sets are).
 */
export function reverseValue(range: readonly [number, number], value: number): number {
  return range[0] + range[1] - value;
}

/** Points an answer earns in a sum: reversed where the item says so, then recoded where the score says so. */
export function pointsFor(
  definition: InstrumentDefinition,
  item: ItemDefinition,
  value: number,
  recode?: SumScoreDefinition["recode"],
): number | undefined {
  const range = valueRange(definition, item);
  if (range === undefined) return undefined;
  const keyed = item.reverse ? reverseValue(range, value) : value;
  if (recode === undefined) return keyed;
  return recode.find((r) => r.from === keyed)?.to;
}

/** All point values an item can earn in a sum score. */
export function possiblePoints(
  definition: InstrumentDefinition,
  item: ItemDefinition,
  recode?: SumScoreDefinition["recode"],
): number[] {
  if (item.response.kind === "integer") {
    const out: number[] = [];
    for (let v = item.response.min; v <= item.response.max; v++) {
      const p = pointsFor(definition, item, v, recode);
      if (p !== undefined) out.push(p);
    }
    return out;
  }
  const points = optionsOf(definition, item).map((o) => pointsFor(definition, item, o.value, recode));
  return points.filter((p): p is number => p !== undefined);
}

/** Lowest and highest possible value of a sum score. */
export function sumRange(definition: InstrumentDefinition, score: SumScoreDefinition): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const id of score.items) {
    const item = findItem(definition, id);
    if (item === undefined) continue;
    const points = possiblePoints(definition, item, score.recode);
    if (points.length === 0) continue;
    lo += Math.min(...points);
    hi += Math.max(...points);
  }
  return [lo, hi];
}

/** The item ids a score reads. */
export function scoreItemIds(score: InstrumentDefinition["scores"][number]): string[] {
  switch (score.kind) {
    case "sum":
      return [...score.items];
    case "count":
      return score.hits.map((h) => h.item);
    case "sleep_timing":
      return Object.values(score.roles);
  }
}
