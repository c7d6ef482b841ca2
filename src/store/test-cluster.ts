/**
 * Test helper: a throwaway PostgreSQL cluster of the test's own (its own folder, socket directory
 * and free port, trust auth, fsync off), for destructive tests that restart or kill the database;
 * never the cluster other test files share. Needs Debian's PostgreSQL server binaries.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PG_ROOT = "/usr/lib/postgresql";

/** The newest installed PostgreSQL's bin folder, or null. */
export function postgresBin(): string | null {
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(join(PG_ROOT, v, "bin", "initdb")))
    .sort((a, b) => Number(a) - Number(b));
  const v = versions.at(-1);
  return v ? join(PG_ROOT, v, "bin") : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

export interface TestCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  /** Stops the server (`fast`: ends sessions cleanly; `immediate`: like a crash) and starts it again. */
  restart(mode?: "fast" | "immediate"): void;
  /** Stops the server: `fast` ends sessions cleanly, `immediate` is like a crash (recovery on start). */
  stop(mode?: "fast" | "immediate"): void;
  start(): void;
  /** Stops it and removes its folder. */
  destroy(): void;
}

/** Starts a fresh cluster; as root, the server runs as the `postgres` user (initdb refuses root). */
export async function startCluster(): Promise<TestCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error("no PostgreSQL server binaries under /usr/lib/postgresql");
  const dir = mkdtempSync(join(tmpdir(), "dopamap-pgtest-"));
  chmodSync(dir, 0o777);
  const data = join(dir, "data");
  const port = await freePort();
  const asPostgres = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) =>
    execFileSync(
      asPostgres ? "runuser" : join(bin, tool),
      asPostgres ? ["-u", "postgres", "--", join(bin, tool), ...args] : args,
      {
        stdio: "pipe",
      },
    );
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust"]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = () => run("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-w", "-o", opts, "start"]);
  const stop = (mode: "fast" | "immediate" = "fast") => run("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart(mode = "fast") {
      stop(mode);
      start();
    },
    stop: (mode = "fast") => stop(mode),
    start,
    destroy() {
      try {
        stop("immediate");
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
