import { describe, expect, it } from "vitest";
import {
  answerQuestion,
  checkA11y,
  chooseRegion,
  gotoView,
  HAVE_CHROMIUM,
  openPage,
  PHONE,
  screenshot,
  useServerAndBrowser,
} from "./harness.ts";

describe.skipIf(!HAVE_CHROMIUM)("crisis path in the browser", () => {
  const env = useServerAndBrowser("local");

  it("PHQ-9 item 9 above 0 shows the region's crisis resources at once, focused, and they stay (with resume)", async () => {
    const context = await env.browser.newContext({ viewport: PHONE, timezoneId: "UTC" });
    const { page, watch } = await openPage(context, env.server);
    await gotoView(page, env.server.url, "/");
    await chooseRegion(page, "GB");
    await gotoView(page, env.server.url, "/assess");
    // The pattern screener comes first; then PHQ-9, whose ninth question is the self-harm item.
    for (let i = 0; i < 12; i++) await answerQuestion(page, 0);
    await expect.poll(() => page.locator("main .muted").first().textContent()).toContain("PHQ-9");
    for (let i = 0; i < 4; i++) await answerQuestion(page, 0);
    // Autosave and resume: a reload comes back to the same question.
    await page.reload();
    await page.locator("main legend").waitFor();
    expect(await page.locator("main .muted").first().textContent()).toContain("PHQ-9: question 5 of");
    for (let i = 0; i < 4; i++) await answerQuestion(page, 0);
    expect(await page.locator(".crisis-alert").count()).toBe(0);
    const legend = (await page.locator("main legend").textContent()) ?? "";
    expect(legend).toMatch(/better off dead|hurting yourself/i);
    await page.locator("main .choice").nth(2).click();

    const alert = page.locator(".crisis-alert[role=alert]");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Samaritans");
    expect(await alert.locator('a[href="tel:116123"]').count()).toBeGreaterThan(0);
    expect(await alert.locator('a[href="tel:999"]').count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest(".crisis-alert") !== null))
      .toBe(true);
    await screenshot(page, "crisis-alert-phone");
    await checkA11y(page, "assessment with crisis alert");

    // Stored in the person's own data the moment it was answered, before the form is finished.
    await expect
      .poll(async () => (await env.server.store.listEntries("local", "crisis_event")).length)
      .toBe(1);

    // It stays on screen on the next question and on other views.
    await page.locator("main form button[type=submit]").click();
    await gotoView(page, env.server.url, "/today");
    expect(await page.locator(".crisis-alert").isVisible()).toBe(true);

    // "Get help now" is on every screen and opens the chosen region's resources.
    await page.locator("header a.help-now").click();
    await page.locator("main h1", { hasText: "Get help now" }).waitFor();
    expect(await page.locator("main .help-view").textContent()).toContain("Shout");
    await screenshot(page, "help-phone");
    await checkA11y(page, "help");
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
    await context.close();
  });

  it("an unsafe answer in the rescue shows crisis resources too, and 'get help now' is on every view", async () => {
    const context = await env.browser.newContext({ viewport: PHONE, timezoneId: "UTC" });
    const { page, watch } = await openPage(context, env.server);
    await env.server.store.putActivity("local", {
      id: "walk",
      name: "Morning walk",
      kind: "movement",
      importance: 0.8,
      novelty: 0.2,
      effort: 0.4,
      threat: 0,
      urge: false,
      durationMin: 20,
    });
    await gotoView(page, env.server.url, "/today");
    await page.locator("main li.card button", { hasText: "I can’t start this" }).first().click();
    await page.locator("main .rescue button", { hasText: "I feel unsafe" }).click();
    const alert = page.locator(".crisis-alert[role=alert]");
    await alert.waitFor();
    expect(await alert.locator("a[href^='tel:']").count()).toBeGreaterThan(0);
    for (const route of [
      "/",
      "/assess",
      "/today",
      "/map",
      "/plan",
      "/progress",
      "/simulator",
      "/tasks",
      "/import",
      "/share",
    ]) {
      await gotoView(page, env.server.url, route);
      expect(await page.locator("header a.help-now").getAttribute("href"), route).toBe("#/help");
    }
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
