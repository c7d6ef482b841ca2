import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ScenarioSchema } from "../model/scenario/index.ts";
import { CLI_BIN, expectNoStack, REPO_ROOT, runCli } from "./test-cli.ts";

const root = REPO_ROOT;
const tmp = mkdtempSync(join(tmpdir(), "dopamap-cli-"));

const dopamap = (...args: string[]) => runCli(args);

const noStack = expectNoStack;

describe("dopamap simulate (command line)", () => {
  it("prints a summary table with intervals and the disclaimer", () => {
    const r = dopamap(
      "simulate",
      "--condition",
      "depression",
      "--intervention",
      "scaffolding",
      "--weeks",
      "3",
      "--people",
      "20",
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("Start rate of the person's own planned activities");
    expect(r.out).toMatch(/\d\.\d\d \[\d\.\d\d, \d\.\d\d\]/);
    expect(r.out).toContain("not a diagnosis");
  });

  it("writes JSON, CSV and SVG that parse", () => {
    const svg = join(tmp, "charts.svg");
    const json = dopamap(
      "simulate",
      "--condition",
      "anxiety",
      "--compare",
      "threatReduction",
      "--weeks",
      "2",
      "--people",
      "10",
      "--json",
      "--svg",
      svg,
    );
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(report.arms).toHaveLength(2);
    expect(readFileSync(svg, "utf8")).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const csv = dopamap("simulate", "--weeks", "2", "--people", "5", "--csv");
    expect(csv.out.split("\n")[0]).toBe("arm,activity,metric,week,mean,ci_lo,ci_hi,p2_5,p97_5,n");
    expect(csv.out.split("\n").length).toBeGreaterThan(20);
  });

  it("streams per-opportunity records with --trace", () => {
    const r = dopamap("simulate", "--weeks", "1", "--people", "2", "--trace", "--csv");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines[0]).toContain("started");
    expect(lines[0]).toContain("anticipatedRating");
    // 2 people × 1 week: walk 7 + focus work 5 + call 4 = 16 planned opportunities each
    expect(lines.length - 1).toBe(32);
  });

  it.each([
    [["--weeks", "-1"], /--weeks: Too small/],
    [["--weeks", "abc"], /--weeks: Invalid input: expected number, received NaN/],
    [["--condition", "sad"], /--condition: Invalid option/],
    [["--people", "0"], /--people: Too small/],
    [["--intervention", "magic"], /--intervention: Invalid option/],
    [["--workers", "0"], /--workers: expected an integer/],
  ])("exits 2 with a named field for %j, never a stack trace", (args, message) => {
    const r = dopamap("simulate", ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/^error \[invalid_input\]/);
    noStack(r.err);
  });

  it("lists allowed values for an unknown condition", () => {
    const r = dopamap("simulate", "--condition", "sad");
    expect(r.err).toContain(
      "allowed: healthy, depression, anxiety, adhd, addiction, compulsive, chronicStress",
    );
  });

  it("reports a malformed or invalid scenario file by name", () => {
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, "{ not json");
    const r1 = dopamap("simulate", bad);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain("is not valid JSON");
    noStack(r1.err);
    const wrong = join(tmp, "wrong.json");
    writeFileSync(wrong, JSON.stringify({ level: "person", protocol: { weeks: 0 } }));
    const r2 = dopamap("simulate", wrong);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/wrong\.json: protocol\.weeks: Too small/);
    const missing = dopamap("simulate", join(tmp, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("cannot read scenario file");
  });

  it("runs a shipped trial-level scenario with flag overrides", () => {
    const r = dopamap("simulate", "scenarios/schultz-1997.json", "--people", "5", "--trials", "20");
    expect(r.code).toBe(0);
    expect(r.out).toContain("acquisition");
  });
});

describe("a reader that stops early", () => {
  it("ends quietly (exit 0, no stack trace) when stdout closes, as with `| head`", async () => {
    const child = spawn(
      process.execPath,
      [CLI_BIN, "simulate", "--people", "200", "--weeks", "12", "--trace", "--csv"],
      {
        cwd: root,
      },
    );
    let err = "";
    child.stderr.on("data", (d) => {
      err += String(d);
    });
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    noStack(err);
  });
});

describe("shipped scenarios", () => {
  it("every file in scenarios/ is a valid scenario", () => {
    const dir = join(root, "scenarios");
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) {
      const parsed = ScenarioSchema.safeParse(JSON.parse(readFileSync(join(dir, f), "utf8")));
      expect(parsed.success, `${f}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
    }
  });
});
