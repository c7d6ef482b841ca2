/**
 * Test helper: runs the `dopamap` command as a process at a stated instant (`DOPAMAP_NOW`), in UTC,
 * on the embedded store of the data folder given (never the shared `DATABASE_URL`).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect } from "vitest";

export const REPO_ROOT = new URL("../../", import.meta.url).pathname;
export const CLI_BIN = join(REPO_ROOT, "bin/dopamap.js");

/** The instant every CLI test runs at; a demo seeded then ends the day before. */
export const CLI_TEST_NOW = "2026-12-01T10:30:00Z";

export interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

export interface CliRunOptions {
  /** Data folder (`DOPAMAP_DATA_DIR`); omitted, the process gets none of its own. */
  readonly data?: string;
  /** Text on standard input. */
  readonly input?: string;
  /** The instant (default `CLI_TEST_NOW`). */
  readonly now?: string;
  /** More environment, applied last. */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
}

export function runCli(args: readonly string[], o: CliRunOptions = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI_BIN, ...args], {
    cwd: o.cwd ?? REPO_ROOT,
    encoding: "utf8",
    timeout: 120_000,
    ...(o.input !== undefined ? { input: o.input } : {}),
    env: {
      ...process.env,
      DATABASE_URL: "",
      DOPAMAP_NOW: o.now ?? CLI_TEST_NOW,
      TZ: "UTC",
      ...(o.data ? { DOPAMAP_DATA_DIR: o.data } : {}),
      ...o.env,
    },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Fails when the text holds a stack trace. */
export const expectNoStack = (s: string): void => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
