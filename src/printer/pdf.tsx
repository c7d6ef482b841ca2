import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { renderToString } from "preact-render-to-string";
import { AppError, type PdfPrinter } from "../app/index.ts";
import { REPORT_DISCLAIMER } from "../report/index.ts";

/** Where chromium is looked for: `DOPAMAP_CHROMIUM`, else /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOPAMAP_CHROMIUM || "/usr/bin/chromium";
}

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The Chromium executable; throws `AppError` `browser_missing` (saying how to install it) when it is not there. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const executablePath = chromiumPath(env);
  if (!existsSync(executablePath))
    throw new AppError({
      code: "browser_missing",
      message: `PDF needs Chromium, not found at ${executablePath}: install it (e.g. apt-get install chromium) or set DOPAMAP_CHROMIUM to its path; the HTML report works without it`,
    });
  return executablePath;
}

/** The PDF's own footer on every page: the disclaimer and page x of y (Chromium fills the spans). */
function footerTemplate(): string {
  return renderToString(
    <div style="width:100%;font-size:7pt;color:#555;padding:0 14mm;display:flex;justify-content:space-between;font-family:system-ui,sans-serif">
      <span>{REPORT_DISCLAIMER}</span>
      <span>
        page <span class="pageNumber" /> of <span class="totalPages" />
      </span>
    </div>,
  );
}

/**
 * Prints report HTML (from `renderReportHtml(..., { pdf: true })`) to an A4 PDF with headless
 * Chromium, the disclaimer in the footer of every page: a tagged PDF (structure for screen
 * readers), with an outline (bookmarks from the headings) and the document language from
 * `<html lang>`; its text is searchable. Network access is blocked: the report is self-contained.
 * Throws `AppError` `browser_missing` when Chromium is not installed.
 */
export async function htmlToPdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const executablePath = requireChromium(env);
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: footerTemplate(),
      margin: { top: "14mm", bottom: "18mm", left: "14mm", right: "14mm" },
      tagged: true,
      outline: true,
    });
  } finally {
    await browser.close();
  }
}

/** The PDF printer port of the app over headless Chromium (one browser per PDF). */
export function chromiumPrinter(env: NodeJS.ProcessEnv = process.env): PdfPrinter {
  return {
    check: () => {
      requireChromium(env);
    },
    print: (html) => htmlToPdf(html, env),
  };
}
