import { z } from "zod";
import {
  type CvComparison,
  compareHeldOut,
  fitPrtLatent,
  LATENT_LABEL,
  PRT_PUBLISHED_SCHEDULE,
  type PrtLatentFitResult,
  type PrtLatentPpc,
  type PrtRewardSchedule,
  prtLatentCrossValidate,
  prtLatentPpc,
} from "../../fit/index.ts";
import { type PrtBlockSummary, prtSummary, readSailerPrtCsv } from "../../tasks/index.ts";
import { RUN_OPTIONS, rejectIssues } from "../fit/real-data-commands.ts";
import { defineCommand } from "../registry.ts";

/**
 * `tasks/fit-external`: PRT trials exported by another study (`format: prt-sailer2024`, the files of
 * Sailer et al. 2024, which hold no per-trial reward): block-wise log b and log d for everyone, and
 * the Huys et al. 2013 model with the rewards latent under an assumed schedule, labelled so.
 */

const ScheduleSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("controlled"),
    richPerBlock: z.number().int().min(0).max(1000),
    leanPerBlock: z.number().int().min(0).max(1000),
    trialsPerBlock: z.number().int().min(2).max(10_000),
  }),
  z.strictObject({
    kind: z.literal("probabilistic"),
    rich: z.number().min(0).max(1),
    lean: z.number().min(0).max(1),
  }),
]);

/** What `tasks/fit-external` returns. */
export interface ExternalPrtReport {
  readonly format: "prt-sailer2024";
  readonly label: typeof LATENT_LABEL;
  readonly participants: readonly {
    readonly participantId: string;
    readonly version: number;
    readonly participantInVersion: number;
    readonly blocks: readonly PrtBlockSummary[];
  }[];
  readonly fit: PrtLatentFitResult | null;
  readonly crossValidation: CvComparison | null;
  readonly ppc: PrtLatentPpc | null;
  readonly notes: readonly string[];
}

export const tasksFitExternalCommand = defineCommand({
  name: "tasks/fit-external",
  localOnly: true,
  summary:
    "Fit PRT trials from another study's file (no per-trial rewards): log b / log d per block and the Huys model with latent rewards",
  input: z.strictObject({
    format: z.enum(["prt-sailer2024"]),
    csv: z.string().max(20_000_000),
    schedule: ScheduleSchema.optional(),
    /** Reward sequences averaged per person (default 32). */
    draws: z.number().int().min(1).max(1000).default(32),
    /** Fit the model (default true); false gives the signal-detection summaries only. */
    model: z.boolean().default(true),
    ...RUN_OPTIONS,
  }),
  output: z.custom<ExternalPrtReport>(),
  async run(input) {
    const r = readSailerPrtCsv(input.csv);
    if (!r.ok) rejectIssues("csv", r.issues);
    const people = input.sample !== undefined ? r.participants.slice(0, input.sample) : [...r.participants];
    const data = people.map((p) => p.data);
    const schedule: PrtRewardSchedule = input.schedule ?? PRT_PUBLISHED_SCHEDULE;
    const o = { schedule, draws: input.draws, seed: input.seed };
    const fit = input.model ? fitPrtLatent(data, o) : null;
    return {
      format: input.format,
      label: LATENT_LABEL,
      participants: people.map((p) => ({
        participantId: p.data.participantId,
        version: p.version,
        participantInVersion: p.participantInVersion,
        blocks: prtSummary(p.data),
      })),
      fit,
      crossValidation:
        input.model && input.crossValidate
          ? compareHeldOut(prtLatentCrossValidate(data, "huys", o), prtLatentCrossValidate(data, "static", o))
          : null,
      ppc: fit && input.ppc ? prtLatentPpc(data, fit, { seed: input.seed }) : null,
      notes: [
        `The file records no per-trial reward: the Huys et al. 2013 model (ρ, ε, γ) is fitted with the ${LATENT_LABEL}, averaging over ${input.draws} reward sequences drawn per person from the schedule (${schedule.kind === "controlled" ? `${schedule.richPerBlock} rich / ${schedule.leanPerBlock} lean rewards per ${schedule.trialsPerBlock} trials, missed rewards held for the next correct response` : `correct rich ${schedule.rich}, lean ${schedule.lean}`}).`,
        "log b and log d per block with 0.5 added to every cell when a cell is 0 (Hautus 1995); reaction times outside 150–2500 ms left out.",
        "Research use on study data; not a diagnosis.",
      ],
    };
  },
});
