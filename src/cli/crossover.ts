import Table from "cli-table3";
import type { Command } from "commander";
import { call } from "./call.ts";

/** `dopamap crossover`: the condition × intervention matrix of paired effects on starting. */
export function registerCrossover(program: Command): void {
  program
    .command("crossover")
    .description("every condition × intervention on the same simulated people: effect on the start rate")
    .option("--people <n>", "people per arm", "200")
    .option("--weeks <n>", "weeks", "12")
    .option("--seed <n>", "random seed", "1")
    .option("--json", "print JSON")
    .action(async (flags: { people: string; weeks: string; seed: string; json?: boolean }) => {
      const out = await call(
        "model/crossover",
        { people: Number(flags.people), weeks: Number(flags.weeks), seed: Number(flags.seed) },
        {},
        { flagOf: (path) => (typeof path[0] === "string" ? `--${path[0]}` : undefined) },
      );
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      const interventions = [...new Set(out.cells.map((c) => c.intervention))];
      const conditions = [...new Set(out.cells.map((c) => c.condition))];
      const t = new Table({ head: ["condition", "none", ...interventions], style: { head: [], border: [] } });
      const f = (x: number | null) => (x === null ? "–" : `${x >= 0 ? "+" : ""}${x.toFixed(2)}`);
      for (const c of conditions) {
        const row = out.cells.filter((x) => x.condition === c);
        t.push([
          c,
          (row[0]?.baseline.mean ?? 0).toFixed(2),
          ...interventions.map((i) => {
            const e = row.find((x) => x.intervention === i)?.effect;
            return e ? `${f(e.mean)}\n[${f(e.lo)}, ${f(e.hi)}]` : "";
          }),
        ]);
      }
      process.stdout.write(
        `Start rate of own activities, weeks ${out.weeks[0]}–${out.weeks[1]}: "none" is the rate without intervention;\neach cell is the paired effect of the intervention [95 % interval], same simulated people, one parameter set.\n${t.toString()}\nSimulated people, not a forecast for any real person. A self-help and research tool, not a diagnosis.\n`,
      );
    });
}
