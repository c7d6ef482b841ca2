import type { ActivityKind } from "../model/person/index.ts";
import type { RecordActivity } from "../model/records/schema.ts";
import { approachLadder, COMMITMENT_LIBRARY, CUE_LIBRARY, clockHour, RATIONALES } from "./library.ts";
import type {
  ActivityPlan,
  PatternId,
  PlanChoice,
  PlanComponent,
  PlanMap,
  ProgressionRule,
} from "./types.ts";

/** Secondary patterns count when their strength reaches this mean (0..1). */
export const SECONDARY_THRESHOLD = 0.5;
/** At most this many secondary patterns add components, so the primary one is not drowned. */
export const MAX_SECONDARY = 2;
/** Patterns at least this strong (mean, 0..1) are offered as alternatives in the in-silico selection. */
export const PLAUSIBLE_THRESHOLD = 0.25;
/** Stress reduction is added when the chronic stress load reaches this value (0..1). */
export const HIGH_STRESS = 0.4;

/** The secondary patterns of a map, strongest first (excluding the primary). */
export function secondaryPatterns(map: PlanMap): PatternId[] {
  return Object.entries(map.strengths)
    .filter(([id, s]) => id !== map.primary && s !== undefined && s.mean >= SECONDARY_THRESHOLD)
    .sort((a, b) => (b[1]?.mean ?? 0) - (a[1]?.mean ?? 0))
    .slice(0, MAX_SECONDARY)
    .map(([id]) => id as PatternId);
}

/** The micro-dose rule: 5 minutes, +5 after 3 consecutive starts, −5 after 2 misses, up to the full length. */
export function microDoseRule(fullMin: number): ProgressionRule {
  return { startMin: 5, stepMin: 5, afterStarts: 3, backAfterMisses: 2, maxMin: Math.max(5, fullMin) };
}

/** The record's kind (validated against the model's kinds by the records schema). */
const kindOf = (a: RecordActivity): ActivityKind => a.kind as ActivityKind;

function pick<T>(items: readonly T[], key: string): T {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return items[h % items.length]!;
}

/** Whether an activity is consequential work that belongs at the peak. */
function consequential(a: RecordActivity): boolean {
  return a.kind === "work" || (a.importance >= 0.75 && a.kind !== "social" && a.kind !== "leisure");
}

/**
 * The hour the circadian estimate suggests for an activity, with the reason: consequential work at
 * the peak. Movement keeps its hour; a short movement break bridges the dip instead (a plan-wide
 * component), since the model predicts fewer starts when a whole walk is moved into the dip.
 */
export function suggestedTiming(a: RecordActivity, peak: number): { hour: number; reason: string } {
  if (consequential(a))
    return { hour: Math.round(peak) % 24, reason: `consequential work at your peak ≈ ${clockHour(peak)}` };
  return { hour: -1, reason: `no timing preference (your peak ≈ ${clockHour(peak)})` };
}

function patternComponents(
  pattern: PatternId,
  a: RecordActivity,
  primary: boolean,
  rule: ProgressionRule,
): PlanComponent[] {
  const c = (x: Omit<PlanComponent, "pattern" | "primary">): PlanComponent => ({ ...x, pattern, primary });
  if (a.urge) {
    if (pattern === "receptorDownregulation")
      return [
        c({
          kind: "abstinenceSupport",
          title: "Stop with support, doctor first",
          text: `Talk to a doctor before you stop ${a.name}: stopping alcohol or benzodiazepines abruptly can be dangerous.`,
          steps: [
            "Book a doctor's appointment and say what you use and how much",
            "Agree a plan to stop or taper with them",
            pick(CUE_LIBRARY[kindOf(a)], a.id),
            COMMITMENT_LIBRARY[kindOf(a)],
          ],
          rationale: RATIONALES.doctorFirst,
        }),
      ];
    if (pattern === "predictionErrorLoop")
      return [
        c({
          kind: "cueRemoval",
          title: "Remove the cues",
          text: pick(CUE_LIBRARY[kindOf(a)], a.id),
          rationale: RATIONALES.loop,
        }),
        c({
          kind: "endVariableSchedule",
          title: "End the variable schedule",
          text: "Make the reward predictable or absent: no refresh, no 'just one more'. Expect the pull to fade slowly over weeks.",
          rationale: RATIONALES.loop,
        }),
      ];
    return [];
  }
  switch (pattern) {
    case "anticipatoryDeficit":
      return [
        c({
          kind: "environmentCue",
          title: "Environment cue",
          text: pick(CUE_LIBRARY[kindOf(a)], a.id),
          rationale: RATIONALES.scaffolding,
        }),
        c({
          kind: "commitment",
          title: "Social commitment",
          text: COMMITMENT_LIBRARY[kindOf(a)],
          rationale: RATIONALES.commitment,
        }),
        c({
          kind: "microDose",
          title: "Micro-dose",
          text: `Do ${rule.startMin} minutes of it, not ${a.durationMin}. Stopping after ${rule.startMin} minutes counts as done.`,
          rationale: RATIONALES.scaffolding,
        }),
        c({
          kind: "progression",
          title: "Progression",
          text: `After ${rule.afterStarts} starts in a row, add ${rule.stepMin} minutes (up to ${rule.maxMin}); after ${rule.backAfterMisses} not-yets in a row, step back ${rule.stepMin} minutes.`,
          rationale: RATIONALES.scaffolding,
        }),
      ];
    case "threatOverride":
      return a.threat > 0 || primary
        ? [
            c({
              kind: "approachLadder",
              title: "Graded approach ladder",
              text: `Climb one rung when the current one feels manageable twice in a row.`,
              steps: approachLadder(a.name, a.durationMin),
              rationale: RATIONALES.ladder,
            }),
          ]
        : [];
    case "calibration":
      return a.importance >= 0.5 && a.novelty <= 0.5
        ? [
            c({
              kind: "noveltyPairing",
              title: "Novelty and an immediate reward",
              text: "Change one thing each time (place, music, order, a timer race) and pair the start with something you enjoy right away (a favourite drink, a playlist).",
              rationale: RATIONALES.calibration,
            }),
          ]
        : [];
    default:
      return [];
  }
}

