import Papa from "papaparse";
import type { CsvRowIssue } from "../model/records/index.ts";

/**
 * Reading a CSV file into a header and rows that remember their line numbers.
 *
 * Parsing is papaparse's (5.7), not a hand-written splitter: files exported by diaries and
 * spreadsheets carry quoted fields with commas and line breaks, doubled quotes, a UTF-8 byte-order
 * mark, CRLF or CR line ends, and `;` or tab delimiters (European spreadsheets), which papaparse
 * handles and detects. It runs the same in Node and in the browser.
 */

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
  readonly issues: readonly CsvRowIssue[];
}

/** Delimiters tried when none is given. */
export const CSV_DELIMITERS = [",", ";", "\t"] as const;

/**
 * Splits CSV text into a header and rows. Blank lines are skipped (they still count for line
 * numbers); CRLF and CR line ends read as LF, also inside quoted cells; a row with more or fewer
 * cells than the header, or an unterminated quote, becomes an issue with its line. Duplicate or
 * empty header names get ` (2)` or `column N` so each column can be named. `delimiter` defaults to
 * detection among `,`, `;` and tab.
 */
export function readCsvTable(text: string, delimiter?: string): CsvTable {
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
  const issues: CsvRowIssue[] = [];
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
        else raw.push({ line, cells });
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
