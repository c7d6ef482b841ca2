import { crisisResources, getInstrument } from "../../instruments/index.ts";
import { PARAMETERS } from "../../model/person/index.ts";
import { mapChart } from "../../profile/index.ts";
import {
  type ParameterTrajectory,
  type RenderReportOptions,
  type ReportCrisisEvent,
  type ReportData,
  type ReportMap,
  type ReportPlan,
  type ReportProgress,
  renderReportHtml,
  type SectionContent,
} from "../../report/index.ts";
import { openPerson, type PersonState } from "../person/index.ts";
import { planReport } from "../plan/commands.ts";
import { parameterTrajectories, progressReport } from "../plan/progress.ts";
import { personScope } from "../records/commands.ts";
import type { CommandContext } from "../registry.ts";

/** Parameters whose week-by-week refits the report draws. */
export const TRAJECTORY_PARAMETERS = [
  "anticipatoryGain",
  "effortCost",
  "threatGain",
  "noveltyCoupling",
] as const;

const ok = <T>(value: T): SectionContent<T> => ({ ok: true, value });
const no = <T>(reason: string): SectionContent<T> => ({ ok: false, reason });

function crisisEvents(state: PersonState): ReportCrisisEvent[] {
  return state.crisisEvents.map((c) => {
    const d = getInstrument(c.instrumentId);
    return {
      at: c.at,
      instrumentId: c.instrumentId,
      instrument: d.ok ? d.value.shortTitle : c.instrumentId,
      itemNumber: c.itemNumber,
      value: c.value,
      severity: c.severity,
      resources: crisisResources(c.region === "unknown" ? undefined : c.region),
    };
  });
}

/**
 * Everything the report shows, composed from the same outputs the person's views read (`map/get`,
 * `plan/create`, `progress/get`) on their state for the current data revision, so the report and
 * the views agree: the map, the plan chosen in silico on the shared draws, progress against it, the
 * scored questionnaires and the crisis events. `now` is the report's instant (ISO 8601).
 */
export async function gatherReport(ctx: CommandContext, now: string): Promise<ReportData> {
  const person = await openPerson(ctx);
  const { state } = person;
  const log = await person.log();
  const subject = ctx.store && ctx.personId ? ((await ctx.store.getPerson(ctx.personId))?.name ?? "") : "";
  const haveAnything = state.fit !== null || Object.keys(state.evidence.screening).length > 0;
  const map: SectionContent<ReportMap> = haveAnything
    ? ok({ map: state.map, chart: mapChart(state.map) })
    : no("no check-ins, urges or questionnaires recorded yet");

  const hasPlanned = log.activities.some((a) => !a.urge);
  const planned = hasPlanned ? await planReport(person) : null;
  const plan: SectionContent<ReportPlan> = planned
    ? ok({ plan: planned.plan, drawsFrom: planned.basis.drawsFrom, assumedMap: !planned.basis.fittedEnough })
    : no("no planned activity defined yet");

  const progressed = planned ? await progressReport(person, { trajectory: false }) : null;
  let progress: SectionContent<ReportProgress> = no("no check-ins yet");
  if (progressed) {
    const trajectories = await parameterTrajectories(
      person,
      TRAJECTORY_PARAMETERS,
      progressed.startDate,
      progressed.timeline.weeksDone,
    );
    progress = ok({
      startDate: progressed.startDate,
      weeks: progressed.weeks,
      progression: progressed.progression,
      timeline: progressed.timeline,
      activityNames: progressed.activityNames,
      trajectories:
        trajectories.length < 1 || trajectories[0]!.week.length < 2
          ? []
          : trajectories.map((t): ParameterTrajectory => {
              const meta = PARAMETERS[t.name as keyof typeof PARAMETERS];
              return {
                name: t.name,
                symbol: meta.symbol,
                meaning: meta.meaning,
                points: t.week.map((week, i) => ({
                  week,
                  estimate: t.estimate[i]!,
                  lo: t.lo[i] ?? Number.NaN,
                  hi: t.hi[i] ?? Number.NaN,
                })),
              };
            }),
    });
  }

  return {
    generatedAt: now,
    subject,
    map,
    plan,
    scores: state.scores,
    progress,
    crisis: crisisEvents(state),
  };
}

/**
 * The person's report as one self-contained HTML document: the one entry point every report goes
 * through (`report/html`, `report/pdf`, `GET /report`, a share, `dopamap report`), composed from
 * the same outputs the person's own views read.
 */
export async function personReportHtml(
  ctx: CommandContext,
  options: RenderReportOptions = {},
): Promise<string> {
  const { now } = personScope(ctx);
  return renderReportHtml(await gatherReport(ctx, now()), options);
}
