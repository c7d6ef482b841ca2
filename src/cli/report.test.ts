import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPORT_DISCLAIMER } from "../report/index.ts";
import { runCli } from "./test-cli.ts";

const dopamap = (args: string[], data: string, env: Record<string, string> = {}) =>
  runCli(args, { data, env });

describe("dopamap report", () => {
  it("writes the local person's report as HTML, with only the sections asked for", () => {
    const data = mkdtempSync(join(tmpdir(), "dopamap-report-"));
    expect(dopamap(["demo", "--weeks", "3"], data).code).toBe(0);
    const file = join(data, "report.html");
    const r = dopamap(["report", "--sections", "progress,map", "--html", file], data);
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(file, "utf8");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain(REPORT_DISCLAIMER);
    expect([...html.matchAll(/data-section="(\w+)"/g)].map((m) => m[1])).toEqual(["map", "progress"]);
  });

  it("refuses an unknown section, and explains a missing browser, without a stack trace", () => {
    const data = mkdtempSync(join(tmpdir(), "dopamap-report-"));
    const bad = dopamap(["report", "--sections", "map,diagnosis"], data);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^error \[invalid_input\]: sections\.1/);
    expect(bad.err).toContain("allowed: map, plan, scores, progress, crisis, sources");
    const pdf = dopamap(["report", "--sections", "crisis", "--pdf", join(data, "r.pdf")], data, {
      DOPAMAP_CHROMIUM: "/nonexistent/chromium",
    });
    expect(pdf.code).toBe(1);
    expect(pdf.err).toMatch(/^error \[browser_missing\]: .*DOPAMAP_CHROMIUM/);
    expect(pdf.err).not.toMatch(/\n\s+at /);
  });
});
