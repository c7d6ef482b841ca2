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
});
