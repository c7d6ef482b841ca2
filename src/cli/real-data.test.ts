import { describe, expect, it } from "vitest";
import { SHARED_DATA } from "../../test/shared-data.ts";
import { expectNoStack, runCli } from "./test-cli.ts";

const file = (p: string) => new URL(p, SHARED_DATA).pathname;

describe("dopamap fit --model and tasks fit --format on real data (command line)", () => {
  it("fits hBayesDM's bandit example, a screened reversal-learning sample, and PRT summaries", () => {
    const b = runCli([
      "fit",
      "--model",
      "bandit2arm",
      file("hbayesdm-examples/bandit2arm_exampleData.txt"),
      "--json",
    ]);
    expect(b.code).toBe(0);
    expect((JSON.parse(b.out) as { subjects: unknown[] }).subjects).toHaveLength(20);
    const r = runCli([
      "fit",
      "--model",
      "rstd",
      file("prl-zorowitz2023/data.csv"),
      "--screening",
      file("prl-zorowitz2023/metrics.csv"),
      "--sample",
      "3",
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("3 people fitted of 406 in the file; screening infrequency: 85 excluded");
    const p = runCli([
      "tasks",
      "fit",
      file("prt-sailer2023/trials.csv"),
      "--format",
      "prt-sailer2024",
      "--no-model",
      "--sample",
      "2",
    ]);
    expect(p.code).toBe(0);
    expect(p.out).toContain("v1_s2");
  });

  it("exits 2 naming the line and field of a malformed file, never a stack trace", () => {
    const bad = runCli(["fit", "--model", "effort-discounting", file("prt-sailer2023/trials.csv")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("error [invalid_input]: line 1: timepoint: missing column timepoint");
    expectNoStack(bad.err);
    const unknown = runCli(["fit", "--model", "nope", file("prt-sailer2023/trials.csv")]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("rstd");
  });
});
