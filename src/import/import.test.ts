import { readFileSync } from "node:fs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { readCsv, restoreText } from "../csv/index.ts";
import { PersonLogSchema, type RecordActivity } from "../model/records/index.ts";
import {
  detectFormat,
  guessKind,
  ImportSetupError,
  importCsv,
  importDaylio,
  suggestMapping,
} from "./index.ts";

const fixture = readFileSync(new URL("./fixtures/daylio-export.csv", import.meta.url), "utf8");
const HEADER = "full_date,date,weekday,time,mood,activities,note_title,note";

describe("readCsv (papaparse with line numbers)", () => {
  it("handles a BOM, quoted commas and line breaks, CRLF and blank lines, counting lines from the header", () => {
    const text = '\ufeffa,b,c\r\n1,"x, y",3\r\n\r\n4,"two\r\nlines",6\r\n7,8\r\n\r\n9,"say ""hi""",10';
    const t = readCsv(text);
    expect(t.headers).toEqual(["a", "b", "c"]);
    expect(t.rows.map((r) => [r.line, ...r.cells])).toEqual([
      [2, "1", "x, y", "3"],
      [4, "4", "two\nlines", "6"],
      [8, "9", 'say "hi"', "10"],
    ]);
    expect(t.issues).toEqual([
      { line: 6, field: "row", message: expect.stringMatching(/expected 3 cells.*found 2/) },
    ]);
  });

  it("detects ; and tab delimiters and names empty or repeated headers", () => {
    expect(readCsv("Datum;Was;\n05.03.2024;Laufen;x\n").headers).toEqual(["Datum", "Was", "column 3"]);
    expect(readCsv("a\ta\n1\t2\n").headers).toEqual(["a", "a (2)"]);
  });

  it("reports an unterminated quote at the line it starts on", () => {
    const t = readCsv('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(t.issues).toEqual([{ line: 3, field: "row", message: expect.stringMatching(/never closed/) }]);
  });

  it("gives every row the line it starts on, for any cells, line ends and BOM", () => {
    const cell = fc.string({ maxLength: 8 }).map((s) => s.replace(/\r/g, ""));
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            cell.filter((s) => s.trim() !== ""),
            cell,
          ),
          { minLength: 1, maxLength: 12 },
        ),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.array(fc.boolean(), { maxLength: 12 }),
        (rows, newline, bom, blanks) => {
          const lines = [Papa.unparse([["x", "y"]], { newline, quotes: true })];
          const expected: number[] = [];
          let line = 2;
          rows.forEach((r, i) => {
            if (blanks[i]) {
              lines.push("");
              line++;
            }
            expected.push(line);
            const text = Papa.unparse([r.map((c) => c.replace(/\n/g, newline))], { newline, quotes: true });
            lines.push(text);
            line += text.split(newline).length;
          });
          const t = readCsv((bom ? "\ufeff" : "") + lines.join(newline), ",");
          expect(t.issues).toEqual([]);
          expect(t.rows.map((r) => r.line)).toEqual(expected);
          // Reading removes the apostrophe a dopamap export puts before formula-like text.
          expect(t.rows.map((r) => r.cells)).toEqual(rows.map((r) => r.map(restoreText)));
        },
      ),
    );
  });
});

