import { writeFileSync } from "node:fs";
import Table from "cli-table3";
import type { Command } from "commander";
import { LOCAL_PERSON_ID } from "../app/index.ts";
import type { TaskExportFile, TaskFitReport } from "../app/tasks/commands.ts";
import { flagsFrom, run } from "./call.ts";
import { cliNowIso } from "./clock.ts";
import { parseJsonText, readText } from "./files.ts";
import { fitExternalTaskFile, type RealDataFlags } from "./real-data.ts";
import { openLocalStore } from "./serve.ts";

const DISCLAIMER = "dopamap is a self-help and research tool, not a diagnosis.";

/** A task trials file as `tasks/fit` input: `.json` is parsed here, anything else is read as CSV. */
export function taskFileInput(file: string): { csv: string } | { json: unknown } {
  const text = readText(file);
  if (!file.toLowerCase().endsWith(".json")) return { csv: text };
  return { json: parseJsonText(text, file) };
}

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");
const ci = (e: { estimate: number; lo: number; hi: number }) =>
  `${f2(e.estimate)} [${f2(e.lo)}, ${f2(e.hi)}]`;
const table = (head: string[]) => new Table({ head, style: { head: [], border: [] } });

function fitText(r: TaskFitReport): string {
  const out: string[] = [];
  if (r.eefrt) {
    const t = table([
      "participant",
      "trials",
      "hard choices",
      "effort cost k [95 %]",
      "prob. weight h",
      "inv. temp. T",
    ]);
    for (const p of r.eefrt.participants)
      t.push([
        p.participantId,
        String(p.trials),
        `${(100 * p.summary.hard).toFixed(0)} %`,
        ci(p.effortCost),
        ci(p.probabilityWeighting),
        ci(p.inverseTemperature),
      ]);
    out.push(`EEfRT (${r.eefrt.participants.length} participants; Treadway lab SV model):`, t.toString());
  }
  if (r.prt) {
    const t = table([
      "participant",
      "trials",
      "reward sens. ρ [95 %]",
      "learning rate ε",
      "instruction γ",
      "log b",
      "log d",
    ]);
    for (const p of r.prt.participants) {
      const all = p.blocks.at(-1)!;
      t.push([
        p.participantId,
        String(p.trials),
        ci(p.rewardSensitivity),
        ci(p.learningRate),
        ci(p.instructionSensitivity),
        f2(all.logB),
        f2(all.logD),
      ]);
    }
    out.push(
      `PRT (${r.prt.participants.length} participants; Huys et al. 2013 model; log b/d over all blocks):`,
      t.toString(),
    );
  }
  out.push(...r.notes, DISCLAIMER);
  return out.join("\n");
}

/** Registers `tasks fit` and `tasks simulate`. */
export function registerTasks(program: Command): void {
  const tasks = program
    .command("tasks")
    .description(`behavioural tasks (EEfRT, PRT): fit exported trials, simulate example data. ${DISCLAIMER}`);
  tasks
    .command("fit")
    .description("fit the EEfRT and PRT models to an exported trials file (CSV or JSON)")
    .argument("<file>", "trials.csv or trials.json (the columns of `dopamap tasks` exports)")
    .option("--json", "print JSON")
    .option("--format <id>", "another study's file: prt-sailer2024 (PRT without per-trial rewards)")
    .option("--sample <n>", "--format: fit only the first n participants")
    .option("--cv", "--format: Huys model against a static bias by held-out log-likelihood")
    .option("--ppc", "--format: posterior predictive check")
    .option("--seed <n>", "--format: seed of the latent reward draws")
    .option("--no-model", "--format: signal-detection summaries only")
    .action(async (file: string, flags: { json?: boolean; format?: string } & RealDataFlags) => {
      if (flags.format !== undefined) {
        process.stdout.write(`${await fitExternalTaskFile(flags.format, file, flags)}\n`);
        return;
      }
      const r = await run<TaskFitReport>("tasks/fit", taskFileInput(file));
      process.stdout.write(`${flags.json ? JSON.stringify(r, null, 2) : fitText(r)}\n`);
    });
  tasks
    .command("export")
    .description("export your task trials from the local database as CSV or JSON")
    .option("--task <id>", "eefrt or prt (every session of the task)")
    .option("--session <id>", "one session")
    .option("--columns <style>", "dopamap (default) or jspsych: jsPsych's columns and units")
    .option("--out <file>", "write here (.json for JSON, otherwise CSV); default: standard output")
    .option("--data <dir>", "data folder of the local database")
    .action(
      async (flags: { task?: string; session?: string; columns?: string; out?: string; data?: string }) => {
        const store = await openLocalStore(flags.data);
        try {
          const r = await run<TaskExportFile>(
            "tasks/export",
            {
              ...(flags.task !== undefined ? { task: flags.task } : {}),
              ...(flags.session !== undefined ? { sessionId: flags.session } : {}),
              format: flags.out?.toLowerCase().endsWith(".json") ? "json" : "csv",
              ...(flags.columns !== undefined ? { columns: flags.columns } : {}),
            },
            { store, personId: LOCAL_PERSON_ID, now: cliNowIso },
            { flagOf: flagsFrom({ sessionId: "--session", task: "--task", columns: "--columns" }) },
          );
          if (!flags.out) process.stdout.write(r.content);
          else {
            writeFileSync(flags.out, r.content);
            process.stdout.write(`wrote ${r.trials} trials to ${flags.out}\n`);
          }
        } finally {
          await store.close();
        }
      },
    );

  tasks
    .command("simulate")
    .description("simulated participants play a task from person-level parameters (example data)")
    .requiredOption("--task <id>", "eefrt or prt")
    .option("--participants <n>", "how many (default 20)")
    .option("--seed <n>", "seed (default 1)")
    .option("--version <id>", "standard (default) or short")
    .option("--out <file>", "write here (.json for JSON, otherwise CSV); default: standard output")
    .option("--columns <style>", "dopamap (default) or jspsych: jsPsych's columns and units")
    .action(
      async (flags: {
        task: string;
        participants?: string;
        seed?: string;
        version?: string;
        out?: string;
        columns?: string;
      }) => {
        const r = await run<TaskExportFile>("tasks/simulate", {
          task: flags.task,
          ...(flags.participants !== undefined ? { participants: Number(flags.participants) } : {}),
          ...(flags.seed !== undefined ? { seed: Number(flags.seed) } : {}),
          ...(flags.version !== undefined ? { version: flags.version } : {}),
          format: flags.out?.toLowerCase().endsWith(".json") ? "json" : "csv",
          ...(flags.columns !== undefined ? { columns: flags.columns } : {}),
        });
        if (!flags.out) {
          process.stdout.write(r.content);
          return;
        }
        writeFileSync(flags.out, r.content);
        process.stdout.write(`wrote ${r.trials} trials to ${flags.out}\n`);
      },
    );
}
