/**
 * Web app benchmark: the initial JavaScript (entry chunk and its static imports, gzipped with
 * node's zlib, from vite's build manifest) and "today usable": the time from navigation to the
 * today view's first actionable button, in chromium on loopback, over a demo person's data. Each
 * run uses a fresh browser context (nothing cached); the median and range of the runs are printed.
 *
 *   tsx bench/web-cases.ts [--runs 7] [--no-build]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import Table from "cli-table3";
import { chromium } from "playwright-core";
import { buildServer } from "../src/server/index.ts";
import { openStore } from "../src/store/index.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const WEB_ROOT = join(REPO, "dist", "web");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

/** Sizes of what the first page load needs: the entry chunk, its static imports, and their CSS. */
export interface InitialSize {
  readonly files: readonly string[];
  readonly jsBytes: number;
  readonly jsGzipBytes: number;
  readonly cssGzipBytes: number;
}

/** Reads vite's manifest and gzips (level 9) the entry chunk, its static imports and their CSS. */
export function initialSize(root = WEB_ROOT): InitialSize {
  const manifest = JSON.parse(readFileSync(join(root, ".vite", "manifest.json"), "utf8")) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry && k.endsWith("index.html"));
  if (!entry) throw new Error("no index.html entry in the build manifest");
  const seen = new Set<string>();
  const css = new Set<string>();
  const walk = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) walk(i);
  };
  walk(entry);
  const gz = (f: string) => gzipSync(readFileSync(join(root, f)), { level: 9 }).length;
  const files = [...seen];
  return {
    files,
    jsBytes: files.reduce((s, f) => s + readFileSync(join(root, f)).length, 0),
    jsGzipBytes: files.reduce((s, f) => s + gz(f), 0),
    cssGzipBytes: [...css].reduce((s, f) => s + gz(f), 0),
  };
}

/** Milliseconds from navigation start to the today view's first actionable button, one value per run. */
export async function todayUsableMs(runs: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), "dopamap-web-bench-"));
  const store = await openStore({ kind: "sqlite", file: join(dir, "dopamap.sqlite") });
  const app = await buildServer({ store, mode: "local", webRoot: WEB_ROOT, now: () => new Date() });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const seeded = await fetch(`${url}/api/demo/seed`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ seed: 7, weeks: 6 }),
  });
  if (!seeded.ok) throw new Error(`demo/seed failed: ${seeded.status}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        serviceWorkers: "block",
      });
      const page = await context.newPage();
      await page.goto(`${url}/#/today`, { waitUntil: "commit" });
      const handle = await page.waitForFunction(
        () => {
          const button = document.querySelector<HTMLButtonElement>("main li.card button");
          return button && !button.disabled ? performance.now() : false;
        },
        undefined,
        { polling: "raf", timeout: 30_000 },
      );
      times.push((await handle.jsonValue()) as number);
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return times;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
  if (!args.includes("--no-build") || !existsSync(join(WEB_ROOT, ".vite", "manifest.json"))) {
    const { build } = await import("vite");
    await build({ configFile: join(REPO, "web", "vite.config.ts"), logLevel: "warn" });
  }
  const size = initialSize();
  const table = new Table({ head: ["web case", "result", "detail"] });
  table.push([
    "initial JavaScript, gzipped",
    `${(size.jsGzipBytes / 1024).toFixed(1)} kB`,
    `${size.files.length} files, ${(size.jsBytes / 1024).toFixed(1)} kB raw; CSS ${(size.cssGzipBytes / 1024).toFixed(1)} kB gzipped; budget 150 kB`,
  ]);
  if (existsSync(CHROMIUM)) {
    const times = await todayUsableMs(runs);
    table.push([
      "today view usable (loopback, cold)",
      `${median(times).toFixed(0)} ms median`,
      `${runs} runs, ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms; budget 1000 ms`,
    ]);
  } else table.push(["today view usable", "skipped", `no browser at ${CHROMIUM}`]);
  process.stdout.write(`${table.toString()}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
