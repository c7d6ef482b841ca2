import {
  type CheckIn,
  CheckInSchema,
  type CsvRowIssue,
  type PersonLog,
  type RecordActivity,
} from "../model/records/index.ts";
import type { ImportFormat } from "./spec.ts";

/** A row that cannot be read: its 1-based line in the file (the header is line 1), the column, and why. */
export type ImportRowError = CsvRowIssue;

/** One diary row read by a format, before it becomes records. */
export interface DiaryRow {
  readonly line: number;
  /** What identifies the row's content (not its position), for ids that survive a re-export. */
  readonly key: string;
  readonly localDate: string;
  readonly localHour: number;
  readonly minute: number;
  /** UTC instant, ISO 8601. */
  readonly at: string;
  readonly activities: readonly string[];
  readonly started: boolean;
  readonly minutesDone: number | null;
  readonly plannedMin: number | null;
  readonly anticipated: number | null;
  readonly experienced: number | null;
  readonly worry: number | null;
  /** 0–10. */
  readonly mood: number | null;
  readonly title: string;
  readonly note: string;
  /** The row's column → error field name, for errors found when the records are checked. */
  readonly fieldNames?: Partial<Record<keyof CheckIn, string>>;
}

/**
 * A diary note kept beside the records: the title and text of an entry, and, for an entry with no
 * activities, its mood (a check-in cannot hold it). The app stores it as an entry of kind
 * `diary-note`, so nothing the diary had is lost.
 */
export interface DiaryNote {
  readonly id: string;
  /** UTC instant, ISO 8601. */
  readonly at: string;
  readonly localDate: string;
  readonly localHour: number;
  readonly source: ImportFormat;
  readonly title: string;
  readonly text: string;
  /** 0–10, or null. */
  readonly mood: number | null;
  readonly activityIds: readonly string[];
}

/** One row as it will be written, for the preview table. */
export interface PreviewRow {
  readonly line: number;
  readonly localDate: string;
  /** HH:MM as written. */
  readonly time: string;
  readonly activities: readonly string[];
  readonly started: boolean;
  readonly minutesDone: number | null;
  readonly anticipated: number | null;
  readonly experienced: number | null;
  readonly mood: number | null;
  readonly note: string;
}

/** Counts for the preview and the result. */
export interface ImportSummary {
  /** Data rows in the file (blank lines and the header not counted). */
  readonly rows: number;
  readonly readableRows: number;
  readonly rowsWithErrors: number;
  readonly checkIns: number;
  readonly notes: number;
  /** Rows with no activity (after exclusions): kept only as a note. */
  readonly rowsWithoutActivity: number;
  /** Activity names that become new activities. */
  readonly newActivities: readonly string[];
  /** Activity names matched to activities the person already has. */
  readonly matchedActivities: readonly string[];
  /** Activity names left out as asked. */
  readonly excludedActivities: readonly string[];
  readonly firstDate: string | null;
  readonly lastDate: string | null;
}

/** What an import makes of a file; nothing is written until the app decides. */
export interface ImportResult {
  readonly format: ImportFormat;
  readonly headers: readonly string[];
  /** New activities (marked as imported in their notes) and the check-ins of the readable rows. */
  readonly log: PersonLog;
  readonly notes: readonly DiaryNote[];
  /** Sorted by line. */
  readonly errors: readonly ImportRowError[];
  /** The first rows as mapped. */
  readonly preview: readonly PreviewRow[];
  readonly summary: ImportSummary;
}

/** Defaults for activities an import creates; the person adjusts them afterwards. */
export const IMPORTED_ACTIVITY_DEFAULTS = {
  importance: 0.5,
  novelty: 0.2,
  effort: 0.3,
  threat: 0,
  urge: false,
  durationMin: 30,
} as const;

