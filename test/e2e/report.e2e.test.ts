import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../src/app/index.ts";
import {
  checkA11y,
  DESKTOP,
  gotoView,
  HAVE_CHROMIUM,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  startServer,
  type TestServer,
} from "./harness.ts";

describe.skipIf(!HAVE_CHROMIUM)("sharing the report read-only in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer("local");
    const seeded = await registry.invoke(
      "demo/seed",
      { weeks: 3 },
      { store: server.store, personId: "local", now: () => server.clock.now().toISOString() },
    );
    expect(seeded.ok).toBe(true);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("creates a link to the map only, which a fresh browser sees alone, until it is withdrawn", async () => {
    const context = await browser.newContext({ viewport: PHONE, timezoneId: "UTC" });
    const { page, watch } = await openPage(context, server);
    await gotoView(page, server.url, "/share");
    expect(await page.locator('a[href="/report"]', { hasText: "Open the report" }).count()).toBe(1);
    expect(await page.locator('a[href="/report?format=pdf"]').textContent()).toContain("PDF");
    await checkA11y(page, "share");

    const section = (id: string) => page.locator(`input[name=section][value=${id}]`);
    for (const id of ["plan", "scores", "progress", "sources"]) await section(id).uncheck();
    expect(await section("crisis").isChecked()).toBe(false);
    expect(await section("map").isChecked()).toBe(true);
    await page.getByLabel("Who it is for (your note)").fill("my coach");
    await page.getByLabel("Expires after (days, 1–90)").fill("7");
    await page.getByRole("button", { name: "Create share" }).click();
    const link = await page.locator("#share-link").inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/shared/[A-Za-z0-9_-]{43}$`));
    await page.locator(".share-list li", { hasText: "my coach" }).waitFor();
    await screenshot(page, "share-created-phone");
    await checkA11y(page, "share with a new link");

    const coach = await browser.newContext({ viewport: DESKTOP, timezoneId: "UTC" });
    const coachPage = await coach.newPage();
    const response = await coachPage.goto(link);
    expect(response?.status()).toBe(200);
    const sections = await coachPage
      .locator("[data-section]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-section")));
    expect(sections).toEqual(["map"]);
    expect(await coachPage.locator("body").textContent()).toContain("not a diagnosis");
    expect(await coachPage.locator("body").textContent()).not.toContain("Motivation Gap");
    expect(await coach.cookies()).toEqual([]);
    await screenshot(coachPage, "shared-report-map-only");
    await checkA11y(coachPage, "shared report");

    await page.getByRole("button", { name: /^Withdraw the share my coach/ }).click();
    await page.locator(".saved", { hasText: "Withdrawn" }).waitFor();
    expect(await page.locator(".share-list li", { hasText: "withdrawn" }).count()).toBe(1);
    await screenshot(page, "share-withdrawn-phone");

    const after = await coachPage.goto(link);
    expect(after?.status()).toBe(404);
    expect(await coachPage.locator("h1").textContent()).toBe("Nothing to show");
    expect(await coachPage.locator("[data-section]").count()).toBe(0);
    await screenshot(coachPage, "shared-report-withdrawn");
    expect(watch.foreign).toEqual([]);
    expect(watch.errors).toEqual([]);
    await coach.close();
    await context.close();
  });
});
