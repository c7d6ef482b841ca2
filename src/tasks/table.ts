/**
 * Delimited text tables (CSV or TSV, as other programs export them) with every problem reported by
 * line and column: the readers of real study files build on this. Quoted fields may hold the
 * delimiter and doubled quotes, not line breaks.
 */

/** A problem with one cell or row: 1-based line (1 = header), the column, and what is wrong. */
export interface TableIssue {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** One data row: its line and its cells by column name. */
export interface TableRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

export type TableResult =
  | { readonly ok: true; readonly columns: readonly string[]; readonly rows: readonly TableRow[] }
  | { readonly ok: false; readonly issues: readonly TableIssue[] };

function splitLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

/**
 * Reads a table whose header names at least the `required` columns. The delimiter is a tab when the
 * header holds one, otherwise a comma. Blank lines are skipped; a row with a different number of
 * cells than the header is an issue.
 */
export function readTable(text: string, required: readonly string[]): TableResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = lines[0] ?? "";
  const delimiter = header.includes("\t") ? "\t" : ",";
  const columns = splitLine(header, delimiter).map((c) => c.trim());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return { ok: false, issues: missing.map((f) => ({ line: 1, field: f, message: `missing column ${f}` })) };
  const rows: TableRow[] = [];
  const issues: TableIssue[] = [];
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === "") continue;
    const cells = splitLine(l, delimiter);
    if (cells.length !== columns.length) {
      issues.push({
        line: i + 1,
        field: "row",
        message: `expected ${columns.length} fields, got ${cells.length}`,
      });
      continue;
    }
    const record: Record<string, string> = {};
    columns.forEach((c, k) => {
      record[c] = cells[k]!.trim();
    });
    rows.push({ line: i + 1, cells: record });
  }
  if (issues.length > 0) return { ok: false, issues };
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
