import type { z } from "zod";
import type { InstrumentDefinition, ItemDefinition, ScoreDefinition, SleepRoles } from "./definition.ts";
import { findItem, optionsOf, scoreItemIds, sumRange, valueRange } from "./items.ts";

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

const issue = (ctx: Ctx, path: Path, message: string): void => {
  ctx.addIssue({ code: "custom", path, message });
};

function duplicates(values: readonly (string | number)[]): (string | number)[] {
  const seen = new Set<string | number>();
  const out: (string | number)[] = [];
  for (const v of values) {
    if (seen.has(v)) out.push(v);
    seen.add(v);
  }
  return out;
}

/**
 * Cross-field checks of a definition: unique ids, every reference resolves, ranges agree with
 * the items, bands cover the range without gaps, rules point at real items, scores and cut-offs.
 */
export function checkDefinition(def: InstrumentDefinition, ctx: Ctx): void {
  checkItems(def, ctx);
  for (const [i, score] of def.scores.entries()) checkScore(def, score, ["scores", i], ctx);
  for (const id of duplicates(def.scores.map((s) => s.id)))
    issue(ctx, ["scores"], `score id ${id} is repeated`);
  if (def.scores.filter((s) => s.primary).length > 1) issue(ctx, ["scores"], "at most one score is primary");
  checkUsage(def, ctx);
  checkRules(def, ctx);
  if (def.kind !== "published" && def.validated) {
    issue(ctx, ["validated"], "our own questions are never marked validated");
  }
  const wordingMissing = def.items.some((item) => item.text === null);
  if (def.licence.shipWording === false && def.wordingSource === undefined && !wordingMissing) {
    issue(
      ctx,
      ["items"],
      "wording that may not be shipped must be left out (text: null) until a pack supplies it",
    );
  }
}

function checkItems(def: InstrumentDefinition, ctx: Ctx): void {
  for (const id of duplicates(def.items.map((it) => it.id)))
    issue(ctx, ["items"], `item id ${id} is repeated`);
  for (const [i, item] of def.items.entries()) {
    const path: Path = ["items", i];
    if (item.number !== i + 1) issue(ctx, [...path, "number"], `item ${item.id} should be number ${i + 1}`);
    const r = item.response;
    if (r.kind === "choice") {
      const options = def.optionSets[r.optionSet];
      if (options === undefined) {
        issue(ctx, [...path, "response", "optionSet"], `option set ${r.optionSet} does not exist`);
        continue;
      }
      for (const v of duplicates(options.map((o) => o.value))) {
        issue(ctx, ["optionSets", r.optionSet], `option value ${v} is repeated`);
      }
    } else if (r.kind === "integer" && r.min > r.max) {
      issue(ctx, [...path, "response"], "min must not exceed max");
    }
    if (item.reverse && r.kind !== "choice")
      issue(ctx, [...path, "reverse"], "only choice items can be reversed");
  }
}

function checkScore(def: InstrumentDefinition, score: ScoreDefinition, path: Path, ctx: Ctx): void {
  for (const [k, id] of scoreItemIds(score).entries()) {
    if (findItem(def, id) === undefined) issue(ctx, [...path, "items", k], `item ${id} does not exist`);
  }
  if (score.kind === "sum") {
    for (const id of duplicates(score.items)) issue(ctx, [...path, "items"], `item ${id} is summed twice`);
    for (const id of score.items) {
      const item = findItem(def, id);
      if (item && item.response.kind !== "choice" && item.response.kind !== "integer") {
        issue(ctx, [...path, "items"], `item ${id} is not numeric`);
      }
      if (item && score.recode) checkRecode(def, item, score.recode, [...path, "recode"], ctx);
    }
    const [lo, hi] = sumRange(def, score);
    if (score.range[0] !== lo || score.range[1] !== hi) {
      issue(
        ctx,
        [...path, "range"],
        `range is [${score.range.join(", ")}] but the items give [${lo}, ${hi}]`,
      );
    }
    if (score.proration && score.proration.minAnswered > score.items.length) {
      issue(ctx, [...path, "proration"], "minAnswered exceeds the number of items");
    }
  } else if (score.kind === "count") {
    for (const id of duplicates(score.hits.map((h) => h.item))) {
      issue(ctx, [...path, "hits"], `item ${id} is counted twice`);
    }
    if (score.range[0] !== 0 || score.range[1] !== score.hits.length) {
      issue(
        ctx,
        [...path, "range"],
        `a count of ${score.hits.length} items has range [0, ${score.hits.length}]`,
      );
    }
  } else {
    checkSleepRoles(def, score.roles, [...path, "roles"], ctx);
    if (score.bandSets?.length) issue(ctx, [...path, "bandSets"], "sleep timings have no bands");
  }
  if (score.kind !== "sleep_timing") checkBands(score, score.range, path, ctx);
  for (const id of duplicates((score.cutoffs ?? []).map((c) => c.id))) {
    issue(ctx, [...path, "cutoffs"], `cut-off ${id} is repeated`);
  }
}

