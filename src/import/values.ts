import { fail as invalid, ok, type Result } from "../errors/index.ts";

/**
 * Cell readers for imported diaries: dates in a chosen order, clock times (24-hour or am/pm),
 * ratings rescaled to 0–10, yes/no values, and a local date and time turned into a UTC instant in
 * the person's time zone. Each returns a value or a message naming what was expected.
 */

/** Date orders a file may use; separators `-`, `/` and `.` are all accepted, day and month may be one digit. */
export const DATE_FORMATS = ["YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** A value read from a cell, or what was wrong with it (`invalid_input`, the message saying what was expected). */
export type Read<T> = Result<T, "invalid_input">;

const fail = <T>(message: string): Read<T> => invalid("invalid_input", message);
const pad = (n: number) => String(n).padStart(2, "0");

/** A clock time of day, 24-hour. */
export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
}

/** True for a real calendar day (no 30 February). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Reads a date cell as YYYY-MM-DD in the given order. A time after the date (`2024-03-05 08:15`,
 * `2024-03-05T08:15:00`) is returned too, for files with one timestamp column.
 */
export function readDate(cell: string, format: DateFormat): Read<{ date: string; time: ClockTime | null }> {
  const s = cell.trim();
  const m = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[T ]+(.+))?$/.exec(s);
  const expected = `expected a date as ${format}`;
  if (!m) return fail(s === "" ? `empty; ${expected}` : `"${s}" is not a date; ${expected}`);
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  const [y, mo, d] = format === "YYYY-MM-DD" ? [a, b, c] : format === "DD/MM/YYYY" ? [c, b, a] : [c, a, b];
  if (y.length !== 4) return fail(`"${s}" does not match ${format}`);
  if (!isRealDate(Number(y), Number(mo), Number(d))) return fail(`"${s}" is not a real date (${format})`);
  const date = `${y}-${pad(Number(mo))}-${pad(Number(d))}`;
  if (m[4] === undefined) return ok({ date, time: null });
  const time = readTime(m[4].replace(/(Z|[+-]\d{2}:?\d{2})$/, ""));
  return time.ok ? ok({ date, time: time.value }) : fail(`"${s}": ${time.error.message}`);
}

