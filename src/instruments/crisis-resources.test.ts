import { describe, expect, it } from "vitest";
import {
  CRISIS_REGIONS,
  CRISIS_RESOURCES_LAST_VERIFIED,
  crisisResources,
  normaliseRegion,
} from "./crisis-resources.ts";

const hrefs = (region: string | undefined) =>
  crisisResources(region).contacts.flatMap((c) => c.links.map((l) => l.href));

describe("crisis resources by region", () => {
  it("GB: emergency 999, Samaritans 116 123 first among lines, Shout 85258", () => {
    const r = crisisResources("GB");
    expect(r.emergencyPrompt).toBe("If you are in immediate danger, call 999 now.");
    const lines = r.contacts.filter((c) => c.kind !== "emergency");
    expect(lines[0]?.name).toBe("Samaritans");
    expect(hrefs("GB")).toEqual(expect.arrayContaining(["tel:999", "tel:116123", "sms:85258?body=SHOUT"]));
  });

  it.each([
    ["US", ["tel:911", "tel:988", "sms:988", "sms:741741?body=HOME"]],
    ["IE", ["tel:112", "tel:116123", "sms:50808"]],
    ["CA", ["tel:911", "tel:988", "sms:988"]],
    ["AU", ["tel:000", "tel:131114"]],
    ["NZ", ["tel:111", "tel:1737", "sms:1737"]],
  ])("%s has one-tap links %j", (region, expected) => {
    expect(hrefs(region)).toEqual(expect.arrayContaining(expected));
  });

  it("unknown region: an international directory and the local emergency number", () => {
    for (const region of [undefined, "FR", "", "zz"]) {
      const r = crisisResources(region);
      expect(r.region).toBe("unknown");
      expect(r.contacts[0]?.kind).toBe("directory");
      expect(r.contacts[0]?.links[0]?.href).toBe("https://findahelpline.com");
      expect(r.emergencyPrompt).toContain("local emergency number");
    }
  });

  it("accepts locales and aliases", () => {
    expect(normaliseRegion("en-GB")).toBe("GB");
    expect(normaliseRegion("uk")).toBe("GB");
    expect(normaliseRegion("en_US")).toBe("US");
    expect(normaliseRegion("de-DE")).toBeUndefined();
  });

  it("every region lists the emergency number first, carries a last-verified date and stays persistent", () => {
    expect(CRISIS_RESOURCES_LAST_VERIFIED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const region of CRISIS_REGIONS) {
      const r = crisisResources(region);
      expect(r.contacts[0]?.kind).toBe("emergency");
      expect(r.lastVerified).toBe(CRISIS_RESOURCES_LAST_VERIFIED);
      expect(r.persistent).toBe(true);
      for (const c of r.contacts) {
        expect(c.links.length).toBeGreaterThan(0);
        for (const l of c.links) expect(l.href).toMatch(/^(tel:\d+|sms:\d+(\?body=[A-Z]+)?|https:\/\/\S+)$/);
      }
    }
  });
});
