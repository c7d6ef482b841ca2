import { writeFileSync } from "node:fs";
import Table from "cli-table3";
import type { Command } from "commander";
import type { FitReport, MapReport } from "../app/fit/commands.ts";
import { renderSvgDocument } from "../charts/index.ts";
import type { BanditFitResult } from "../fit/bandit2arm.ts";
import type { ModelRecovery, RecoveryByWeeks } from "../fit/recovery.ts";
import { writeLogCsv } from "../model/records/csv.ts";
import type { PersonLog } from "../model/records/schema.ts";
import { mapChart } from "../profile/index.ts";
import { run } from "./call.ts";
import { CliError } from "./errors.ts";
import { readText } from "./files.ts";
import { localLog, logSource, withPerson } from "./local-data.ts";
import { fitRealDataModel, REAL_DATA_MODELS } from "./real-data.ts";

const DISCLAIMER = "dopamap is a self-help and research tool, not a diagnosis.";

interface FitFlags {
  json?: boolean;
  recovery?: boolean;
  people?: string;
  weeks?: string;
  seed?: string;
  model?: string;
  variant?: string;
  skipBadRows?: boolean;
  compare?: boolean;
  data?: string;
  uncertainty?: string;
  screening?: string;
  screen?: string;
  sample?: string;
  cv?: boolean;
  ppc?: boolean;
}

const numeric = (s: string | undefined) => (s === undefined ? undefined : Number(s));

/** A log file as command input: JSON (a PersonLog) or the documented CSV. */

