/**
 * The import view in a real browser: upload the Daylio fixture, preview (leaving out a state that is
 * not an activity), import, and find the activities and check-ins in the person's log; a CSV with a
 * column mapping chosen in the selects and a bad row shown with its line; axe-core and screenshots.
 */
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkA11y,
  gotoView,
  HAVE_CHROMIUM,
  launchBrowser,
  openPage,
  type PageWatch,
  PHONE,
  screenshot,
  startServer,
  type TestServer,
} from "./harness.ts";

/** A locator's text (textContent, whitespace collapsed). */
const text = async (l: Locator) => ((await l.textContent()) ?? "").replace(/\s+/g, " ");

/** No page width beyond the viewport (works at phone width). */
async function expectNoSideScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

const FIXTURE = join(new URL("../..", import.meta.url).pathname, "src/import/fixtures/daylio-export.csv");

describe.skipIf(!HAVE_CHROMIUM)("import view", () => {
  let server: TestServer;
  let browser: Browser;
  const watches: PageWatch[] = [];

  async function page(): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, timezoneId: "Europe/Berlin" });
    const opened = await openPage(context, server);
    watches.push(opened.watch);
    return opened.page;
  }

  beforeAll(async () => {
    server = await startServer("local");
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("previews a Daylio export, leaves out an unticked activity, imports it and shows it in the log", async () => {
    const p = await page();
    await gotoView(p, server.url, "/import");
    expect(await p.locator("#import-zone").inputValue()).toBe("Europe/Berlin");
    await p.locator("#import-file").setInputFiles(FIXTURE);
    await p.locator("main table").waitFor();
    expect(await p.locator("#import-format").inputValue()).toBe("daylio");
    const summary = () => text(p.locator("main section[aria-labelledby=preview-title] > p").first());
    expect(await summary()).toMatch(
      /15 rows, 15 readable \(2026-11-16 to 2026-11-29\): 32 check-ins and 4 notes/,
    );
    expect(await text(p.locator("main tbody tr").first())).toMatch(/walk, cook, call family/);
    await p.getByLabel("bad sleep").uncheck();
    await p.waitForFunction(() =>
      /31 check-ins/.test(
        document.querySelector("main section[aria-labelledby=preview-title] > p")?.textContent ?? "",
      ),
    );
    await expectNoSideScroll(p);
    await screenshot(p, "import-daylio-preview-phone");
    await checkA11y(p, "import preview");
    const before = await p.evaluate(
      async () =>
        (await (
          await fetch("/api/log/get", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: "{}",
          })
        ).json()) as { checkIns: unknown[] },
    );
    expect(before.checkIns).toHaveLength(0);

    await p.getByRole("button", { name: /Import 15 entries/ }).click();
    const done = p.locator("main .notice[role=status]");
    await done.waitFor();
    expect(await text(done)).toMatch(
      /31 check-ins, 11 new activities and 5 notes saved; 0 check-ins were already there/,
    );
    await screenshot(p, "import-daylio-done-phone");
    await checkA11y(p, "import done");
    const log = await p.evaluate(
      async () =>
        (await (
          await fetch("/api/log/get", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: "{}",
          })
        ).json()) as {
          activities: { name: string }[];
          checkIns: { localDate: string; localHour: number; at: string }[];
        },
    );
    const names = log.activities.map((a) => a.name);
    expect(names).toContain("guitar");
    expect(names).not.toContain("bad sleep");
    expect(log.checkIns).toHaveLength(31);
    expect(log.checkIns).toContainEqual(
      expect.objectContaining({ localDate: "2026-11-28", localHour: 18, at: "2026-11-28T17:05:00Z" }),
    );
  });

  it("maps a CSV's columns with labelled selects and lists the unreadable row with its line", async () => {
    const p = await page();
    await gotoView(p, server.url, "/import");
    const csv = "Date,Activity,Enjoyed (1-5)\n2026-10-01,Piano,4\n2026-10-32,Piano,5\n2026-10-03,Run,2\n";
    await p
      .locator("#import-file")
      .setInputFiles({ name: "habits.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await p.getByLabel("Date (required)").waitFor();
    expect(await p.locator("#import-format").inputValue()).toBe("csv");
    expect(await p.getByLabel("Date (required)").inputValue()).toBe("Date");
    expect(await p.getByLabel("Activity (required)").inputValue()).toBe("Activity");
    await p.getByLabel("Enjoyment (after)").selectOption("Enjoyed (1-5)");
    await p.getByLabel("Ratings use the scale").selectOption("1-5");
    await p.getByRole("button", { name: "Preview" }).click();
    await p.locator("main table").waitFor();
    expect(await text(p.locator("#row-errors-title"))).toContain("Rows that cannot be read (1)");
    expect(await text(p.locator("main .row-errors"))).toMatch(
      /Line 3 \(Date\): "2026-10-32" is not a real date/,
    );
    expect(await text(p.locator("main tbody tr").first())).toMatch(/Piano/);
    await expectNoSideScroll(p);
    await screenshot(p, "import-csv-mapping-phone");
    await checkA11y(p, "import csv mapping");
    await p.getByRole("button", { name: /Import 2 entries/ }).click();
    await p.locator("main .error[role=alert]").waitFor();
    expect(await text(p.locator("main .error[role=alert]"))).toMatch(/nothing was imported/);
    await p.getByLabel("Import the readable rows and leave the others out").check();
    await p.getByRole("button", { name: /Import 2 entries/ }).click();
    await p.locator("main .notice[role=status]").waitFor();
    expect(await text(p.locator("main .notice[role=status]"))).toMatch(/2 check-ins, 2 new activities/);
    expect(watches.flatMap((w) => [...w.foreign, ...w.errors]).filter((e) => !/422|400/.test(e))).toEqual([]);
  });
});
