import { readFileSync, writeFileSync } from "node:fs";
import { SingleBar } from "cli-progress";
import Table from "cli-table3";
import type { Command } from "commander";
import {
  type BanditReport,
  type CommandContext,
  type PersonReport,
  registry,
  type SimulationReport,
  type TrialReport,
} from "../app/index.ts";
import { renderSvgDocument } from "../charts/index.ts";
import { type CsvValue, csvLine } from "../csv/index.ts";
import { CliError, EXIT_FAILURE } from "./errors.ts";
import { exportLogs } from "./fit.ts";
import { workerPool } from "./workers.ts";

interface SimulateFlags {
  condition?: string;
  intervention?: string;
  compare?: string;
  weeks?: string;
  trials?: string;
  people?: string;
  seed?: string;
  spread?: string;
  json?: boolean;
  csv?: boolean;
  trace?: boolean;
  svg?: string;
  workers?: string;
  progress?: boolean;
}

const list = (s: string | undefined) =>
  s === undefined
    ? undefined
    : s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean);

/** Parses a numeric flag, keeping NaN so the schema names the field and the allowed range. */
const numeric = (s: string | undefined) => (s === undefined ? undefined : Number(s));

function readScenario(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new CliError({
      code: "not_found",
      message: `cannot read scenario file ${file}: ${(e as Error).message}`,
    });
  }
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== "object" || data === null || Array.isArray(data))
      throw new Error("the top level must be an object");
    return data as Record<string, unknown>;
  } catch (e) {
    throw new CliError({
      code: "invalid_input",
      message: `scenario file ${file} is not valid JSON: ${(e as Error).message}`,
    });
  }
}

/** The scenario a command line describes: a file with flags overriding it, or flags alone. */
export function scenarioFromFlags(file: string | undefined, f: SimulateFlags): Record<string, unknown> {
  const s: Record<string, unknown> = file
    ? readScenario(file)
    : { level: "person", name: [f.condition ?? "healthy", f.intervention].filter(Boolean).join(" + ") };
  const obj = (k: string) => {
    const v = s[k];
    const o = typeof v === "object" && v !== null && !Array.isArray(v) ? { ...(v as object) } : {};
    s[k] = o;
    return o as Record<string, unknown>;
  };
  if (f.seed !== undefined) s.seed = numeric(f.seed);
  if (f.condition !== undefined) obj("agents").conditions = list(f.condition);
  if (f.people !== undefined) {
    if (s.level === "bandit") obj("protocol").agents = numeric(f.people);
    else obj("agents").people = numeric(f.people);
  }
  if (f.spread !== undefined) obj("agents").spread = numeric(f.spread);
  if (f.weeks !== undefined) obj("protocol").weeks = numeric(f.weeks);
  if (f.trials !== undefined) {
    const protocol = obj("protocol");
    const phases = protocol.phases;
    if (s.level === "trial" && Array.isArray(phases) && phases.length > 0)
      protocol.phases = [{ ...(phases[0] as object), trials: numeric(f.trials) }, ...phases.slice(1)];
    else protocol.trials = numeric(f.trials);
  }
  if (f.intervention !== undefined)
    s.interventions = (list(f.intervention) ?? []).map((id) => ({ id, startWeek: 0 }));
  if (f.compare !== undefined) s.compare = list(f.compare);
  if (f.trace) obj("outputs").trace = true;
  return s;
}

const FLAG_FOR_PATH: Record<string, string> = {
  seed: "--seed",
  "agents.people": "--people",
  "agents.conditions": "--condition",
  "agents.spread": "--spread",
  "protocol.weeks": "--weeks",
  "protocol.trials": "--trials",
  "protocol.phases.0.trials": "--trials",
  "protocol.agents": "--people",
  interventions: "--intervention",
  compare: "--compare",
};

function flagName(path: readonly (string | number)[]): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const f = FLAG_FOR_PATH[path.slice(0, n).join(".")];
    if (f) return f;
  }
  return undefined;
}

/** A table without lines between rows, so a 12-week run fits on a screen. */
const compact = (head: string[]) =>
  new Table({
    head,
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });

const pct = (x: number | null) => (x === null ? "–" : x.toFixed(2));
const cell = (m: number | null, lo: number | null, hi: number | null) =>
  m === null ? "–" : `${m.toFixed(2)} [${pct(lo)}, ${pct(hi)}]`;

