import { describe, expect, it } from "vitest";
import { CellReader, describeTableIssues, readTable } from "./table.ts";

describe("delimited tables with issues by line and column", () => {
  it("reads CSV and TSV (by the header's delimiter), quoted fields and blank lines", () => {
    const csv = readTable('a,b\n1,"x, ""y"""\n\n2,z\n', ["a", "b"]);
    expect(csv.ok && csv.rows.map((r) => [r.line, r.cells.a, r.cells.b])).toEqual([
      [2, "1", 'x, "y"'],
      [4, "2", "z"],
    ]);
    const tsv = readTable("a\tb\r\n1\t2\r\n", ["b"]);
    expect(tsv.ok && tsv.rows[0]!.cells).toEqual({ a: "1", b: "2" });
  });

  it("names a missing column, a short row and an empty file", () => {
    expect(readTable("a,b\n1,2\n", ["c"])).toEqual({
      ok: false,
      issues: [{ line: 1, field: "c", message: "missing column c" }],
    });
    const short = readTable("a,b\n1,2\n3\n", ["a"]);
    expect(!short.ok && short.issues).toEqual([
      {
        line: 3,
        field: "row",
        message: "expected 2 cells like the header, found 1 (an unquoted comma or a missing cell?)",
      },
    ]);
    expect(readTable("a,b\n", ["a"]).ok).toBe(false);
  });

  it("collects typed-cell problems with their line and column, and words them", () => {
    const t = readTable("n,k\n1.5,x\nNA,3\n7,y\n", ["n", "k"]);
    if (!t.ok) throw new Error("table");
    const c = new CellReader();
    expect(c.number(t.rows[0]!, "n", { integer: true })).toBeNull();
    expect(c.number(t.rows[1]!, "n", { optional: true })).toBeNull();
    expect(c.number(t.rows[2]!, "n", { max: 5 })).toBeNull();
    expect(c.oneOf(t.rows[0]!, "k", ["x", "y"])).toBe("x");
    expect(c.oneOf(t.rows[1]!, "k", ["x", "y"])).toBeNull();
    expect(c.issues.map((i) => [i.line, i.field])).toEqual([
      [2, "n"],
      [4, "n"],
      [3, "k"],
    ]);
    expect(describeTableIssues(c.issues)).toBe("line 2: n: expected a whole number, got 1.5 (and 2 more)");
  });
});
