import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { AppError, invalidInput, LOCAL_PERSON_ID } from "../app/index.ts";
import { reportHtmlCommand } from "../app/report/commands.ts";
import { chromiumPrinter } from "../printer/pdf.tsx";
import { call } from "./call.ts";
import { cliNowIso } from "./clock.ts";
import { CliError, EXIT_FAILURE } from "./errors.ts";
import { openLocalStore } from "./serve.ts";

interface ReportFlags {
  html?: string;
  pdf?: string;
  sections?: string;
  data?: string;
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
    .action(async (f: ReportFlags) => {
      const parsed = reportHtmlCommand.input.safeParse(
        f.sections ? { sections: f.sections.split(",").map((s) => s.trim()) } : {},
      );
      if (!parsed.success) throw new CliError(invalidInput(parsed.error), 2);
      const input = parsed.data.sections ? { sections: parsed.data.sections } : {};
      const printer = chromiumPrinter();
      if (f.pdf)
        try {
          printer.check();
        } catch (e) {
          if (e instanceof AppError) throw new CliError(e.body, EXIT_FAILURE);
          throw e;
        }
      const store = await openLocalStore(f.data);
      const ctx = { store, personId: LOCAL_PERSON_ID, now: cliNowIso, printer };
      try {
        if (f.html || !f.pdf) {
          const { html } = await call("report/html", input, ctx);
          if (f.html) write(f.html, html);
          else process.stdout.write(html);
        }
        if (f.pdf) {
          const { pdfBase64 } = await call("report/pdf", input, ctx);
          write(f.pdf, Buffer.from(pdfBase64, "base64"));
        }
        const wrote = [f.html, f.pdf].filter(Boolean);
        if (wrote.length) process.stderr.write(`Wrote ${wrote.join(" and ")}.\n`);
      } finally {
        await store.close();
      }
    });
}
