import { computeSleepTiming } from "../instruments/sleep-timing.ts";
import { CellReader, readTable, type TableIssue } from "../tasks/table.ts";
import { circularMeanHour, type Interval, pearsonInterval } from "./stats.ts";

/**
 * Mid-sleep on free days (MCTQ) from wearable sleep times against the heart-rate acrophase, on Jang
 * et al. 2024 (Sci Data 11:1264) — docs/validation.md J1 and J2. The sleep times are signed hours
 * around midnight; J1 decides which sign is "before midnight" from the data before any mid-sleep is
 * computed.
 */

export const JANG_CITATION =
  "Jang, Sun, Shin, Lee, Shin, Yeom, Park & Cho 2024, Sci Data 11:1264 (doi:10.1038/s41597-024-04147-6; CC BY 4.0)";

/** One day of one participant: the night's sleep as the file codes it, and the day's heart-rate acrophase. */
export interface JangDay {
  readonly id: string;
  /** ISO date. */
  readonly date: string;
  readonly sleepDurationH: number;
  readonly onsetValue: number;
  readonly outValue: number;
  /** Clock hour of the fitted daily heart-rate peak, or null. */
  readonly hrAcrophaseHour: number | null;
}

/** Reads `0017_jang_ts.tsv`. */
export function readJangDays(
  text: string,
): { ok: true; days: JangDay[] } | { ok: false; issues: readonly TableIssue[] } {
  const t = readTable(text, [
    "id",
    "date",
    "sleep_duration",
    "sleep_onset_time",
    "sleep_out_time",
    "hr_acrophase",
  ]);
  if (!t.ok) return t;
  const c = new CellReader();
  const days: JangDay[] = [];
  for (const row of t.rows) {
    const id = c.text(row, "id");
    const date = c.text(row, "date");
    if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date))
      c.issues.push({ line: row.line, field: "date", message: `expected YYYY-MM-DD, got ${date}` });
    const du = c.number(row, "sleep_duration", { min: 0, max: 48 });
    const on = c.number(row, "sleep_onset_time", { min: -48, max: 48 });
    const out = c.number(row, "sleep_out_time", { min: -48, max: 48 });
    const acro = c.number(row, "hr_acrophase", { min: 0, max: 24, optional: true });
    if (id === null || date === null || du === null || on === null || out === null) continue;
    days.push({ id, date, sleepDurationH: du, onsetValue: on, outValue: out, hrAcrophaseHour: acro });
  }
  return c.issues.length ? { ok: false, issues: c.issues } : { ok: true, days };
}

const wrap = (h: number) => ((h % 24) + 24) % 24;
const recorded = (d: JangDay) => !(d.sleepDurationH === 0 && d.onsetValue === 0 && d.outValue === 0);

/** J1: the share of nights waking between 04:00 and 12:00 under each sign coding, and the verdict. */
export function sleepSignCoding(days: readonly JangDay[]) {
  const nights = days.filter(recorded);
  const share = (sign: 1 | -1) =>
    nights.filter((d) => {
      const h = wrap(sign * d.outValue);
      return h >= 4 && h < 12;
    }).length / nights.length;
  const beforeMidnight = share(-1);
  const afterMidnight = share(1);
  const coding =
    beforeMidnight > 0.6 && afterMidnight < 0.3
      ? ("positive = hours before midnight" as const)
      : afterMidnight > 0.6 && beforeMidnight < 0.3
        ? ("positive = hours after midnight" as const)
        : ("undecided" as const);
  return {
    nights: nights.length,
    wakeShareBeforeMidnightCoding: beforeMidnight,
    wakeShareAfterMidnightCoding: afterMidnight,
    coding,
  };
}

/** A night's clock times under the accepted coding. */
function clock(d: JangDay, sign: 1 | -1) {
  return { onsetHour: wrap(sign * d.onsetValue), wakeHour: wrap(sign * d.outValue) };
}

/** The weekday of an ISO date, 0 = Sunday (pure arithmetic, no clock). */
export function weekday(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** One participant's chronotype (MSF_sc) and heart-rate acrophase. */
export interface ChronotypeRow {
  readonly id: string;
  readonly freeNights: number;
  readonly workNights: number;
  readonly msfScHour: number | null;
  readonly acrophaseHour: number;
}

/**
 * J2 per participant: main-sleep nights (3–14 h) ending on Saturday or Sunday are free days
 * (`freeDays` overrides, e.g. [5, 6] for Friday and Saturday), the others work days; MSF_sc by the MCTQ
 * rule with onset and wake averaged on the circle, no alarm assumed, workdays = 5.
 */
export function chronotypes(
  days: readonly JangDay[],
  sign: 1 | -1,
  options: { freeDays?: readonly number[]; minFree?: number; minWork?: number } = {},
): ChronotypeRow[] {
  const free = new Set(options.freeDays ?? [6, 0]);
  const ids = [...new Set(days.map((d) => d.id))];
  return ids.flatMap((id) => {
    const own = days.filter((d) => d.id === id);
    const nights = own.filter((d) => recorded(d) && d.sleepDurationH >= 3 && d.sleepDurationH <= 14);
    const f = nights.filter((d) => free.has(weekday(d.date)));
    const w = nights.filter((d) => !free.has(weekday(d.date)));
    const acro = own.flatMap((d) => (d.hrAcrophaseHour === null ? [] : [d.hrAcrophaseHour]));
    if (f.length < (options.minFree ?? 4) || w.length < (options.minWork ?? 10) || acro.length === 0)
      return [];
    const kind = (ns: JangDay[]) => ({
      bedtimeHour: circularMeanHour(ns.map((n) => clock(n, sign).onsetHour)),
      latencyMin: 0,
      wakeHour: circularMeanHour(ns.map((n) => clock(n, sign).wakeHour)),
    });
    const timing = computeSleepTiming({
      workdaysPerWeek: 5,
      work: kind(w),
      free: kind(f),
      alarmOnFreeDays: false,
    });
    return [
      {
        id,
        freeNights: f.length,
        workNights: w.length,
        msfScHour: timing.msfScHour,
        acrophaseHour: circularMeanHour(acro),
      },
    ];
  });
}

/**
 * Pearson r between MSF_sc and acrophase across participants. Both are clock hours; MSF_sc is
 * unwrapped around 04:00 (hours before 16:00 kept, later ones minus 24) so that a chronotype just
 * after midnight is not read as 23 hours later than one just before.
 */
export function chronotypeVsAcrophase(
  rows: readonly ChronotypeRow[],
): Interval & { readonly n: number; readonly verdict: string } {
  const ok = rows.filter((r) => r.msfScHour !== null);
  const msf = ok.map((r) => (r.msfScHour! >= 16 ? r.msfScHour! - 24 : r.msfScHour!));
  const r = pearsonInterval(
    msf,
    ok.map((r) => r.acrophaseHour),
  );
  return { ...r, verdict: r.lo > 0 ? "agrees" : r.hi < 0 ? "disagrees" : "undecided" };
}
