import { z } from "zod";
import { CONDITIONS, INTERVENTIONS, PARAMETER_NAMES, PARAMETERS } from "../../model/person/index.ts";
import { defineCommand } from "../registry.ts";

const Empty = z.strictObject({});
const Grade = z.enum(["established", "supported", "contested", "article"]);

export const parametersCommand = defineCommand({
  name: "model/parameters",
  summary: "The person-level parameters: meaning, unit, range, default and source",
  input: Empty,
  output: z.array(
    z.object({
      name: z.string(),
      symbol: z.string(),
      meaning: z.string(),
      unit: z.string(),
      min: z.number(),
      max: z.number(),
      default: z.number(),
      fittable: z.boolean(),
      source: z.string(),
      grade: Grade,
    }),
  ),
  async run() {
    return PARAMETER_NAMES.map((name) => {
      const { populationSd: _sd, scale: _scale, ...rest } = PARAMETERS[name];
      return { name, ...rest };
    });
  },
});

export const conditionsCommand = defineCommand({
  name: "model/conditions",
  summary: "Condition presets: the parameters each changes and what it adds to the environment",
  input: Empty,
  output: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      pattern: z.string(),
      parameters: z.record(z.string(), z.number()),
      adds: z.array(z.string()),
      source: z.string(),
      grade: Grade,
    }),
  ),
  async run() {
    return Object.values(CONDITIONS).map((c) => ({
      id: c.id,
      label: c.label,
      pattern: c.pattern,
      parameters: { ...c.parameters } as Record<string, number>,
      adds: c.addActivities.map((a) => a.label),
      source: c.source,
      grade: c.grade,
    }));
  },
});

export const interventionsCommand = defineCommand({
  name: "model/interventions",
  summary: "Interventions: the environment changes each makes, the pattern it targets and its source",
  input: Empty,
  output: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      summary: z.string(),
      target: z.string(),
      burden: z.number(),
      source: z.string(),
      grade: Grade,
    }),
  ),
  async run() {
    return Object.values(INTERVENTIONS).map(({ id, label, summary, target, burden, source, grade }) => ({
      id,
      label,
      summary,
      target,
      burden,
      source,
      grade,
    }));
  },
});
