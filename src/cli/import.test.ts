import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "./test-cli.ts";

const root = REPO_ROOT;
const fixture = join(root, "src/import/fixtures/daylio-export.csv");

const dopamap = (args: string[], data: string) => runCli(args, { data });

describe("dopamap import", () => {
  it("previews a Daylio export without writing, imports it once, and a second import adds nothing", () => {
    const data = mkdtempSync(join(tmpdir(), "dopamap-import-"));
    const preview = dopamap(["import", fixture, "--preview", "--rows", "3", "--tz", "Europe/Berlin"], data);
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(/friends, guitar, walk/);
    expect(preview.out).toMatch(/15 rows, 15 readable \(2026-11-16 to 2026-11-29\): 32 check-ins/);
    expect(preview.out).toMatch(/Preview only: nothing was written/);
    expect(JSON.parse(dopamap(["data", "log/get"], data).out).checkIns).toHaveLength(0);
    const first = dopamap(["import", fixture, "--tz", "Europe/Berlin"], data);
    expect(first.out).toMatch(/Imported 32 check-ins, 12 new activities, 4 notes/);
    expect(dopamap(["import", fixture, "--tz", "Europe/Berlin"], data).out).toMatch(
      /Imported 0 check-ins.*32 were already there/,
    );
    const log = JSON.parse(dopamap(["data", "log/get"], data).out);
    expect(log.checkIns).toHaveLength(32);
    expect(log.activities.map((a: { name: string }) => a.name)).toContain("guitar");
  }, 300_000);

  it("lists bad CSV rows with line numbers and exits 2 writing nothing, or skips them when asked", () => {
    const data = mkdtempSync(join(tmpdir(), "dopamap-import-csv-"));
    const file = join(data, "habits.csv");
    writeFileSync(file, "Day;Habit;Liked\n05/03/2026;Piano;4\n31/02/2026;Piano;3\n07/03/2026;Run;7\n");
    const args = [
      "import",
      file,
      "--map",
      "date=Day,activity=Habit,experienced=Liked",
      "--date-format",
      "DD/MM/YYYY",
      "--scale",
      "rating=1-5",
    ];
    const noMap = dopamap(["import", file], data);
    expect(noMap.code).toBe(2);
    expect(noMap.err).toMatch(/the file's columns are Day, Habit, Liked/);
    const rejected = dopamap(args, data);
    expect(rejected.code).toBe(2);
    expect(rejected.err).toMatch(/line 3, Day: "31\/02\/2026" is not a real date/);
    expect(rejected.err).toMatch(/line 4, Liked: 7 is outside the scale 1–5/);
    expect(rejected.err).toMatch(/error \[import_rows_invalid\]: .*nothing was imported/);
    expect(rejected.err).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.parse(dopamap(["data", "log/get"], data).out).checkIns).toHaveLength(0);
    const skipped = dopamap([...args, "--skip-bad-rows"], data);
    expect(skipped.code).toBe(0);
    expect(skipped.out).toMatch(/Imported 1 check-ins, 1 new activities/);
    expect(skipped.out).toMatch(/line 3, Day/);
  }, 300_000);

  it("imports a FHIR PHQ-9 made elsewhere: crisis resources first when item 9 is above 0, once", () => {
    const data = mkdtempSync(join(tmpdir(), "dopamap-import-fhir-"));
    const file = join(data, "phq9.json");
    const codes = [
      "44250-9",
      "44255-8",
      "44259-0",
      "44254-1",
      "44251-7",
      "44258-2",
      "44252-5",
      "44253-3",
      "44260-8",
    ];
    writeFileSync(
      file,
      JSON.stringify({
        resourceType: "QuestionnaireResponse",
        status: "completed",
        questionnaire: "http://loinc.org/q/44249-1",
        authored: "2026-11-20T10:00:00Z",
        item: codes.map((c, i) => ({
          linkId: `/${c}`,
          answer: [{ valueCoding: { system: "http://loinc.org", code: i === 8 ? "LA6570-1" : "LA6569-3" } }],
        })),
      }),
    );
    const r = dopamap(["import", "--fhir", file, "--region", "GB"], data);
    expect(r.code).toBe(0);
    expect(r.out.indexOf("Samaritans")).toBeGreaterThanOrEqual(0);
    expect(r.out.indexOf("Samaritans")).toBeLessThan(r.out.indexOf("phq9: total 10"));
    expect(r.out).toMatch(/Imported 1 questionnaire/);
    expect(dopamap(["import", "--fhir", file], data).out).toMatch(/already imported[\s\S]*Imported 0/);
    const bad = dopamap(["import", "--fhir", join(data, "missing.json")], data);
    expect(bad.code).not.toBe(0);
    expect(bad.err).not.toMatch(/\n\s+at /);
  }, 120_000);
});
