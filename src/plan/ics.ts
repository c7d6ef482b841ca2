import { createEvents, type EventAttributes } from "ics";
import { clockHour } from "./library.ts";
import type { Plan } from "./plan.ts";

/** Options of {@link planToIcs}; every value that would otherwise come from a clock is passed in. */
export interface IcsOptions {
  /** First day of the plan, YYYY-MM-DD (local). */
  readonly startDate: string;
  /** The instant the file is made, ISO 8601 (DTSTAMP). */
  readonly now: string;
  /** Minutes before each occurrence that the alarm fires. Default 10. */
  readonly alarmMinutesBefore?: number;
  /** Weeks the recurring events run. Default 12. */
  readonly weeks?: number;
}

const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

function parseDate(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`startDate: expected YYYY-MM-DD, got ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** Monday = 0 … Sunday = 6 for a UTC-midnight date. */
const weekday = (d: Date) => (d.getUTCDay() + 6) % 7;

/**
 * The plan as an iCalendar file: one weekly recurring event per activity at its planned hour
 * (floating local time), lasting the micro-dose, with a display alarm (VALARM) and the micro-dose,
 * the environment cue and the commitment in its description. Deterministic for the same inputs.
 */
export function planToIcs(plan: Plan, options: IcsOptions): string {
  const start = parseDate(options.startDate);
  const stamp = Date.parse(options.now);
  if (Number.isNaN(stamp)) throw new Error(`now: expected an ISO 8601 instant, got ${options.now}`);
  const before = options.alarmMinutesBefore ?? 10;
  const weeks = options.weeks ?? 12;
  const events: EventAttributes[] = plan.activities.map((a) => {
    const first = new Date(start);
    while (!a.days.includes(weekday(first))) first.setUTCDate(first.getUTCDate() + 1);
    const text = (kind: string) => a.components.find((c) => c.kind === kind)?.text;
    const lines = [
      `Micro-dose: ${a.progression.startMin} minutes is enough; stopping then counts as done.`,
      text("environmentCue") && `Cue: ${text("environmentCue")}`,
      text("commitment") && `Commitment: ${text("commitment")}`,
      a.components.find((c) => c.kind === "approachLadder")?.steps?.[1] &&
        `First rung: ${a.components.find((c) => c.kind === "approachLadder")?.steps?.[1]}`,
      text("noveltyPairing") && `Make it new: ${text("noveltyPairing")}`,
      a.notes && `Your note: ${a.notes}`,
      `Can't start? Run: dopamap rescue ${a.activityId}`,
    ].filter((x): x is string => typeof x === "string" && x.length > 0);
    const event = {
      uid: `dopamap-${a.activityId}-${options.startDate}@dopamap.local`,
      timestamp: stamp,
      title: `${a.name} (${a.progression.startMin} min)`,
      description: lines.join("\n"),
      start: [first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCDate(), a.hour, 0],
      startInputType: "local",
      startOutputType: "local",
      duration: { minutes: a.progression.startMin },
      recurrenceRule: `FREQ=WEEKLY;BYDAY=${a.days.map((d) => BYDAY[d]).join(",")};COUNT=${weeks * a.days.length}`,
      alarms: [
        {
          action: "display",
          description: `${a.name} at ${clockHour(a.hour)}: ${a.progression.startMin} minutes`,
          trigger: { minutes: before, before: true },
        },
      ],
      productId: "dopamap/plan",
      calName: "dopamap plan",
    } as EventAttributes;
    return event;
  });
  const { error, value } = createEvents(events);
  if (error || value === null) throw new Error(`calendar: ${error?.message ?? "could not be made"}`);
  return value;
}
