/**
 * `#/progress`: the weekly start rate, Motivation Gap and anticipation gap, and the fitted
 * parameters week by week, each against the framework's 4–12-week timeline (labelled as the
 * article's expectation), with the micro-dose progression and any proposal to re-plan.
 * Reads `log/get`, then `progress/get`.
 */
import type { JSX } from "preact";
import type { ChartSpec } from "../../../src/charts/spec.ts";
import { call } from "../api.ts";
import { Chart } from "../chart/index.ts";
import {
  Busy,
  Disclaimer,
  dec,
  Explanation,
  Failed,
  NoRecords,
  ProfessionalHelp,
  type ProfessionalHelpJson,
  pct,
  TableWrap,
  usePersonLoad,
} from "./insight-common.tsx";

interface WeekJson {
  week: number;
  planned: number;
  started: number;
  missing: number;
  startRate: number | null;
  motivationGap: number;
  anticipationGap: number | null;
  ratedStarts: number;
}
interface PhaseJson {
  fromWeek: number;
  toWeek: number;
  label: string;
  grade: "article";
  note: string;
}
interface TrajectoryJson {
  name: string;
  week: number[];
  estimate: number[];
  lo: (number | null)[];
  hi: (number | null)[];
}
interface ProgressJson {
  professionalHelp: ProfessionalHelpJson | null;
  activityNames: Record<string, string>;
  startDate: string;
  weeks: WeekJson[];
  progression: { activityId: string; currentMin: number; message: string }[];
  timeline: {
    phases: PhaseJson[];
    weeksDone: number;
    currentPhase: PhaseJson | null;
    stall: { reason: string; proposal: string } | null;
  };
  parameterTrajectory: TrajectoryJson[];
  charts: {
    timeline: ChartSpec;
    motivationGap: ChartSpec;
    anticipationGap: ChartSpec | null;
    parameters: ChartSpec | null;
  };
}

const PARAMETER_TEXT: Record<string, string> = {
  anticipatoryGain: "anticipatory gain κ (1 = typical)",
  rewardSensitivity: "reward sensitivity (1 = typical)",
};

function ProgressBody(props: { r: ProgressJson; names: Record<string, string> }): JSX.Element {
  const { r } = props;
  const { timeline } = r;
  const done = r.weeks.filter((w) => w.week <= timeline.weeksDone);
  return (
    <>
      <ProfessionalHelp c={r.professionalHelp} />
      <p>
        Week {timeline.weeksDone + 1} since {r.startDate}: {timeline.weeksDone} full week
        {timeline.weeksDone === 1 ? "" : "s"} recorded.
        {timeline.currentPhase ? ` By the calendar you are in: ${timeline.currentPhase.label}.` : ""}
      </p>
      {timeline.stall ? (
        <div class="notice" role="status">
          <p>{timeline.stall.reason}</p>
          <p>
            {timeline.stall.proposal} <a href="#/plan">Re-plan</a>
          </p>
        </div>
      ) : null}
      <section aria-labelledby="progress-start">
        <h2 id="progress-start">Start rate against the timeline</h2>
        <Chart spec={r.charts.timeline} />
        {timeline.phases.map((p) => (
          <Explanation
            key={p.fromWeek}
            source={p.note.replace(/^The article's claim;\s*/, "Seed article; ")}
            grade={p.grade}
          >
            <p>
              Weeks {p.fromWeek}–{p.toWeek}: {p.label}.
            </p>
          </Explanation>
        ))}
      </section>
      <section aria-labelledby="progress-gaps">
        <h2 id="progress-gaps">Motivation Gap and anticipation gap</h2>
        <Chart spec={r.charts.motivationGap} />
        {r.charts.anticipationGap ? (
          <Chart spec={r.charts.anticipationGap} />
        ) : (
          <p class="muted">No rated starts yet, so no anticipation gap.</p>
        )}
        <TableWrap label="Week by week">
          <table class="data-table weeks">
            <caption>Week by week</caption>
            <thead>
              <tr>
                <th scope="col">week</th>
                <th scope="col" class="num">
                  planned
                </th>
                <th scope="col" class="num">
                  started
                </th>
                <th scope="col" class="num">
                  start rate
                </th>
                <th scope="col" class="num">
                  Motivation Gap
                </th>
                <th scope="col" class="num">
                  experienced − anticipated
                </th>
              </tr>
            </thead>
            <tbody>
              {done.map((w) => (
                <tr key={w.week}>
                  <th scope="row">{w.week}</th>
                  <td class="num">{w.planned}</td>
                  <td class="num">{w.started}</td>
                  <td class="num">{pct(w.startRate)}</td>
                  <td class="num">{w.motivationGap}</td>
                  <td class="num">{dec(w.anticipationGap, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <Explanation source="Berridge & Robinson 1998, Brain Res Rev 28:309; Treadway 2012" grade="supported">
          <p>
            Wanting (what pulls you to start) and liking (how it feels once you do) are separable: a gap where
            doing felt better than you expected is what the plan works on.
          </p>
        </Explanation>
      </section>
      <section aria-labelledby="progress-parameters">
        <h2 id="progress-parameters">Your model, week by week</h2>
        {r.charts.parameters ? (
          <>
            <Chart spec={r.charts.parameters} />
            <ul>
              {r.parameterTrajectory.map((t) => {
                const i = t.week.length - 1;
                return (
                  <li key={t.name}>
                    {PARAMETER_TEXT[t.name] ?? t.name}: {dec(t.estimate[i])}{" "}
                    <span class="interval">
                      (95 % interval {dec(t.lo[i])}–{dec(t.hi[i])}) after week {t.week[i]}
                    </span>
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <p class="muted">Two full weeks are needed before the model can be refitted week by week.</p>
        )}
      </section>
      <section aria-labelledby="progress-steps">
        <h2 id="progress-steps">Micro-dose progression</h2>
        <ul>
          {r.progression.map((p) => (
            <li key={p.activityId}>
              {props.names[p.activityId] ?? p.activityId}: {p.message}
            </li>
          ))}
        </ul>
      </section>
      <Disclaimer />
    </>
  );
}

/** The progress view. */
export default function ProgressView(): JSX.Element {
  const state = usePersonLoad(async () => {
    const r = await call<ProgressJson>("progress/get", {});
    return { r, names: r.activityNames };
  });
  return (
    <section class="insight progress-view" aria-labelledby="view-title">
      <h1 id="view-title">Your progress</h1>
      {state.status === "loading" ? <Busy>Summarising your weeks and refitting your model…</Busy> : null}
      {state.status === "empty" ? <NoRecords what="progress" /> : null}
      {state.status === "error" ? <Failed message={state.message} /> : null}
      {state.status === "ready" ? <ProgressBody r={state.value.r} names={state.value.names} /> : null}
    </section>
  );
}
