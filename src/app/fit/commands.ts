import { z } from "zod";
import type { ChartSpec } from "../../charts/index.ts";
import { fitBandit2arm, readBanditCsv } from "../../fit/bandit2arm.ts";
import {
  compareVariants,
  type DayLatent,
  type FitResult,
  fitReplay,
  latentByDay,
  MODEL_VARIANTS,
  modelRecovery,
  NOT_IDENTIFIED,
  parameterRecovery,
  replayFromLog,
  type VariantId,
} from "../../fit/index.ts";
import type { OpportunityRecord } from "../../model/person/engine.ts";
import { simulatePerson } from "../../model/person/person.ts";
import { samplePerson } from "../../model/person/population.ts";
import { logFromSimulation } from "../../model/records/from-simulation.ts";
import { type PersonLog, PersonLogSchema } from "../../model/records/index.ts";
import { streamRng } from "../../model/rng.ts";
import { ScenarioSchema } from "../../model/scenario/index.ts";
import { resolvePersonScenario } from "../../model/scenario/resolve-person.ts";
import { type ArchitectureMap, buildMap, mapChart, priorMeansFromScreening } from "../../profile/index.ts";
import {
  fitAndMap,
  logFromCsv,
  NO_EVIDENCE,
  openPerson,
  type StateBasis,
  storedEvidence,
} from "../person/index.ts";
import { AppError, defineCommand } from "../registry.ts";
import { REAL_DATA_FIT_COMMANDS } from "./real-data-commands.ts";

const VARIANT_IDS = MODEL_VARIANTS.map((v) => v.id) as [VariantId, ...VariantId[]];
const UNCERTAINTY_METHODS = ["laplace", "mcmc"] as const;

/** Screening scores as plain numbers (the instruments module scores the questionnaires). */
export const ScreeningScoresSchema = z.strictObject({
  phq9: z.number().min(0).max(27).optional(),
  gad7: z.number().min(0).max(21).optional(),
  asrsPartA: z.number().min(0).max(6).optional(),
  pss10: z.number().min(0).max(40).optional(),
  auditC: z.number().min(0).max(12).optional(),
  compulsiveUse: z.number().min(0).max(10).optional(),
  midSleepHour: z.number().min(0).max(24).optional(),
});

