/**
 * The behavioural tasks in a real browser, played with the keyboard: the short EEfRT (choose with
 * E/H, press Space) with a reload in the middle that resumes at the next unsaved trial, and the
 * short PRT (Z/M for the short and long mouth). Checks that each task's code loads only when it
 * starts, that every trial was saved on the server, that a fit appears, that an export downloads
 * with the documented columns, axe-core on each screen, and screenshots.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRIAL_COLUMNS } from "../../src/tasks/index.ts";
import {
  checkA11y,
  DESKTOP,
  gotoView,
  HAVE_CHROMIUM,
  launchBrowser,
  openPage,
  type PageWatch,
  screenshot,
  startServer,
  type TestServer,
} from "./harness.ts";

/** Script resources the page itself has loaded (not the service worker's precache). */
const loadedScripts = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((n) => n.endsWith(".js")),
  );

/** The task screen's phase once it is one of `phases`, or "gone" when the screen has closed. */
async function phaseIn(page: Page, task: string, phases: string[]): Promise<string> {
  const handle = await page.waitForFunction(
    ({ task, phases }) => {
      const el = document.querySelector(`[data-task="${task}"]`);
      if (!el) return document.querySelector("#sessions-title") ? "gone" : null;
      const p = el.getAttribute("data-phase") ?? "";
      return phases.includes(p) ? p : null;
    },
    { task, phases },
    { timeout: 60_000, polling: 20 },
  );
  return (await handle.jsonValue()) as string;
}

/** Waits until the phase is no longer `phase` (or the screen has closed). */
async function leftPhase(page: Page, task: string, phase: string): Promise<void> {
  await page.waitForFunction(
    ({ task, phase }) =>
      document.querySelector(`[data-task="${task}"]`)?.getAttribute("data-phase") !== phase,
    { task, phase },
    { timeout: 60_000, polling: 20 },
  );
}

/** Plays EEfRT trials with the keyboard until `stopAfter` choices were made or the task ends. */
async function playEefrt(page: Page, stopAfter = Number.POSITIVE_INFINITY): Promise<number> {
  let choices = 0;
  for (let guard = 0; guard < 100; guard++) {
    const phase = await phaseIn(page, "eefrt", ["choice", "press", "practiceDone"]);
    if (phase === "gone") return choices;
    if (phase === "choice") {
      if (choices >= stopAfter) return choices;
      await page.keyboard.press(choices % 2 === 0 ? "h" : "e");
      choices++;
    } else if (phase === "press") {
      const required = Number(await page.locator("[data-task=eefrt] progress").getAttribute("max"));
      for (let i = 0; i < required; i++) await page.keyboard.press("Space");
    } else await page.keyboard.press("Space");
    await leftPhase(page, "eefrt", phase);
  }
  throw new Error("the EEfRT did not end");
}

/** Plays PRT trials: Z or M as each mouth appears, Space after the practice. */
async function playPrt(page: Page): Promise<number> {
  let answers = 0;
  for (let guard = 0; guard < 200; guard++) {
    const phase = await phaseIn(page, "prt", ["mouth", "respond", "practiceDone"]);
    if (phase === "gone") return answers;
    await page.keyboard.press(phase === "practiceDone" ? "Space" : answers++ % 3 === 0 ? "m" : "z");
    await page.waitForFunction(
      () =>
        !["mouth", "respond", "practiceDone"].includes(
          document.querySelector("[data-task=prt]")?.getAttribute("data-phase") ?? "",
        ),
      undefined,
      { timeout: 60_000, polling: 20 },
    );
  }
  throw new Error("the PRT did not end");
}

