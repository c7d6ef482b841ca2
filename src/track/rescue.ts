import { type CrisisResources, crisisResources } from "../instruments/index.ts";
import type { ActivityKind } from "../model/person/index.ts";
import type { PersonLog, PlannedOccurrence } from "../model/records/schema.ts";
import { microDoseRule, type PatternId, type Plan } from "../plan/index.ts";
import { occurrenceStatuses } from "./gaps.ts";

/** The parts of a plan the rescue reads. */
export type RescuePlan = Pick<Plan, "primary" | "activities" | "general">;

/** The matched micro-step for an activity the person cannot start. */
export interface StartRescue {
  /** Crisis resources, shown first, when the person says they feel unsafe. */
  readonly crisis: CrisisResources | null;
  readonly activityId: string;
  readonly name: string;
  readonly pattern: PatternId;
  readonly microStep: string;
  readonly twoMinute: string;
  /** The person's own anticipated-vs-experienced record, or null when there is none yet. */
  readonly evidence: string | null;
}

/** The matched steps for an urge the person cannot stop. */
export interface UrgeRescue {
  readonly crisis: CrisisResources | null;
  readonly activityId: string;
  readonly name: string;
  readonly pattern: PatternId;
  readonly steps: { readonly delay: string; readonly cueRemoval: string; readonly substitute: string };
  readonly doctorNote: string | null;
  readonly evidence: string | null;
}

/** Where to ask for crisis resources and whether the person feels unsafe. */
export interface RescueOptions {
  readonly unsafe?: boolean;
  readonly region?: string;
}

const TWO_MINUTE: Readonly<Record<ActivityKind, string>> = {
  movement: "Put your shoes on and step outside the door. That is all.",
  work: "Open the file and write one sentence, even a bad one.",
  social: "Send one line: “thinking of you, free to talk this week?”",
  creative: "Touch the materials for two minutes: one line, one note, one brushstroke.",
  chore: "Do the first item only.",
  leisure: "Open it, put it on, or step out for two minutes.",
  selfCare: "Do the first step only.",
  substance: "Wait two minutes with a glass of water.",
  app: "Put the phone in another room for two minutes.",
  gambling: "Close the page and step away for two minutes.",
};

const fmt = (x: number) => (Math.round(x * 10) / 10).toString();

function startEvidence(log: PersonLog, activityId: string): string | null {
  const rated = (id?: string) =>
    log.checkIns
      .filter(
        (c) =>
          (id === undefined || c.activityId === id) &&
          c.started &&
          c.anticipated !== null &&
          c.experienced !== null,
      )
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, 5);
  const own = rated(activityId);
  const rows = own.length ? own : rated();
  if (!rows.length) return null;
  const ant = rows.reduce((s, c) => s + c.anticipated!, 0) / rows.length;
  const exp = rows.reduce((s, c) => s + c.experienced!, 0) / rows.length;
  const scope = own.length ? "" : " (across your activities)";
  const times = rows.length === 1 ? "The last time" : `The last ${rows.length} times`;
  const tail =
    exp > ant ? " It tends to feel better than expected once started." : " Starting counted every time.";
  return `${times}${scope} you expected ${fmt(ant)} and felt ${fmt(exp)}.${tail}`;
}

/**
 * "I can't start X": the micro-step matched to the person's primary pattern and the activity, a
 * two-minute version, the person's own evidence, and crisis resources first when they feel unsafe.
 */
