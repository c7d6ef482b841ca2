/** Runs one benchmark case by name in this process and prints its result with the peak memory. */
import { ALL_CASES } from "./all-cases.ts";

const name = process.argv[2] ?? "";
const run = ALL_CASES[name];
if (!run) throw new Error(`unknown case ${name}; known: ${Object.keys(ALL_CASES).join(", ")}`);
const result = await run();
const peakMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ...result, peakMiB })}\n`);
