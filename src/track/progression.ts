import type { PersonLog, PlannedOccurrence } from "../model/records/schema.ts";
import type { ProgressionRule } from "../plan/index.ts";
import { occurrenceStatuses } from "./gaps.ts";

/** Where an activity's micro-dose stands, and what to say about it. */
export interface ProgressionState {
  readonly activityId: string;
  /** The next session's length, minutes. */
  readonly currentMin: number;
  /** Consecutive starts since the last step. */
  readonly streak: number;
  /** Consecutive not-yets (not started or skipped). */
  readonly misses: number;
  readonly steps: readonly {
    readonly date: string;
    readonly toMin: number;
    readonly direction: "up" | "back";
  }[];
  /** Kind wording, never shaming. */
  readonly message: string;
}

/**
 * Replays the rule over the activity's planned occurrences in time order: the micro-dose grows by
 * `stepMin` after `afterStarts` consecutive starts (up to `maxMin`) and steps back after
 * `backAfterMisses` consecutive not-yets (down to `startMin`). Missing occurrences (day still open)
 * do not count yet.
 */
export function progressionState(
  log: PersonLog,
  occurrences: readonly PlannedOccurrence[],
  activityId: string,
  rule: ProgressionRule,
): ProgressionState {
  let current = rule.startMin;
  let streak = 0;
  let misses = 0;
  let last: "up" | "back" | null = null;
  const steps: { date: string; toMin: number; direction: "up" | "back" }[] = [];
  for (const { occurrence, status } of occurrenceStatuses(
    log,
    occurrences.filter((o) => o.activityId === activityId),
  )) {
    if (status === "missing") continue;
    last = null;
    if (status === "started") {
      streak++;
      misses = 0;
      if (streak >= rule.afterStarts && current < rule.maxMin) {
        current = Math.min(rule.maxMin, current + rule.stepMin);
        streak = 0;
        last = "up";
        steps.push({ date: occurrence.localDate, toMin: current, direction: "up" });
      }
    } else {
      misses++;
      streak = 0;
      if (misses >= rule.backAfterMisses && current > rule.startMin) {
        current = Math.max(rule.startMin, current - rule.stepMin);
        misses = 0;
        last = "back";
        steps.push({ date: occurrence.localDate, toMin: current, direction: "back" });
      }
    }
  }
  const message =
    last === "up"
      ? `${rule.afterStarts} starts in a row: next time is ${current} minutes.`
      : last === "back"
        ? `Not yet a couple of times, which is part of the process: next time is a lighter ${current} minutes.`
        : misses > 0
          ? `Next time: ${current} minutes. Starting is what counts, however short.`
          : `Next time: ${current} minutes${current < rule.maxMin ? ` (${rule.afterStarts - streak} more start${rule.afterStarts - streak === 1 ? "" : "s"} to grow it)` : ""}.`;
  return { activityId, currentMin: current, streak, misses, steps, message };
}