/** The components of one chosen activity: primary pattern first, then secondary patterns, then timing. */
export function activityPlan(
  a: RecordActivity,
  choice: PlanChoice,
  map: PlanMap,
  secondary: readonly PatternId[],
): ActivityPlan {
  const rule = microDoseRule(a.durationMin);
  const timing = suggestedTiming(a, map.chronotypePeak);
  const components = [
    ...patternComponents(map.primary, a, true, rule),
    ...secondary.flatMap((p) => patternComponents(p, a, false, rule)),
  ];
  if (!a.urge && timing.hour >= 0)
    components.push({
      kind: "timing",
      pattern: "circadian",
      primary: false,
      title: "Timing",
      text:
        timing.hour === choice.hour
          ? `Planned at ${clockHour(choice.hour)}: ${timing.reason}.`
          : `Consider ${clockHour(timing.hour)} instead of ${clockHour(choice.hour)}: ${timing.reason}.`,
      rationale: RATIONALES.timing,
    });
  return {
    activityId: a.id,
    name: a.name,
    hour: choice.hour,
    days: [...choice.days],
    ...(choice.notes !== undefined ? { notes: choice.notes } : {}),
    suggestedHour: timing.hour < 0 ? choice.hour : timing.hour,
    timingReason: timing.reason,
    progression: rule,
    components,
  };
}

/** Plan-wide components: professional help first when screening says so, then the general ones. */
export function generalComponents(
  map: PlanMap,
  activities: readonly RecordActivity[],
  secondary: readonly PatternId[],
): PlanComponent[] {
  const out: PlanComponent[] = [];
  const patterns = [map.primary, ...secondary];
  if (map.professionalHelp)
    out.push({
      kind: "professionalHelp",
      pattern: "safety",
      primary: true,
      title: "Talk to a professional first",
      text: `${map.professionalHelpReason ? `${map.professionalHelpReason}. ` : ""}${RATIONALES.professionalHelp.text}`,
      rationale: RATIONALES.professionalHelp,
    });
  if (patterns.includes("receptorDownregulation")) {
    const drugs = activities.filter((a) => a.urge && a.kind === "substance").map((a) => a.name);
    out.push({
      kind: "abstinenceSupport",
      pattern: "receptorDownregulation",
      primary: map.primary === "receptorDownregulation",
      title: "Abstinence with support: see a doctor first",
      text: `${RATIONALES.doctorFirst.text}${drugs.length ? ` (${drugs.join(", ")})` : ""}`,
      rationale: RATIONALES.doctorFirst,
    });
    out.push({
      kind: "naturalRewardSchedule",
      pattern: "receptorDownregulation",
      primary: map.primary === "receptorDownregulation",
      title: "A daily natural reward",
      text: "Schedule one pleasant thing every day (nature, music, company, food you cook), 20–30 minutes, with a cue and a person. Recovery takes months and differs between people.",
      rationale: RATIONALES.receptor,
    });
  }
  if (patterns.includes("predictionErrorLoop") && !activities.some((a) => a.urge))
    out.push({
      kind: "cueRemoval",
      pattern: "predictionErrorLoop",
      primary: map.primary === "predictionErrorLoop",
      title: "Remove the cues of the loop",
      text: "Turn off notifications and move the pull out of sight; expect the urge to fade slowly over weeks.",
      rationale: RATIONALES.loop,
    });
  if (map.stressLoad >= HIGH_STRESS)
    out.push({
      kind: "stressReduction",
      pattern: "stress",
      primary: false,
      title: "Lower the stress load",
      text: "Pick one load to drop or share this week (a commitment, a late night); protect sleep and one recovery hour a day.",
      rationale: RATIONALES.stress,
    });
  out.push({
    kind: "movementBreak",
    pattern: "circadian",
    primary: false,
    title: "Bridge the dip",
    text: `A 10-minute movement break around ${clockHour(map.chronotypePeak + 6)} (your peak ≈ ${clockHour(map.chronotypePeak)}).`,
    rationale: RATIONALES.timing,
  });
  return out;
}
