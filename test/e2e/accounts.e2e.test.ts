import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  answerQuestion,
  checkA11y,
  DESKTOP,
  gotoView,
  HAVE_CHROMIUM,
  openPage,
  PHONE,
  screenshot,
  useServerAndBrowser,
} from "./harness.ts";

const PASSWORD = "correct horse battery";

async function fillAuth(page: Page, kind: "signup" | "login", email: string, password = PASSWORD) {
  await page.locator(`#${kind}-email`).fill(email);
  await page.locator(`#${kind}-password`).fill(password);
  await page.locator(`form[aria-labelledby=${kind}-title] button[type=submit]`).click();
}

describe.skipIf(!HAVE_CHROMIUM)("accounts in the browser", () => {
  const env = useServerAndBrowser("accounts");

  it("signs up, logs out and back in, and another account sees none of it", async () => {
    const a = await env.browser.newContext({ viewport: PHONE, timezoneId: "UTC" });
    const { page, watch } = await openPage(a, env.server);
    await gotoView(page, env.server.url, "/today");
    // Signed out: every view but help shows the sign-up and log-in forms.
    await page.locator("#signup-email").waitFor();
    expect(await page.locator("main").textContent()).toContain("account mode");
    await screenshot(page, "accounts-onboarding-phone");
    await checkA11y(page, "onboarding (accounts)");

    await fillAuth(page, "signup", "ada@example.org", "short");
    expect(await page.locator("#signup-password:invalid").count()).toBe(1);
    await fillAuth(page, "signup", "ada@example.org");
    await page.waitForURL(/#\/assess$/);
    await answerQuestion(page, 3);

    const account = await env.server.store.findAccountByEmail("ada@example.org");
    expect(account).toBeDefined();
    const personA = account!.personId;
    expect((await env.server.store.listEntries(personA, "answer")).length).toBe(1);
    await env.server.store.putActivity(personA, {
      id: "walk",
      name: "Morning walk",
      kind: "movement",
      importance: 0.8,
      novelty: 0.2,
      effort: 0.3,
      threat: 0,
      urge: false,
      durationMin: 20,
    });

    await page.locator("nav button", { hasText: "Log out" }).click();
    await page.locator("#login-email").waitFor();
    await fillAuth(page, "login", "ada@example.org", "wrong password here");
    expect(await page.locator("form[aria-labelledby=login-title] [role=alert]").textContent()).toContain(
      "wrong email or password",
    );
    await fillAuth(page, "login", "ada@example.org");
    await page.waitForURL(/#\/today$/);
    await page.locator("main h1", { hasText: "Today" }).waitFor();
    await page.locator("main h2", { hasText: "End of the day" }).waitFor();
    expect(await page.locator("main").textContent()).not.toContain("Nothing planned yet");

    const b = await env.browser.newContext({ viewport: DESKTOP, timezoneId: "UTC" });
    const other = await openPage(b, env.server);
    await gotoView(other.page, env.server.url, "/");
    await other.page.locator("#signup-email").waitFor();
    await screenshot(other.page, "accounts-onboarding-desktop");
    await fillAuth(other.page, "signup", "bo@example.org");
    await other.page.waitForURL(/#\/assess$/);
    await gotoView(other.page, env.server.url, "/today");
    await other.page.locator("main .notice", { hasText: "Nothing planned yet" }).waitFor();
    const log = await other.page.evaluate(async () => {
      const s = (await (await fetch("/api/auth/session")).json()) as { csrfToken: string };
      const r = await fetch("/api/log/get", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": s.csrfToken },
        body: "{}",
      });
      return (await r.json()) as { activities: unknown[]; checkIns: unknown[] };
    });
    expect(log.activities).toEqual([]);
    expect(log.checkIns).toEqual([]);
    const personB = (await env.server.store.findAccountByEmail("bo@example.org"))!.personId;
    expect((await env.server.store.listEntries(personB, "answer")).length).toBe(0);
    expect(watch.errors).toEqual([]);
    expect(other.watch.errors).toEqual([]);
    await a.close();
    await b.close();
  });
});
