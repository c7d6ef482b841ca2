/**
 * Browser-test harness: builds the web app (once per run, guarded by a lock so parallel test files
 * share one build), starts `dopamap`'s server on 127.0.0.1:0 over a throwaway SQLite store (local or
 * accounts mode), launches Debian's chromium through playwright-core, checks accessibility with
 * axe-core injected from node_modules, and saves screenshots under `test/e2e/screenshots/`.
 * Without chromium the e2e tests skip, except under `CI=true`, where they fail.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import type { Store } from "../../src/app/index.ts";
import { buildServer } from "../../src/server/index.ts";
import { openStore } from "../../src/store/index.ts";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
/** Where the built app lives (what `dopamap serve` serves). */
export const WEB_ROOT = join(REPO, "dist", "web");
/** Where screenshots go (gitignored). */
export const SCREENSHOT_DIR = join(REPO, "test", "e2e", "screenshots");
/** Debian's chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Whether the browser tests can run here; under CI a missing browser is a failure, not a skip. */
export const HAVE_CHROMIUM = existsSync(CHROMIUM) || process.env.CI === "true";

/** Phone and desktop viewports, CSS pixels. */
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

const BUILD_STAMP = join(WEB_ROOT, ".built-for-run");
const LOCK = join(REPO, "dist", ".web-build.lock");

/** This process's build stamp: a test file outside a run whose global setup built the app builds it itself. */
function runId(): string {
  return `pid-${process.pid}`;
}

function builtByGlobalSetup(): boolean {
  try {
    return inject("dopamapWebBuilt") === true;
  } catch {
    return false; // not inside a vitest worker (the global setup itself)
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds `dist/web` with vite's `build()` unless this run's global setup (or this process) already
 * built it. A `mkdir` lock keeps parallel builds apart; a stale lock (over 3 minutes) is taken over.
 */
export async function buildWebOnce(): Promise<void> {
  if (builtByGlobalSetup() && existsSync(join(WEB_ROOT, "index.html"))) return;
  const id = runId();
  const built = () => existsSync(BUILD_STAMP) && readFileSync(BUILD_STAMP, "utf8") === id;
  mkdirSync(join(REPO, "dist"), { recursive: true });
  for (;;) {
    if (built()) return;
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      await sleep(250);
    }
  }
  try {
    if (built()) return;
    const { build } = await import("vite");
    await build({ configFile: join(REPO, "web", "vite.config.ts"), logLevel: "warn" });
    writeFileSync(BUILD_STAMP, id);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** The instant a browser test starts at, on the server and in the page (no test reads the wall clock). */
export const E2E_NOW = "2026-12-01T10:30:00Z";

/** A test's clock, shared by the server and the pages it opens; it stands still until set. */
export interface TestClock {
  now(): Date;
  set(instant: string): void;
}

function testClock(start: string): TestClock {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set(instant) {
      t = Date.parse(instant);
    },
  };
}

/** A running server over its own temporary store. */
export interface TestServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly clock: TestClock;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1:0 over a fresh SQLite store in a temp folder, its clock at `E2E_NOW`. */
export async function startServer(mode: "local" | "accounts" = "local"): Promise<TestServer> {
  await buildWebOnce();
  const dir = mkdtempSync(join(tmpdir(), "dopamap-e2e-"));
  const store = await openStore({ kind: "sqlite", file: join(dir, "dopamap.sqlite") });
  const clock = testClock(E2E_NOW);
  const app = await buildServer({
    store,
    mode,
    webRoot: WEB_ROOT,
    now: clock.now,
    auth: { secureCookies: false, loginAttemptsPerMinute: 1000 },
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    store,
    clock,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A suite's server and browser: started before its tests, closed after them. */
export interface SuiteEnv {
  readonly server: TestServer;
  readonly browser: Browser;
}

/** Registers the hooks that start a server in `mode` and a browser for the enclosing suite. */
export function useServerAndBrowser(mode: "local" | "accounts" = "local"): SuiteEnv {
  const env = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer(mode);
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Launches chromium headless with the flags that keep it off the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** Requests a page makes to anywhere but `origin` (there must be none), and its JavaScript errors. */
export interface PageWatch {
  readonly foreign: string[];
  readonly errors: string[];
}

/**
 * Stops the page's `Date` at `instant` (ISO 8601), now and on every later navigation. Only `Date` is
 * replaced: timers and `performance` (the tasks' clock, resource timing) run as usual.
 */
export async function setPageClock(page: Page, instant: string): Promise<void> {
  const fix = (ms: number) => {
    const g = globalThis as unknown as { Date: DateConstructor; __realDate?: DateConstructor };
    const Real = g.__realDate ?? g.Date;
    g.__realDate = Real;
    class Fixed extends Real {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(ms);
        else super(...(args as [string]));
      }
      static override now(): number {
        return ms;
      }
    }
    g.Date = Fixed as unknown as DateConstructor;
  };
  const ms = Date.parse(instant);
  await page.addInitScript(fix, ms);
  await page.evaluate(fix, ms);
}

/**
 * Opens a page on the server, its `Date` fixed at the server's clock (timers still run), recording
 * any request that leaves the server's origin and any JavaScript error.
 */
export async function openPage(
  context: BrowserContext,
  server: TestServer,
): Promise<{ page: Page; watch: PageWatch }> {
  const origin = server.url;
  const page = await context.newPage();
  await setPageClock(page, server.clock.now().toISOString());
  const watch: PageWatch = { foreign: [], errors: [] };
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) watch.foreign.push(u);
  });
  page.on("pageerror", (e) => watch.errors.push(e.message));
  page.on("console", (m) => {
    // A request refused while offline is logged as a console error by the browser itself; it is
    // not a JavaScript error (the app shows its own message for it).
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) watch.errors.push(m.text());
  });
  return { page, watch };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** One axe-core violation, trimmed for test output. */
export interface A11yViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Injects axe-core (from node_modules, no network) and runs it on the page; throws listing every
 * serious or critical violation, naming the view. Returns all violations found.
 */
export async function checkA11y(page: Page, viewName: string): Promise<A11yViolation[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy (scripts from
  // 'self' only) stays in force for the app while axe runs.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } })
      .axe;
    const r = await axe.run({ resultTypes: ["violations"] });
    return r.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[] }[];
    }[];
  });
  const trimmed = violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
  const grave = trimmed.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (grave.length > 0)
    throw new Error(
      `accessibility (${viewName}): ${grave.map((v) => `${v.id} [${v.impact}] ${v.help}: ${v.targets.join(", ")}`).join("; ")}`,
    );
  return trimmed;
}

