/**
 * Delimited text tables (CSV or TSV, as other programs export them) with every problem reported by
 * line and column: the readers of real study files build on this (parsing is `src/csv`'s).
 */

import { type CsvIssue, csvRecords, readCsv } from "../csv/index.ts";

/** A problem with one cell or row: 1-based line (1 = header), the column, and what is wrong. */
export type TableIssue = CsvIssue;

/** One data row: its line and its cells by column name. */
export interface TableRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

export type TableResult =
  | { readonly ok: true; readonly columns: readonly string[]; readonly rows: readonly TableRow[] }
  | { readonly ok: false; readonly issues: readonly TableIssue[] };

/**
 * Reads a table whose header names at least the `required` columns (through the shared CSV reader).
 * The delimiter is a tab when the header holds one, otherwise a comma. Blank lines are skipped; a
 * row with a different number of cells than the header is an issue.
 */
export function readTable(text: string, required: readonly string[]): TableResult {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const table = readCsv(text, header.includes("\t") ? "\t" : ",");
  const columns = table.headers;
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return { ok: false, issues: missing.map((f) => ({ line: 1, field: f, message: `missing column ${f}` })) };
  if (table.issues.length > 0) return { ok: false, issues: table.issues };
  const rows: TableRow[] = csvRecords(table);
  if (rows.length === 0) return { ok: false, issues: [{ line: 2, field: "row", message: "no data rows" }] };
  return { ok: true, columns, rows };
}

/** Spellings of a missing value in the study files (R, pandas, Stata exports). */
export const MISSING_CELLS: ReadonlySet<string> = new Set(["", "NA", "NaN", "nan", "#NULL!", "null"]);

/** Number-parsing options for `CellReader.number`. */
export interface NumberOptions {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** Return null for a missing cell instead of reporting it. */
  readonly optional?: boolean;
}

/**
 * Typed access to cells that collects issues instead of throwing: each accessor returns the value
 * (or null when the cell is unusable) and records what was wrong with the line and column.
 */
export class CellReader {
  readonly issues: TableIssue[] = [];

  text(row: TableRow, field: string): string | null {
    const v = row.cells[field] ?? "";
    if (MISSING_CELLS.has(v)) {
      this.issues.push({ line: row.line, field, message: "empty" });
      return null;
    }
    return v;
  }

  number(row: TableRow, field: string, o: NumberOptions = {}): number | null {
    const raw = row.cells[field] ?? "";
    if (MISSING_CELLS.has(raw)) {
      if (!o.optional) this.issues.push({ line: row.line, field, message: "empty" });
      return null;
    }
    const x = Number(raw);
    const bad = (message: string) => {
      this.issues.push({ line: row.line, field, message });
      return null;
    };
    if (!Number.isFinite(x)) return bad(`expected a number, got ${JSON.stringify(raw)}`);
    if (o.integer && !Number.isInteger(x)) return bad(`expected a whole number, got ${raw}`);
    if (o.min !== undefined && x < o.min) return bad(`must be at least ${o.min}, got ${raw}`);
    if (o.max !== undefined && x > o.max) return bad(`must be at most ${o.max}, got ${raw}`);
    return x;
  }

  oneOf<T extends string>(row: TableRow, field: string, allowed: readonly T[]): T | null {
    const v = row.cells[field] ?? "";
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.issues.push({
      line: row.line,
      field,
      message: `must be one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`,
    });
    return null;
  }
}

/** `line 7: choice: …`, and how many more issues there are. */
export function describeTableIssues(issues: readonly TableIssue[]): string {
  const first = issues[0];
  if (!first) return "";
  return `line ${first.line}: ${first.field}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`;
}
