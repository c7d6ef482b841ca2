import { describe, expect, it } from "vitest";
import {
  checkA11y,
  chooseRegion,
  gotoView,
  HAVE_CHROMIUM,
  openPage,
  PHONE,
  screenshot,
  useServerAndBrowser,
} from "./harness.ts";

describe.skipIf(!HAVE_CHROMIUM)("offline and without JavaScript", () => {
  const env = useServerAndBrowser("local");

  it("serves the installable app: manifest, service worker, CSP allowing only 'self', cache headers", async () => {
    const index = await fetch(`${env.server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get("cache-control")).toBe("no-cache");
    const csp = index.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    const html = await index.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${env.server.url}${asset}`);
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const sw = await fetch(`${env.server.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get("cache-control")).toBe("no-cache");
    const manifest = (await (await fetch(`${env.server.url}/manifest.webmanifest`)).json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string }[];
    };
    expect(manifest.display).toBe("standalone");
    for (const icon of manifest.icons) expect((await fetch(`${env.server.url}${icon.src}`)).status).toBe(200);
    // The API is untouched by the static files, and still checks the Host header (DNS rebinding).
    expect((await fetch(`${env.server.url}/api/health`)).status).toBe(200);
  });

  it("after one visit, 'get help now' and the help page work offline without JavaScript errors", async () => {
    const context = await env.browser.newContext({ viewport: PHONE, timezoneId: "UTC" });
    const { page, watch } = await openPage(context, env.server);
    await gotoView(page, env.server.url, "/");
    await chooseRegion(page, "US");
    // The service worker installs and caches the shell and the help page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).some((k) => k.startsWith("dopamap-"))))
      .toBe(true);

    await context.setOffline(true);
    await page.goto(`${env.server.url}/#/help`);
    await page.locator("main h1", { hasText: "Get help now" }).waitFor();
    expect(await page.locator('main a[href="tel:988"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main a[href="sms:741741?body=HOME"]').count()).toBe(1);
    await screenshot(page, "help-offline-phone");
    await checkA11y(page, "help (offline)");

    // From another view, the header button still gets there offline.
    await page.goto(`${env.server.url}/#/today`);
    await page.locator("header a.help-now").click();
    await page.locator("main a[href='tel:911']").first().waitFor();

    await page.goto(`${env.server.url}/help.html`);
    expect(await page.locator("h1").textContent()).toBe("Get help now");
    expect(await page.locator("#region-GB").textContent()).toContain("116 123");
    await checkA11y(page, "help.html (offline)");
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
    await context.close();
  });

  it("help.html needs no JavaScript, and the app points to it when scripts are off", async () => {
    const context = await env.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/help.html#region-IE`);
    expect(await page.locator("#region-IE").textContent()).toContain("112");
    expect(await page.locator("#region-unknown a[href='https://findahelpline.com']").count()).toBe(1);
    await screenshot(page, "help-static-nojs-phone");
    await page.goto(`${env.server.url}/`);
    expect(await page.locator("noscript a[href='/help.html']").count()).toBe(1);
    await context.close();
  });
});
