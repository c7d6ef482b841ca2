import { type FitResult, fitReplay, replayFromLog } from "../../fit/index.ts";
import { type CrisisEvent, crisisResources, getInstrument } from "../../instruments/index.ts";
import { PARAMETERS } from "../../model/person/index.ts";
import type { PersonLog } from "../../model/records/index.ts";
import { choicesFromLog, createPlan } from "../../plan/index.ts";
import { mapChart } from "../../profile/index.ts";
import type {
  ParameterTrajectory,
  ReportCrisisEvent,
  ReportData,
  ReportMap,
  ReportPlan,
  ReportProgress,
  SectionContent,
} from "../../report/index.ts";
import {
  addDays,
  buildTimeline,
  dayNumber,
  expandSchedule,
  progressionState,
  weeklySummaries,
} from "../../track/index.ts";
import { type PersonEvidence, storedEvidence } from "../person/reading.ts";
import { scoreSeries, screeningFrom } from "../person/screening.ts";
import { planningFor } from "../plan/from-fit.ts";
import type { Store } from "../store-port.ts";

/** How much simulation the report runs. */
export interface GatherOptions {
  /** Parameter draws for the plan's in-silico forecast. Default 10. */
  readonly draws?: number;
  /** Seed of the draws and the fits. Default 1. */
  readonly seed?: number;
  /** Refit week by week for the parameter trajectories. Default true. */
  readonly trajectories?: boolean;
}

/** Parameters whose week-by-week refits the report draws. */
export const TRAJECTORY_PARAMETERS = [
  "anticipatoryGain",
  "effortCost",
  "threatGain",
  "noveltyCoupling",
] as const;

const ok = <T>(value: T): SectionContent<T> => ({ ok: true, value });
const no = <T>(reason: string): SectionContent<T> => ({ ok: false, reason });

function crisisEvents(entries: readonly { at: string; data: unknown }[]): ReportCrisisEvent[] {
  return entries.map((e) => {
    const c = e.data as CrisisEvent;
    return {
      at: c.at ?? e.at,
      instrumentId: c.instrumentId,
      instrument: (() => {
        const d = getInstrument(c.instrumentId);
        return d.ok ? d.value.shortTitle : c.instrumentId;
      })(),
      itemNumber: c.itemNumber,
      value: c.value,
      severity: c.severity,
      resources: crisisResources(c.region === "unknown" ? undefined : c.region),
    };
  });
}

function logSpan(log: PersonLog): { first: string; last: string } | null {
  const dates = [...log.checkIns.map((c) => c.localDate), ...log.closedDays].sort();
  return dates.length ? { first: dates[0]!, last: dates[dates.length - 1]! } : null;
}

/** The log up to and including `last` (check-ins, urges and closed days). */
function logUntil(log: PersonLog, last: string): PersonLog {
  return {
    ...log,
    checkIns: log.checkIns.filter((c) => c.localDate <= last),
    urges: log.urges.filter((u) => u.localDate <= last),
    closedDays: log.closedDays.filter((d) => d <= last),
  };
}

function trajectories(log: PersonLog, first: string, weeksDone: number, seed: number): ParameterTrajectory[] {
  const fits: { week: number; fit: FitResult }[] = [];
  for (let w = 2; w <= weeksDone; w++) {
    const data = replayFromLog(logUntil(log, addDays(first, 7 * w - 1)));
    if (data.opportunities.length === 0) continue;
    fits.push({ week: w, fit: fitReplay(data, { starts: 1, seed }) });
  }
  if (fits.length < 2) return [];
  return TRAJECTORY_PARAMETERS.map((name) => ({
    name,
    symbol: PARAMETERS[name].symbol,
    meaning: PARAMETERS[name].meaning,
    points: fits.flatMap(({ week, fit }) => {
      const p = fit.parameters.find((x) => x.name === name);
      return p ? [{ week, estimate: p.estimate, lo: p.lo, hi: p.hi }] : [];
    }),
  }));
}

/**
 * Gathers everything the report shows from the person's stored data: the log, the scored
 * questionnaires and crisis events, a fit of the log (the map), the plan chosen in silico on the
 * person's posterior (or the preset before two weeks of check-ins), progress against the plan, and
 * week-by-week refits. `now` is the report's instant (ISO 8601).
 */
export async function gatherReport(
  store: Store,
  personId: string,
  now: string,
  options: GatherOptions = {},
): Promise<ReportData> {
  const seed = options.seed ?? 1;
  const [person, log, assessments, crises] = await Promise.all([
    store.getPerson(personId),
    store.readLog(personId),
    store.listEntries(personId, "assessment"),
    store.listEntries(personId, "crisis_event"),
  ]);
  const scores = scoreSeries(assessments);
  const evidence: PersonEvidence = {
    ...(await storedEvidence(store, personId)),
    screening: screeningFrom(scores),
  };
  const draws = options.draws ?? 10;
  const planning = planningFor(log, evidence, draws, seed);
  const haveAnything = planning.fit !== null || Object.keys(evidence.screening).length > 0;
  const profile = haveAnything ? planning.profile : null;
  const map: SectionContent<ReportMap> = profile
    ? ok({ map: profile, chart: mapChart(profile) })
    : no("no check-ins, urges or questionnaires recorded yet");

  const choices = choicesFromLog(log);
  let plan: SectionContent<ReportPlan> = no("no planned activity defined yet");
  if (choices.length > 0)
    plan = ok({
      plan: createPlan({ map: planning.map, activities: log.activities, choices }, planning.draws, { seed }),
      drawsFrom: planning.description,
      assumedMap: !planning.fitted,
    });

  const span = logSpan(log);
  let progress: SectionContent<ReportProgress> = no("no check-ins yet");
  if (span && plan.ok) {
    const p = plan.value.plan;
    const occ = expandSchedule(p.activities, span.first, span.last);
    const weeks = weeklySummaries(log, occ, span.first);
    const weeksDone = Math.floor((dayNumber(span.last) - dayNumber(span.first) + 1) / 7);
    const forecast = p.selection?.candidates.find((c) => c.id === "yourPlan")?.weekly ?? null;
    progress = ok({
      startDate: span.first,
      weeks,
      progression: p.activities.map((a) => progressionState(log, occ, a.activityId, a.progression)),
      timeline: buildTimeline(weeks, weeksDone, forecast),
      activityNames: Object.fromEntries(log.activities.map((a) => [a.id, a.name])),
      trajectories: options.trajectories === false ? [] : trajectories(log, span.first, weeksDone, seed),
    });
  }

  return {
    generatedAt: now,
    subject: person?.name ?? "",
    map,
    plan,
    scores,
    progress,
    crisis: crisisEvents(crises),
  };
}
