import { z } from "zod";
import {
  type CvComparison,
  compareHeldOut,
  EFFORT_VARIANTS,
  type EffortFitResult,
  type EffortPpc,
  effortCrossValidate,
  effortPpc,
  fitEffortDiscounting,
  fitRstd,
  RSTD_VARIANTS,
  type RstdFitResult,
  type RstdPpc,
  rstdCrossValidate,
  rstdPpc,
} from "../../fit/index.ts";
import {
  describeTableIssues,
  readEffortChoicesCsv,
  readReversalCsv,
  readTable,
  type TableIssue,
} from "../../tasks/index.ts";
import { AppError, defineCommand } from "../registry.ts";

/**
 * Fits of the task models that real study files need, as commands (`dopamap fit --model …`): the
 * three-arm reversal-learning model with the attention screening of Zorowitz et al. 2023, and effort
 * × probability discounting (Bernacer et al. 2019). A malformed file is `invalid_input` naming the
 * line and column.
 */

const MAX_TEXT = 20_000_000;

/** Options every real-data fit command takes: a sample, cross-validation, a PPC, the seed. */
export const RUN_OPTIONS = {
  /** Fit only the first n people (in file order, after any screening). */
  sample: z.number().int().min(1).optional(),
  /** Compare the variants by held-out log-likelihood. */
  crossValidate: z.boolean().default(false),
  /** Posterior predictive check. */
  ppc: z.boolean().default(false),
  seed: z.number().int().default(1),
};

/** Throws `invalid_input` for a reader's issues, naming the first line and column. */
export function rejectIssues(root: string, issues: readonly TableIssue[]): never {
  const first = issues[0]!;
  throw new AppError({
    code: "invalid_input",
    message: describeTableIssues(issues),
    path: [root, first.line, first.field],
    issues: issues.map((i) => ({ path: ["line", i.line, i.field], message: i.message })),
  });
}

export const SCREEN_RULES = ["none", "infrequency", "accuracy", "both"] as const;
export type ScreenRule = (typeof SCREEN_RULES)[number];

/** Who passes the screening: people listed in the metrics file, by rule (accuracy ≤ 37/90 is chance). */
function screenPeople(metrics: string, rule: ScreenRule) {
  const t = readTable(metrics, ["subject", "infreq", "accuracy"]);
  if (!t.ok) rejectIssues("screening", t.issues);
  const listed = new Set<string>();
  const kept = new Set<string>();
  const bad: TableIssue[] = [];
  for (const row of t.rows) {
    const infreq = Number(row.cells.infreq);
    const accuracy = Number(row.cells.accuracy);
    if (!Number.isFinite(infreq) || !Number.isFinite(accuracy)) {
      bad.push({
        line: row.line,
        field: Number.isFinite(infreq) ? "accuracy" : "infreq",
        message: "expected a number",
      });
      continue;
    }
    const subject = row.cells.subject!;
    listed.add(subject);
    const careless = infreq > 0;
    const chance = accuracy <= 37 / 90 + 1e-9;
    const drop =
      rule === "both"
        ? careless || chance
        : rule === "infrequency"
          ? careless
          : rule === "accuracy"
            ? chance
            : false;
    if (!drop) kept.add(subject);
  }
  if (bad.length) rejectIssues("screening", bad);
  return { listed, kept };
}

/** What `fit/rstd` returns. */
export interface RstdReport {
  readonly fit: RstdFitResult;
  readonly screening: {
    readonly rule: ScreenRule | "not screened";
    readonly inFile: number;
    /** People in the trial file but not in the metrics file (left out). */
    readonly notListed: number;
    readonly excluded: number;
    readonly fitted: number;
  };
  readonly crossValidation: CvComparison | null;
  readonly ppc: RstdPpc | null;
  readonly notes: readonly string[];
}