function personTable(r: PersonReport): string {
  const out: string[] = [];
  out.push(
    `${r.name}: ${r.conditions.join(" + ")}, ${r.people} simulated people × ${r.weeks} weeks, seed ${r.seed}`,
  );
  for (const metric of ["startRate", "anticipatoryGain", "wanting", "liking"] as const) {
    const t = compact(["week", ...r.arms.map((a) => a.label)]);
    for (let w = 0; w < r.weeks; w++)
      t.push([
        String(w + 1),
        ...r.arms.map((a) => {
          const s = a.metrics[metric]!;
          return cell(s.mean[w] ?? null, s.ciLo[w] ?? null, s.ciHi[w] ?? null);
        }),
      ]);
    out.push(`\n${METRIC_TITLES[metric]} — mean [95 % interval of the mean]`);
    out.push(t.toString());
  }
  if (r.comparison.length) {
    const t = compact(["intervention", "measure", "weeks", "with", "without", "effect [95 % interval]"]);
    const shown = r.comparison.filter(
      (c) =>
        c.metric === "startRate" ||
        c.metric === "anticipatoryGain" ||
        (c.effect.lo !== null && c.effect.hi !== null && (c.effect.lo > 0.01 || c.effect.hi < -0.01)),
    );
    for (const c of shown)
      t.push([
        c.label,
        METRIC_TITLES[c.metric as keyof typeof METRIC_TITLES] ?? c.metric,
        c.weeks[0] === c.weeks[1] ? String(c.weeks[0]) : `${c.weeks[0]}–${c.weeks[1]}`,
        pct(c.armMean.mean),
        pct(c.noneMean.mean),
        cell(c.effect.mean, c.effect.lo, c.effect.hi),
      ]);
    out.push(
      "\nEach intervention against no intervention, on the same simulated people (paired; --json has every measure):",
    );
    out.push(t.toString());
  }
  out.push("", ...r.notes);
  return `${out.join("\n")}\n`;
}

const METRIC_TITLES = {
  startRate: "Start rate of the person's own planned activities",
  anticipatoryGain: "Anticipatory gain κ (healthy = 1)",
  wanting: "Wanting (anticipatory signal at planned times)",
  liking: "Liking (when started)",
  ratingGap: "Experienced − anticipated rating",
  d2Availability: "D2 availability (1 = normal)",
  threatGain: "Threat gain τ",
} as const;

function trialTable(r: TrialReport): string {
  const out = [`${r.name}: ${r.people} agents, ${r.trialSteps} time steps per trial, seed ${r.seed}`];
  const t = compact(["phase", "trial", ...Object.keys(r.perTrial)]);
  for (const ph of r.phases) {
    const picks = [...new Set([0, Math.floor((ph.trials - 1) / 2), ph.trials - 1])];
    for (const i of picks) {
      const k = ph.firstTrial + i;
      t.push([
        ph.name,
        String(i + 1),
        ...Object.values(r.perTrial).map(
          (d) => `${d.mean[k]!.toFixed(3)} [${d.lo[k]!.toFixed(2)}, ${d.hi[k]!.toFixed(2)}]`,
        ),
      ]);
    }
  }
  out.push(
    "Population mean [2.5th, 97.5th percentile] at the first, middle and last trial of each phase:",
    t.toString(),
    ...r.notes,
  );
  return `${out.join("\n")}\n`;
}

function banditTable(r: BanditReport): string {
  const d = (x: BanditReport["totalReward"]) =>
    `${x.mean.toFixed(3)} (mean interval ${x.meanLower.toFixed(3)}–${x.meanUpper.toFixed(3)}; people ${x.lower.toFixed(2)}–${x.upper.toFixed(2)})`;
  const t = compact(["trials", "better arm chosen", "mean outcome"]);
  for (const b of r.blocks)
    t.push([
      `${b.startTrial + 1}–${b.endTrial}`,
      b.betterArmProportion.mean.toFixed(3),
      b.meanOutcome.mean.toFixed(3),
    ]);
  return `${[
    `${r.name}: ${r.agents} agents × ${r.trials} trials, seed ${r.seed}; better arm ${r.betterArm}`,
    `better-arm proportion ${d(r.betterArmProportion)}`,
    `total reward ${d(r.totalReward)}`,
    t.toString(),
    ...r.notes,
  ].join("\n")}\n`;
}

function reportCsv(r: SimulationReport): string {
  if (r.level === "trial") {
    const rows = [csvLine(["phase", "trial", "measure", "mean", "p2_5", "p97_5"])];
    for (const ph of r.phases)
      for (let i = 0; i < ph.trials; i++)
        for (const [m, d] of Object.entries(r.perTrial)) {
          const k = ph.firstTrial + i;
          rows.push(csvLine([ph.name, i + 1, m, d.mean[k], d.lo[k], d.hi[k]]));
        }
    return rows.join("");
  }
  if (r.level === "bandit") {
    const rows = [
      csvLine(["start_trial", "end_trial", "measure", "mean", "mean_lo", "mean_hi", "p2_5", "p97_5"]),
    ];
    for (const b of r.blocks)
      for (const [m, d] of [
        ["betterArmProportion", b.betterArmProportion],
        ["meanOutcome", b.meanOutcome],
      ] as const)
        rows.push(
          csvLine([b.startTrial + 1, b.endTrial, m, d.mean, d.meanLower, d.meanUpper, d.lower, d.upper]),
        );
    return rows.join("");
  }
  const rows = [
    csvLine(["arm", "activity", "metric", "week", "mean", "ci_lo", "ci_hi", "p2_5", "p97_5", "n"]),
  ];
  const push = (
    arm: string,
    activity: string,
    metric: string,
    s: PersonReport["arms"][number]["metrics"][string],
  ) => {
    for (let w = 0; w < s.mean.length; w++)
      rows.push(
        csvLine([arm, activity, metric, w + 1, s.mean[w], s.ciLo[w], s.ciHi[w], s.lo[w], s.hi[w], s.n[w]]),
      );
  };
  for (const arm of r.arms) {
    for (const [m, s] of Object.entries(arm.metrics)) push(arm.id, "", m, s);
    for (const [id, rec] of Object.entries(arm.activities))
      for (const [m, s] of Object.entries(rec)) push(arm.id, id, m, s);
  }
  return rows.join("");
}

