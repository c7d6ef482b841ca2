/**
 * `npm run bench`: runs each case in its own process (peak memory = that process's maximum resident
 * set, worker threads included) and prints a table. Figures in the README come from this command.
 */
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import Table from "cli-table3";
import { ALL_CASES } from "./all-cases.ts";

const only = process.argv.slice(2);
const names = Object.keys(ALL_CASES).filter((n) => only.length === 0 || only.includes(n));
const table = new Table({
  head: ["case", "work", "seconds", "throughput", "peak MiB"],
  wordWrap: true,
  colWidths: [26, 50, 9, 24, 10],
});
const figures: string[] = [];
for (const name of names) {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", new URL("./case-runner.ts", import.meta.url).pathname, name],
    {
      encoding: "utf8",
    },
  );
  const r = JSON.parse(out.trim().split("\n").pop() ?? "{}");
  table.push([r.name, r.work, r.seconds.toFixed(2), r.throughput ?? "", Math.round(r.peakMiB)]);
  if (r.figures?.length) figures.push(`${r.name}:`, ...r.figures.map((f: string) => `  ${f}`));
  process.stderr.write(`${name}: ${r.seconds.toFixed(2)} s\n`);
}
process.stdout.write(
  `${table.toString()}\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}\n`,
);
if (figures.length) process.stdout.write(`\nMeasured figures (docs/validation.md):\n${figures.join("\n")}\n`);
