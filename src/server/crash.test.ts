import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_TEST_NOW } from "../cli/test-cli.ts";
import { sampleRecords } from "./test-helpers.ts";

const root = new URL("../../", import.meta.url).pathname;
const HEADERS = { "content-type": "application/json", origin: "" };

function startServer(env: NodeJS.ProcessEnv, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["bin/dopamap.js", "serve", "--port", "0", "--data", dataDir], {
    cwd: root,
    env: { ...env, DOPAMAP_LOG_LEVEL: "warn", DOPAMAP_NOW: CLI_TEST_NOW, TZ: "UTC" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

async function call(url: string, command: string, body: unknown): Promise<Response> {
  const { origin: _o, ...headers } = HEADERS;
  return fetch(`${url}/api/${command}`, { method: "POST", headers, body: JSON.stringify(body) });
}

const targets = [
  { name: "sqlite", available: true, env: () => ({ ...process.env, DATABASE_URL: "" }) },
  {
    name: "postgres",
    available: Boolean(process.env.DATABASE_URL),
    env: () => ({ ...process.env, DATABASE_SCHEMA: schema }),
  },
];
const schema = `crash_${randomBytes(4).toString("hex")}`;

afterAll(async () => {
  if (!process.env.DATABASE_URL) return;
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  await c.query(`drop schema if exists ${schema} cascade`);
  await c.end();
});

for (const t of targets) {
  describe.skipIf(!t.available)(`nothing acknowledged is lost (${t.name})`, () => {
    it("keeps every acknowledged check-in after SIGKILL in the middle of a burst", async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "dopamap-crash-"));
      const env = t.env();
      const first = await startServer(env, dataDir);
      const { activity, checkIn } = sampleRecords("k");
      expect((await call(first.url, "activity/define", activity)).status).toBe(200);
      const acked: string[] = [];
      let sent = 0;
      let killed = false;
      const worker = async (w: number) => {
        for (let i = 0; !killed; i++) {
          const id = `k-${w}-${i}`;
          sent++;
          try {
            const res = await call(first.url, "checkin/record", { ...checkIn, id });
            if (res.status === 200) acked.push(id);
          } catch {
            return;
          }
        }
      };
      const burst = Array.from({ length: 16 }, (_, w) => worker(w));
      for (let n = 0; acked.length < 200 && n < 4000; n++) await new Promise((r) => setTimeout(r, 5));
      const exit = new Promise<string | null>((r) => first.child.once("exit", (_c, sig) => r(sig)));
      first.child.kill("SIGKILL");
      killed = true;
      await Promise.all(burst);
      expect(await exit).toBe("SIGKILL");
      expect(sent).toBeGreaterThan(acked.length);

      const second = await startServer(env, dataDir);
      try {
        const log = (await (await call(second.url, "log/get", {})).json()) as { checkIns: { id: string }[] };
        const stored = new Set(log.checkIns.map((c) => c.id));
        const lost = acked.filter((id) => !stored.has(id));
        expect(lost).toEqual([]);
        if (process.env.DOPAMAP_CRASH_REPORT)
          console.info(`${t.name}: sent ${sent}, acked ${acked.length}, stored ${stored.size}`);
        expect(stored.size).toBeGreaterThanOrEqual(acked.length);
      } finally {
        second.child.kill("SIGTERM");
      }
    });
  });
}