/** Reads `20:05`, `8:05 pm`, `8 pm`, `12:30 am` (= 00:30) or `20:05:33` (seconds dropped). */
export function readTime(cell: string): Read<ClockTime> {
  const s = cell.trim().toLowerCase();
  const m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2})(?:\.\d+)?)?\s*(a\.?m\.?|p\.?m\.?)?$/.exec(s);
  const expected = 'expected a time like "20:05" or "8:05 pm"';
  if (!m || (m[2] === undefined && m[4] === undefined))
    return fail(s === "" ? `empty; ${expected}` : `"${cell.trim()}" is not a time; ${expected}`);
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const half = m[4]?.[0];
  if (half) {
    if (hour < 1 || hour > 12) return fail(`"${cell.trim()}": hour must be 1–12 with am/pm`);
    hour = (hour % 12) + (half === "p" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return fail(`"${cell.trim()}" is not a time of day (00:00–23:59)`);
  return ok({ hour, minute });
}

/** An inclusive rating scale in the file, e.g. 1–5, rescaled onto 0–10. */
export interface RatingScale {
  readonly min: number;
  readonly max: number;
}

/** The scale dopamap uses for every rating. */
export const DOPAMAP_SCALE: RatingScale = { min: 0, max: 10 };

/**
 * Reads a rating on `scale` and rescales it linearly onto 0–10, rounded to the nearest whole
 * number (halves up): on 1–5, 1→0, 2→3, 3→5, 4→8, 5→10. Empty is null (not rated). A decimal
 * comma is accepted (`3,5`).
 */
export function readRating(cell: string, scale: RatingScale): Read<number | null> {
  const s = cell.trim().replace(/^(-?\d+),(\d+)$/, "$1.$2");
  if (s === "") return ok(null);
  const x = Number(s);
  const range = `${scale.min}–${scale.max}`;
  if (!Number.isFinite(x)) return fail(`"${cell.trim()}" is not a number; expected ${range}`);
  if (x < scale.min || x > scale.max) return fail(`${x} is outside the scale ${range}`);
  return ok(rescale(x, scale));
}

/** Linear map of `x` from `scale` onto 0–10, rounded to the nearest integer (halves up). */
export function rescale(x: number, scale: RatingScale): number {
  return Math.floor(((x - scale.min) / (scale.max - scale.min)) * 10 + 0.5 + 1e-9);
}

/** Words read as yes (started) or no (not started), compared in lower case. */
export const YES_WORDS = ["true", "yes", "y", "1", "x", "done", "started", "✓"] as const;
export const NO_WORDS = ["false", "no", "n", "0", "skipped", "not started", "missed"] as const;

/** Reads a yes/no cell with `YES_WORDS` and `NO_WORDS`. */
export function readYesNo(cell: string): Read<boolean> {
  const s = cell.trim().toLowerCase();
  if ((YES_WORDS as readonly string[]).includes(s)) return ok(true);
  if ((NO_WORDS as readonly string[]).includes(s)) return ok(false);
  return fail(`"${cell.trim()}" is neither yes nor no; allowed: ${[...YES_WORDS, ...NO_WORDS].join(", ")}`);
}

/** Reads a non-negative number of minutes, at most a day. */
export function readMinutes(cell: string): Read<number | null> {
  const s = cell.trim().replace(/^(\d+),(\d+)$/, "$1.$2");
  if (s === "") return ok(null);
  const x = Number(s);
  if (!Number.isFinite(x) || x < 0 || x > 1440)
    return fail(`"${cell.trim()}" is not minutes; expected 0–1440`);
  return ok(x);
}

/** A fixed offset (`+02:00`, `-0530`, `Z`, `UTC`) or an IANA time zone (`Europe/Berlin`). */
export type TimeZone =
  | { readonly kind: "offset"; readonly minutes: number }
  | { readonly kind: "iana"; readonly name: string; readonly format: Intl.DateTimeFormat };

/** Reads a time zone; an unknown IANA name fails with an example of what is allowed. */
export function readTimeZone(s: string): Read<TimeZone> {
  const t = s.trim();
  if (t === "Z" || t.toUpperCase() === "UTC") return ok({ kind: "offset", minutes: 0 });
  const m = /^(?:UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (m) {
    const minutes = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
    if (Math.abs(minutes) > 14 * 60) return fail(`${t}: an offset must lie within ±14:00`);
    return ok({ kind: "offset", minutes });
  }
  try {
    const format = new Intl.DateTimeFormat("en-US", {
      timeZone: t,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    return ok({ kind: "iana", name: format.resolvedOptions().timeZone, format });
  } catch {
    return fail(
      `"${t}" is not a time zone; expected an IANA name like Europe/Berlin or an offset like +02:00`,
    );
  }
}

/** The zone's offset from UTC, minutes, at the UTC instant `ms`. */
function offsetAt(zone: TimeZone, ms: number): number {
  if (zone.kind === "offset") return zone.minutes;
  const parts: Record<string, number> = {};
  for (const p of zone.format.formatToParts(new Date(ms)))
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/**
 * The UTC instant (ISO 8601, `Z`) of a local date and time in `zone`. A time skipped by a
 * daylight-saving change is read with the offset before the change (02:30 on a spring-forward day
 * in Berlin becomes 01:30 UTC); a repeated hour takes its first occurrence.
 */
export function instantOf(date: string, time: ClockTime, zone: TimeZone): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const local = Date.UTC(y, m - 1, d, time.hour, time.minute);
  const before = offsetAt(zone, local - 36 * 3600_000);
  let ms = local - before * 60000;
  const after = offsetAt(zone, ms);
  if (after !== before) {
    const other = local - after * 60000;
    if (offsetAt(zone, other) === after) ms = other;
  }
  return new Date(ms).toISOString().replace(".000Z", "Z");
}
