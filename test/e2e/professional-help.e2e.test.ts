/**
 * After a PHQ-9 of 24 (screening recommends professional help), the Plan and Progress views open
 * with "Talk to a professional first", above the disclaimer and everything else, at phone size.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../src/app/index.ts";
import { answerForm } from "../../src/app/person/test-person.ts";
import {
  checkA11y,
  gotoView,
  HAVE_CHROMIUM,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  startServer,
  type TestServer,
} from "./harness.ts";

describe.skipIf(!HAVE_CHROMIUM)("professional help leads the plan and progress views", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer("local");
    const ctx = { store: server.store, personId: "local", now: () => server.clock.now().toISOString() };
    expect((await registry.invoke("demo/seed", { weeks: 3 }, ctx)).ok).toBe(true);
    await answerForm(ctx, "phq9", [3, 3, 3, 3, 3, 3, 3, 3, 0], ctx.now());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const route of ["/plan", "/progress"])
    it(`${route} opens with it`, async () => {
      const context = await browser.newContext({ viewport: PHONE, timezoneId: "UTC" });
      const { page, watch } = await openPage(context, server);
      await gotoView(page, server.url, route);
      const help = page.locator("main .professional-help");
      await help.waitFor({ timeout: 90_000 });
      expect(await help.locator("h2").textContent()).toBe("Talk to a professional first");
      expect(await help.textContent()).toContain("PHQ-9 total 24");
      // It is the first thing under the view's heading.
      const first = await page.evaluate(() => {
        const h1 = document.querySelector("main h1");
        const next = h1?.nextElementSibling;
        return next?.classList.contains("professional-help") ?? false;
      });
      expect(first).toBe(true);
      await checkA11y(page, `${route} with professional help`);
      await screenshot(page, `professional-help-${route.slice(1)}`);
      expect(watch.errors).toEqual([]);
      await context.close();
    });
});