/** Kinds guessed from words in an activity's name; anything else is `leisure`. */
const KIND_WORDS: readonly [RecordActivity["kind"], RegExp][] = [
  [
    "movement",
    /\b(walk|run|running|jog|gym|sport|exercise|workout|yoga|swim|bike|cycling|hike|dance|fitness)/i,
  ],
  ["work", /\b(work|study|office|homework|project|class|learn)/i],
  ["app", /\b(social media|instagram|tiktok|youtube|phone|scroll|reddit)/i],
  ["social", /\b(friend|family|party|date|social|call|visit|partner|meet)/i],
  ["creative", /\b(music|guitar|piano|draw|paint|write|writing|craft|photo|sing)/i],
  ["chore", /\b(clean|cook|shop|laundry|errand|chore|tidy|dishes|groceries)/i],
  ["selfCare", /\b(sleep|meditat|bath|shower|therapy|relax|journal|read|nap|health)/i],
  ["substance", /\b(alcohol|drink|beer|wine|smok|cigarette|weed|cannabis)/i],
  ["gambling", /\b(gambl|bet|betting|casino|poker|lottery)/i],
];

/** The kind an imported activity starts with, from words in its name. */
export function guessKind(name: string): RecordActivity["kind"] {
  return KIND_WORDS.find(([, re]) => re.test(name))?.[0] ?? "leisure";
}

/** Names compare trimmed, with runs of spaces collapsed, in lower case. */
export const normalizeName = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** The id an imported activity gets: `imported-` and a slug of its name (at most 100 characters). */
export function importedActivityId(name: string): string {
  const slug = normalizeName(name)
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return `imported-${(slug || hash53(name)).slice(0, 80)}`;
}

/**
 * cyrb53, a public-domain 53-bit string hash (a few lines; no hashing package runs in both Node and
 * the browser without I/O). Ids only need to be stable and, among thousands, distinct.
 */