const f2 = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(2);
const table = (head: string[]) => new Table({ head, style: { head: [], border: [] } });
const print = (s: string) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`);

function fitText(r: FitReport): string {
  const mcmc = r.uncertaintyMethod === "mcmc";
  const t = table(["parameter", "estimate", "95 % interval", "prior mean", ...(mcmc ? ["R̂", "ESS"] : [])]);
  for (const p of r.parameters)
    t.push([
      p.name,
      f2(p.estimate),
      `[${f2(p.lo)}, ${f2(p.hi)}]`,
      f2(p.priorMean),
      ...(mcmc ? [f2(p.rHat), p.ess === null || p.ess === undefined ? "–" : p.ess.toFixed(0)] : []),
    ]);
  const o = r.observations;
  const out = [
    `Fit (${r.variant}): ${o.opportunities} opportunities, ${o.starts} starts, ${o.anticipated} anticipated, ${o.experienced} experienced and ${o.worry} worry ratings; ${r.converged ? "converged" : "NOT converged: treat the estimates with care"}`,
    t.toString(),
  ];
  if (r.comparison) {
    const c = table(["variant", "log-lik", "k", "AIC", "BIC", "weight"]);
    for (const s of r.comparison)
      c.push([
        s.variant,
        s.logLik.toFixed(1),
        String(s.k),
        s.aic.toFixed(1),
        s.bic.toFixed(1),
        s.weight.toFixed(2),
      ]);
    out.push(
      `Model comparison by ${(r.criterion ?? "aic").toUpperCase()} (best: ${r.bestVariant}):`,
      c.toString(),
    );
  }
  if (r.skippedRows.length)
    out.push(`${r.skippedRows.length} malformed rows skipped (first: line ${r.skippedRows[0]!.line}).`);
  out.push(...r.notes);
  return out.join("\n");
}

function recoveryText(
  r: { parameterRecovery: RecoveryByWeeks[]; modelRecovery: ModelRecovery | null },
  ms: number,
): string {
  const out: string[] = [];
  for (const w of r.parameterRecovery) {
    const t = table(["parameter", "r (true vs estimate)", "95 % coverage [Wilson 95 %]", "n"]);
    for (const p of w.parameters)
      t.push([p.name, f2(p.r), `${f2(p.coverage)} [${f2(p.coverageLo)}, ${f2(p.coverageHi)}]`, String(p.n)]);
    out.push(
      `Parameter recovery, ${w.weeks} weeks of logs, ${w.method === "mcmc" ? "MCMC posterior-quantile" : "Laplace"} intervals (converged ${(100 * w.converged).toFixed(0)} %):`,
      t.toString(),
    );
  }
  const notFitted = r.parameterRecovery[0]?.notIdentified ?? [];
  for (const n of notFitted) out.push(`Not fitted: ${n.reason}.`);
  const m = r.modelRecovery;
  if (m)
    for (const c of [m.criterion, m.criterion === "bic" ? "aic" : "bic"] as const) {
      const { confusion, accuracy } = m.byCriterion[c];
      const t = table(["generated \\ chosen", ...m.variants]);
      for (const [i, row] of confusion.entries()) t.push([m.variants[i]!, ...row.map(String)]);
      out.push(
        `Model recovery by ${c.toUpperCase()} (accuracy ${(100 * accuracy).toFixed(0)} %):`,
        t.toString(),
      );
    }
  out.push(`Took ${(ms / 1000).toFixed(1)} s.`);
  return out.join("\n");
}

function banditText(r: BanditFitResult): string {
  const t = table(["subjID", "trials", "learning rate A [95 %]", "inverse temperature τ [95 %]"]);
  for (const s of r.subjects)
    t.push([
      s.subjID,
      String(s.trials),
      `${f2(s.learningRate.estimate)} [${f2(s.learningRate.lo)}, ${f2(s.learningRate.hi)}]`,
      `${f2(s.inverseTemperature.estimate)} [${f2(s.inverseTemperature.lo)}, ${f2(s.inverseTemperature.hi)}]`,
    ]);
  return [
    `bandit2arm_delta: ${r.subjects.length} subjects; group A ${f2(r.group.learningRate)}, τ ${f2(r.group.inverseTemperature)} (empirical Bayes, ${r.iterations} iterations)`,
    t.toString(),
  ].join("\n");
}

/** What a view rests on, in one line, when it is not the person's own stored data. */
export function basisNote(basis: { screening: string; log: string } | null | undefined): string | null {
  if (basis?.screening !== "none") return null;
  return "From the log given alone: no screening used (the local database's questionnaires apply when no file is named).";
}

function mapText(m: MapReport): string {
  const t = table(["pattern", "strength", "95 % interval", "from"]);
  for (const p of m.patterns)
    t.push([
      p.pattern,
      p.enoughData ? f2(p.estimate) : "not enough data yet",
      `[${f2(p.lo)}, ${f2(p.hi)}]`,
      p.from.join(", ") || "–",
    ]);
  const out = [t.toString()];
  if (m.primary) {
    out.push(`Primary pattern: ${m.primary.row.pattern} — ${m.primary.row.shows}.`);
    out.push(`What to target: ${m.primary.row.target}.`, ...m.primary.why.map((w) => `  ${w}`));
  } else
    out.push(m.status === "notEnoughData" ? "Not enough data yet for a map." : "No pattern stands out yet.");
  out.push(
    `Daily peak: ${f2(m.chronotypePeak.estimate)} h [${f2(m.chronotypePeak.lo)}, ${f2(m.chronotypePeak.hi)}]`,
  );
  for (const s of m.statements) out.push(`• ${s.text} (${s.grade}; ${s.source})`);
  const note = basisNote(m.basis);
  if (note) out.push(note);
  return out.join("\n");
}

/** Registers `fit` and `map`. */
export function registerFit(program: Command): void {
  program
    .command("fit")
    .description(
      `fit the model to a person's logs (JSON or CSV), run recovery studies, or fit bandit2arm. ${DISCLAIMER}`,
    )
    .argument(
      "[file]",
      "logs.json (a PersonLog) or logs.csv (default: the local database); trials.csv with --model bandit2arm",
    )
    .option("--data <dir>", "data folder of the local database (when no file is named)")
    .option("--json", "print JSON")
    .option("--recovery", "run the parameter- and model-recovery study")
    .option("--people <n>", "people in the recovery study (default 200)")
    .option("--weeks <list>", "weeks of logs in the recovery study, comma-separated (default 4,6,8,12)")
    .option("--seed <n>", "seed of the recovery study")
    .option(
      "--model <name>",
      "fit a task model to a trials file instead: bandit2arm, rstd (3-arm reversal), effort-discounting",
    )
    .option(
      "--variant <id>",
      "model variant (full, noThreat, noNovelty, noCircadian; rstd, rw; hyperbolic, exponential, parabolic)",
    )
    .option("--screening <file>", "rstd: attention-screening metrics (subject,infreq,accuracy)")
    .option("--screen <rule>", "rstd: infrequency (default), accuracy, both or none")
    .option("--sample <n>", "fit only the first n people of the file")
    .option("--cv", "task models: compare variants by held-out log-likelihood")
    .option("--ppc", "task models: posterior predictive check")
    .option(
      "--uncertainty <method>",
      "95 % intervals by laplace (default, fast) or mcmc (posterior quantiles)",
    )
    .option("--skip-bad-rows", "skip malformed CSV rows instead of rejecting the file")
    .option("--no-compare", "skip the model comparison")
    .action(async (file: string | undefined, flags: FitFlags) => {
      if (flags.recovery) {
        const input = {
          ...(flags.people !== undefined ? { people: numeric(flags.people) } : {}),
          ...(flags.weeks !== undefined ? { weeks: flags.weeks.split(",").map(Number) } : {}),
          ...(flags.seed !== undefined ? { seed: numeric(flags.seed) } : {}),
          ...(flags.uncertainty !== undefined ? { uncertainty: flags.uncertainty } : {}),
        };
        const t0 = performance.now();
        const r = await run<{ parameterRecovery: RecoveryByWeeks[]; modelRecovery: ModelRecovery | null }>(
          "fit/recovery",
          input,
        );
        const ms = performance.now() - t0;
        print(
          flags.json ? JSON.stringify({ ...r, elapsedMs: Math.round(ms) }, null, 2) : recoveryText(r, ms),
        );
        return;
      }
      if (flags.model !== undefined) {
        if (!file)
          throw new CliError({ code: "invalid_input", message: "file: give a trials file", path: ["file"] });
        if ((REAL_DATA_MODELS as readonly string[]).includes(flags.model)) {
          print(await fitRealDataModel(flags.model, file, flags));
          return;
        }
        if (flags.model !== "bandit2arm")
          throw new CliError({
            code: "invalid_input",
            message: `--model: unknown model ${flags.model}`,
            allowed: ["bandit2arm", ...REAL_DATA_MODELS],
          });
        const r = await run<BanditFitResult>("fit/bandit2arm", { csv: readText(file) });
        print(flags.json ? JSON.stringify(r, null, 2) : banditText(r));
        return;
      }
      const input = {
        ...(file ? logSource(file, flags.skipBadRows) : { log: await localLog(flags.data) }),
        compare: flags.compare !== false,
        ...(flags.variant !== undefined ? { variant: flags.variant } : {}),
        ...(flags.uncertainty !== undefined ? { uncertainty: flags.uncertainty } : {}),
      };
      const r = await run<FitReport>("fit/run", input);
      print(flags.json ? JSON.stringify(r, null, 2) : fitText(r));
    });

  program
    .command("map")
    .description(`your reward-architecture map from your logs. ${DISCLAIMER}`)
    .argument("[file]", "logs.json (a PersonLog) or logs.csv (default: the local database)")
    .option("--data <dir>", "data folder of the local database (when no file is named)")
    .option("--json", "print JSON")
    .option("--svg <file>", "write the map as an SVG chart")
    .option("--skip-bad-rows", "skip malformed CSV rows instead of rejecting the file")
    .action(
      async (
        file: string | undefined,
        flags: { json?: boolean; svg?: string; skipBadRows?: boolean; data?: string },
      ) => {
        const m = await withPerson(file, flags, (source, ctx) => run<MapReport>("map/get", source, ctx));
        if (flags.svg) writeFileSync(flags.svg, renderSvgDocument([mapChart(m)]));
        print(flags.json ? JSON.stringify(m, null, 2) : `${mapText(m)}\n${DISCLAIMER}`);
      },
    );
}

/** Writes one simulated person's log for `simulate --export-logs FILE` (CSV when the name ends in .csv). */
export async function exportLogs(scenario: Record<string, unknown>, file: string): Promise<void> {
  const log = await run<PersonLog>("logs/export", { scenario });
  writeFileSync(
    file,
    file.toLowerCase().endsWith(".csv") ? writeLogCsv(log) : `${JSON.stringify(log, null, 2)}\n`,
  );
}
