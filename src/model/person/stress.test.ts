import { describe, expect, it } from "vitest";
import { acuteRelease, acuteResponsiveness, cortisolAt, defaultParameters, toneAt } from "./index.ts";

const p = defaultParameters();

describe("stress acts in two directions (Pruessner et al. 2004; Bogdan & Pizzagalli 2006; Valenti et al. 2012)", () => {
  it("an acute cortisol pulse raises phasic release but lowers reward responsiveness", () => {
    expect(acuteRelease(p, 1, 0)).toBeGreaterThan(1);
    expect(acuteResponsiveness(p, 1)).toBeLessThan(1);
    expect(acuteRelease(p, 0, 0)).toBe(1);
    expect(acuteResponsiveness(p, 0)).toBe(1);
  });

  it("chronic load blunts the acute release response", () => {
    expect(acuteRelease(p, 1, 0.8) - 1).toBeLessThan((acuteRelease(p, 1, 0) - 1) / 2);
  });

  it("cortisol peaks after waking and adds the chronic load", () => {
    expect(cortisolAt(0, 0)).toBeGreaterThan(cortisolAt(8, 0));
    expect(cortisolAt(4, 0.5) - cortisolAt(4, 0)).toBeCloseTo(0.5, 12);
  });
});

describe("daily tone", () => {
  it("peaks at the chronotype's hour and dips six hours later", () => {
    const tone = (h: number) => toneAt(h, 9, 0.25);
    expect(tone(9)).toBeCloseTo(1.25, 12);
    expect(tone(15)).toBeCloseTo(0.875, 12);
    for (const h of [7, 8, 10, 11, 13, 15, 17, 20]) expect(tone(h)).toBeLessThan(tone(9));
    expect(tone(15)).toBeLessThan(tone(13));
    expect(tone(15)).toBeLessThan(tone(18));
    expect(toneAt(15, 15, 0.25)).toBeCloseTo(1.25, 12);
    expect(toneAt(12, 9, 0)).toBe(1);
  });
});
