import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { AppError, invalidInput } from "../app/index.ts";
import { reportHtmlCommand } from "../app/report/commands.ts";
import { gatherReport } from "../app/report/gather.ts";
import { renderReportHtml } from "../report/index.ts";
import { LOCAL_PERSON_ID } from "../server/index.ts";
import { htmlToPdf, requireChromium } from "../server/report-pdf.tsx";
import { cliNowIso } from "./clock.ts";
import { CliError, EXIT_FAILURE } from "./errors.ts";
import { openLocalStore } from "./serve.ts";

interface ReportFlags {
  html?: string;
  pdf?: string;
  sections?: string;
  data?: string;
  draws?: string;
  seed?: string;
}

function write(file: string, content: string | Buffer): void {
  try {
    writeFileSync(file, content);
  } catch (e) {
    throw new CliError({ code: "write_failed", message: `cannot write ${file}: ${(e as Error).message}` });
  }
}

/** Registers `dopamap report`: the report of the local database's person as HTML and/or PDF. */
export function registerReport(program: Command): void {
  program
    .command("report")
    .description(
      "the report for a coach or clinician (map, plan, scores, progress, crisis events, sources) as HTML and/or PDF; HTML to stdout when no file is named",
    )
    .option("--html <file>", "write the HTML report")
    .option("--pdf <file>", "write the PDF report (A4; needs Chromium, see DOPAMAP_CHROMIUM)")
    .option("--sections <list>", "comma-separated: map,plan,scores,progress,crisis,sources (default all)")
    .option("--data <dir>", "data folder of the local database")
    .option("--draws <n>", "parameter draws for the plan's forecast (default 10)")
    .option("--seed <n>", "seed (default 1)")
    .action(async (f: ReportFlags) => {
      const parsed = reportHtmlCommand.input.safeParse({
        ...(f.sections ? { sections: f.sections.split(",").map((s) => s.trim()) } : {}),
        ...(f.draws ? { draws: Number(f.draws) } : {}),
        ...(f.seed ? { seed: Number(f.seed) } : {}),
      });
      if (!parsed.success) throw new CliError(invalidInput(parsed.error), 2);
      const { sections, draws, seed } = parsed.data;
      if (f.pdf)
        try {
          requireChromium();
        } catch (e) {
          if (e instanceof AppError) throw new CliError(e.body, EXIT_FAILURE);
          throw e;
        }
      const store = await openLocalStore(f.data);
      try {
        const data = await gatherReport(store, LOCAL_PERSON_ID, cliNowIso(), { draws, seed });
        const options = sections ? { sections } : {};
        if (f.html || !f.pdf) {
          const page = renderReportHtml(data, options);
          if (f.html) write(f.html, page);
          else process.stdout.write(page);
        }
        if (f.pdf) {
          try {
            write(f.pdf, await htmlToPdf(renderReportHtml(data, { ...options, pdf: true })));
          } catch (e) {
            if (e instanceof AppError) throw new CliError(e.body, EXIT_FAILURE);
            throw e;
          }
        }
        const wrote = [f.html, f.pdf].filter(Boolean);
        if (wrote.length) process.stderr.write(`Wrote ${wrote.join(" and ")}.\n`);
      } finally {
        await store.close();
      }
    });
}
