/**
 * The server survives PostgreSQL restarts: on a throwaway cluster of this test's own, ten restarts
 * (alternately clean and crash-like) during a burst of check-in writes; the server process never exits, answers
 * 503 with Retry-After while the database is down, reports it in /api/health, recovers by itself,
 * and every acknowledged write is there afterwards (counted on the client side).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_TEST_NOW } from "../cli/test-cli.ts";
import { postgresBin, startCluster, type TestCluster } from "../store/test-cluster.ts";
import { sampleRecords } from "./test-helpers.ts";

const root = new URL("../../", import.meta.url).pathname;
const HEADERS = { "content-type": "application/json", host: "127.0.0.1" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function serve(databaseUrl: string): Promise<{ child: ChildProcess; url: string; exited: () => boolean }> {
  const child = spawn(process.execPath, ["bin/dopamap.js", "serve", "--port", "0"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DOPAMAP_LOG_LEVEL: "warn",
      DOPAMAP_NOW: CLI_TEST_NOW,
      TZ: "UTC",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let exited = false;
  let log = "";
  child.stdout?.on("data", (b: Buffer) => {
    log += b.toString();
  });
  child.stderr?.on("data", (b: Buffer) => {
    log += b.toString();
  });
  child.on("exit", (code, signal) => {
    exited = true;
    if (code !== 0 && signal !== "SIGTERM") console.error(`server exited ${code}: ${log.slice(-3000)}`);
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], exited: () => exited });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

describe.skipIf(!postgresBin())("PostgreSQL restarts under a write burst", () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(() => cluster?.destroy());

  it("never exits, answers 503 with Retry-After while down, recovers, and loses no acknowledged write", async () => {
    const server = await serve(cluster.url);
    const post = (command: string, body: unknown) =>
      fetch(`${server.url}/api/${command}`, { method: "POST", headers: HEADERS, body: JSON.stringify(body) });
    try {
      const { activity, checkIn } = sampleRecords("pg");
      expect((await post("activity/define", activity)).status).toBe(200);
      const acked: string[] = [];
      const statuses = new Map<number, number>();
      let retryAfter = 0;
      let stopping = false;
      const worker = async (w: number) => {
        for (let i = 0; !stopping; i++) {
          const id = `pg-${w}-${i}`;
          try {
            const res = await post("checkin/record", { ...checkIn, id });
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status === 200) acked.push(id);
            else if (res.status === 503) {
              if (res.headers.get("retry-after")) retryAfter++;
              await sleep(20);
            }
          } catch {
            await sleep(20); // the connection itself failed: only acceptable if the server is still alive
          }
        }
      };
      const burst = Array.from({ length: 6 }, (_, w) => worker(w));
      let sawDownHealth = false;
      for (let n = 0; n < 10; n++) {
        const before = acked.length;
        for (let t = 0; acked.length < before + 15 && t < 600; t++) await sleep(20);
        cluster.stop(n % 2 === 0 ? "fast" : "immediate");
        const health = await fetch(`${server.url}/api/health`, { headers: { host: "127.0.0.1" } }).catch(
          () => null,
        );
        if (
          health &&
          health.status === 503 &&
          ((await health.json()) as { database?: string }).database === "unavailable"
        )
          sawDownHealth = true;
        await sleep(150);
        cluster.start();
        expect(server.exited(), `server exited after restart ${n + 1}`).toBe(false);
      }
      // Recovers by itself: writes succeed again without a restart of the server.
      const after = acked.length;
      for (let t = 0; acked.length < after + 10 && t < 1000; t++) await sleep(20);
      stopping = true;
      await Promise.all(burst);
      expect(server.exited()).toBe(false);
      expect(acked.length).toBeGreaterThan(after);
      expect(statuses.get(500) ?? 0).toBe(0);
      expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
      expect(retryAfter).toBe(statuses.get(503));
      expect(sawDownHealth).toBe(true);
      const log = (await (await post("log/get", {})).json()) as { checkIns: { id: string }[] };
      const stored = new Set(log.checkIns.map((c) => c.id));
      expect(acked.filter((id) => !stored.has(id))).toEqual([]);
      const health = await fetch(`${server.url}/api/health`, { headers: { host: "127.0.0.1" } });
      expect(health.status).toBe(200);
      if (process.env.DOPAMAP_CRASH_REPORT)
        console.info(
          `postgres restarts: 10, acked ${acked.length}, lost 0, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
        );
    } finally {
      server.child.kill("SIGTERM");
    }
  });
});
