import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  answerQuestion,
  checkA11y,
  chooseRegion,
  DESKTOP,
  gotoView,
  HAVE_CHROMIUM,
  openPage,
  type PageWatch,
  PHONE,
  screenshot,
  setPageClock,
  type TestServer,
  useServerAndBrowser,
} from "./harness.ts";

/** Every route of the web contract. */
const ROUTES = [
  ["/", "onboarding"],
  ["/assess", "assess"],
  ["/today", "today"],
  ["/help", "help"],
  ["/map", "map"],
  ["/plan", "plan"],
  ["/progress", "progress"],
  ["/simulator", "simulator"],
  ["/tasks", "tasks"],
  ["/import", "import"],
  ["/share", "share"],
] as const;

/** The first week: Monday 7 December 2026 onwards, at UTC (the browser's zone in these tests). */
const WEEK = Array.from({ length: 7 }, (_, i) => `2026-12-${String(7 + i).padStart(2, "0")}`);

/** Moves the test's clock, on the server and in the page, to `instant`. */
async function at(server: TestServer, page: Page, instant: string): Promise<void> {
  server.clock.set(instant);
  await setPageClock(page, instant);
}

/** Waits until a view has settled: its heading is shown and nothing says "Loading…". */
async function settled(page: Page): Promise<void> {
  await page.locator("main h1").first().waitFor();
  await page.waitForFunction(() => document.querySelector("main [aria-busy=true]") === null, undefined, {
    timeout: 60_000,
  });
}

async function addActivity(page: Page, name: string, kind: string): Promise<void> {
  const form = page.locator("form.activity-form").first();
  if (!(await form.isVisible())) await page.locator("details summary", { hasText: "Add another" }).click();
  await form.locator("#activity-name").fill(name);
  await form.locator("#activity-kind").selectOption(kind);
  await form.locator("#activity-importance").fill("8");
  await form.locator("button[type=submit]").click();
  await page.locator("main .saved", { hasText: `Saved: ${name}` }).waitFor();
}

