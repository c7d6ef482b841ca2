import { describe, expect, it } from "vitest";
import { readSharedData } from "../../test/shared-data.ts";
import { readSailerPrtCsv } from "../tasks/sailer-prt.ts";
import {
  blockMeans,
  readSailerQuestionnaires,
  readSdtReference,
  sailerReport,
  sdtCells,
} from "./prt-sailer.ts";

// Sailer, Wurm & Pfabigan 2024, Behav Res Methods 56:5161 (CC BY 4.0): all 305 participants (no model fit here).
const trials = readSailerPrtCsv(readSharedData("prt-sailer2023/trials.csv"));
const questionnaires = readSailerQuestionnaires(readSharedData("prt-sailer2023/questionnaires.csv"));
if (!trials.ok || !questionnaires.ok) throw new Error("Sailer et al. 2024 files did not parse");

describe("PRT online (Sailer et al. 2024): block-wise bias and discriminability", () => {
  it("P0: reproduces every subject × block cell of the derived file, and its block means", () => {
    const ref = readSdtReference(readSharedData("prt-sailer2023/sdt_by_subject_block.csv"));
    if (!ref.ok) throw new Error("reference");
    const ours = new Map(sdtCells(trials.participants).map((c) => [`${c.subject}/${c.block}`, c]));
    expect(ref.rows).toHaveLength(915);
    expect(
      ref.rows.filter((r) => JSON.stringify(ours.get(`${r.subject}/${r.block}`)) !== JSON.stringify(r)),
    ).toEqual([]);
    const means = blockMeans(ref.rows, "always");
    // The PROVENANCE table (0.5 added to every cell).
    expect(means.map((b) => b.logB.estimate)).toEqual([0.075, 0.107, 0.124].map((x) => expect.closeTo(x, 3)));
    expect(means.map((b) => b.logD.estimate)).toEqual([0.483, 0.52, 0.533].map((x) => expect.closeTo(x, 3)));
  });

  it("P1–P3, S0–S2 on all 305, against the criteria of docs/validation.md", () => {
    const r = sailerReport(trials.participants, questionnaires.rows);
    expect(r.participants).toBe(305);
    expect([r.p1, r.p2, r.p3]).toEqual(["agrees", "agrees", "agrees"]);
    expect(r.joinAccepted).toBe(true);
    expect(r.shapsDirection).toBe("higher = more anhedonia");
    // Measured: r = 0.052 [−0.061, 0.163], n = 305 (about r = 0.05, as measured before).
    expect(r.biasVsShaps.estimate).toBeCloseTo(0.05, 1);
    expect(r.biasVsShaps.n).toBe(305);
    expect(r.s2).toBe("no relation detected");
  });

  it("rejects a malformed row with its line and column", () => {
    const bad = readSailerPrtCsv(
      "version,feedback,participant_in_version,subject,block,stim,rt_s,correct\n1,star,1,v1_s1,1,rich,0.5,1\n1,star,1,v1_s1,1,poor,0.5,1\n",
    );
    expect(!bad.ok && bad.issues[0]).toEqual({
      line: 3,
      field: "stim",
      message: 'must be one of rich, lean, got "poor"',
    });
  });
});
