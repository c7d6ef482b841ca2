/**
 * HTTP benchmark: check-in write throughput and p50/p99 latency under autocannon on loopback, on
 * SQLite and (when DATABASE_URL is set) PostgreSQL, beside a bare fastify hello-world route, so the
 * ratio shows dopamap's own overhead. Each server runs in its own process; autocannon runs here.
 *
 *   tsx bench/server-cases.ts [hello] [sqlite] [postgres] [--seconds 5] [--connections 10]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import Table from "cli-table3";
import Fastify from "fastify";
import pg from "pg";
import { buildServer } from "../src/server/index.ts";
import { openStore, type StoreLocation } from "../src/store/index.ts";

type CaseName = "hello" | "sqlite" | "postgres";

const ACTIVITY = { id: "bench", name: "bench", kind: "movement", importance: 0.5, novelty: 0.1, effort: 0.3 };

async function serve(kind: CaseName, arg: string | undefined): Promise<void> {
  if (kind === "hello") {
    const app = Fastify();
    app.post("/api/checkin/record", async () => ({ hello: "world" }));
    await app.listen({ host: "127.0.0.1", port: 0 });
    process.stdout.write(`PORT ${(app.server.address() as { port: number }).port}\n`);
    return;
  }
  const location: StoreLocation =
    kind === "sqlite"
      ? { kind: "sqlite", file: join(mkdtempSync(join(tmpdir(), "dopamap-bench-")), "dopamap.sqlite") }
      : {
          kind: "postgres",
          url: process.env.DATABASE_URL ?? "",
          schema: arg ?? "bench",
          dropSchemaOnClose: true,
        };
  const store = await openStore(location);
  const app = await buildServer({ store, mode: "local", now: () => new Date() });
  await app.inject({
    method: "POST",
    url: "/api/activity/define",
    headers: { host: "127.0.0.1", "content-type": "application/json" },
    payload: ACTIVITY,
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  process.on("SIGTERM", async () => {
    await app.close();
    await store.close();
    process.exit(0);
  });
  process.stdout.write(`PORT ${(app.server.address() as { port: number }).port}\n`);
}

function startCase(kind: CaseName, schema: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", new URL(import.meta.url).pathname, "--serve", kind, schema],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m?.[1]) resolve({ child, port: Number(m[1]) });
    });
    child.on("exit", (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

async function load(port: number, seconds: number, connections: number) {
  const run = randomBytes(4).toString("hex");
  let n = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path: "/api/checkin/record",
        headers: { "content-type": "application/json" },
        setupRequest: (req) => {
          n += 1;
          const body = {
            id: `${run}-${n}`,
            activityId: "bench",
            localDate: "2026-11-29",
            localHour: 9,
            at: "2026-11-29T09:00:00Z",
            plannedMin: 30,
            started: true,
            minutesDone: 20,
            anticipated: 4,
            experienced: 7,
          };
          return { ...req, body: JSON.stringify(body) };
        },
      },
    ],
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--serve") return serve(args[1] as CaseName, args[2]);
  const flag = (name: string, d: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : d;
  };
  const seconds = flag("--seconds", 5);
  const connections = flag("--connections", 10);
  const wanted = args.filter((a) => !a.startsWith("--") && Number.isNaN(Number(a))) as CaseName[];
  const all: CaseName[] = ["hello", "sqlite", ...(process.env.DATABASE_URL ? ["postgres" as const] : [])];
  const cases = wanted.length ? wanted : all;
  const table = new Table({
    head: ["case", "req/s", "p50 ms", "p99 ms", "2xx", "non-2xx", "errors", "× hello"],
  });
  const results: Record<string, number> = {};
  for (const kind of cases) {
    const schema = `bench_${randomBytes(4).toString("hex")}`;
    const { child, port } = await startCase(kind, schema);
    const r = await load(port, seconds, connections);
    child.kill("SIGTERM");
    results[kind] = r.requests.average;
    const ratio = results.hello ? (results.hello / r.requests.average).toFixed(1) : "";
    table.push([
      kind,
      Math.round(r.requests.average),
      r.latency.p50,
      r.latency.p99,
      r["2xx"],
      r.non2xx,
      r.errors,
      ratio,
    ]);
    process.stderr.write(`${kind}: ${Math.round(r.requests.average)} req/s\n`);
    if (kind === "postgres") {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
  }
  process.stdout.write(
    `${table.toString()}\nPOST /api/checkin/record, ${connections} connections, ${seconds} s per case, loopback.\n`,
  );
}

await main();
