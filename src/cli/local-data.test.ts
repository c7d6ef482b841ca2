import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const bin = join(root, "bin/dopamap.js");

function dopamap(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, DATABASE_URL: "", DOPAMAP_DATA_DIR: dataDir },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("the day's commands on the local database", () => {
  it("say what to do on an empty database, then work on what was recorded", () => {
    const data = mkdtempSync(join(tmpdir(), "dopamap-local-"));
    const empty = dopamap(["today"], data);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/no activities recorded yet/);
    expect(dopamap(["demo"], data).code).toBe(0);
    const map = JSON.parse(dopamap(["map", "--json"], data).out);
    expect(map.primary.pattern).toBe("anticipatoryDeficit");
    const progress = JSON.parse(dopamap(["progress", "--json"], data).out);
    expect(progress.weeks.length).toBeGreaterThanOrEqual(6);
  });

  it("records a check-in before and after as one entry, and urges acted or resisted", () => {
    const data = mkdtempSync(join(tmpdir(), "dopamap-log-"));
    expect(dopamap(["demo"], data).code).toBe(0);
    const at = ["--date", "2026-11-30", "--hour", "9"];
    expect(dopamap(["log", "walk", "--anticipated", "3", ...at], data).out).toMatch(
      /Saved \(before; created\)/,
    );
    expect(dopamap(["log", "walk", "--minutes", "8", "--experienced", "7", ...at], data).out).toMatch(
      /Saved \(after; updated\)/,
    );
    const unknown = dopamap(["log", "swim", "--anticipated", "2"], data);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("allowed: callFriend, focusWork, walk");
    expect(dopamap(["urge", "walk", "--strength", "4", "--resisted"], data).code).toBe(0);
    const log = JSON.parse(dopamap(["data", "log/get"], data).out);
    const c = log.checkIns.find((x: { id: string }) => x.id === "c-2026-11-30T09-walk");
    expect(c).toMatchObject({ started: true, anticipated: 3, experienced: 7, minutesDone: 8 });
    expect(log.urges).toHaveLength(1);
  });
});
