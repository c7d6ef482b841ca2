import { pearson } from "../fit/recovery.ts";
import { streamRng } from "../model/rng.ts";
import { CellReader, readTable, type TableIssue } from "../tasks/table.ts";
import { bootstrapInterval, type Interval, mean, welchInterval } from "./stats.ts";

/**
 * The within-person relation of physical activity to positive affect in the daily diaries of
 * Flückiger et al. 2014 (PLOS ONE 9:e111080) — docs/validation.md F1 and F2 — pooled, and as one
 * person would see it about their own days.
 */

export const FLUECKIGER_CITATION =
  "Flueckiger, Lieb, Meyer & Mata 2014, PLOS ONE 9:e111080 (doi:10.1371/journal.pone.0111080; CC0 1.0)";

export interface DiaryDay {
  readonly id: string;
  readonly day: number;
  /** Leisure-time physical activity (Godin score, MET-weighted minutes). */
  readonly activity: number;
  /** Positive affect, 1–7. */
  readonly positiveAffect: number;
}

/** Reads `0015_flueckiger_ts.tsv`; days missing activity or positive affect are left out. */
export function readDiaryDays(
  text: string,
): { ok: true; days: DiaryDay[] } | { ok: false; issues: readonly TableIssue[] } {
  const t = readTable(text, ["id", "day", "physical_activity", "pa"]);
  if (!t.ok) return t;
  const c = new CellReader();
  const days: DiaryDay[] = [];
  for (const row of t.rows) {
    const id = c.text(row, "id");
    const day = c.number(row, "day", { integer: true, min: 0 });
    const activity = c.number(row, "physical_activity", { min: 0, optional: true });
    const pa = c.number(row, "pa", { min: 1, max: 7, optional: true });
    if (id === null || day === null || activity === null || pa === null) continue;
    days.push({ id, day, activity, positiveAffect: pa });
  }
  return c.issues.length ? { ok: false, issues: c.issues } : { ok: true, days };
}

function byPerson(days: readonly DiaryDay[]): DiaryDay[][] {
  const m = new Map<string, DiaryDay[]>();
  for (const d of days) m.set(d.id, [...(m.get(d.id) ?? []), d]);
  return [...m.values()];
}

/** Pooled person-centred r between activity and positive affect over the given people. */
function pooledWithinR(people: readonly DiaryDay[][]): number {
  const x: number[] = [];
  const y: number[] = [];
  for (const p of people) {
    const ma = mean(p.map((d) => d.activity));
    const mp = mean(p.map((d) => d.positiveAffect));
    for (const d of p) {
      x.push(d.activity - ma);
      y.push(d.positiveAffect - mp);
    }
  }
  return pearson(x, y);
}

/** F1: the pooled within-person r with a bootstrap interval over people. */
export function withinPersonLink(
  days: readonly DiaryDay[],
  options: { resamples?: number; seed?: number } = {},
) {
  const people = byPerson(days);
  const r: Interval = bootstrapInterval(
    people.length,
    (idx) => pooledWithinR(idx.map((i) => people[i]!)),
    options.resamples ?? 2000,
    streamRng(options.seed ?? 5, 0, 91),
  );
  return { citation: FLUECKIGER_CITATION, people: people.length, days: days.length, r, agrees: r.lo > 0 };
}

/** F2 for one person: positive affect on their more active days against the others. */
export interface PersonalLink {
  readonly id: string;
  readonly days: number;
  readonly medianActivity: number;
  readonly activeDays: number;
  readonly otherDays: number;
  readonly activeMean: number;
  readonly otherMean: number;
  readonly difference: Interval;
  /** What dopamap would say to the person about their own diary. */
  readonly text: string;
}

const f1 = (x: number) => x.toFixed(1);

/** F2: each person with at least `minDays` diary days (default 14) and at least 3 days on each side. */
export function personalLinks(days: readonly DiaryDay[], minDays = 14): PersonalLink[] {
  return byPerson(days).flatMap((p) => {
    if (p.length < minDays) return [];
    const sorted = p.map((d) => d.activity).sort((a, b) => a - b);
    const median =
      sorted.length % 2
        ? sorted[(sorted.length - 1) / 2]!
        : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    const active = p.filter((d) => d.activity >= median).map((d) => d.positiveAffect);
    const other = p.filter((d) => d.activity < median).map((d) => d.positiveAffect);
    if (active.length < 3 || other.length < 3) return [];
    const difference = welchInterval(active, other);
    const clear = difference.lo > 0 || difference.hi < 0;
    const text =
      `On your ${active.length} more active days (${Math.round(median)} or more activity points) your positive mood averaged ` +
      `${f1(mean(active))} of 7, against ${f1(mean(other))} on your other ${other.length} days: ` +
      `${difference.estimate >= 0 ? "+" : ""}${f1(difference.estimate)} (95 % interval ${f1(difference.lo)} to ${f1(difference.hi)}). ` +
      (clear
        ? "That difference is larger than chance alone would usually give."
        : "That could still be chance; more days will tell.") +
      " This is a pattern in your own diary, not proof that activity causes it.";
    return [
      {
        id: p[0]!.id,
        days: p.length,
        medianActivity: median,
        activeDays: active.length,
        otherDays: other.length,
        activeMean: mean(active),
        otherMean: mean(other),
        difference,
        text,
      },
    ];
  });
}

/** F2 summary: the share of people with a positive difference, and with an interval that excludes 0. */
export function personalLinkSummary(links: readonly PersonalLink[]) {
  return {
    people: links.length,
    positive: links.filter((l) => l.difference.estimate > 0).length,
    clearlyPositive: links.filter((l) => l.difference.lo > 0).length,
    clearlyNegative: links.filter((l) => l.difference.hi < 0).length,
  };
}
