import Papa from "papaparse";

/**
 * Every CSV read and write in dopamap goes through this module, and through papaparse (5.7): one
 * parser and one writer, the same in Node and in the browser. Writing defuses spreadsheet formulas
 * (a cell `=2+3` would otherwise be evaluated by LibreOffice or Excel); reading removes exactly the
 * prefix writing added, so text survives export → import unchanged.
 */

/** A problem with one row or cell: 1-based line (the header is line 1), the column, and what is wrong. */
export interface CsvIssue {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** One row of the file: the 1-based line it starts on (the header is line 1) and its cells. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A parsed file: column names (made unique), rows, and rows that could not be split. */
export interface CsvTable {
  readonly headers: readonly string[];
  readonly delimiter: string;
  readonly rows: readonly CsvRow[];
  readonly issues: readonly CsvIssue[];
}

/** Delimiters tried when none is given. */
export const CSV_DELIMITERS = [",", ";", "\t"] as const;

/** What a spreadsheet reads as the start of a formula (OWASP's list: = + - @, tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell writing defused: one added apostrophe before what would start a formula (or before such apostrophes). */
const DEFUSED = /^'+[=+\-@\t\r]/;

/**
 * Defuses a text cell for spreadsheets: text that starts like a formula, or that already starts
 * with apostrophes followed by such a character, gets one more leading apostrophe (shown as text
 * by LibreOffice, Excel and Google Sheets). {@link restoreText} removes exactly that apostrophe,
 * so the pair is lossless for every string.
 */
export function defuseText(s: string): string {
  return FORMULA_START.test(s) || DEFUSED.test(s) ? `'${s}` : s;
}

/** The inverse of {@link defuseText}: one leading apostrophe off a cell that writing defused. */
export function restoreText(s: string): string {
  return DEFUSED.test(s) ? s.slice(1) : s;
}

/** A value a CSV cell holds: text (defused), a number, a boolean (`true`/`false`), or empty. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * One cell as text: empty for null, undefined and non-finite numbers; `true`/`false` for booleans
 * (the one boolean style of every dopamap CSV); numbers as JavaScript writes them; text defused.
 */
export function cellText(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  return defuseText(v);
}

/**
 * CSV lines (no trailing newline) for rows of already-rendered cells: papaparse quotes a cell that
 * holds the delimiter, a quote or a line break, or starts or ends with a space (RFC 4180).
 */
function lines(rows: string[][]): string {
  return rows.length === 0 ? "" : Papa.unparse(rows, { newline: "\n" });
}

/** A CSV file: the header, then one line per row with the named columns, a newline at the end. */
export function writeCsv(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, CsvValue>>[],
): string {
  const body = [columns.map(cellText), ...rows.map((r) => columns.map((c) => cellText(r[c])))];
  return `${lines(body)}\n`;
}

/** One CSV line (with its newline) of `values` in order, for writers that stream rows. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${lines([values.map(cellText)])}\n`;
}

/**
 * Splits CSV text into a header and rows. Blank lines are skipped (they still count for line
 * numbers); CRLF and CR line ends read as LF, also inside quoted cells; a row with more or fewer
 * cells than the header, or an unterminated quote, becomes an issue with its line. Duplicate or
 * empty header names get ` (2)` or `column N` so each column can be named. `delimiter` defaults to
 * detection among `,`, `;` and tab. Cells come back with the apostrophe {@link defuseText} added
 * removed ({@link restoreText}).
 */
export function readCsv(text: string, delimiter?: string): CsvTable {
  // Line ends are made uniform first: papaparse splits on one kind, and files edited by hand mix them.
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, "\n");
  const delim =
    delimiter ||
    Papa.parse<string[]>(body.slice(0, 64 * 1024), {
      delimiter: "",
      delimitersToGuess: [...CSV_DELIMITERS],
      skipEmptyLines: "greedy",
      preview: 50,
    }).meta.delimiter ||
    ",";
  const raw: CsvRow[] = [];
  const issues: CsvIssue[] = [];
  let start = 0;
  let line = 1;
  const breaks = (from: number, to: number) => {
    let n = 0;
    for (let i = from; i < to; i++) if (body.charCodeAt(i) === 10) n++;
    return n;
  };
  Papa.parse<string[]>(body, {
    delimiter: delim,
    skipEmptyLines: false,
    step(result) {
      const end = result.meta.cursor;
      const cells = result.data;
      const blank = cells.every((c) => c.trim() === "");
      if (!blank) {
        const unterminated = result.errors.find((e) => e.code === "MissingQuotes");
        if (unterminated)
          issues.push({ line, field: "row", message: 'a quoted field is never closed (a missing ")' });
        else raw.push({ line, cells: cells.map(restoreText) });
      }
      line += breaks(start, end);
      start = end;
    },
  });
  const [head, ...rows] = raw;
  if (!head) return { headers: [], delimiter: delim, rows: [], issues };
  const seen = new Map<string, number>();
  const headers = head.cells.map((h, i) => {
    const name = h.trim() || `column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
  const good: CsvRow[] = [];
  for (const r of rows) {
    if (r.cells.length === headers.length) good.push(r);
    else
      issues.push({
        line: r.line,
        field: "row",
        message: `expected ${headers.length} cells like the header, found ${r.cells.length} (an unquoted comma or a missing cell?)`,
      });
  }
  return { headers, delimiter: delim, rows: good, issues };
}

/** The rows of a table as objects keyed by header (cells trimmed). */
export function csvRecords(table: CsvTable): { line: number; cells: Record<string, string> }[] {
  return table.rows.map((r) => {
    const cells: Record<string, string> = {};
    table.headers.forEach((h, i) => {
      cells[h] = (r.cells[i] ?? "").trim();
    });
    return { line: r.line, cells };
  });
}
