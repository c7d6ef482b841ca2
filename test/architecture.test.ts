/** Keeps the house rules of DESIGN.md true: a pure core, arrows pointing inward, one public face per folder. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../", import.meta.url).pathname;
const CORE = [
  "model",
  "fit",
  "instruments",
  "tasks",
  "profile",
  "plan",
  "track",
  "charts",
  "csv",
  "import",
  "report",
  "validation",
];
const EDGES = ["app", "store", "server", "cli", "web"];

function files(dir: string): string[] {
  let out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out = out.concat(files(p));
    else if (/\.(ts|mts|tsx)$/.test(e) && !/\.test\.ts$/.test(e)) out.push(p);
  }
  return out;
}

const coreFiles = CORE.flatMap((c) => files(join(root, "src", c)));

describe("architecture", () => {
  it("finds the core to check", () => {
    expect(coreFiles.length).toBeGreaterThan(20);
  });

  it("keeps the core free of clocks, global randomness, files, network and databases", () => {
    const forbidden = [
      /Math\.random\(/,
      /Date\.now\(/,
      /new Date\(\s*\)/,
      /performance\.now\(/,
      /from "node:(fs|net|http|https|child_process|worker_threads|dgram|tls)/,
      /from "(fs|net|http|https|better-sqlite3|pg|kysely)"/,
      /process\.(env|argv|stdout|stderr)/,
      /require\(/,
    ];
    const hits = coreFiles.flatMap((f) => {
      const text = readFileSync(f, "utf8");
      return forbidden.filter((re) => re.test(text)).map((re) => `${relative(root, f)}: ${re}`);
    });
    expect(hits).toEqual([]);
  });

  it("never imports an edge folder from the core", () => {
    const re = new RegExp(`from ["'](\\.\\./)+(${EDGES.join("|")})/`);
    const hits = coreFiles.filter((f) => re.test(readFileSync(f, "utf8"))).map((f) => relative(root, f));
    expect(hits).toEqual([]);
  });

  it("never branches on a condition or intervention name in model code", () => {
    const names =
      "healthy|depression|anxiety|adhd|addiction|compulsive|chronicStress|scaffolding|threatReduction|calibration|receptorRestoration|loopDisruption|stressReduction|circadianAlignment|justExercise|dopamineFast|coldShower";
    const re = new RegExp(`(===?|!==?)\\s*["'](${names})["']|case\\s+["'](${names})["']`);
    const hits = files(join(root, "src/model"))
      .filter((f) => re.test(readFileSync(f, "utf8")))
      .map((f) => relative(root, f));
    expect(hits).toEqual([]);
  });

  it("gives every capability folder a public index.ts", () => {
    const missing: string[] = [];
    for (const top of [...CORE, ...EDGES]) {
      const dir = join(root, "src", top);
      let sub: string[] = [];
      try {
        sub = readdirSync(dir);
      } catch {
        continue;
      }
      const hasTs = sub.some((e) => e.endsWith(".ts"));
      if (hasTs && top !== "cli" && !sub.includes("index.ts")) missing.push(`src/${top}`);
      for (const e of sub) {
        const p = join(dir, e);
        if (statSync(p).isDirectory() && top === "model" && !readdirSync(p).includes("index.ts"))
          missing.push(`src/${top}/${e}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
