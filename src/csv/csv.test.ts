import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvLine, csvRecords, defuseText, readCsv, restoreText, writeCsv } from "./index.ts";

describe("defusing formulas", () => {
  it("defuses what a spreadsheet would evaluate and nothing else", () => {
    expect(defuseText("=2+3")).toBe("'=2+3");
    expect(defuseText("- felt good")).toBe("'- felt good");
    expect(defuseText("-05:00")).toBe("'-05:00");
    expect(defuseText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(defuseText("'=x")).toBe("''=x");
    expect(defuseText("walk")).toBe("walk");
    expect(defuseText("'quoted'")).toBe("'quoted'");
  });

  it("restoring is the exact inverse, for every string", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "a", " ", ",", '"', "\n") }),
        (s) => restoreText(defuseText(s)) === s,
      ),
      { numRuns: 2000 },
    );
  });

  it("a written table reads back to the same text, for every string", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { minLength: 1, maxLength: 8 }), (pairs) => {
        const rows = pairs.map(([a, b]) => ({ a: `x${a}`, b: `${b}y` }));
        const t = readCsv(writeCsv(["a", "b"], rows), ",");
        return (
          t.issues.length === 0 &&
          JSON.stringify(t.rows.map((r) => ({ a: r.cells[0], b: r.cells[1] }))) ===
            JSON.stringify(
              rows.map((r) => ({ a: r.a.replace(/\r\n?/g, "\n"), b: r.b.replace(/\r\n?/g, "\n") })),
            )
        );
      }),
      { numRuns: 500 },
    );
  });

  it("writes one boolean style and leaves numbers as numbers", () => {
    expect(writeCsv(["a", "b", "c", "d"], [{ a: true, b: false, c: -3, d: null }])).toBe(
      "a,b,c,d\ntrue,false,-3,\n",
    );
    expect(csvLine(["x,y", 1.5, Number.NaN])).toBe('"x,y",1.5,\n');
  });

  it("reads line numbers across quoted line breaks and blank lines", () => {
    const t = readCsv('a,b\n1,"two\nlines"\n\n3,4\n5\n');
    expect(t.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(t.issues).toEqual([expect.objectContaining({ line: 6, field: "row" })]);
    expect(csvRecords(t)[0]!.cells).toEqual({ a: "1", b: "two\nlines" });
  });
});

const SOFFICE = "/usr/bin/soffice";
/** LibreOffice runs here; under CI a missing one fails instead of skipping (.ci/run installs it). */
const RUN = existsSync(SOFFICE) || process.env.CI === "true";

describe.runIf(RUN)("a real spreadsheet (LibreOffice Calc, headless)", () => {
  it("does not evaluate exported text as formulas, and its re-export reads back unchanged", () => {
    const dir = mkdtempSync(join(tmpdir(), "dopamap-lo-"));
    try {
      const names = ["=2+3", "- felt good", "-05:00", "+1+1", "@SUM(1;2)", "'=x", "walk"];
      const ours = writeCsv(
        ["name", "n"],
        names.map((name, i) => ({ name, n: i })),
      );
      const raw = `name,n\n${names.map((n, i) => `${n},${i}`).join("\n")}\n`;
      writeFileSync(join(dir, "ours.csv"), ours);
      writeFileSync(join(dir, "raw.csv"), raw);
      execFileSync(
        SOFFICE,
        [
          "--headless",
          "--norestore",
          "--infilter=CSV:44,34,76,1",
          "--convert-to",
          "csv:Text - txt - csv (StarCalc):44,34,76,1",
          "--outdir",
          join(dir, "out"),
          join(dir, "ours.csv"),
          join(dir, "raw.csv"),
        ],
        { env: { ...process.env, HOME: dir }, stdio: "pipe", timeout: 60_000 },
      );
      const cells = (f: string) => csvRecords(readCsv(readFileSync(join(dir, "out", f), "utf8"), ","));
      // Without defusing, Calc computes the formula: the evidence that the test can fail.
      expect(cells("raw.csv")[0]!.cells.name).toBe("5");
      // With it, every name is text, and reading Calc's own re-export gives the names back exactly.
      expect(cells("ours.csv").map((r) => r.cells.name)).toEqual(names);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