describe.skipIf(!HAVE_CHROMIUM)("a new person in the browser", () => {
  const env = useServerAndBrowser("local");

  it("goes through assess → map → plan → a week of check-ins → rescue → progress", async () => {
    const context = await env.browser.newContext({ viewport: PHONE, timezoneId: "UTC" });
    const { page, watch } = await openPage(context, env.server);
    await at(env.server, page, `${WEEK[0]}T07:00:00Z`);

    await gotoView(page, env.server.url, "/");
    expect(await page.locator("main").textContent()).toContain("not a diagnosis or treatment");
    await chooseRegion(page, "GB");
    await screenshot(page, "onboarding-phone");
    await checkA11y(page, "onboarding");
    await page.locator("main a", { hasText: "Start the assessment" }).click();

    // The whole assessment, one question per screen; every answer is saved as it is given.
    await page.locator("main legend").waitFor();
    await screenshot(page, "assess-phone");
    await checkA11y(page, "assess");
    let questions = 0;
    while ((await page.locator("#results-title").count()) === 0) {
      const question = (await page.locator("main legend").first().textContent()) ?? "";
      // The self-harm item gets "Not at all" here; the crisis path has its own test.
      const option = /better off dead/i.test(question) ? 0 : 1;
      await answerQuestion(page, option, { time: questions % 2 ? "07:30" : "23:30", number: "5" });
      questions++;
      if (questions > 80) throw new Error("the assessment did not end");
    }
    expect(questions).toBeGreaterThan(30);
    expect(await page.locator(".crisis-alert").count()).toBe(0);
    await screenshot(page, "assess-results-phone");
    await checkA11y(page, "assessment results");
    expect((await env.server.store.listEntries("local", "assessment")).length).toBe(5);

    // Activities (the map and plan are fitted from them and from the check-ins).
    await gotoView(page, env.server.url, "/today");
    await settled(page);
    await screenshot(page, "today-empty-phone");
    await checkA11y(page, "today (empty)");
    await addActivity(page, "Morning walk", "movement");
    await addActivity(page, "Call a friend", "social");
    await addActivity(page, "Phone scrolling", "app");

    await page.locator('header nav a[href="#/map"]').click();
    await settled(page);
    await page.locator('header nav a[href="#/plan"]').click();
    await settled(page);

    // A week of check-ins: before and after each planned activity, an urge, then close the day.
    let checkIns = 0;
    for (const [i, day] of WEEK.entries()) {
      await at(env.server, page, `${day}T06:00:00Z`);
      await gotoView(page, env.server.url, "/today");
      await settled(page);
      const cards = page.locator("main section[aria-labelledby=planned-title] li.card");
      const n = await cards.count();
      // Every activity was planned for every day (no weekdays were chosen); a soft check, so the
      // rest of the flow still runs when it fails.
      expect.soft(n, `${day}: planned activities shown on today`).toBe(2);
      for (let c = 0; c < n; c++) {
        const card = cards.nth(c);
        if ((await card.locator("button", { hasText: "Before" }).count()) === 0) continue;
        await card.locator("button", { hasText: "Before" }).click();
        await card
          .locator(".scale button")
          .nth(3 + (i % 3))
          .click();
        await card.locator(".saved", { hasText: "Saved: expecting" }).waitFor();
        await card.locator("button", { hasText: "I did it" }).click();
        await card
          .locator(".scale button")
          .nth(6 + (i % 3))
          .click();
        await card.locator(".saved", { hasText: "Saved: done" }).waitFor();
        checkIns++;
      }
      const urge = page.locator("main section[aria-labelledby=urges-title] li.card").first();
      await urge.locator("button", { hasText: i % 2 ? "I gave in" : "I resisted" }).click();
      await urge.locator(".scale button").nth(6).click();
      await urge.locator(".saved", { hasText: "Saved: urge" }).waitFor();
      if (i === 0) {
        await screenshot(page, "today-phone");
        await checkA11y(page, "today");
      }
      await page.locator("main button", { hasText: "Close the day" }).click();
      await page.locator("main .saved", { hasText: "Day closed" }).waitFor();
    }
    const log = await env.server.store.readLog("local");
    expect(checkIns).toBeGreaterThanOrEqual(2);
    expect(
      log.checkIns.filter((c) => c.started && c.anticipated !== null && c.experienced !== null).length,
    ).toBe(checkIns);
    expect(log.urges.length).toBe(7);
    expect(log.closedDays.length).toBe(7);

    // Rescue: late on the eighth day, with nothing started, it is offered unasked; and on request.
    await at(env.server, page, "2026-12-14T22:30:00Z");
    await gotoView(page, env.server.url, "/today");
    await settled(page);
    await page.locator("main #rescue-title").waitFor();
    expect(await page.locator("main .rescue").first().textContent()).toContain("Try this now");
    const card = page.locator("main section[aria-labelledby=planned-title] li.card").first();
    await card.locator("button", { hasText: "I can’t start this" }).click();
    await card.locator(".rescue", { hasText: "Try this now" }).waitFor();
    await screenshot(page, "today-rescue-phone");
    await checkA11y(page, "today with rescue");

    await gotoView(page, env.server.url, "/progress");
    await settled(page);
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
    await context.close();
  });

  it("every view: screenshots at phone and desktop size, no serious accessibility violation", async () => {
    const failures: string[] = [];
    for (const [size, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      const context = await env.browser.newContext({ viewport, timezoneId: "UTC" });
      const { page, watch } = await openPage(context, env.server);
      await at(env.server, page, "2026-12-10T12:00:00Z");
      for (const [route, name] of ROUTES) {
        await gotoView(page, env.server.url, route);
        await settled(page);
        await screenshot(page, `view-${name}-${size}`);
        try {
          await checkA11y(page, name);
        } catch (e) {
          failures.push((e as Error).message);
        }
      }
      expect((watch as PageWatch).errors).toEqual([]);
      expect(watch.foreign).toEqual([]);
      await context.close();
    }
    expect(failures).toEqual([]);
  });
});
