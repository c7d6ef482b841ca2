/**
 * `#/plan`: the circuit-matched plan. The chosen plan's predicted start rate against the
 * alternatives (simulated on the person's own model), each activity's timing on a day strip over
 * their circadian curve, and each activity's scaffolding layers with their rationale, source and
 * evidence grade. Reads `log/get`, then `plan/create`.
 */
import type { JSX } from "preact";
import type { ChartSpec } from "../../../src/charts/spec.ts";
import { call } from "../api.ts";
import { Chart } from "../chart/index.ts";
import {
  Busy,
  clock,
  Disclaimer,
  Explanation,
  Failed,
  type Grade,
  NoRecords,
  ProfessionalHelp,
  pct,
  TableWrap,
  usePersonLoad,
} from "./insight-common.tsx";

interface ComponentJson {
  kind: string;
  pattern: string;
  primary: boolean;
  title: string;
  text: string;
  steps?: string[];
  rationale: { text: string; source: string; grade: Grade };
}
interface ActivityPlanJson {
  activityId: string;
  name: string;
  hour: number;
  days: number[];
  suggestedHour: number;
  timingReason: string;
  progression: {
    startMin: number;
    stepMin: number;
    afterStarts: number;
    backAfterMisses: number;
    maxMin: number;
  };
  components: ComponentJson[];
}
interface IntervalJson {
  mean: number | null;
  lo: number | null;
  hi: number | null;
}
interface CandidateJson {
  id: string;
  label: string;
  generic: boolean;
  startRate: IntervalJson;
  range: { lo: number | null; hi: number | null };
  differenceFromBest?: IntervalJson;
}
interface PlanReportJson {
  plan: {
    primary: string;
    secondary: string[];
    chronotypePeak: number;
    general: ComponentJson[];
    activities: ActivityPlanJson[];
    selection?: {
      candidates: CandidateJson[];
      bestId: string;
      explanation: string;
      window: [number, number];
      draws: number;
      seedsPerDraw: number;
    };
    disclaimer: string;
  };
  assumedMap: boolean;
  basis: { drawsFrom: string; daysWithCheckIns: number; fittedEnough: boolean };
  charts: { day: ChartSpec; forecast: ChartSpec | null };
}

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const days = (ds: number[]) => (ds.length === 7 ? "every day" : ds.map((d) => DAY_NAMES[d] ?? d).join(", "));

/** One scaffolding layer (a plan component) with its rationale's source and grade. */
function Layer(props: { c: ComponentJson }): JSX.Element {
  const { c } = props;
  return (
    <Explanation title={c.title} source={c.rationale.source} grade={c.rationale.grade}>
      <p>{c.text}</p>
      {c.steps?.length ? (
        <ol class="layers">
          {c.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      ) : null}
      <p class="muted">Why: {c.rationale.text}</p>
    </Explanation>
  );
}

function ActivityCard(props: { a: ActivityPlanJson }): JSX.Element {
  const { a } = props;
  const p = a.progression;
  return (
    <article class="card activity-plan" aria-labelledby={`plan-${a.activityId}`}>
      <h3 id={`plan-${a.activityId}`}>
        {a.name} at {clock(a.hour)}, {days(a.days)}
      </h3>
      <p>
        Timing: {a.timingReason}
        {a.suggestedHour >= 0 && a.suggestedHour !== a.hour ? ` (suggested ${clock(a.suggestedHour)})` : ""}.
      </p>
      <p>
        Start with {p.startMin} min; add {p.stepMin} min after {p.afterStarts} starts in a row; step back
        after {p.backAfterMisses} misses; up to {p.maxMin} min.
      </p>
      <h4>Scaffolding layers</h4>
      {a.components.map((c) => (
        <Layer key={`${c.kind}-${c.title}`} c={c} />
      ))}
    </article>
  );
}

function Candidates(props: { plan: PlanReportJson["plan"] }): JSX.Element | null {
  const sel = props.plan.selection;
  if (!sel) return null;
  return (
    <TableWrap label="Plans compared">
      <table class="data-table candidates">
        <caption>
          Predicted start rate on your activities, weeks {sel.window[0]}–{sel.window[1]} ({sel.draws} draws ×{" "}
          {sel.seedsPerDraw} seeds)
        </caption>
        <thead>
          <tr>
            <th scope="col">plan</th>
            <th scope="col" class="num">
              start rate
            </th>
            <th scope="col">95 % interval</th>
            <th scope="col">difference from chosen</th>
          </tr>
        </thead>
        <tbody>
          {sel.candidates.map((c) => (
            <tr key={c.id} class={c.id === sel.bestId ? "chosen" : undefined}>
              <th scope="row">
                {c.label}
                {c.id === sel.bestId ? " (chosen)" : c.generic ? " (generic advice)" : ""}
              </th>
              <td class="num">{pct(c.startRate.mean)}</td>
              <td class="interval">
                {pct(c.startRate.lo)}–{pct(c.startRate.hi)}
              </td>
              <td>
                {c.id === sel.bestId || !c.differenceFromBest
                  ? "–"
                  : [
                      pct(c.differenceFromBest.mean),
                      <span class="interval" key="i">
                        ({pct(c.differenceFromBest.lo)} to {pct(c.differenceFromBest.hi)})
                      </span>,
                    ]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function PlanBody(props: { r: PlanReportJson }): JSX.Element {
  const { plan, charts } = props.r;
  const help = plan.general.find((c) => c.kind === "professionalHelp");
  const general = plan.general.filter((c) => c.kind !== "professionalHelp");
  return (
    <>
      <ProfessionalHelp c={help} />
      <Disclaimer text={plan.disclaimer} />
      {props.r.assumedMap ? (
        <p class="notice">
          No pattern stands out in your records and answers yet, so this plan assumes an anticipatory deficit
          with a 09:00 peak.
        </p>
      ) : null}
      {general.length ? (
        <section aria-labelledby="plan-general">
          <h2 id="plan-general">For the whole plan</h2>
          {general.map((c) => (
            <Layer key={`${c.kind}-${c.title}`} c={c} />
          ))}
        </section>
      ) : null}
      <section aria-labelledby="plan-forecast">
        <h2 id="plan-forecast">Your plan against the alternatives</h2>
        {plan.selection ? <p>{plan.selection.explanation}</p> : null}
        {charts.forecast ? <Chart spec={charts.forecast} /> : null}
        <Candidates plan={plan} />
        <p class="muted">Simulated on {props.r.basis.drawsFrom}.</p>
      </section>
      <section aria-labelledby="plan-day">
        <h2 id="plan-day">Your day</h2>
        <Chart spec={charts.day} />
      </section>
      <section aria-labelledby="plan-activities">
        <h2 id="plan-activities">Each activity</h2>
        {plan.activities.map((a) => (
          <ActivityCard key={a.activityId} a={a} />
        ))}
      </section>
    </>
  );
}

/** The plan view. */
export default function PlanView(): JSX.Element {
  const state = usePersonLoad(
    () => call<PlanReportJson>("plan/create", {}),
    (r) => r.basis.daysWithCheckIns === 0,
  );
  return (
    <section class="insight plan-view" aria-labelledby="view-title">
      <h1 id="view-title">Your plan</h1>
      {state.status === "loading" ? (
        <Busy>Simulating your plan against the alternatives on your own model…</Busy>
      ) : null}
      {state.status === "empty" ? <NoRecords what="plan" /> : null}
      {state.status === "error" ? <Failed message={state.message} /> : null}
      {state.status === "ready" ? <PlanBody r={state.value} /> : null}
    </section>
  );
}
