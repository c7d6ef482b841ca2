import { describe, expect, it } from "vitest";
import { readSharedData } from "../../../test/shared-data.ts";
import { createRegistry } from "../registry.ts";
import { TASK_COMMANDS } from "../tasks/commands.ts";
import type { ExternalPrtReport } from "../tasks/prt-latent-command.ts";
import { FIT_COMMANDS } from "./commands.ts";
import type { EffortReport, RstdReport } from "./real-data-commands.ts";

const registry = createRegistry([...FIT_COMMANDS, ...TASK_COMMANDS] as never);

// Stated samples of the real data sets (the full fits run in `npm run bench`).
describe("real-data fit commands", () => {
  it("fit/rstd: screens by the paper's rule, fits a sample of 40, and cross-validates", async () => {
    const r = await registry.invoke("fit/rstd", {
      csv: readSharedData("prl-zorowitz2023/data.csv"),
      screening: readSharedData("prl-zorowitz2023/metrics.csv"),
      sample: 40,
      crossValidate: true,
    });
    expect(r.ok).toBe(true);
    const v = (r as { value: RstdReport }).value;
    expect(v.screening).toEqual({
      rule: "infrequency",
      inFile: 406,
      notListed: 20,
      excluded: 85,
      fitted: 40,
    });
    expect(v.crossValidation?.people).toBe(40);
    expect(v.fit.participants.every((p) => p.learningRatePos.lo <= p.learningRatePos.estimate)).toBe(true);
  });

  it("fit/effort-discounting: fits a sample of 4 with every variant compared", async () => {
    const r = await registry.invoke("fit/effort-discounting", {
      csv: readSharedData("effort-bernacer2019/inscanner_choices.csv"),
      sample: 4,
      crossValidate: true,
      variant: "parabolic",
    });
    expect(r.ok).toBe(true);
    const v = (r as { value: EffortReport }).value;
    expect(v.fit.variant).toBe("parabolic");
    expect(v.crossValidation?.totals.map((t) => t.variant)).toEqual([
      "hyperbolic",
      "exponential",
      "parabolic",
    ]);
  });

  it("tasks/fit-external: PRT summaries for everyone and the latent-reward model for a sample of 6, labelled", async () => {
    const csv = readSharedData("prt-sailer2023/trials.csv");
    const all = await registry.invoke("tasks/fit-external", { format: "prt-sailer2024", csv, model: false });
    expect(all.ok && (all.value as ExternalPrtReport).participants).toHaveLength(305);
    const r = await registry.invoke("tasks/fit-external", {
      format: "prt-sailer2024",
      csv,
      sample: 6,
      draws: 8,
    });
    const v = (r as { value: ExternalPrtReport }).value;
    expect(v.label).toBe("rewards latent (schedule assumed)");
    expect(v.fit?.participants).toHaveLength(6);
    expect(v.notes[0]).toContain("rewards latent (schedule assumed)");
  });

  it("rejects a malformed file as invalid_input naming the line and column", async () => {
    const r = await registry.invoke("fit/rstd", {
      csv: "platform,subject,block,trial,correct,choice,outcome\nmturk,a,1,1,2,1,1\nmturk,a,1,2,x,1,1\n",
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: "invalid_input",
        message: 'line 3: correct: expected a number, got "x"',
        path: ["csv", 3, "correct"],
      },
    });
    const e = await registry.invoke("fit/effort-discounting", { csv: "subject\n1\n" });
    expect(e).toMatchObject({
      ok: false,
      error: { code: "invalid_input", message: "line 1: timepoint: missing column timepoint (and 6 more)" },
    });
  });
});