/** Saves a full-page screenshot as `test/e2e/screenshots/<name>.png` and returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9_-]/g, "-")}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Goes to a hash route (reloading when already there) and waits until the view's main heading is shown. */
export async function gotoView(page: Page, base: string, route: string): Promise<void> {
  const target = `${base}/#${route}`;
  if (page.url() === target) await page.reload();
  else await page.goto(target);
  try {
    await page.locator("main h1").first().waitFor();
  } catch (e) {
    await screenshot(page, `failed-${route.replace(/\W/g, "") || "root"}`);
    const shown = (await page.locator("body").textContent())?.slice(0, 500);
    throw new Error(`${route}: no heading after 30 s; the page shows: ${shown}`, { cause: e });
  }
}

/**
 * Answers the question on screen (radio options: the one at `index`; time and number fields: the
 * typed value), waits until the answer is saved where it can be seen, moves on ("Next" or "Finish
 * this form") and waits for the next screen. Returns the question's text.
 */
export async function answerQuestion(
  page: Page,
  index: number,
  typed: { time?: string; number?: string } = {},
): Promise<string> {
  const legend = page.locator("main legend").first();
  const text = (await legend.textContent()) ?? "";
  const progress = (await page.locator("main .muted").first().textContent()) ?? "";
  if ((await page.locator("main .choice").count()) > 0) {
    await page.locator("main .choice").nth(index).click();
    await page.locator("main .saved", { hasText: "Saved" }).waitFor();
  } else if ((await page.locator("main input[type=time]").count()) > 0)
    await page.locator("main input[type=time]").fill(typed.time ?? "23:00");
  else await page.locator("main input[type=number]").fill(typed.number ?? "2");
  await page.locator("main form button[type=submit]").click();
  await page.waitForFunction((before) => {
    const now = document.querySelector("main .muted")?.textContent ?? "";
    return now !== before || document.querySelector("#results-title") !== null;
  }, progress);
  return text;
}

/** Picks the crisis-resources region in the onboarding or help view's picker. */
export async function chooseRegion(page: Page, region: string): Promise<void> {
  await page.locator("#region").selectOption(region);
}