export function rescueStart(
  plan: RescuePlan,
  log: PersonLog,
  activityId: string,
  options: RescueOptions = {},
): StartRescue {
  const record = log.activities.find((a) => a.id === activityId);
  const ap = plan.activities.find((a) => a.activityId === activityId);
  if (!record && !ap) throw new Error(`activity: unknown activity ${activityId}`);
  const name = ap?.name ?? record!.name;
  const kind = (record?.kind ?? "leisure") as ActivityKind;
  const minutes = ap?.progression.startMin ?? microDoseRule(record?.durationMin ?? 30).startMin;
  const comp = (k: string) => ap?.components.find((c) => c.kind === k);
  const cue = comp("environmentCue")?.text;
  const microStep = (() => {
    switch (plan.primary) {
      case "threatOverride": {
        const rung = comp("approachLadder")?.steps?.[1];
        return rung
          ? `Take the first rung only: ${rung}.`
          : `Do the smallest safe version for ${minutes} minutes; you can stop after that.`;
      }
      case "calibration":
        return `Make it new and pay yourself first: change one thing (place, music, a timer race), start with something you enjoy, and do ${minutes} minutes.`;
      case "receptorDownregulation":
        return `Do ${minutes} minutes of it somewhere pleasant (outside, with music) — a natural reward counts.`;
      case "predictionErrorLoop":
        return `Put the phone in another room and do ${minutes} minutes.`;
      default:
        return `${cue ? `Set up the cue: ${cue}. Then do` : "Do"} ${minutes} minutes. Only that: stopping after ${minutes} minutes counts as done.`;
    }
  })();
  return {
    crisis: options.unsafe ? crisisResources(options.region) : null,
    activityId,
    name,
    pattern: plan.primary,
    microStep,
    twoMinute: TWO_MINUTE[kind],
    evidence: startEvidence(log, activityId),
  };
}

/** "I can't stop X": delay, cue removal and a natural-reward substitute, with the person's own urge record. */
export function rescueUrge(
  plan: RescuePlan,
  log: PersonLog,
  activityId: string,
  options: RescueOptions = {},
): UrgeRescue {
  const record = log.activities.find((a) => a.id === activityId);
  if (!record) throw new Error(`activity: unknown activity ${activityId}`);
  const kind = record.kind as ActivityKind;
  const drug = kind === "substance";
  const pattern: PatternId =
    plan.primary === "receptorDownregulation" || plan.primary === "predictionErrorLoop"
      ? plan.primary
      : drug
        ? "receptorDownregulation"
        : "predictionErrorLoop";
  const natural = plan.activities.find((a) => a.activityId !== activityId);
  const episodes = log.urges
    .filter((u) => u.activityId === activityId)
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, 10);
  const acted = episodes.filter((u) => u.acted && u.liking !== null);
  const evidence = episodes.length
    ? `You let ${episodes.length - episodes.filter((u) => u.acted).length} of the last ${episodes.length} urges pass.` +
      (acted.length
        ? ` When you went with it, liking averaged ${fmt(acted.reduce((s, u) => s + u.liking!, 0) / acted.length)}/10.`
        : "")
    : null;
  return {
    crisis: options.unsafe ? crisisResources(options.region) : null,
    activityId,
    name: record.name,
    pattern,
    steps: {
      delay: "Wait 15 minutes before deciding; urges rise and fall like a wave.",
      cueRemoval: drug
        ? "Put distance between you and it: another room, out of the house, or call your person."
        : "Close it and put the device out of reach; turn its notifications off.",
      substitute: natural
        ? `Do ${natural.progression.startMin} minutes of ${natural.name} instead, or step outside.`
        : "Do something naturally rewarding for 10 minutes: step outside, music, a shower, a call.",
    },
    doctorNote: drug
      ? "If you are cutting down, do it with a doctor: stopping alcohol or benzodiazepines abruptly can be dangerous."
      : null,
    evidence,
  };
}

/** The current local time as a value (the caller reads the clock). */
export interface LocalNow {
  readonly localDate: string;
  readonly localHour: number;
  readonly localMinute: number;
}

/**
 * The rescue offered unasked: every planned occurrence of today whose time passed more than
 * `graceMin` minutes ago with no record.
 */
export function dueRescues(
  plan: RescuePlan,
  log: PersonLog,
  occurrences: readonly PlannedOccurrence[],
  now: LocalNow,
  graceMin = 15,
): StartRescue[] {
  const nowMin = now.localHour * 60 + now.localMinute;
  return occurrenceStatuses(
    log,
    occurrences.filter((o) => o.localDate === now.localDate && o.localHour * 60 + graceMin <= nowMin),
  )
    .filter((s) => s.status === "missing")
    .map((s) => rescueStart(plan, log, s.occurrence.activityId));
}
