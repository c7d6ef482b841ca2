import type { z } from "zod";
import { PersonScenarioSchema } from "../../model/scenario/index.ts";
import { defineCommand } from "../registry.ts";
import { PersonReportSchema, runPersonScenario } from "./person-report.ts";

/** The most simulated people a preview runs (the CLI's `simulate` runs any number). */
export const PREVIEW_MAX_PEOPLE = 200;
/** The most weeks a preview runs. */
export const PREVIEW_MAX_WEEKS = 12;
/** The most interventions a preview compares against none. */
export const PREVIEW_MAX_COMPARE = 3;

const hint = "the preview is capped; run the full scenario with `dopamap simulate FILE`";

/** A person-level scenario (the same JSON `dopamap simulate FILE` accepts) within the preview's caps. */
export const PreviewScenarioSchema = PersonScenarioSchema.superRefine((s, ctx) => {
  if (s.agents.people > PREVIEW_MAX_PEOPLE)
    ctx.addIssue({
      code: "custom",
      path: ["agents", "people"],
      message: `at most ${PREVIEW_MAX_PEOPLE} people in a preview (got ${s.agents.people}); ${hint}`,
    });
  if (s.protocol.weeks > PREVIEW_MAX_WEEKS)
    ctx.addIssue({
      code: "custom",
      path: ["protocol", "weeks"],
      message: `at most ${PREVIEW_MAX_WEEKS} weeks in a preview (got ${s.protocol.weeks}); ${hint}`,
    });
  if (s.compare.length > PREVIEW_MAX_COMPARE)
    ctx.addIssue({
      code: "custom",
      path: ["compare"],
      message: `at most ${PREVIEW_MAX_COMPARE} interventions to compare in a preview (got ${s.compare.length}); ${hint}`,
    });
  if (s.outputs.trace)
    ctx.addIssue({
      code: "custom",
      path: ["outputs", "trace"],
      message: `traces are not available in a preview; ${hint} --trace`,
    });
});

/**
 * `simulate/preview`: the simulator screen's run. A person-level scenario capped at
 * {@link PREVIEW_MAX_PEOPLE} people × {@link PREVIEW_MAX_WEEKS} weeks (and
 * {@link PREVIEW_MAX_COMPARE} compared interventions), so a shared server answers it quickly;
 * returns the same report (weekly summaries with intervals, comparisons, chart specs) as `simulate`.
 */
export const simulatePreviewCommand = defineCommand({
  name: "simulate/preview",
  summary: `Preview a person-level scenario (at most ${PREVIEW_MAX_PEOPLE} people × ${PREVIEW_MAX_WEEKS} weeks): weekly curves with intervals and their charts`,
  input: PreviewScenarioSchema,
  output: PersonReportSchema,
  async run(scenario, ctx) {
    return runPersonScenario(scenario, { ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}) });
  },
});

export type PreviewScenario = z.input<typeof PreviewScenarioSchema>;