describe("generic CSV import", () => {
  const mapping = {
    columns: {
      date: "Date",
      time: "Time",
      activity: "What",
      started: "Done",
      minutes: "Minutes",
      anticipated: "Before",
      experienced: "After",
      mood: "Mood",
      note: "Note",
    },
    dateFormat: "DD/MM/YYYY" as const,
    ratingScale: { min: 1, max: 5 },
  };
  const header = "Date,Time,What,Done,Minutes,Before,After,Mood,Note";

  it("maps columns, rescales ratings, keeps the local day and computes the instant in the zone", () => {
    const text = `${header}\n05/03/2024,23:30,Guitar,yes,25,2,5,7,"felt good, finally"\n06/03/2024,8:00 am,Run,no,,3,,4,\n`;
    const r = importCsv(text, mapping, { timeZone: "America/New_York" });
    expect(r.errors).toEqual([]);
    expect(r.log.checkIns).toHaveLength(2);
    const [guitar, run] = r.log.checkIns;
    expect(guitar).toMatchObject({
      localDate: "2024-03-05",
      localHour: 23,
      at: "2024-03-06T04:30:00Z",
      started: true,
      minutesDone: 25,
      anticipated: 3,
      experienced: 10,
      mood: 7,
    });
    expect(run).toMatchObject({
      localDate: "2024-03-06",
      localHour: 8,
      started: false,
      minutesDone: 0,
      anticipated: 5,
      experienced: null,
    });
    expect(r.log.activities.map((a) => a.name)).toEqual(["Guitar", "Run"]);
    expect(r.log.activities[0]).toMatchObject({
      id: "imported-guitar",
      kind: "creative",
      notes: expect.stringMatching(/^Imported from a CSV file/),
    });
    expect(r.notes).toEqual([
      expect.objectContaining({ text: "felt good, finally", localDate: "2024-03-05" }),
    ]);
    expect(PersonLogSchema.safeParse(r.log).success).toBe(true);
  });

  it("reports unreadable rows with line, column and the allowed values, and keeps the rest", () => {
    const text = [
      header,
      "05/03/2024,20:00,Walk,yes,30,4,4,5,",
      "31/02/2024,20:00,Walk,yes,30,4,4,5,",
      "",
      "07/03/2024,20:00,Walk,yes,30,9,4,5,",
      "08/03/2024,20:00,Walk,perhaps,30,4,4,5,",
      "09/03/2024,25:00,,yes,30,4,4,5,",
      "10/03/2024,20:00,Walk,no,10,4,,5,",
      "11/03/2024,20:00,Walk,no,,4,5,5,",
    ].join("\n");
    const r = importCsv(text, mapping);
    expect(r.errors).toEqual([
      { line: 3, field: "Date", message: '"31/02/2024" is not a real date (DD/MM/YYYY)' },
      { line: 5, field: "Before", message: "9 is outside the scale 1–5" },
      {
        line: 6,
        field: "Done",
        message: expect.stringMatching(/"perhaps" is neither yes nor no; allowed: true, yes/),
      },
      { line: 7, field: "Time", message: expect.stringMatching(/not a time of day/) },
      { line: 7, field: "What", message: "empty; every row needs an activity" },
      { line: 8, field: "Minutes", message: "an activity not started has no minutes done" },
      { line: 9, field: "After", message: "an activity not started has no experienced rating" },
    ]);
    expect(r.summary).toMatchObject({ rows: 7, readableRows: 1, rowsWithErrors: 6, checkIns: 1 });
  });

  it("reports exactly the rows whose rating is off the scale, at their lines, and imports the rest", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            rating: fc.integer({ min: -2, max: 8 }),
            blankBefore: fc.boolean(),
            crlf: fc.boolean(),
          }),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (rows) => {
          let text = "Date,What,Rating";
          let line = 1;
          const bad: number[] = [];
          rows.forEach((r, i) => {
            const nl = r.crlf ? "\r\n" : "\n";
            if (r.blankBefore) {
              text += nl;
              line++;
            }
            text += `${nl}2024-01-${String((i % 28) + 1).padStart(2, "0")},"Run, slowly",${r.rating}`;
            line++;
            if (r.rating < 1 || r.rating > 5) bad.push(line);
          });
          const out = importCsv(text, {
            columns: { date: "Date", activity: "What", experienced: "Rating" },
            ratingScale: { min: 1, max: 5 },
          });
          expect(out.errors.map((e) => e.line)).toEqual(bad);
          expect(
            out.errors.every((e) => e.field === "Rating" && /outside the scale 1–5/.test(e.message)),
          ).toBe(true);
          expect(out.log.checkIns).toHaveLength(rows.length - bad.length);
          expect(
            out.log.checkIns.every(
              (c) => c.experienced !== null && c.experienced >= 0 && c.experienced <= 10,
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("splits several activities in one cell, reuses the person's activities by name and leaves out excluded ones", () => {
    const mine: RecordActivity = {
      id: "walk",
      name: "Walk",
      kind: "movement",
      importance: 0.9,
      novelty: 0.1,
      effort: 0.2,
      threat: 0,
      urge: false,
      durationMin: 45,
    };
    const r = importCsv(
      "day,what\n2024-03-05,walk; Piano ;tired\n",
      { columns: { date: "day", activity: "what" }, activitySeparator: ";" },
      { exclude: ["TIRED"] },
      { existingActivities: [mine] },
    );
    expect(r.log.activities.map((a) => a.name)).toEqual(["Piano"]);
    expect(r.log.checkIns.map((c) => [c.activityId, c.plannedMin])).toEqual([
      ["walk", 45],
      ["imported-piano", 30],
    ]);
    expect(r.summary).toMatchObject({
      matchedActivities: ["Walk"],
      excludedActivities: ["tired"],
      newActivities: ["Piano"],
    });
  });

  it("uses a time inside the date cell, or the default hour", () => {
    const r = importCsv("when,what\n2024-03-05 07:45,Run\n2024-03-06,Run\n", {
      columns: { date: "when", activity: "what" },
      defaultHour: 18,
    });
    expect(r.log.checkIns.map((c) => [c.localHour, c.at])).toEqual([
      [7, "2024-03-05T07:45:00Z"],
      [18, "2024-03-06T18:00:00Z"],
    ]);
  });

  it("refuses a mapping naming a column the file lacks, listing the columns it has", () => {
    const call = () =>
      importCsv("Date,What\n2024-01-01,Run\n", { columns: { date: "Date", activity: "Activity" } });
    expect(call).toThrow(ImportSetupError);
    try {
      call();
    } catch (e) {
      expect(e).toMatchObject({ path: ["mapping", "columns", "activity"], allowed: ["Date", "What"] });
    }
    expect(() =>
      importCsv("Date,What\n", { columns: { date: "Date", activity: "What" } }, { timeZone: "Nowhere/Else" }),
    ).toThrow(/timeZone: "Nowhere\/Else" is not a time zone/);
  });

  it("suggests a mapping from common column names", () => {
    expect(suggestMapping(["Date", "Time", "Activity", "Mood", "Notes", "Rating"])).toEqual({
      date: "Date",
      time: "Time",
      activity: "Activity",
      mood: "Mood",
      note: "Notes",
      experienced: "Rating",
    });
  });

  it("gives the same ids on a re-import, and distinct ids to identical rows", () => {
    const text = "Date,What\n2024-01-01,Run\n2024-01-01,Run\n2024-01-02,Run\n";
    const m = { columns: { date: "Date", activity: "What" } };
    const a = importCsv(text, m).log.checkIns.map((c) => c.id);
    const b = importCsv(
      `Date,What\n2024-01-02,Run\n${text.split("\n").slice(1, 3).join("\n")}\n`,
      m,
    ).log.checkIns.map((c) => c.id);
    expect(new Set(a).size).toBe(3);
    expect(new Set(b)).toEqual(new Set(a));
  });
});

describe("Daylio import", () => {
  it("reads the fixture: activities, started check-ins with mood, notes, nothing invented", () => {
    const r = importDaylio(fixture, { timeZone: "Europe/Berlin" });
    expect(r.errors).toEqual([]);
    expect(r.summary).toMatchObject({
      rows: 15,
      readableRows: 15,
      rowsWithoutActivity: 1,
      firstDate: "2026-11-16",
      lastDate: "2026-11-29",
    });
    expect(r.log.checkIns).toHaveLength(32);
    expect(
      r.log.checkIns.every(
        (c) => c.started && c.anticipated === null && c.experienced === null && c.minutesDone === 0,
      ),
    ).toBe(true);
    const guitar = r.log.checkIns.filter((c) => c.activityId === "imported-guitar");
    expect(guitar.map((c) => [c.localDate, c.localHour, c.at, c.mood])).toEqual([
      ["2026-11-28", 18, "2026-11-28T17:05:00Z", 10],
      ["2026-11-21", 11, "2026-11-21T10:55:00Z", 10],
    ]);
    expect(r.log.activities.find((a) => a.name === "social media")?.kind).toBe("app");
    expect(r.notes.map((n) => [n.title, n.mood])).toEqual([
      ["", 8],
      ["Band practice", 10],
      ["Rough day", 0],
      ["", 3],
    ]);
    expect(r.notes[1]?.text).toBe("We finally played the whole set.\nNobody missed a cue.");
    expect(PersonLogSchema.safeParse(r.log).success).toBe(true);
  });

  it("maps the default moods rad…awful to 10, 8, 5, 3, 0 and custom labels through their level", () => {
    const rows = ["rad", "good", "meh", "bad", "awful", "Ok but sleepy"].map(
      (m, i) => `2024-01-0${i + 1},x,x,20:00,${m},walk,,`,
    );
    const r = importDaylio([HEADER, ...rows].join("\n"), { moods: { "ok but sleepy": 3 } });
    expect(r.log.checkIns.map((c) => c.mood)).toEqual([10, 8, 5, 3, 0, 5]);
  });

  it("reports unknown moods, bad dates and times with their lines, naming the allowed moods", () => {
    const text = [
      HEADER,
      "2024-01-01,x,x,8:05 pm,sad,walk,,",
      "2024-02-30,x,x,20:00,good,walk,,",
      "2024-01-03,x,x,8:75 pm,good,walk,,",
      "2024-01-04,x,x,07:00,good,,,",
    ].join("\r\n");
    const r = importDaylio(text);
    expect(r.errors).toEqual([
      {
        line: 2,
        field: "mood",
        message: expect.stringMatching(/unknown mood "sad"; allowed: rad, good, meh, bad, awful/),
      },
      { line: 3, field: "full_date", message: expect.stringMatching(/not a real date/) },
      { line: 4, field: "time", message: expect.stringMatching(/not a time of day/) },
    ]);
    expect(r.summary).toMatchObject({ readableRows: 1, rowsWithoutActivity: 1, checkIns: 0, notes: 1 });
  });

  it("refuses a file that is not a Daylio export at line 1", () => {
    expect(importDaylio("Date,What\n2024-01-01,Run\n").errors).toEqual([
      {
        line: 1,
        field: "header",
        message: expect.stringMatching(
          /not a Daylio CSV export: no full_date, time, mood, activities column/,
        ),
      },
    ]);
  });

  it("is idempotent: a later export with the same entries (and a 24-hour clock) gives the same ids", () => {
    const first = importDaylio(fixture);
    const later = [
      HEADER,
      "2026-11-30,November 30,Monday,07:10,good,walk,,",
      ...fixture
        .replace(/^\ufeff/, "")
        .split("\n")
        .slice(1)
        .join("\n")
        .replace("8:40 pm", "20:40")
        .split("\n"),
    ].join("\n");
    const second = importDaylio(later, {}, { existingActivities: first.log.activities });
    const ids = new Set(first.log.checkIns.map((c) => c.id));
    expect(second.log.checkIns.filter((c) => !ids.has(c.id)).map((c) => c.localDate)).toEqual(["2026-11-30"]);
    expect(second.log.activities).toEqual([]);
    expect(second.summary.matchedActivities).toContain("walk");
  });

  it("is detected from its header", () => {
    expect(detectFormat(fixture)).toBe("daylio");
    expect(detectFormat("Date,What\n")).toBe("csv");
  });

  it("guesses kinds from names and falls back to leisure", () => {
    expect([guessKind("Evening walk"), guessKind("TikTok"), guessKind("crosswords")]).toEqual([
      "movement",
      "app",
      "leisure",
    ]);
  });
});
