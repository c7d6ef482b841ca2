import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectNoStack, runCli } from "./test-cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "dopamap-fit-"));

const dopamap = (...args: string[]) => runCli(args);

const noStack = expectNoStack;

describe("dopamap fit and map (command line)", () => {
  it("exports a simulated log, fits it and maps it, as JSON and SVG", () => {
    const csv = join(tmp, "logs.csv");
    const exp = dopamap(
      "simulate",
      "--condition",
      "depression",
      "--weeks",
      "4",
      "--seed",
      "3",
      "--export-logs",
      csv,
    );
    expect(exp.code).toBe(0);
    const fit = dopamap("fit", csv, "--json", "--no-compare");
    expect(fit.code).toBe(0);
    const report = JSON.parse(fit.out) as { parameters: { name: string }[] };
    expect(report.parameters.map((p) => p.name)).toContain("threatGain");
    const svg = join(tmp, "map.svg");
    const map = dopamap("map", csv, "--svg", svg);
    expect(map.code).toBe(0);
    expect(map.out).toContain("not a diagnosis");
    expect(readFileSync(svg, "utf8")).toContain("<svg");
  });

  it("exits 2 naming the line and field of a malformed row, never a stack trace", () => {
    const csv = join(tmp, "bad.csv");
    const good = dopamap("simulate", "--weeks", "2", "--export-logs", csv);
    expect(good.code).toBe(0);
    const lines = readFileSync(csv, "utf8").split("\n");
    const i = lines.findIndex((l) => l.startsWith("checkin"));
    lines[i] = lines[i]!.replace(/^checkin,([^,]*),([^,]*),/, "checkin,$1,swim,");
    writeFileSync(csv, lines.join("\n"));
    const r = dopamap("fit", csv);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error [invalid_input]: line ${i + 1}: activity_id: unknown activity swim\n`);
    noStack(r.err);
    const trials = join(tmp, "trials.csv");
    writeFileSync(trials, "subjID,choice,outcome\na,1,1\na,3,0\n");
    const b = dopamap("fit", "--model", "bandit2arm", trials, "--json");
    expect(b.code).toBe(2);
    expect(b.err).toContain("line 3: choice");
    noStack(b.err);
  });
});
