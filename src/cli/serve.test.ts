import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_TEST_NOW } from "./test-cli.ts";

const root = new URL("../../", import.meta.url).pathname;

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  until?: RegExp,
): Promise<{ code: number | null; out: string; kill: () => void }> {
  const child = spawn(process.execPath, ["bin/dopamap.js", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", DOPAMAP_NOW: CLI_TEST_NOW, TZ: "UTC", ...env },
  });
  let out = "";
  return new Promise((resolve) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (until?.test(out)) resolve({ code: null, out, kill: () => child.kill("SIGTERM") });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => resolve({ code, out, kill: () => {} }));
  });
}

describe("dopamap serve", () => {
  it("refuses a non-loopback address without TLS or a proxy", async () => {
    const r = await run(["serve", "--host", "0.0.0.0", "--port", "0"], {});
    expect(r.code).not.toBe(0);
    expect(r.out).toContain("tls_required");
  });

  it("takes the port from PORT and the data folder from DOPAMAP_DATA_DIR, creating it, and answers health", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "dopamap-serve-")), "new", "folder");
    const r = await run(
      ["serve"],
      { PORT: "0", DOPAMAP_DATA_DIR: dir, DOPAMAP_LOG_LEVEL: "warn" },
      /listening on (\S+)/,
    );
    try {
      const url = /listening on (\S+)/.exec(r.out)?.[1];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", store: "sqlite", demoOffered: true });
      expect(existsSync(join(dir, "dopamap.sqlite"))).toBe(true);
    } finally {
      r.kill();
    }
  });

  it("seeds the demo person into the same database the server reads", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dopamap-demo-"));
    const demo = await run(["demo", "--data", dir, "--weeks", "1"], {});
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/Demo person seeded: 3 activities/);
    const log = await run(["data", "log/get", "--data", dir], {});
    expect(JSON.parse(log.out).activities).toHaveLength(3);
  });
});