describe.skipIf(!HAVE_CHROMIUM)("behavioural tasks in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  const api = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const r = await fetch(`${server.url}/api/${name}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    });
    expect(r.status).toBe(200);
    return (await r.json()) as T;
  };

  beforeAll(async () => {
    server = await startServer("local");
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
    ({ page, watch } = await openPage(context, server));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("plays the short EEfRT with the keyboard, resumes after a reload, and saves every trial", {
    timeout: 300_000,
  }, async () => {
    await gotoView(page, server.url, "/tasks");
    await page.locator("main .task-card").first().waitFor();
    await checkA11y(page, "tasks menu");
    await screenshot(page, "tasks-menu");
    expect((await loadedScripts(page)).some((s) => /eefrt-task|prt-task/.test(s))).toBe(false);

    await page.locator("#task-version").selectOption("short");
    await page.getByRole("button", { name: "Start the effort task" }).click();
    await phaseIn(page, "eefrt", ["intro"]);
    expect((await loadedScripts(page)).some((s) => s.includes("eefrt-task"))).toBe(true);
    expect((await loadedScripts(page)).some((s) => s.includes("prt-task"))).toBe(false);
    await checkA11y(page, "EEfRT instructions");
    await page.getByRole("button", { name: "Start", exact: true }).click();
    await phaseIn(page, "eefrt", ["choice"]);
    await checkA11y(page, "EEfRT choice");
    await screenshot(page, "tasks-eefrt-choice");
    expect(await playEefrt(page, 3)).toBe(3);

    // Three trials are saved (the fourth choice is on screen); a reload resumes at the fourth.
    const before = await api<{ sessions: { saved: number; total: number }[] }>("tasks/list");
    expect(before.sessions).toEqual([expect.objectContaining({ task: "eefrt", saved: 3, total: 7 })]);
    await gotoView(page, server.url, "/tasks");
    await page.getByRole("button", { name: "Resume" }).click();
    await phaseIn(page, "eefrt", ["resume"]);
    expect(await page.locator("[data-task=eefrt]").textContent()).toContain(
      "you stopped after 3 of 7 trials",
    );
    await page.getByRole("button", { name: "Resume" }).click();
    expect(await playEefrt(page)).toBe(4);

    const after = await api<{ sessions: { saved: number; complete: boolean }[] }>("tasks/list");
    expect(after.sessions).toEqual([expect.objectContaining({ saved: 7, complete: true })]);
    const sessionId = (after.sessions[0] as unknown as { sessionId: string }).sessionId;
    const state = await api<{
      trials: { trialIndex: number; onsetMs: number; choiceRtMs: number | null; at: string }[];
    }>("tasks/session", { sessionId });
    expect(state.trials.map((t) => t.trialIndex)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Reaction times are non-negative; under heavy load a 5 s choice window may still expire (then
    // the task is assigned and the time is null), so most, not all, choices are the player's.
    expect(
      state.trials.every((t) => t.at.endsWith("Z") && (t.choiceRtMs === null || t.choiceRtMs >= 0)),
    ).toBe(true);
    expect(state.trials.filter((t) => t.choiceRtMs !== null).length).toBeGreaterThanOrEqual(5);
  });

  it("plays the short PRT with the keyboard, fits both tasks and exports CSV", {
    timeout: 300_000,
  }, async () => {
    await gotoView(page, server.url, "/tasks");
    await page.locator("#task-version").selectOption("short");
    await page.getByRole("button", { name: "Start the reward task" }).click();
    await phaseIn(page, "prt", ["intro"]);
    await checkA11y(page, "PRT instructions");
    await screenshot(page, "tasks-prt-instructions");
    await page.getByRole("button", { name: "Start", exact: true }).click();
    await phaseIn(page, "prt", ["mouth", "respond"]);
    await screenshot(page, "tasks-prt-trial");
    expect(await playPrt(page)).toBe(22);

    const list = await api<{ sessions: { task: string; saved: number; complete: boolean }[] }>("tasks/list");
    expect(list.sessions.find((s) => s.task === "prt")).toMatchObject({ saved: 22, complete: true });

    await page.getByRole("button", { name: "Fit my task results" }).click();
    await page.locator("#fit-title").waitFor({ timeout: 60_000 });
    const fitText = (await page.locator("main .task-fit").textContent()) ?? "";
    expect(fitText).toMatch(/Your effort cost k is \d+\.\d\d \[\d+\.\d\d, \d+\.\d\d\]/);
    expect(fitText).toMatch(/Your reward sensitivity ρ is \d+\.\d\d/);
    expect(fitText).toContain("Source: ");
    await checkA11y(page, "task results");
    await screenshot(page, "tasks-results");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Export CSV of prt-/ }).click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\n")[0]).toBe(TRIAL_COLUMNS.map((c) => c.column).join(","));
    expect(csv.trim().split("\n")).toHaveLength(23);
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
  });
});