function resolveLog(src: { log?: PersonLog; csv?: string; onError: "reject" | "skip" }): {
  log: PersonLog;
  skipped: { line: number; field: string; message: string }[];
} {
  if (src.log) return { log: src.log, skipped: [] };
  return logFromCsv(src.csv ?? "", src.onError);
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** One fitted parameter in a report (null where no interval could be computed). */
const ParameterReportSchema = z.object({
  name: z.string(),
  estimate: z.number(),
  lo: z.number().nullable(),
  hi: z.number().nullable(),
  priorMean: z.number(),
  /** MCMC only: split R̂ and effective sample size of the parameter's draws. */
  rHat: z.number().nullable().optional(),
  ess: z.number().nullable().optional(),
});

const FitReportSchema = z.object({
  variant: z.enum(VARIANT_IDS),
  parameters: z.array(ParameterReportSchema),
  logLik: z.number(),
  aic: z.number(),
  bic: z.number(),
  converged: z.boolean(),
  uncertaintyAvailable: z.boolean(),
  uncertaintyMethod: z.enum(UNCERTAINTY_METHODS).nullable(),
  sampler: z
    .object({
      chains: z.number(),
      samplesPerChain: z.number(),
      acceptance: z.number(),
      maxRHat: z.number(),
      minEss: z.number(),
    })
    .nullable(),
  observations: z.record(z.string(), z.number()),
  comparison: z
    .array(
      z.object({
        variant: z.string(),
        logLik: z.number(),
        k: z.number(),
        aic: z.number(),
        bic: z.number(),
        weight: z.number(),
      }),
    )
    .nullable(),
  bestVariant: z.string().nullable(),
  /** The criterion `bestVariant` and the weights follow. */
  criterion: z.enum(["aic", "bic"]).nullable(),
  latentByDay: z.array(z.record(z.string(), z.number().nullable())),
  skippedRows: z.array(z.object({ line: z.number(), field: z.string(), message: z.string() })),
  notes: z.array(z.string()),
});
export type FitReport = z.infer<typeof FitReportSchema>;

function report(fit: FitResult, latent: DayLatent[], extra: Partial<FitReport>): FitReport {
  return {
    variant: fit.variant,
    parameters: fit.parameters.map((p) => ({
      name: p.name,
      estimate: p.estimate,
      lo: finite(p.lo),
      hi: finite(p.hi),
      priorMean: p.priorMean,
      rHat: finite(p.rHat),
      ess: finite(p.ess),
    })),
    logLik: fit.logLik,
    aic: fit.aic,
    bic: fit.bic,
    converged: fit.converged,
    uncertaintyAvailable: fit.uncertaintyAvailable,
    uncertaintyMethod: fit.uncertaintyMethod,
    sampler: fit.sampler,
    observations: { ...fit.observations },
    comparison: null,
    bestVariant: null,
    criterion: null,
    latentByDay: latent.map((d) => ({ ...d, predictionError: finite(d.predictionError) })),
    skippedRows: [],
    notes: [
      fit.uncertaintyMethod === "mcmc"
        ? `Estimates are maximum a posteriori; 95 % intervals are posterior quantiles from ${fit.sampler?.chains} Metropolis chains (worst R̂ ${fit.sampler?.maxRHat.toFixed(3)}, smallest ESS ${Math.round(fit.sampler?.minEss ?? 0)}). Parameters not listed are held at their defaults.`
        : "Estimates are maximum a posteriori with 95 % Laplace intervals; parameters not listed are held at their defaults.",
      ...Object.values(NOT_IDENTIFIED).map((reason) => `Not fitted: ${reason}.`),
      "A self-help and research tool, not a diagnosis.",
    ],
    ...extra,
  };
}

/** `fit/run`: fits the person-level model to one person's log, compares variants, exports latent values. */
export const fitRunCommand = defineCommand({
  name: "fit/run",
  summary: "Fit the reward-circuit model to a person's log (MAP, 95 % intervals, model comparison)",
  input: z
    .strictObject({
      log: PersonLogSchema.optional(),
      csv: z.string().optional(),
      onError: z.enum(["reject", "skip"]).default("reject"),
      variant: z.enum(VARIANT_IDS).default("full"),
      screening: ScreeningScoresSchema.optional(),
      compare: z.boolean().default(true),
      starts: z.number().int().min(1).max(20).default(2),
      seed: z.number().int().default(1),
      uncertainty: z.enum(UNCERTAINTY_METHODS).default("laplace"),
    })
    .refine((x) => (x.log === undefined) !== (x.csv === undefined), {
      message: "give exactly one of log or csv",
      path: ["log"],
    }),
  output: FitReportSchema,
  async run(input) {
    const { log, skipped } = resolveLog(input);
    const data = replayFromLog(log);
    if (data.opportunities.length === 0)
      throw new AppError({
        code: "invalid_input",
        message: "log: no check-ins or urge episodes to fit",
        path: ["log", "checkIns"],
      });
    const options = {
      priorMeans: input.screening ? priorMeansFromScreening(input.screening) : {},
      starts: input.starts,
      seed: input.seed,
    };
    const fit = fitReplay(data, { ...options, variant: input.variant, uncertainty: input.uncertainty });
    const cmp = input.compare ? compareVariants(data, { ...options, starts: 1 }) : null;
    return report(fit, latentByDay(fit.estimates, data), {
      comparison:
        cmp?.scores.map((s) => ({
          variant: s.variant,
          logLik: s.logLik,
          k: s.k,
          aic: s.aic,
          bic: s.bic,
          weight: s.weight,
        })) ?? null,
      bestVariant: cmp?.best ?? null,
      criterion: cmp?.criterion ?? null,
      skippedRows: skipped,
    });
  },
});

/**
 * What `map/get` returns: the map and its chart (the spec the CLI's `map --svg` and the web app
 * draw), and what it rests on (null when a fit or screening was given by hand).
 */
export type MapReport = ArchitectureMap & { readonly chart: ChartSpec; readonly basis: StateBasis | null };

/**
 * `map/get`: the architecture map from a log (fitted here unless a fit is given) and screening scores.
 * Given neither `log` nor `csv`, it maps the person's stored records and their latest questionnaire
 * totals (PHQ-9, GAD-7, AUDIT-C, PSS-10) unless `screening` is given.
 */
export const mapGetCommand = defineCommand({
  name: "map/get",
  summary: "The person's reward-architecture map: pattern strengths with intervals and the primary pattern",
  input: z.strictObject({
    log: PersonLogSchema.optional(),
    csv: z.string().optional(),
    onError: z.enum(["reject", "skip"]).default("reject"),
    fit: z.object({ parameters: z.array(ParameterReportSchema) }).optional(),
    screening: ScreeningScoresSchema.optional(),
  }),
  output: z.custom<MapReport>(),
  async run(input, ctx) {
    if (input.fit) {
      const haveLog = input.log !== undefined || input.csv !== undefined;
      const log = haveLog
        ? resolveLog(input).log
        : ctx.store && ctx.personId
          ? await ctx.store.readLog(ctx.personId)
          : undefined;
      const found = ctx.store && ctx.personId ? await storedEvidence(ctx.store, ctx.personId) : NO_EVIDENCE;
      const map = buildMap({
        parameters: input.fit.parameters.map((p) => ({
          name: p.name,
          estimate: p.estimate,
          lo: p.lo ?? Number.NaN,
          hi: p.hi ?? Number.NaN,
        })),
        screening: input.screening ?? found.screening,
        ...(log ? { log } : {}),
        ...(found.tasks ? { tasks: found.tasks } : {}),
      });
      return { ...map, chart: mapChart(map), basis: null };
    }
    const person = await openPerson(ctx, { log: input.log, csv: input.csv, onError: input.onError });
    const map = input.screening
      ? fitAndMap(await person.log(), { ...person.state.evidence, screening: input.screening }).map
      : person.state.map;
    return { ...map, chart: mapChart(map), basis: input.screening ? null : person.state.basis };
  },
});

/** `fit/recovery`: parameter recovery by weeks of data, and model recovery as a confusion matrix. */
export const fitRecoveryCommand = defineCommand({
  name: "fit/recovery",
  localOnly: true,
  summary: "Parameter and model recovery on simulated people with known parameters",
  input: z.strictObject({
    people: z.number().int().min(5).max(5000).default(200),
    weeks: z.array(z.number().int().min(1).max(52)).min(1).default([4, 6, 8, 12]),
    seed: z.number().int().default(1),
    missingRatingProbability: z.number().min(0).max(0.95).default(0.2),
    acuteStressPerDay: z.number().min(0).max(1).default(0.1),
    modelRecoveryPeoplePerVariant: z.number().int().min(0).max(500).default(20),
    modelRecoveryWeeks: z.number().int().min(1).max(52).default(8),
    starts: z.number().int().min(1).max(10).default(1),
    uncertainty: z.enum(UNCERTAINTY_METHODS).default("laplace"),
  }),
  output: z.custom<{
    parameterRecovery: ReturnType<typeof parameterRecovery>;
    modelRecovery: ReturnType<typeof modelRecovery> | null;
  }>(),
  async run(input, ctx) {
    const total = input.people + input.modelRecoveryPeoplePerVariant * MODEL_VARIANTS.length;
    const params = parameterRecovery({
      people: input.people,
      weeks: input.weeks,
      seed: input.seed,
      missingRatingProbability: input.missingRatingProbability,
      acuteStressPerDay: input.acuteStressPerDay,
      fit: { starts: input.starts, uncertainty: input.uncertainty },
      onProgress: (done) => ctx.onProgress?.(done, total),
    });
    const models =
      input.modelRecoveryPeoplePerVariant > 0
        ? modelRecovery({
            peoplePerVariant: input.modelRecoveryPeoplePerVariant,
            weeks: input.modelRecoveryWeeks,
            seed: input.seed + 1,
            missingRatingProbability: input.missingRatingProbability,
          })
        : null;
    ctx.onProgress?.(total, total);
    return { parameterRecovery: params, modelRecovery: models };
  },
});

/** `fit/bandit2arm`: the hBayesDM bandit2arm_delta reference fit with empirical-Bayes shrinkage. */
export const fitBanditCommand = defineCommand({
  name: "fit/bandit2arm",
  localOnly: true,
  summary: "Fit bandit2arm_delta (subjID,choice,outcome CSV) per subject with group-level shrinkage",
  input: z.strictObject({ csv: z.string() }),
  output: z.custom<ReturnType<typeof fitBandit2arm>>(),
  async run(input) {
    const r = readBanditCsv(input.csv);
    if (!r.ok) {
      const first = r.issues[0]!;
      throw new AppError({
        code: "invalid_input",
        message: `line ${first.line}: ${first.field}: ${first.message}${r.issues.length > 1 ? ` (and ${r.issues.length - 1} more malformed rows)` : ""}`,
        path: ["csv", first.line, first.field],
        issues: r.issues.map((i) => ({ path: ["line", i.line, i.field], message: i.message })),
      });
    }
    return fitBandit2arm(r.subjects);
  },
});

/** `logs/export`: one simulated person of a person-level scenario, as the log a real person would keep. */
export const logsExportCommand = defineCommand({
  name: "logs/export",
  summary: "Export one simulated person's records as a PersonLog (missing ratings, closed days)",
  input: z.strictObject({
    scenario: ScenarioSchema,
    person: z.number().int().min(0).default(0),
    startDate: z.iso.date().default("2026-01-05"),
    utcOffsetMin: z.number().int().min(-840).max(840).default(0),
    missingRatingProbability: z.number().min(0).max(1).default(0.2),
  }),
  output: PersonLogSchema,
  async run(input) {
    const s = input.scenario;
    if (s.level !== "person")
      throw new AppError({
        code: "invalid_input",
        message: "scenario.level: logs can be exported only from a person-level scenario",
        path: ["scenario", "level"],
        allowed: ["person"],
      });
    const arm = resolvePersonScenario(s).arms[0]!;
    const params = samplePerson(arm.spec.parameters, s.seed, input.person, arm.spec.spread ?? 1);
    const records: OpportunityRecord[] = [];
    simulatePerson(params, arm.spec.environment, arm.interventions, {
      weeks: arm.spec.weeks,
      seed: s.seed,
      index: input.person,
      onRecord: (r) => records.push(r),
    });
    return logFromSimulation(arm.spec.environment, records, {
      startDate: input.startDate,
      utcOffsetMin: input.utcOffsetMin,
      rng: streamRng(s.seed, input.person, 13),
      missingRatingProbability: input.missingRatingProbability,
    });
  },
});

/** The fitting and map commands, in registry order. */
export const FIT_COMMANDS = [
  fitRunCommand,
  mapGetCommand,
  fitRecoveryCommand,
  fitBanditCommand,
  logsExportCommand,
  ...REAL_DATA_FIT_COMMANDS,
] as const;
