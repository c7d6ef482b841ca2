import Table from "cli-table3";
import { Command, CommanderError } from "commander";
import { registry } from "../app/index.ts";
import { registerCrossover } from "./crossover.ts";
import { CliError, EXIT_FAILURE, formatError } from "./errors.ts";
import { registerFit } from "./fit.ts";
import { registerImport } from "./import.ts";
import { registerInstruments } from "./instruments.ts";
import { registerLog } from "./log.ts";
import { registerPlan } from "./plan.ts";
import { registerReport } from "./report.ts";
import { registerServe } from "./serve.ts";
import { registerSimulate } from "./simulate.ts";
import { registerTasks } from "./tasks.ts";

const DISCLAIMER = "dopamap is a self-help and research tool, not a diagnosis.";

function listCommand(
  program: Command,
  name: string,
  command: string,
  description: string,
  columns: string[],
): void {
  program
    .command(name)
    .description(description)
    .option("--json", "print JSON")
    .action(async (flags: { json?: boolean }) => {
      const result = await registry.invoke(command, {});
      if (!result.ok) throw new CliError(result.error, EXIT_FAILURE);
      const rows = result.value as Record<string, unknown>[];
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const t = new Table({
        head: columns,
        style: { head: [], border: [] },
        wordWrap: true,
        colWidths: columns.map((c) => (c === "source" || c === "meaning" || c === "summary" ? 48 : null)),
      });
      for (const r of rows) t.push(columns.map((c) => String(r[c] ?? "")));
      process.stdout.write(`${t.toString()}\n${DISCLAIMER}\n`);
    });
}

export function buildProgram(): Command {
  const program = new Command("dopamap")
    .description(`Map your reward circuit, match the intervention, track recalibration. ${DISCLAIMER}`)
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerSimulate(program);
  registerServe(program);
  registerCrossover(program);
  registerInstruments(program);
  registerFit(program);
  registerPlan(program);
  registerReport(program);
  registerLog(program);
  registerTasks(program);
  registerImport(program);
  listCommand(
    program,
    "parameters",
    "model/parameters",
    "the model's parameters with units, ranges, defaults and sources",
    ["name", "symbol", "meaning", "unit", "min", "max", "default", "grade", "source"],
  );
  listCommand(program, "conditions", "model/conditions", "condition presets", [
    "id",
    "label",
    "pattern",
    "grade",
    "source",
  ]);
  listCommand(
    program,
    "interventions",
    "model/interventions",
    "interventions and the generic advice they are compared with",
    ["id", "label", "target", "summary", "grade", "source"],
  );
  return program;
}

/** Runs the CLI; every failure becomes a message and an exit code, never a stack trace. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(formatError(e.body));
      return e.exitCode;
    }
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`error [internal_error]: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.DOPAMAP_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return EXIT_FAILURE;
  }
}

// A reader that stops early (`dopamap … | head`) is not an error: end quietly, never a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
