import { describe, expect, it } from "vitest";
import { readSharedData } from "../../test/shared-data.ts";
import { readBanditCsv } from "../fit/bandit2arm.ts";
import { BANDIT_REFERENCE, banditGroupReport } from "./bandit-hbayesdm.ts";
import { happinessSummary, readHappinessTrials } from "./happiness-rdt.ts";

// hBayesDM example files (GPL-3.0; recorded or simulated is undocumented): all 20 and 6 subjects.

describe("hBayesDM examples as format and regression fixtures", () => {
  it("fits bandit2arm on its own ±1 outcomes; group A and τ lie inside the independent fit's intervals", () => {
    const parsed = readBanditCsv(readSharedData("hbayesdm-examples/bandit2arm_exampleData.txt"));
    if (!parsed.ok) throw new Error("bandit file did not parse");
    expect(new Set(parsed.subjects.flatMap((s) => [...s.outcomes]))).toEqual(new Set([-1, 1]));
    // The bootstrap (1,000 refits) runs in the bench; the criterion is on the point estimates.
    const g = banditGroupReport(parsed.subjects, { resamples: 0 });
    expect(g.verdict).toBe("agrees");
    expect(g.learningRate.estimate).toBeGreaterThan(BANDIT_REFERENCE.learningRate.lo);
  });

  it("reads every row of the happiness example, and names a bad rating's line and column", () => {
    const r = readHappinessTrials(readSharedData("hbayesdm-examples/rdt_exampleData.txt"));
    expect(r.ok && r.trials.length).toBe(900);
    if (r.ok) expect(happinessSummary(r.trials).map((s) => s.trials)).toEqual([150, 150, 150, 150, 150, 150]);
    const bad = readHappinessTrials(
      "subjID\ttrial_number\tgamble\toutcome\thappy\tRT_happy\n1\t1\t0\t-40\t2.5\t689\n",
    );
    expect(!bad.ok && bad.issues[0]).toEqual({
      line: 2,
      field: "happy",
      message: "expected a whole number, got 2.5",
    });
  });
});
