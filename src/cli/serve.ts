import { existsSync, readFileSync } from "node:fs";
import type { Command } from "commander";
import { LOCAL_PERSON_ID, type Store } from "../app/index.ts";
import { buildServer } from "../server/index.ts";
import { DEFAULT_WEB_ROOT } from "../server/static.ts";
import { openStore, resolveLocation } from "../store/index.ts";
import { run } from "./call.ts";
import { cliNow, cliNowIso } from "./clock.ts";
import { CliError } from "./errors.ts";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

interface ServeFlags {
  host: string;
  port?: string;
  data?: string;
  tlsCert?: string;
  tlsKey?: string;
  behindProxy?: boolean;
}

function parsePort(s: string | undefined): number {
  const port = Number(s ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError({
      code: "invalid_input",
      message: `--port: expected 0..65535, got ${s}`,
      path: ["port"],
    });
  return port;
}

export async function openLocalStore(data: string | undefined): Promise<Store> {
  const store = await openStore(resolveLocation(data));
  await store.ensurePerson({
    id: LOCAL_PERSON_ID,
    name: "",
    accountId: null,
    demo: false,
    createdAt: cliNowIso(),
  });
  return store;
}

/** Runs one registry command against the local person's data, throwing a CliError on failure. */
export function invokeLocal(store: Store, command: string, input: unknown): Promise<unknown> {
  return run(command, input, { store, personId: LOCAL_PERSON_ID, now: cliNowIso });
}

async function serve(flags: ServeFlags): Promise<void> {
  const port = parsePort(flags.port ?? process.env.PORT);
  const local = LOOPBACK.has(flags.host) && !flags.behindProxy;
  const https =
    flags.tlsCert && flags.tlsKey
      ? { cert: readFileSync(flags.tlsCert), key: readFileSync(flags.tlsKey) }
      : undefined;
  if (!local && !https && !flags.behindProxy)
    throw new CliError({
      code: "tls_required",
      message: `binding to ${flags.host} needs TLS: pass --tls-cert and --tls-key, or --behind-proxy for a TLS-terminating reverse proxy`,
    });
  const store = await openLocalStore(flags.data);
  const app = await buildServer({
    store,
    mode: local ? "local" : "accounts",
    logger: { level: process.env.DOPAMAP_LOG_LEVEL ?? "info" },
    ...(https ? { https } : {}),
    behindProxy: flags.behindProxy ?? false,
    now: cliNow,
  });
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await app.listen({ host: flags.host, port });
  const address = app.server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  const scheme = https ? "https" : "http";
  process.stdout.write(
    `dopamap listening on ${scheme}://${local ? "127.0.0.1" : flags.host}:${bound} (${store.dialect})\n`,
  );
  if (!existsSync(`${DEFAULT_WEB_ROOT}/index.html`))
    process.stdout.write(
      "The web app is not built, so only the API answers: `npm run build:web` builds it.\n",
    );
  if (local && (await store.readLog(LOCAL_PERSON_ID)).activities.length === 0)
    process.stdout.write(
      "No data yet: `npm run demo` (or POST /api/demo/seed) loads a demo person with six weeks of history.\n",
    );
}

function readInput(arg: string | undefined): unknown {
  if (arg === undefined) return {};
  const text =
    arg === "-" ? readFileSync(0, "utf8") : arg.startsWith("@") ? readFileSync(arg.slice(1), "utf8") : arg;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError({ code: "invalid_json", message: `input is not valid JSON: ${(e as Error).message}` });
  }
}

/** Registers `dopamap serve`, `dopamap demo` and `dopamap data <command> [json]`, all on the same database. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("run the HTTP API (loopback, no login by default; accounts and TLS on any other address)")
    .option("--host <address>", "address to bind", "127.0.0.1")
    .option("--port <n>", "port (default: PORT or 3000; 0 picks a free one)")
    .option("--data <dir>", "data folder (default: DOPAMAP_DATA_DIR or the per-user data folder)")
    .option("--tls-cert <file>", "TLS certificate (PEM), for addresses beyond loopback")
    .option("--tls-key <file>", "TLS private key (PEM)")
    .option(
      "--behind-proxy",
      "a TLS-terminating reverse proxy is in front: trust X-Forwarded-Proto, refuse plain http",
    )
    .action(serve);
  program
    .command("demo")
    .description("seed a simulated demo person with weeks of history into the data folder")
    .option("--data <dir>", "data folder")
    .option("--seed <n>", "random seed", "7")
    .option("--weeks <n>", "weeks of history", "6")
    .option("--replace", "overwrite existing records")
    .action(async (f: { data?: string; seed: string; weeks: string; replace?: boolean }) => {
      const store = await openLocalStore(f.data);
      try {
        const r = (await invokeLocal(store, "demo/seed", {
          seed: Number(f.seed),
          weeks: Number(f.weeks),
          replace: f.replace ?? false,
        })) as { activities: number; checkIns: number; urges: number; firstDate: string; lastDate: string };
        process.stdout.write(
          `Demo person seeded: ${r.activities} activities, ${r.checkIns} check-ins, ${r.urges} urge episodes, ${r.firstDate} to ${r.lastDate} (${store.dialect}).\nRun \`npm start\` to open the app.\n`,
        );
      } finally {
        await store.close();
      }
    });
  program
    .command("data <command> [json]")
    .description(
      "run a data command (e.g. checkin/record, log/get, export/all) on the local database; json may be '-' (stdin) or @file",
    )
    .option("--data <dir>", "data folder")
    .action(async (command: string, json: string | undefined, f: { data?: string }) => {
      const input = readInput(json);
      const store = await openLocalStore(f.data);
      try {
        process.stdout.write(`${JSON.stringify(await invokeLocal(store, command, input), null, 2)}\n`);
      } finally {
        await store.close();
      }
    });
}