/** `fit/rstd`: the reversal-learning model fitted per person, after the paper's attention screening. */
export const fitRstdCommand = defineCommand({
  name: "fit/rstd",
  localOnly: true,
  summary:
    "Fit the three-arm reversal-learning model (η+, η−, β; Niv et al. 2012) per person, with attention screening",
  input: z.strictObject({
    csv: z.string().max(MAX_TEXT),
    /** The screening metrics (`subject,infreq,accuracy`); without it nobody is screened. */
    screening: z.string().max(MAX_TEXT).optional(),
    screen: z.enum(SCREEN_RULES).default("infrequency"),
    variant: z.enum(RSTD_VARIANTS as ["rstd", "rw"]).default("rstd"),
    ...RUN_OPTIONS,
  }),
  output: z.custom<RstdReport>(),
  async run(input) {
    const r = readReversalCsv(input.csv);
    if (!r.ok) rejectIssues("csv", r.issues);
    let people = [...r.participants];
    let notListed = 0;
    let excluded = 0;
    if (input.screening !== undefined) {
      const s = screenPeople(input.screening, input.screen);
      notListed = people.filter((p) => !s.listed.has(p.participantId)).length;
      excluded = people.filter((p) => s.listed.has(p.participantId) && !s.kept.has(p.participantId)).length;
      people = people.filter((p) => s.kept.has(p.participantId));
    }
    if (input.sample !== undefined) people = people.slice(0, input.sample);
    if (people.length === 0)
      throw new AppError({
        code: "invalid_input",
        message: "csv: nobody left to fit after screening",
        path: ["csv"],
      });
    const fit = fitRstd(people, { variant: input.variant, seed: input.seed });
    const cv = input.crossValidate
      ? compareHeldOut(
          rstdCrossValidate(people, "rstd", { seed: input.seed }),
          rstdCrossValidate(people, "rw", { seed: input.seed }),
        )
      : null;
    return {
      fit,
      screening: {
        rule: input.screening === undefined ? ("not screened" as const) : input.screen,
        inFile: r.participants.length,
        notListed,
        excluded,
        fitted: people.length,
      },
      crossValidation: cv,
      ppc: input.ppc ? rstdPpc(people, fit, { seed: input.seed }) : null,
      notes: [
        "Risk-sensitive TD model as Zorowitz et al. 2023 fitted it: values from 0.5, β = 10·θ₁, η± = Φ(θ₂ ± θ₃), θ ~ N(0, 1); each person fitted alone (MAP, 95 % Laplace intervals).",
        "Screening as the paper: infrequency = one or more invalid answers to the attention items; accuracy = 37 or fewer correct of 90 (chance).",
        "Research use on study data; not a diagnosis.",
      ],
    };
  },
});

/** What `fit/effort-discounting` returns. */
export interface EffortReport {
  readonly fit: EffortFitResult;
  /** Held-out log-likelihood of every variant, and hyperbolic against parabolic. */
  readonly crossValidation: {
    readonly totals: readonly { readonly variant: string; readonly heldOutLogLik: number }[];
    readonly hyperbolicVsParabolic: CvComparison;
    readonly hyperbolicVsExponential: CvComparison;
  } | null;
  readonly ppc: EffortPpc | null;
  readonly notes: readonly string[];
}

/** `fit/effort-discounting`: effort × probability discounting per person and time point. */
export const fitEffortCommand = defineCommand({
  name: "fit/effort-discounting",
  localOnly: true,
  summary:
    "Fit effort × probability discounting (hyperbolic, exponential or parabolic effort) to two-offer choices",
  input: z.strictObject({
    csv: z.string().max(MAX_TEXT),
    variant: z.enum(EFFORT_VARIANTS as ["hyperbolic", "exponential", "parabolic"]).default("hyperbolic"),
    ...RUN_OPTIONS,
  }),
  output: z.custom<EffortReport>(),
  async run(input) {
    const r = readEffortChoicesCsv(input.csv);
    if (!r.ok) rejectIssues("csv", r.issues);
    const people = input.sample !== undefined ? r.participants.slice(0, input.sample) : [...r.participants];
    const fit = fitEffortDiscounting(people, { variant: input.variant, seed: input.seed });
    let crossValidation: EffortReport["crossValidation"] = null;
    if (input.crossValidate) {
      const cv = Object.fromEntries(
        EFFORT_VARIANTS.map((v) => [v, effortCrossValidate(people, v, { seed: input.seed })]),
      );
      crossValidation = {
        totals: EFFORT_VARIANTS.map((v) => ({ variant: v, heldOutLogLik: cv[v]!.total })),
        hyperbolicVsParabolic: compareHeldOut(cv.hyperbolic!, cv.parabolic!),
        hyperbolicVsExponential: compareHeldOut(cv.hyperbolic!, cv.exponential!),
      };
    }
    return {
      fit,
      crossValidation,
      ppc: input.ppc ? effortPpc(people, fit, { seed: input.seed }) : null,
      notes: [
        "SV = 30 € · exp(−h·(1 − p)) · D(E), choice logistic in β·ΔSV; D hyperbolic 1/(1 + kE), exponential e^(−kE) or parabolic 1 − kE² (Bernacer et al. 2019's forms). MAP with 95 % Laplace intervals per person and time point.",
        "Catch pairs (0 % or 100 % offers), motor-control events and missed responses are not fitted; catch-pair errors are counted per person.",
        "Not the EEfRT; research use on study data, not a diagnosis.",
      ],
    };
  },
});

/** The real-data fit commands, in registry order. */
export const REAL_DATA_FIT_COMMANDS = [fitRstdCommand, fitEffortCommand] as const;
