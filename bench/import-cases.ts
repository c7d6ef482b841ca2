/**
 * Import benchmarks in the shape of `bench/cases.ts`'s CASES (each runnable on its own:
 * `npx tsx bench/case-runner.ts import-daylio-2y` once wired into `all-cases.ts`, which prints one
 * JSON line with peak memory).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registry } from "../src/app/index.ts";
import { importDaylio } from "../src/import/index.ts";
import { seededRng } from "../src/model/rng.ts";
import { openStore } from "../src/store/index.ts";
import type { CaseResult } from "./cases.ts";

const ACTIVITIES = [
  "work",
  "walk",
  "gym",
  "cook",
  "friends",
  "guitar",
  "reading",
  "social media",
  "cleaning",
  "call family",
  "alcohol",
  "movies / tv",
  "bad sleep",
  "meditation",
  "shopping",
];
const MOODS = ["awful", "bad", "meh", "good", "rad"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A Daylio export of `days` days from 2024-12-01 backwards, about two entries a day (newest first), seeded. */
export function daylioDiary(days: number, seed = 11): { text: string; entries: number } {
  const rng = seededRng(seed);
  const lines = ["full_date,date,weekday,time,mood,activities,note_title,note"];
  const start = Date.UTC(2024, 11, 1);
  for (let d = 0; d < days; d++) {
    const day = new Date(start - d * 86_400_000);
    const n = rng.uniform() < 0.1 ? 1 : 2 + (rng.uniform() < 0.1 ? 1 : 0);
    for (let e = n - 1; e >= 0; e--) {
      const hour = 8 + e * 6 + Math.floor(rng.uniform() * 4);
      const h12 = hour % 12 === 0 ? 12 : hour % 12;
      const time = `${h12}:${String(Math.floor(rng.uniform() * 60)).padStart(2, "0")} ${hour < 12 ? "am" : "pm"}`;
      const picked = ACTIVITIES.filter(() => rng.uniform() < 0.18);
      const note = rng.uniform() < 0.15 ? `"Notes, with a comma; and ""quotes"" on day ${d}"` : '""';
      lines.push(
        [
          day.toISOString().slice(0, 10),
          `${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}`,
          WEEKDAYS[day.getUTCDay()],
          time,
          MOODS[Math.min(4, Math.floor(rng.uniform() * 5))],
          `"${picked.join(" | ")}"`,
          '""',
          note,
        ].join(","),
      );
    }
  }
  return { text: `${lines.join("\n")}\n`, entries: lines.length - 1 };
}

const seconds = (t: number) => (performance.now() - t) / 1000;

export const IMPORT_CASES: Record<string, () => Promise<CaseResult>> = {
  async "import-daylio-2y"() {
    const { text, entries } = daylioDiary(730);
    importDaylio(text.slice(0, 20_000)); // warm the JIT
    const store = await openStore({
      kind: "sqlite",
      file: join(mkdtempSync(join(tmpdir(), "bench-import-")), "db.sqlite"),
    });
    const ctx = { store, personId: "me", now: () => "2026-11-30T08:00:00Z" };
    await store.ensurePerson({
      id: "me",
      name: "",
      accountId: null,
      demo: false,
      createdAt: "2026-11-30T08:00:00Z",
    });
    const input = { format: "daylio", text, timeZone: "Europe/Berlin" };
    const t0 = performance.now();
    const preview = await registry.invoke("import/preview", input, ctx);
    const previewS = seconds(t0);
    const t1 = performance.now();
    const done = await registry.invoke("import/records", input, ctx);
    const importS = seconds(t1);
    const t2 = performance.now();
    const again = await registry.invoke("import/records", input, ctx);
    const againS = seconds(t2);
    await store.close();
    if (!preview.ok || !done.ok || !again.ok) throw new Error("import failed");
    const written = (done.value as { written: { checkIns: number } }).written.checkIns;
    return {
      name: "import a 2-year Daylio diary",
      work: `${entries} entries (${Math.round(text.length / 1024)} KiB) → ${written} check-ins, SQLite: preview ${previewS.toFixed(2)} s, import ${importS.toFixed(2)} s, re-import (nothing new) ${againS.toFixed(2)} s`,
      seconds: previewS + importS,
      throughput: `${Math.round(entries / importS)} entries/s (import)`,
    };
  },
};

// `npx tsx bench/import-cases.ts` runs the cases here directly.
if (import.meta.url === `file://${process.argv[1]}`)
  for (const [name, run] of Object.entries(IMPORT_CASES)) {
    const r = await run();
    process.stdout.write(
      `${JSON.stringify({ case: name, ...r, peakMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
    );
  }
