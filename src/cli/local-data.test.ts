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
    env: { ...process.env, DOPAMAP_DATA_DIR: dataDir },
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
});