function traceWriter(csv: boolean): (r: Readonly<Record<string, unknown>>) => void {
  let header: string[] | null = null;
  return (r) => {
    if (!csv) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      return;
    }
    if (!header) {
      header = Object.keys(r);
      process.stdout.write(csvLine(header));
    }
    process.stdout.write(csvLine(header.map((k) => csvValue(r[k]))));
  };
}

/** A trace field as a CSV value: numbers and booleans as they are, anything else as text. */
function csvValue(v: unknown): CsvValue {
  return typeof v === "number" || typeof v === "boolean" || v === null || v === undefined ? v : String(v);
}

/** `dopamap simulate`: a thin adapter over the registry's `simulate` command. */
export function registerSimulate(program: Command): void {
  program
    .command("simulate")
    .description("run a scenario of the reward-circuit model (a file, or flags)")
    .argument("[scenario]", "scenario JSON file (see scenarios/)")
    .option("--condition <ids>", "condition preset(s), comma-separated (default healthy)")
    .option("--intervention <ids>", "intervention(s) in place from week 0, comma-separated")
    .option("--compare <ids>", "interventions to compare with none on the same simulated people")
    .option("--weeks <n>", "weeks to simulate (person level)")
    .option("--trials <n>", "trials to simulate (trial and bandit levels)")
    .option("--people <n>", "population size (agents)")
    .option("--seed <n>", "random seed")
    .option("--spread <x>", "scale of between-person spread (0 = identical people)")
    .option("--json", "print the summary report as JSON")
    .option("--csv", "print weekly summaries as CSV (long format)")
    .option("--trace", "print per-opportunity (or per-trial) records instead of summaries")
    .option("--svg <file>", "write the charts to an SVG file")
    .option("--workers <n>", "worker threads for large populations (default: all cores)")
    .option("--no-progress", "no progress bar")
    .option(
      "--export-logs <file>",
      "write simulated person 0's records as a log (JSON, or CSV for .csv) and stop",
    )
    .action(async (file: string | undefined, flags: SimulateFlags & { exportLogs?: string }) => {
      const input = scenarioFromFlags(file, flags);
      if (flags.exportLogs) return exportLogs(input, flags.exportLogs);
      const workers = flags.workers === undefined ? undefined : Number(flags.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 256))
        throw new CliError({
          code: "invalid_input",
          message: "--workers: expected an integer from 1 to 256",
          path: ["workers"],
        });
      const showProgress = flags.progress !== false && process.stderr.isTTY && !flags.trace;
      const bar = showProgress
        ? new SingleBar({
            stream: process.stderr,
            format: "simulating [{bar}] {percentage}% {value}/{total} people",
          })
        : null;
      let started = false;
      const pool = workers === 1 ? undefined : workerPool(workers);
      const ctx: CommandContext = {
        parallel: pool,
        onProgress: (done, total) => {
          if (!bar) return;
          if (!started) {
            bar.start(total, 0);
            started = true;
          }
          bar.update(done);
        },
        ...(flags.trace ? { onRecord: traceWriter(Boolean(flags.csv)) } : {}),
      };
      const result = await registry.invoke("simulate", input, ctx).finally(() => pool?.close());
      bar?.stop();
      if (!result.ok) {
        const flag = file ? undefined : flagName(result.error.path ?? []);
        const message = flag ? result.error.message.replace(/^[^:]+:/, `${flag}:`) : result.error.message;
        throw new CliError({ ...result.error, message: file ? `${file}: ${message}` : message });
      }
      const report = result.value as SimulationReport;
      if (flags.svg) {
        try {
          writeFileSync(flags.svg, renderSvgDocument(report.charts, { title: report.name }), "utf8");
        } catch (e) {
          throw new CliError(
            { code: "io_error", message: `cannot write ${flags.svg}: ${(e as Error).message}` },
            EXIT_FAILURE,
          );
        }
      }
      if (flags.trace) return;
      if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else if (flags.csv) process.stdout.write(reportCsv(report));
      else if (report.level === "trial") process.stdout.write(trialTable(report));
      else if (report.level === "bandit") process.stdout.write(banditTable(report));
      else process.stdout.write(personTable(report));
    });
}