export function hash53(s: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/** Options for turning rows into records. */
export interface AssembleOptions {
  readonly format: ImportFormat;
  readonly headers: readonly string[];
  /** Rows in the file (for the summary). */
  readonly rowCount: number;
  /** Activities the person already has: rows naming them (by name, or by an earlier import's id) reuse them. */
  readonly existingActivities?: readonly RecordActivity[];
  /** Activity names to leave out, compared normalized. */
  readonly exclude?: readonly string[];
  /** Rows in the preview (default 20). */
  readonly previewRows?: number;
  /** Where the activities came from, for their notes (e.g. "Daylio"). */
  readonly sourceLabel: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Turns read rows into a log fragment: an activity for each new name (defaults from
 * `IMPORTED_ACTIVITY_DEFAULTS`, kind from `guessKind`, marked as imported in its notes), one check-in
 * per row and activity, and a note for rows with a title or text (or with no activity but a mood).
 * Check-in ids hash the format, the row's content, its occurrence among identical rows and the
 * activity name, so importing the same file (or a later export holding the same entries) again
 * writes nothing new. A row whose check-ins fail the record schema becomes errors and adds nothing.
 */
export function assemble(
  rows: readonly DiaryRow[],
  errors: readonly ImportRowError[],
  options: AssembleOptions,
): ImportResult {
  const existing = options.existingActivities ?? [];
  const byName = new Map(existing.map((a) => [normalizeName(a.name), a] as const));
  const byId = new Map(existing.map((a) => [a.id, a] as const));
  const excluded = new Set((options.exclude ?? []).map(normalizeName));
  const created = new Map<string, RecordActivity>();
  const usedIds = new Set(existing.map((a) => a.id));
  const matched = new Set<string>();
  const excludedSeen = new Set<string>();
  const allErrors = [...errors];
  const checkIns: CheckIn[] = [];
  const notes: DiaryNote[] = [];
  const preview: PreviewRow[] = [];
  const occurrences = new Map<string, number>();
  let readable = 0;
  let withoutActivity = 0;
  let first: string | null = null;
  let last: string | null = null;

  const ids = new Map<string, string>();
  const idOf = (name: string) => {
    const known = ids.get(name);
    if (known !== undefined) return known;
    const id = importedActivityId(name);
    ids.set(name, id);
    return id;
  };
  const resolve = (name: string): RecordActivity => {
    const key = normalizeName(name);
    const known = byName.get(key) ?? byId.get(idOf(name));
    if (known) {
      matched.add(known.name);
      return known;
    }
    const fresh = created.get(key);
    if (fresh) return fresh;
    let id = idOf(name);
    for (let n = 2; usedIds.has(id); n++) id = `${idOf(name).slice(0, 95)}-${n}`;
    usedIds.add(id);
    const a: RecordActivity = {
      id,
      name: name.trim().replace(/\s+/g, " ").slice(0, 200),
      kind: guessKind(name),
      ...IMPORTED_ACTIVITY_DEFAULTS,
      notes: `Imported from ${options.sourceLabel}: importance, novelty, effort and duration are defaults; adjust them.`,
    };
    created.set(key, a);
    return a;
  };

  for (const row of rows) {
    const names: string[] = [];
    for (const n of row.activities) {
      const k = normalizeName(n);
      if (k === "") continue;
      if (excluded.has(k)) excludedSeen.add(n.trim());
      else if (!names.some((x) => normalizeName(x) === k)) names.push(n.trim());
    }
    const occurrence = occurrences.get(row.key) ?? 0;
    occurrences.set(row.key, occurrence + 1);
    const rowKey = `${options.format}\u001f${row.key}\u001f${occurrence}`;
    const made: CheckIn[] = [];
    const rowErrors: ImportRowError[] = [];
    for (const name of names) {
      const key = normalizeName(name);
      const activity = byName.get(key) ?? byId.get(idOf(name)) ?? created.get(key);
      const plannedMin = row.plannedMin ?? activity?.durationMin ?? IMPORTED_ACTIVITY_DEFAULTS.durationMin;
      const id = `imp-${row.localDate}-${hash53(`${rowKey}\u001f${normalizeName(name)}`)}`;
      const parsed = CheckInSchema.safeParse({
        id,
        activityId: activity?.id ?? idOf(name),
        localDate: row.localDate,
        localHour: row.localHour,
        at: row.at,
        plannedMin,
        anticipated: row.anticipated,
        started: row.started,
        minutesDone: row.minutesDone ?? 0,
        experienced: row.experienced,
        worry: row.worry,
        mood: row.mood,
      });
      if (!parsed.success) {
        for (const i of parsed.error.issues) {
          const key = String(i.path[0] ?? "row") as keyof CheckIn;
          rowErrors.push({ line: row.line, field: row.fieldNames?.[key] ?? key, message: i.message });
        }
        break;
      }
      made.push(parsed.data);
    }
    if (rowErrors.length > 0) {
      allErrors.push(...rowErrors);
      continue;
    }
    readable++;
    const activityIds = names.map((n) => resolve(n).id);
    made.forEach((c, i) => {
      checkIns.push({ ...c, activityId: activityIds[i] ?? c.activityId });
    });
    if (names.length === 0) withoutActivity++;
    if (row.title !== "" || row.note !== "" || (names.length === 0 && row.mood !== null))
      notes.push({
        id: `note-${options.format}-${row.localDate}-${hash53(rowKey)}`,
        at: row.at,
        localDate: row.localDate,
        localHour: row.localHour,
        source: options.format,
        title: row.title,
        text: row.note,
        mood: row.mood,
        activityIds,
      });
    if (first === null || row.localDate < first) first = row.localDate;
    if (last === null || row.localDate > last) last = row.localDate;
    if (preview.length < (options.previewRows ?? 20))
      preview.push({
        line: row.line,
        localDate: row.localDate,
        time: `${pad(row.localHour)}:${pad(row.minute)}`,
        activities: names,
        started: row.started,
        minutesDone: row.minutesDone,
        anticipated: row.anticipated,
        experienced: row.experienced,
        mood: row.mood,
        note: [row.title, row.note].filter((s) => s !== "").join(": "),
      });
  }
  allErrors.sort((a, b) => a.line - b.line);
  const newActivities = [...created.values()];
  return {
    format: options.format,
    headers: options.headers,
    log: { version: 1, activities: newActivities, checkIns, urges: [], closedDays: [] },
    notes,
    errors: allErrors,
    preview,
    summary: {
      rows: options.rowCount,
      readableRows: readable,
      rowsWithErrors: new Set(allErrors.map((e) => e.line)).size,
      checkIns: checkIns.length,
      notes: notes.length,
      rowsWithoutActivity: withoutActivity,
      newActivities: newActivities.map((a) => a.name),
      matchedActivities: [...matched].sort(),
      excludedActivities: [...excludedSeen].sort(),
      firstDate: first,
      lastDate: last,
    },
  };
}
