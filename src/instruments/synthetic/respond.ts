import type { PersonParameters } from "../../model/person/index.ts";
import type { Rng } from "../../model/rng.ts";
import type { Answers, AnswerValue } from "../answers.ts";
import type { InstrumentDefinition, ItemDefinition, SleepRoles, TraitName } from "../definition.ts";
import { optionsOf } from "../items.ts";
import { wrapHour } from "../sleep-timing.ts";
import { type Exposure, type LatentTraits, latentTraits, type SleepTraits, sleepTraits } from "./traits.ts";

/** A simulated person ready to answer any instrument: traits with their own person-level residuals. */
export interface SyntheticRespondent {
  readonly traits: LatentTraits;
  readonly sleep: SleepTraits;
}

/** Options for drawing a respondent. */
export interface SyntheticRespondentOptions {
  /** The seeded generator (the core has no other source of randomness). */
  readonly rng: Rng;
  /** Exposure to substances and compulsive rewards, 0..1 each; absent means typical and light. */
  readonly exposure?: Exposure;
  /** Person-level residual sd added to every trait, so that two people with one parameter set differ. Default 0.5. */
  readonly traitNoiseSd?: number;
}

/**
 * Draws a respondent from a simulated person's parameters. Answers of one respondent to several
 * instruments share the same traits, so they correlate as real answers do.
 */
export function syntheticRespondent(
  parameters: PersonParameters,
  options: SyntheticRespondentOptions,
): SyntheticRespondent {
  const sd = options.traitNoiseSd ?? 0.5;
  const base = latentTraits(parameters, options.exposure);
  const traits = Object.fromEntries(
    Object.entries(base).map(([name, value]) => [name, value + sd * options.rng.normal()]),
  ) as LatentTraits;
  return { traits, sleep: sleepTraits(parameters) };
}

/**
 * Plausible answers of one respondent to any definition, drawn with an ordinal (cumulative-probit)
 * model: each choice item's latent response is loading × sign × trait + N(0, 1), cut into the
 * item's categories at boundaries `offset + k × spacing`; reverse-keyed items answer on the flipped
 * scale. Sleep-timing items come from the chronotype. Every answer is valid for its item.
 */
export function answerInstrument(
  respondent: SyntheticRespondent,
  definition: InstrumentDefinition,
  rng: Rng,
): Answers {
  const answers: Record<string, AnswerValue> = {};
  const sleepRoles = definition.scores.find((s) => s.kind === "sleep_timing")?.roles;
  const sleep = sleepRoles ? sleepAnswers(respondent.sleep, sleepRoles, rng) : {};
  for (const item of definition.items) {
    answers[item.id] = sleep[item.id] ?? answerItem(respondent, definition, item, rng);
  }
  return answers;
}

/** One-call form: a fresh respondent from `parameters` answers `definition`. */
export function syntheticAnswers(
  definition: InstrumentDefinition,
  parameters: PersonParameters,
  options: SyntheticRespondentOptions,
): Answers {
  return answerInstrument(syntheticRespondent(parameters, options), definition, options.rng);
}

function traitValue(respondent: SyntheticRespondent, trait: TraitName): number {
  return trait === "none" ? 0 : respondent.traits[trait];
}

function answerItem(
  respondent: SyntheticRespondent,
  def: InstrumentDefinition,
  item: ItemDefinition,
  rng: Rng,
): AnswerValue {
  const r = item.response;
  const sim = def.simulation;
  const trait = item.simulation?.trait ?? sim.trait;
  const sign = item.simulation?.sign ?? sim.sign;
  const latent = sim.loading * sign * traitValue(respondent, trait) + rng.normal();
  if (r.kind === "choice") {
    const values = optionsOf(def, item)
      .map((o) => o.value)
      .sort((a, b) => a - b);
    const first = sim.offset + (item.simulation?.offsetShift ?? 0);
    let level = 0;
    while (level < values.length - 1 && latent > first + level * sim.spacing) level++;
    const index = item.reverse ? values.length - 1 - level : level;
    return values[index] as number;
  }
  if (r.kind === "integer") {
    const mid = (r.min + r.max) / 2;
    const v = Math.round(mid + (latent * (r.max - r.min)) / 6);
    return Math.min(r.max, Math.max(r.min, v));
  }
  if (r.kind === "boolean") return latent > 0;
  return formatTime(12 + latent);
}

/** "HH:MM", rounded to 5 minutes. */
function formatTime(hour: number): string {
  const total = Math.round((wrapHour(hour) * 60) / 5) * 5;
  const m = total % (24 * 60);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function sleepAnswers(s: SleepTraits, roles: SleepRoles, rng: Rng): Record<string, AnswerValue> {
  const msf = s.midSleepFreeHour + 0.4 * rng.normal();
  const sdFree = clamp(8.3 + 0.6 * rng.normal(), 5, 11);
  const onsetFree = msf - sdFree / 2;
  const wakeFree = msf + sdFree / 2;
  const latencyFree = Math.round(clamp(12 + s.extraLatencyMin + 5 * rng.normal(), 0, 120));
  // Workdays: an earlier, socially fixed wake time; late types go to bed earlier, but not enough.
  const wakeWork = clamp(6.9 + 0.35 * rng.normal(), 5, 9);
  const onsetWork = onsetFree - 0.4 - 0.5 * Math.max(0, msf - 4) + 0.25 * rng.normal();
  const latencyWork = Math.round(clamp(15 + s.extraLatencyMin + 5 * rng.normal(), 0, 120));
  return {
    [roles.workdaysPerWeek]: rng.uniform() < 0.15 ? 4 : 5,
    [roles.workBedtime]: formatTime(onsetWork - latencyWork / 60),
    [roles.workLatencyMin]: latencyWork,
    [roles.workWake]: formatTime(wakeWork),
    [roles.freeBedtime]: formatTime(onsetFree - latencyFree / 60),
    [roles.freeLatencyMin]: latencyFree,
    [roles.freeWake]: formatTime(wakeFree),
    [roles.alarmOnFreeDays]: rng.uniform() < 0.08,
  };
}
