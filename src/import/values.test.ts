import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantOf, readDate, readRating, readTime, readTimeZone, readYesNo, rescale } from "./values.ts";

const zone = (s: string) => {
  const z = readTimeZone(s);
  if (!z.ok) throw new Error(z.error.message);
  return z.value;
};

describe("cell readers", () => {
  it("reads dates in each order and refuses impossible ones", () => {
    expect(readDate("2024-03-05", "YYYY-MM-DD")).toEqual({
      ok: true,
      value: { date: "2024-03-05", time: null },
    });
    expect(readDate("5/3/2024", "DD/MM/YYYY")).toMatchObject({ value: { date: "2024-03-05" } });
    expect(readDate("3/5/2024", "MM/DD/YYYY")).toMatchObject({ value: { date: "2024-03-05" } });
    expect(readDate("05.03.2024", "DD/MM/YYYY")).toMatchObject({ value: { date: "2024-03-05" } });
    expect(readDate("2024-03-05 08:15", "YYYY-MM-DD")).toMatchObject({
      value: { time: { hour: 8, minute: 15 } },
    });
    expect(readDate("2024-03-05T20:05:00Z", "YYYY-MM-DD")).toMatchObject({
      value: { time: { hour: 20, minute: 5 } },
    });
    expect(readDate("31/02/2024", "DD/MM/YYYY")).toMatchObject({
      ok: false,
      error: { code: "invalid_input", message: expect.stringMatching(/not a real date/) },
    });
    expect(readDate("2024-03-05", "DD/MM/YYYY")).toMatchObject({ ok: false });
    expect(readDate("", "YYYY-MM-DD")).toMatchObject({
      ok: false,
      error: {
        code: "invalid_input",
        message: expect.stringMatching(/empty; expected a date as YYYY-MM-DD/),
      },
    });
    expect(readDate("yesterday", "YYYY-MM-DD")).toMatchObject({ ok: false });
  });

  it("reads 24-hour and am/pm times", () => {
    expect(readTime("20:05")).toEqual({ ok: true, value: { hour: 20, minute: 5 } });
    expect(readTime("8:05 pm")).toEqual({ ok: true, value: { hour: 20, minute: 5 } });
    expect(readTime("12:30 am")).toEqual({ ok: true, value: { hour: 0, minute: 30 } });
    expect(readTime("12 PM")).toEqual({ ok: true, value: { hour: 12, minute: 0 } });
    expect(readTime("07:31:59")).toEqual({ ok: true, value: { hour: 7, minute: 31 } });
    for (const bad of ["24:00", "13:00 pm", "9", "8:61", "noon"]) expect(readTime(bad).ok).toBe(false);
  });

  it("rescales ratings onto 0–10 and refuses values off the scale", () => {
    const five = { min: 1, max: 5 };
    expect([1, 2, 3, 4, 5].map((x) => rescale(x, five))).toEqual([0, 3, 5, 8, 10]);
    expect(readRating("4", five)).toEqual({ ok: true, value: 8 });
    expect(readRating("3,5", five)).toEqual({ ok: true, value: 6 });
    expect(readRating("", five)).toEqual({ ok: true, value: null });
    expect(readRating("6", five)).toEqual({
      ok: false,
      error: { code: "invalid_input", message: "6 is outside the scale 1–5" },
    });
    expect(readRating("lots", five)).toMatchObject({ ok: false });
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (min, width, u) => {
          const r = rescale(min + u * width, { min, max: min + width });
          return Number.isInteger(r) && r >= 0 && r <= 10;
        },
      ),
    );
  });

  it("reads yes and no words and names the allowed ones otherwise", () => {
    expect(readYesNo(" Yes ")).toEqual({ ok: true, value: true });
    expect(readYesNo("skipped")).toEqual({ ok: true, value: false });
    expect(readYesNo("maybe")).toMatchObject({
      ok: false,
      error: { code: "invalid_input", message: expect.stringMatching(/allowed: true, yes/) },
    });
  });
});

describe("local time to instant", () => {
  it("applies fixed offsets and IANA zones with daylight saving", () => {
    expect(instantOf("2024-01-15", { hour: 9, minute: 0 }, zone("+02:00"))).toBe("2024-01-15T07:00:00Z");
    expect(instantOf("2024-01-15", { hour: 9, minute: 0 }, zone("UTC-0530"))).toBe("2024-01-15T14:30:00Z");
    expect(instantOf("2024-01-15", { hour: 9, minute: 0 }, zone("Europe/Berlin"))).toBe(
      "2024-01-15T08:00:00Z",
    );
    expect(instantOf("2024-07-15", { hour: 9, minute: 0 }, zone("Europe/Berlin"))).toBe(
      "2024-07-15T07:00:00Z",
    );
    expect(instantOf("2024-03-31", { hour: 10, minute: 0 }, zone("Europe/Berlin"))).toBe(
      "2024-03-31T08:00:00Z",
    );
    // 02:30 does not exist on the spring-forward day: read with the offset before the change.
    expect(instantOf("2024-03-31", { hour: 2, minute: 30 }, zone("Europe/Berlin"))).toBe(
      "2024-03-31T01:30:00Z",
    );
    // 02:30 happens twice on the fall-back day: the first.
    expect(instantOf("2024-10-27", { hour: 2, minute: 30 }, zone("Europe/Berlin"))).toBe(
      "2024-10-27T00:30:00Z",
    );
    expect(instantOf("2024-11-03", { hour: 12, minute: 0 }, zone("America/New_York"))).toBe(
      "2024-11-03T17:00:00Z",
    );
  });

  it("round-trips every hour of a year in a zone back to the same local time", () => {
    const z = zone("America/New_York");
    const fmt = new Intl.DateTimeFormat("en-CA", {
      timeZone: "America/New_York",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 23 }), (day, hour) => {
        const d = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
        if (d === "2025-03-09" && hour === 2) return true; // the skipped hour
        const back = fmt.format(new Date(instantOf(d, { hour, minute: 15 }, z)));
        return back === `${d}, ${String(hour).padStart(2, "0")}:15`;
      }),
    );
  });

  it("refuses an unknown time zone with an example", () => {
    expect(readTimeZone("Mars/Olympus")).toMatchObject({
      ok: false,
      error: { code: "invalid_input", message: expect.stringMatching(/Europe\/Berlin/) },
    });
    expect(readTimeZone("+15:00").ok).toBe(false);
  });
});
