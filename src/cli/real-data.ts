import Table from "cli-table3";
import type { EffortReport, RstdReport } from "../app/fit/real-data-commands.ts";
import type { ExternalPrtReport } from "../app/tasks/prt-latent-command.ts";
import type { CvComparison } from "../fit/index.ts";
import { run } from "./call.ts";
import { readText } from "./files.ts";

/**
 * The CLI side of the real-data fits: `dopamap fit --model rstd|effort-discounting FILE` and
 * `dopamap tasks fit FILE --format prt-sailer2024` read the files here and print the reports.
 */

const DISCLAIMER = "dopamap is a self-help and research tool, not a diagnosis.";

/** The task models `dopamap fit --model` knows besides bandit2arm. */
export const REAL_DATA_MODELS = ["rstd", "effort-discounting"] as const;

export interface RealDataFlags {
  json?: boolean;
  variant?: string;
  screening?: string;
  screen?: string;
  sample?: string;
  cv?: boolean;
  ppc?: boolean;
  seed?: string;
  model?: boolean;
}

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "–");
/** Two significant digits, for rates whose size varies by orders of magnitude. */
const g2 = (x: number) => (Number.isFinite(x) ? x.toPrecision(2) : "–");
const ci = (e: { estimate: number; lo: number; hi: number }) =>
  `${f2(e.estimate)} [${f2(e.lo)}, ${f2(e.hi)}]`;
const table = (head: string[]) => new Table({ head, style: { head: [], border: [] } });
const num = (s: string | undefined) => (s === undefined ? {} : { value: Number(s) });

function common(flags: Omit<RealDataFlags, "model">) {
  const sample = num(flags.sample);
  const seed = num(flags.seed);
  return {
    ...("value" in sample ? { sample: sample.value } : {}),
    ...("value" in seed ? { seed: seed.value } : {}),
    crossValidate: flags.cv === true,
    ppc: flags.ppc === true,
  };
}

function cvText(c: CvComparison): string {
  return `Held-out log-likelihood, ${c.a} − ${c.b}: ${c.difference.toFixed(1)} (SE ${c.se.toFixed(1)}, ${c.people} people, ${c.favouringA} favour ${c.a}): ${c.winner ? `${c.winner} wins` : "no reliable difference"}.`;
}

function rstdText(r: RstdReport): string {
  const t = table(["participant", "trials", "accuracy", "β [95 %]", "η+ [95 %]", "η− [95 %]", "κ"]);
  for (const p of r.fit.participants)
    t.push([
      p.participantId,
      String(p.trials),
      f2(p.accuracy),
      ci(p.inverseTemperature),
      ci(p.learningRatePos),
      ci(p.learningRateNeg),
      f2(p.asymmetry),
    ]);
  const s = r.screening;
  const out = [
    `Reversal learning (${r.fit.variant}): ${s.fitted} people fitted of ${s.inFile} in the file; screening ${s.rule}${s.rule === "not screened" ? "" : `: ${s.excluded} excluded, ${s.notListed} not in the metrics file`}.`,
    t.toString(),
  ];
  if (r.crossValidation) out.push(cvText(r.crossValidation));
  if (r.ppc)
    out.push(
      `Posterior predictive check (${r.ppc.reps} simulations each): largest gap of the learning curve ${f3(r.ppc.maxCurveGap)}.`,
    );
  return [...out, ...r.notes].join("\n");
}

function effortText(r: EffortReport): string {
  const t = table([
    "participant",
    "trials",
    "effort k [95 %]",
    "probability h [95 %]",
    "β [95 %]",
    "catch errors",
  ]);
  for (const p of r.fit.participants)
    t.push([
      p.participantId,
      String(p.trials),
      `${g2(p.effortDiscount.estimate)} [${g2(p.effortDiscount.lo)}, ${g2(p.effortDiscount.hi)}]`,
      ci(p.probabilityDiscount),
      ci(p.inverseTemperature),
      `${p.catchErrors}/${p.catchTrials}`,
    ]);
  const out = [`Effort × probability discounting (${r.fit.variant} effort):`, t.toString()];
  if (r.crossValidation) {
    out.push(
      `Held-out log-likelihood: ${r.crossValidation.totals.map((x) => `${x.variant} ${x.heldOutLogLik.toFixed(1)}`).join(", ")}.`,
      cvText(r.crossValidation.hyperbolicVsParabolic),
      cvText(r.crossValidation.hyperbolicVsExponential),
    );
  }
  if (r.ppc) out.push(`Posterior predictive check: largest gap of the choice curves ${f3(r.ppc.maxGap)}.`);
  return [...out, ...r.notes].join("\n");
}

/** `dopamap fit --model rstd|effort-discounting FILE`. */
export async function fitRealDataModel(
  model: string,
  file: string,
  flags: Omit<RealDataFlags, "model">,
): Promise<string> {
  if (model === "rstd") {
    const r = await run<RstdReport>("fit/rstd", {
      csv: readText(file),
      ...(flags.screening !== undefined ? { screening: readText(flags.screening) } : {}),
      ...(flags.screen !== undefined ? { screen: flags.screen } : {}),
      ...(flags.variant !== undefined ? { variant: flags.variant } : {}),
      ...common(flags),
    });
    return flags.json ? JSON.stringify(r, null, 2) : rstdText(r);
  }
  const r = await run<EffortReport>("fit/effort-discounting", {
    csv: readText(file),
    ...(flags.variant !== undefined ? { variant: flags.variant } : {}),
    ...common(flags),
  });
  return flags.json ? JSON.stringify(r, null, 2) : effortText(r);
}

function externalText(r: ExternalPrtReport): string {
  const t = table([
    "participant",
    "version",
    "trials",
    "log b by block",
    "log d by block",
    "ρ [95 %]",
    "ε [95 %]",
    "γ",
  ]);
  r.participants.forEach((p, i) => {
    const f = r.fit?.participants[i];
    const blocks = p.blocks.filter((b) => b.block !== 0);
    t.push([
      p.participantId,
      String(p.version),
      String(
        blocks.reduce((a, b) => a + b.richCorrect + b.richIncorrect + b.leanCorrect + b.leanIncorrect, 0),
      ),
      blocks.map((b) => f2(b.logB)).join(" "),
      blocks.map((b) => f2(b.logD)).join(" "),
      f ? ci(f.rewardSensitivity) : "–",
      f ? ci(f.learningRate) : "–",
      f ? f2(f.instructionSensitivity.estimate) : "–",
    ]);
  });
  const out = [`PRT (${r.format}; model: Huys et al. 2013, ${r.label}):`, t.toString()];
  if (r.crossValidation) out.push(cvText(r.crossValidation));
  if (r.ppc)
    out.push(
      `Posterior predictive check (${r.ppc.reps} simulations each): block log b observed ${r.ppc.blocks.map((b) => f3(b.observed)).join(", ")}; simulated ${r.ppc.blocks.map((b) => f3(b.simulated)).join(", ")}; r across people ${f2(r.ppc.personR)}.`,
    );
  return [...out, ...r.notes, DISCLAIMER].join("\n");
}

/** `dopamap tasks fit FILE --format prt-sailer2024`. */
export async function fitExternalTaskFile(
  format: string,
  file: string,
  flags: RealDataFlags,
): Promise<string> {
  const r = await run<ExternalPrtReport>("tasks/fit-external", {
    format,
    csv: readText(file),
    ...(flags.model === false ? { model: false } : {}),
    ...common(flags),
  });
  return flags.json ? JSON.stringify(r, null, 2) : externalText(r);
}
