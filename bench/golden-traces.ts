/**
 * Writes the golden per-opportunity traces the equivalence tests compare against:
 * `src/model/person/golden/engine*.csv` (the simulator) and `src/fit/golden/replay*.csv` (the
 * fitting replay). Run it only to record a deliberate change of the model's numbers:
 *   npx tsx bench/golden-traces.ts
 * With `--check` it writes nothing and prints how far the code of the day is from the files.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { replayTraces } from "../src/fit/golden-traces.ts";
import {
  compareTraces,
  engineTraces,
  fromCsv,
  type TraceSet,
  toCsv,
} from "../src/model/person/golden-traces.ts";

const check = process.argv.includes("--check");

function writeSet(dir: string, set: TraceSet): void {
  const folder = new URL(`../${dir}/`, import.meta.url);
  if (check) {
    const golden: TraceSet = {};
    for (const file of Object.keys(set))
      golden[file] = fromCsv(readFileSync(new URL(`${file}.csv`, folder), "utf8"));
    const d = compareTraces(golden, set);
    process.stdout.write(
      `${dir}: max |difference| ${d.maxAbsDiff}${d.where ? ` (${d.where})` : ""}; ${d.mismatches.length} mismatches\n`,
    );
    for (const m of d.mismatches.slice(0, 10)) process.stdout.write(`  ${m}\n`);
    return;
  }
  mkdirSync(folder, { recursive: true });
  for (const [file, tables] of Object.entries(set)) {
    const text = toCsv(tables);
    writeFileSync(new URL(`${file}.csv`, folder), text);
    process.stdout.write(`${dir}/${file}.csv: ${(text.length / 1024).toFixed(0)} KiB\n`);
  }
}

writeSet("src/model/person/golden", engineTraces());
writeSet("src/fit/golden", replayTraces());
