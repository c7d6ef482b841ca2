import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defaultParameters,
  type PersonParameters,
  resolveConditions,
  samplePerson,
} from "../../model/person/index.ts";
import { seededRng, streamRng } from "../../model/rng.ts";
import { checkAnswers } from "../answers.ts";
import type { InstrumentDefinition } from "../definition.ts";
import { BUNDLED_INSTRUMENTS } from "../registry.ts";
import { scoreResponse } from "../score.ts";
import { instrument } from "../test-helpers.ts";
import {
  answerInstrument,
  type SyntheticRespondentOptions,
  syntheticAnswers,
  syntheticRespondent,
} from "./respond.ts";
import { type Exposure, latentTraits } from "./traits.ts";

const SEED = 20260301;
const N = 300;

/** Mean and 95% interval of the difference in means of a score between two populations. */
function populationDifference(
  def: InstrumentDefinition,
  scoreId: string,
  a: PersonParameters,
  b: PersonParameters,
  exposure: { a?: Exposure; b?: Exposure } = {},
): { diff: number; lo: number; hi: number; meanA: number; meanB: number } {
  const draw = (preset: PersonParameters, group: number, exp?: Exposure): number[] =>
    Array.from({ length: N }, (_, i) => {
      const person = samplePerson(preset, SEED + group, i);
      const answers = syntheticAnswers(def, person, {
        rng: streamRng(SEED + group, i, 1),
        ...(exp ? { exposure: exp } : {}),
      });
      const r = scoreResponse(def, answers);
      if (!r.ok) throw new Error(r.error.message);
      const s = [...(r.value.total ? [r.value.total] : []), ...r.value.subscales].find(
        (x) => x.id === scoreId,
      );
      return s?.value ?? Number.NaN;
    }).filter((v) => !Number.isNaN(v));
  const xa = draw(a, 1, exposure.a);
  const xb = draw(b, 2, exposure.b);
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const variance = (x: number[]) => x.reduce((s, v) => s + (v - mean(x)) ** 2, 0) / (x.length - 1);
  const diff = mean(xa) - mean(xb);
  const se = Math.sqrt(variance(xa) / xa.length + variance(xb) / xb.length);
  return { diff, lo: diff - 1.96 * se, hi: diff + 1.96 * se, meanA: mean(xa), meanB: mean(xb) };
}

const healthy = defaultParameters();
const preset = (id: "depression" | "anxiety" | "adhd") => resolveConditions([id]).parameters;

describe("synthetic respondents on populations (fixed seed, 95% intervals)", () => {
  it("a depression-like parameter set scores higher on the PHQ-9 than healthy", () => {
    const d = populationDifference(instrument("phq9"), "total", preset("depression"), healthy);
    expect(d.lo).toBeGreaterThan(5);
    expect(d.meanB).toBeLessThan(5);
    expect(d.meanA).toBeGreaterThan(10);
  });

  it("an anxiety-like parameter set scores higher on the GAD-7", () => {
    const d = populationDifference(instrument("gad7"), "total", preset("anxiety"), healthy);
    expect(d.lo).toBeGreaterThan(5);
  });

  it("an ADHD-like parameter set has more ASRS shaded answers", () => {
    const d = populationDifference(instrument("asrs"), "shaded", preset("adhd"), healthy);
    expect(d.lo).toBeGreaterThan(1.5);
  });

  it("depression lowers TEPS anticipatory pleasure more than consummatory pleasure (liking intact)", () => {
    const teps = instrument("teps");
    const ant = populationDifference(teps, "anticipatory", healthy, preset("depression"));
    const con = populationDifference(teps, "consummatory", healthy, preset("depression"));
    expect(ant.lo).toBeGreaterThan(0);
    expect(ant.diff / 50).toBeGreaterThan(con.diff / 40);
  });

  it("heavy drinking exposure raises AUDIT-C; abstinence lowers it", () => {
    const d = populationDifference(instrument("audit_c"), "total", healthy, healthy, {
      a: { alcohol: 0.9 },
      b: { alcohol: 0 },
    });
    expect(d.lo).toBeGreaterThan(4);
  });

  it("a later chronotype peak gives a later chronotype (MSF_sc)", () => {
    const late = { ...healthy, chronotypePeak: 12 };
    const d = populationDifference(instrument("sleep_timing"), "msf_sc", late, healthy);
    expect(d.lo).toBeGreaterThan(2);
    expect(d.hi).toBeLessThan(4);
  });
});

describe("synthetic answers are always valid", () => {
  const paramsArb = fc.record({
    anticipatoryGain: fc.double({ min: 0.02, max: 3, noNaN: true }),
    rewardSensitivity: fc.double({ min: 0.02, max: 3, noNaN: true }),
    hedonicGain: fc.double({ min: 0.02, max: 3, noNaN: true }),
    threatGain: fc.double({ min: 0, max: 3, noNaN: true }),
    noveltyCoupling: fc.double({ min: 0, max: 1, noNaN: true }),
    d2Availability: fc.double({ min: 0.3, max: 1.3, noNaN: true }),
    stressLoad: fc.double({ min: 0, max: 1, noNaN: true }),
    chronotypePeak: fc.double({ min: 0, max: 23.99, noNaN: true }),
    choiceSensitivity: fc.double({ min: 0.1, max: 50, noNaN: true }),
  });
  const exposureArb = fc.record(
    {
      alcohol: fc.double({ min: 0, max: 1, noNaN: true }),
      cannabis: fc.double({ min: 0, max: 1, noNaN: true }),
      gambling: fc.double({ min: 0, max: 1, noNaN: true }),
      socialMedia: fc.double({ min: 0, max: 1, noNaN: true }),
    },
    { requiredKeys: [] },
  );

  it("for every bundled instrument, any parameters, any exposure and any seed", () => {
    fc.assert(
      fc.property(paramsArb, exposureArb, fc.integer(), (p, exposure, seed) => {
        const rng = seededRng(seed);
        const options: SyntheticRespondentOptions = { rng, exposure };
        const respondent = syntheticRespondent({ ...healthy, ...p }, options);
        for (const def of BUNDLED_INSTRUMENTS) {
          const answers = answerInstrument(respondent, def, rng);
          expect(checkAnswers(def, answers).ok).toBe(true);
          const r = scoreResponse(def, answers);
          expect(r.ok && r.value.complete).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("are reproducible from the seed", () => {
    const def = instrument("phq9");
    const a = syntheticAnswers(def, preset("depression"), { rng: seededRng(7) });
    const b = syntheticAnswers(def, preset("depression"), { rng: seededRng(7) });
    expect(a).toEqual(b);
  });

  it("healthy parameters give traits near zero; the presets give about 2–3 on their own trait", () => {
    const h = latentTraits(healthy);
    for (const v of Object.values(h)) expect(Math.abs(v)).toBeLessThan(0.6);
    expect(latentTraits(preset("depression")).anhedonia).toBeGreaterThan(2);
    expect(latentTraits(preset("anxiety")).anxiety).toBeGreaterThan(2);
    expect(latentTraits(preset("adhd")).inattention).toBeGreaterThan(2);
  });
});
