import {
  type Activity,
  activity,
  type ConditionId,
  type Environment,
  INTERVENTIONS,
  type InterventionId,
  type PersonParameters,
  type PopulationSpec,
  resolveConditions,
  type ScheduledIntervention,
} from "../person/index.ts";
import type { PersonScenario } from "./person-schema.ts";

/** One arm of a run: the population spec and what distinguishes it. */
export interface PersonArm {
  readonly id: string;
  readonly label: string;
  readonly interventions: readonly ScheduledIntervention[];
  readonly spec: PopulationSpec;
}

/** The preset, environment and arms a person-level scenario describes. */
export interface ResolvedPersonScenario {
  readonly parameters: PersonParameters;
  readonly environment: Environment;
  readonly arms: readonly PersonArm[];
  /** Weeks (1-based, inclusive) over which arms are compared. */
  readonly compareWeeks: readonly [number, number];
}

/** Resolves a validated scenario: conditions combined, overrides applied, one arm per compared intervention. */
export function resolvePersonScenario(s: PersonScenario): ResolvedPersonScenario {
  const resolved = resolveConditions(s.agents.conditions as ConditionId[]);
  const parameters: PersonParameters = { ...resolved.parameters };
  for (const [k, v] of Object.entries(s.agents.parameters))
    if (v !== undefined) parameters[k as keyof PersonParameters] = v;
  const p = s.protocol;
  const added = p.activities.map((a) => activity(a as Partial<Activity> & Pick<Activity, "id" | "kind">));
  const activities = resolved.environment.activities
    .filter((a) => !p.removeActivities.includes(a.id) && !added.some((x) => x.id === a.id))
    .concat(added);
  const environment: Environment = {
    ...resolved.environment,
    activities,
    stressInput: p.stressInput ?? resolved.environment.stressInput,
    acuteStressPerDay: p.acuteStressPerDay ?? resolved.environment.acuteStressPerDay,
    wakeHour: p.wakeHour ?? resolved.environment.wakeHour,
    wakingHours: p.wakingHours ?? resolved.environment.wakingHours,
  };
  const background = s.interventions as ScheduledIntervention[];
  const startWeek = s.compareStartWeek;
  const armIds: (InterventionId | null)[] = s.compare.length
    ? ["none", ...(s.compare as InterventionId[])]
    : [null];
  const arms = armIds.map((id): PersonArm => {
    const interventions = id && id !== "none" ? [...background, { id, startWeek }] : background;
    const label = id
      ? INTERVENTIONS[id].label
      : interventions.length
        ? interventions.map((i) => INTERVENTIONS[i.id].label).join(" + ")
        : INTERVENTIONS.none.label;
    return {
      id: id ?? (interventions.map((i) => i.id).join("+") || "none"),
      label,
      interventions,
      spec: {
        parameters,
        environment,
        interventions,
        people: s.agents.people,
        weeks: p.weeks,
        seed: s.seed,
        spread: s.agents.spread,
      },
    };
  });
  const weeks = p.weeks;
  const [from, to] = s.outputs.compareWeeks ?? [
    Math.max(1, weeks - 3, Math.min(weeks, startWeek + 1)),
    weeks,
  ];
  return { parameters, environment, arms, compareWeeks: [Math.min(from, weeks), Math.min(to, weeks)] };
}
