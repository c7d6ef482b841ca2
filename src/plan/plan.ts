import type { PersonParameters } from "../model/person/index.ts";
import { activityPlan, generalComponents, secondaryPatterns } from "./components.ts";
import { type Selection, type SelectionOptions, selectPlan } from "./select.ts";
import type { ActivityPlan, PatternId, PlanComponent, PlanRequest } from "./types.ts";

/** A circuit-matched plan with its in-silico selection. */
export interface Plan {
  readonly primary: PatternId;
  readonly secondary: readonly PatternId[];
  readonly chronotypePeak: number;
  /** Plan-wide components; professional help, when recommended, comes first. */
  readonly general: readonly PlanComponent[];
  readonly activities: readonly ActivityPlan[];
  /** Absent when no draws were given (components only). */
  readonly selection?: Selection;
  readonly seed: number;
  readonly disclaimer: string;
}

/** The components of a plan without simulation (fast; used by rescue and tests). */
export function planComponents(request: PlanRequest): Omit<Plan, "selection" | "seed"> {
  const { map, activities, choices } = request;
  const byId = new Map(activities.map((a) => [a.id, a]));
  const secondary = secondaryPatterns(map);
  const acts = choices.map((c) => {
    const a = byId.get(c.activityId);
    if (!a) throw new Error(`choices: unknown activity ${c.activityId}`);
    return activityPlan(a, c, map, secondary);
  });
  return {
    primary: map.primary,
    secondary,
    chronotypePeak: map.chronotypePeak,
    general: generalComponents(map, activities, secondary),
    activities: acts,
    disclaimer:
      "A self-help and research tool, not a diagnosis. Forecasts come from a model of you, not a promise.",
  };
}

/** The full plan: components plus the in-silico selection over the posterior draws. Same seed, same plan. */
export function createPlan(
  request: PlanRequest,
  draws: readonly PersonParameters[],
  options: SelectionOptions = {},
): Plan {
  const base = planComponents(request);
  const seed = options.seed ?? 1;
  if (draws.length === 0) return { ...base, seed };
  return { ...base, selection: selectPlan(request, draws, { ...options, seed }), seed };
}