function checkRecode(
  def: InstrumentDefinition,
  item: ItemDefinition,
  recode: { from: number; to: number }[],
  path: Path,
  ctx: Ctx,
): void {
  const range = valueRange(def, item);
  for (const option of optionsOf(def, item)) {
    const keyed = item.reverse && range ? range[0] + range[1] - option.value : option.value;
    if (!recode.some((r) => r.from === keyed))
      issue(ctx, path, `no recoding for value ${keyed} of ${item.id}`);
  }
}

const SLEEP_ROLE_KINDS: Record<keyof SleepRoles, ItemDefinition["response"]["kind"]> = {
  workdaysPerWeek: "integer",
  workBedtime: "time",
  workLatencyMin: "integer",
  workWake: "time",
  freeBedtime: "time",
  freeLatencyMin: "integer",
  freeWake: "time",
  alarmOnFreeDays: "boolean",
};

function checkSleepRoles(def: InstrumentDefinition, roles: SleepRoles, path: Path, ctx: Ctx): void {
  for (const [role, kind] of Object.entries(SLEEP_ROLE_KINDS) as [keyof SleepRoles, string][]) {
    const item = findItem(def, roles[role]);
    if (item && item.response.kind !== kind) issue(ctx, [...path, role], `${role} must be a ${kind} item`);
  }
  const days = findItem(def, roles.workdaysPerWeek);
  if (days?.response.kind === "integer" && (days.response.min < 0 || days.response.max > 7)) {
    issue(ctx, [...path, "workdaysPerWeek"], "workdays per week lie within 0–7");
  }
}

function checkBands(
  score: { bandSets?: InstrumentDefinition["scores"][number]["bandSets"] },
  range: readonly [number, number],
  path: Path,
  ctx: Ctx,
): void {
  for (const [s, set] of (score.bandSets ?? []).entries()) {
    const p: Path = [...path, "bandSets", s, "bands"];
    const first = set.bands[0];
    const last = set.bands[set.bands.length - 1];
    if (first?.min !== range[0]) issue(ctx, p, `the first band must start at ${range[0]}`);
    if (last?.max !== range[1]) issue(ctx, p, `the last band must end at ${range[1]}`);
    for (const [b, band] of set.bands.entries()) {
      if (band.min > band.max) issue(ctx, [...p, b], "band min exceeds max");
      const next = set.bands[b + 1];
      if (next && next.min !== band.max + 1) issue(ctx, [...p, b + 1], `gap or overlap after ${band.max}`);
    }
  }
}

function checkUsage(def: InstrumentDefinition, ctx: Ctx): void {
  const used = new Set(def.scores.flatMap(scoreItemIds));
  for (const [i, item] of def.items.entries()) {
    if (item.scored === false && used.has(item.id)) {
      issue(ctx, ["items", i, "scored"], `${item.id} is marked unscored but a score uses it`);
    }
    if (item.scored !== false && !used.has(item.id)) {
      issue(ctx, ["items", i, "scored"], `${item.id} is used by no score; mark it scored: false`);
    }
  }
}

function checkRules(def: InstrumentDefinition, ctx: Ctx): void {
  for (const id of duplicates(def.rules.map((r) => r.id))) issue(ctx, ["rules"], `rule id ${id} is repeated`);
  for (const [i, rule] of def.rules.entries()) {
    const path: Path = ["rules", i, "when"];
    const when = rule.when;
    if (when.kind === "answer_at_least") {
      const item = findItem(def, when.item);
      if (item === undefined) issue(ctx, path, `item ${when.item} does not exist`);
      else if (item.response.kind !== "choice" && item.response.kind !== "integer") {
        issue(ctx, path, `item ${when.item} is not numeric`);
      }
      continue;
    }
    const score = def.scores.find((s) => s.id === when.score);
    if (score === undefined) {
      issue(ctx, path, `score ${when.score} does not exist`);
    } else if (when.kind === "cutoff_met" && !(score.cutoffs ?? []).some((c) => c.id === when.cutoff)) {
      issue(ctx, path, `score ${when.score} has no cut-off ${when.cutoff}`);
    }
  }
}
