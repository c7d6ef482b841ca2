import type { ComponentChildren, JSX } from "preact";
import { renderToString } from "preact-render-to-string";
import { type ChartSpec, renderSvg } from "../charts/index.ts";
import { clockHour, type PlanComponent } from "../plan/index.ts";
import { FRAMEWORK, type StatementGrade } from "../profile/index.ts";
import {
  anticipationGapChart,
  drawable,
  motivationGapChart,
  printableMapChart,
  scoreChart,
  trajectoryChart,
} from "./charts.ts";
import {
  allStatements,
  bandStatement,
  componentStatement,
  frameworkStatement,
  phaseStatement,
} from "./statements.ts";
import { REPORT_CSS } from "./styles.ts";
import {
  type GradedStatement,
  REPORT_DISCLAIMER,
  type RenderReportOptions,
  type ReportCrisisEvent,
  type ReportData,
  type ReportMap,
  type ReportPlan,
  type ReportProgress,
  type ScoreSeries,
  SECTION_IDS,
  SECTION_TITLES,
  type SectionContent,
  type SectionId,
} from "./types.ts";

/** How each evidence grade is printed. */
export const GRADE_LABELS: Readonly<Record<StatementGrade, string>> = {
  established: "established",
  supported: "supported",
  contested: "contested",
  article: "the article's claim",
};

const pct = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? "–" : `${Math.round(x * 100)} %`;
const num = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(digits);
const day = (iso: string) => iso.slice(0, 10);
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function Statement({ s }: { s: GradedStatement }) {
  return (
    <p class="statement" data-grade={s.grade}>
      {s.text}
      <span class="cite">
        Source: <span class="source">{s.source}</span>. Evidence:{" "}
        <span class={`grade grade-${s.grade}`}>{GRADE_LABELS[s.grade]}</span>.
      </span>
    </p>
  );
}

function Chart({ spec, width = 680, height = 360 }: { spec: ChartSpec; width?: number; height?: number }) {
  const ready = drawable(spec);
  if (!ready) return <p class="muted">{spec.title}: nothing to draw yet.</p>;
  // An image of the SVG (not inline markup): self-contained, prints as vector, and its text
  // alternative is the chart's title and captions; the numbers are in the tables beside it.
  const svg = renderSvg(ready, { width, height });
  const alt = [ready.title, ready.subtitle, ready.caption].filter(Boolean).join(". ");
  return (
    <figure class="chart" data-chart={ready.id}>
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={alt} width={width} />
    </figure>
  );
}

function Unavailable({ reason }: { reason: string }) {
  return <p class="muted">Not available yet: {reason}</p>;
}

function Section({ id, first, children }: { id: SectionId; first: boolean; children: ComponentChildren }) {
  return (
    <section
      class={first ? "report-section first" : "report-section"}
      id={`section-${id}`}
      data-section={id}
      aria-labelledby={`h-${id}`}
    >
      <h2 id={`h-${id}`}>{SECTION_TITLES[id]}</h2>
      {children}
    </section>
  );
}

function MapSection({ content }: { content: SectionContent<ReportMap> }) {
  if (!content.ok) return <Unavailable reason={content.reason} />;
  const { map, chart } = content.value;
  const rows = [
    ...map.patterns.map((p) => ({ name: FRAMEWORK[p.pattern].pattern, s: p })),
    { name: "stress load", s: map.stressLoad },
  ];
  const peak = map.chronotypePeak;
  return (
    <>
      <Chart spec={printableMapChart(chart)} />
      <table>
        <caption class="muted">Pattern strengths, 0–1, with 95 % intervals</caption>
        <thead>
          <tr>
            <th>pattern</th>
            <th class="num">strength</th>
            <th class="num">95 % interval</th>
            <th>from</th>
            <th>enough data</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td>{r.name}</td>
              <td class="num">{num(r.s.estimate)}</td>
              <td class="num">
                {num(r.s.lo)}–{num(r.s.hi)}
              </td>
              <td>{r.s.from.length ? [...new Set(r.s.from)].join(", ") : "–"}</td>
              <td>{r.s.enoughData ? "yes" : "not enough data yet"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Daily peak (chronotype):{" "}
        {peak.estimate !== null
          ? `about ${clockHour(Math.round(peak.estimate))} (${num(peak.lo, 1)}–${num(peak.hi, 1)} h)`
          : "not estimated yet"}
        {peak.enoughData ? "" : "; not enough data yet"}.
      </p>
      {map.primary ? (
        <>
          <h3>Primary pattern: {FRAMEWORK[map.primary.pattern].pattern}</h3>
          <Statement s={frameworkStatement(map.primary.pattern)} />
          <h3>Why, in your own numbers</h3>
          <ul class="why">
            {map.primary.why.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <p class="muted">Computed from the person's own records and fitted model.</p>
        </>
      ) : (
        <p>
          {map.status === "notEnoughData"
            ? "Not enough data yet for a primary pattern."
            : "No pattern stands out from the others yet."}
        </p>
      )}
      <h3>What the map rests on</h3>
      {map.statements.map((s) => (
        <Statement key={s.id} s={s} />
      ))}
    </>
  );
}

function Component({ c }: { c: PlanComponent }) {
  return (
    <div class="component">
      <p>
        <strong>{c.title}</strong> {c.text}
      </p>
      {c.steps?.length ? (
        <ol>
          {c.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      ) : null}
      <Statement s={componentStatement(c)} />
    </div>
  );
}

function PlanSection({ content }: { content: SectionContent<ReportPlan> }) {
  if (!content.ok) return <Unavailable reason={content.reason} />;
  const { plan, drawsFrom, assumedMap } = content.value;
  const sel = plan.selection;
  const name = (p: string) => FRAMEWORK[p as keyof typeof FRAMEWORK]?.pattern ?? p;
  return (
    <>
      {assumedMap ? (
        <p class="banner">
          Too few records for a fit yet: the plan assumes an anticipatory deficit with a 09:00 peak.
        </p>
      ) : null}
      <p>
        Primary pattern: <strong>{name(plan.primary)}</strong>
        {plan.secondary.length ? `; also ${plan.secondary.map(name).join(", ")}` : ""}.
      </p>
      {plan.general
        .filter((g) => g.kind === "professionalHelp")
        .map((c) => (
          <div class="alert" key={c.title}>
            <Component c={c} />
          </div>
        ))}
      {plan.activities.map((a) => (
        <div key={a.activityId}>
          <h3>
            {a.name} at {clockHour(a.hour)}
          </h3>
          <p class="muted">
            Days: {a.days.map((d) => DAYS[d] ?? String(d)).join(", ")}. {a.timingReason} Micro-dose: start at{" "}
            {a.progression.startMin} min, {a.progression.stepMin} min more after {a.progression.afterStarts}{" "}
            starts in a row, up to {a.progression.maxMin} min.
          </p>
          {a.components.map((c) => (
            <Component key={c.title} c={c} />
          ))}
        </div>
      ))}
      {plan.general.some((g) => g.kind !== "professionalHelp") ? <h3>Across the plan</h3> : null}
      {plan.general
        .filter((g) => g.kind !== "professionalHelp")
        .map((c) => (
          <Component key={c.title} c={c} />
        ))}
      {sel ? (
        <>
          <h3>Forecast: this plan against the alternatives</h3>
          <table>
            <thead>
              <tr>
                <th>plan</th>
                <th class="num">start rate, weeks {sel.window.join("–")}</th>
                <th class="num">95 % interval</th>
                <th class="num">difference from the chosen plan</th>
                <th class="num">burden</th>
              </tr>
            </thead>
            <tbody>
              {sel.candidates.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.id === sel.bestId ? <strong>{c.label} (chosen)</strong> : c.label}
                    {c.generic ? " (generic advice)" : ""}
                  </td>
                  <td class="num">{pct(c.startRate.mean)}</td>
                  <td class="num">
                    {pct(c.startRate.lo)}–{pct(c.startRate.hi)}
                  </td>
                  <td class="num">
                    {c.differenceFromBest && c.id !== sel.bestId
                      ? `${pct(c.differenceFromBest.mean)} (${pct(c.differenceFromBest.lo)} to ${pct(c.differenceFromBest.hi)})`
                      : "–"}
                  </td>
                  <td class="num">{c.burden}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{sel.explanation}</p>
          <Chart spec={sel.chart} height={440} />
          <p class="muted">
            Simulated on {drawsFrom}; {sel.draws} draws × {sel.seedsPerDraw} seeds. {plan.disclaimer}
          </p>
        </>
      ) : (
        <p class="muted">{plan.disclaimer}</p>
      )}
    </>
  );
}

function ScoresSection({ scores }: { scores: readonly ScoreSeries[] }) {
  if (scores.length === 0) return <p>No questionnaires completed yet.</p>;
  return (
    <>
      <p class="muted">Screening results, not diagnoses.</p>
      {scores.map((s) => (
        <div key={s.instrumentId} class="score-series" data-instrument={s.instrumentId}>
          <h3>{s.title}</h3>
          {s.points.length > 1 ? <Chart spec={scoreChart(s)} height={300} /> : null}
          <table>
            <thead>
              <tr>
                <th>date</th>
                <th class="num">total</th>
                <th>band</th>
              </tr>
            </thead>
            <tbody>
              {s.points.map((p) => (
                <tr key={p.at}>
                  <td>{day(p.at)}</td>
                  <td class="num">{p.value}</td>
                  <td>{p.band?.label ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {bandStatement(s) ? <Statement s={bandStatement(s)!} /> : null}
        </div>
      ))}
    </>
  );
}

function ProgressSection({ content }: { content: SectionContent<ReportProgress> }) {
  if (!content.ok) return <Unavailable reason={content.reason} />;
  const { weeks, timeline, progression, trajectories, startDate, activityNames } = content.value;
  return (
    <>
      <p>
        Week 1 starts on {startDate}. {timeline.weeksDone} complete week{timeline.weeksDone === 1 ? "" : "s"}.
        {timeline.currentPhase ? ` By the calendar: ${timeline.currentPhase.label}.` : ""}
      </p>
      <table>
        <thead>
          <tr>
            <th class="num">week</th>
            <th class="num">planned</th>
            <th class="num">started</th>
            <th class="num">start rate</th>
            <th class="num">Motivation Gap</th>
            <th class="num">experienced − anticipated</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.week}>
              <td class="num">{w.week}</td>
              <td class="num">{w.planned}</td>
              <td class="num">{w.started}</td>
              <td class="num">{pct(w.startRate)}</td>
              <td class="num">{w.motivationGap}</td>
              <td class="num">{num(w.anticipationGap, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Chart spec={timeline.chart} height={420} />
      <div class="charts-grid">
        <Chart spec={motivationGapChart(weeks)} width={340} height={280} />
        <Chart spec={anticipationGapChart(weeks)} width={340} height={280} />
      </div>
      {timeline.stall ? (
        <p class="banner">
          Re-planning proposed: {timeline.stall.reason} {timeline.stall.proposal}
        </p>
      ) : null}
      <h3>The framework's timeline</h3>
      {timeline.phases.map((ph) => (
        <Statement key={ph.label} s={phaseStatement(ph)} />
      ))}
      <h3>Micro-dose progression</h3>
      <ul>
        {progression.map((p) => (
          <li key={p.activityId}>
            {activityNames[p.activityId] ?? p.activityId}: next session {p.currentMin} min. {p.message}
          </li>
        ))}
      </ul>
      <h3>Parameter trajectories</h3>
      {trajectories.length ? (
        <div class="charts-grid">
          {trajectories.map((t) => (
            <Chart key={t.name} spec={trajectoryChart(t)} width={340} height={280} />
          ))}
        </div>
      ) : (
        <p class="muted">Not enough weeks of records yet to refit week by week.</p>
      )}
    </>
  );
}

function CrisisSection({ events }: { events: readonly ReportCrisisEvent[] }) {
  if (events.length === 0) return <p>No crisis events recorded.</p>;
  return (
    <>
      <p>
        Each answer that raised crisis resources, as recorded in the person's own data, with the resources
        that were shown at once.
      </p>
      {events.map((e) => (
        <div class="crisis-event" key={`${e.at}-${e.instrumentId}-${e.itemNumber}`}>
          <p>
            <strong>{e.at.replace("T", " ").slice(0, 16)} UTC</strong>: {e.instrument} item {e.itemNumber}{" "}
            answered {e.value} ({e.severity === "prominent" ? "shown prominently" : "shown"}).
          </p>
          <p>{e.resources.emergencyPrompt}</p>
          <ul>
            {e.resources.contacts.map((c) => (
              <li key={c.name}>
                {c.name}
                {c.links.some((l) => l.label === c.action) ? "" : `: ${c.action}`}
                {c.links.length ? ": " : ""}
                {c.links.map((l, i) => (
                  <span key={l.href}>
                    {i > 0 ? ", " : ""}
                    <a href={l.href}>{l.label}</a>
                  </span>
                ))}
                {c.confidence === "unverified" ? " (not yet verified)" : ""}
              </li>
            ))}
          </ul>
          <p class="muted">
            {e.resources.clinicianPrompt} Resources last verified {e.resources.lastVerified}.
          </p>
        </div>
      ))}
    </>
  );
}

function SourcesSection({ statements }: { statements: readonly GradedStatement[] }) {
  return (
    <>
      <p>
        Every explanation in this report, with its source and evidence grade. Grades: established, supported,
        contested, or the article's claim (a statement from the seed article that we could not source, never
        stated as fact).
      </p>
      <table>
        <thead>
          <tr>
            <th>statement</th>
            <th>source</th>
            <th>grade</th>
          </tr>
        </thead>
        <tbody>
          {statements.map((s) => (
            <tr key={`${s.text}|${s.source}`} class="source-row">
              <td>{s.text}</td>
              <td>{s.source}</td>
              <td class={`grade grade-${s.grade}`}>{GRADE_LABELS[s.grade]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * The first page, for a busy clinician: crisis events first, the latest score of each
 * questionnaire with its band, the primary pattern of the map, and the start rate of the last
 * weeks. Everything here is repeated, with sources, in the sections after it.
 */
function SummaryPage({ data }: { data: ReportData }): JSX.Element {
  const latest = data.scores.map((s) => ({ s, p: s.points.at(-1)! })).filter((x) => x.p !== undefined);
  const weeks = data.progress.ok ? data.progress.value.weeks.filter((w) => w.startRate !== null) : [];
  const recent = weeks.slice(-2);
  return (
    <section class="report-section summary" id="section-summary" aria-labelledby="h-summary">
      <h2 id="h-summary">Summary</h2>
      {data.crisis.length > 0 ? (
        <p class="summary-crisis" role="alert">
          {data.crisis.length} crisis event(s) recorded, the latest on {data.crisis.at(-1)!.at.slice(0, 10)} (
          {data.crisis.at(-1)!.instrument} item {data.crisis.at(-1)!.itemNumber}, answer{" "}
          {data.crisis.at(-1)!.value}
          ): see “{SECTION_TITLES.crisis}”.
        </p>
      ) : (
        <p>No crisis events recorded.</p>
      )}
      <h3>Latest questionnaire scores</h3>
      {latest.length === 0 ? (
        <p>No questionnaire completed yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Questionnaire</th>
              <th scope="col">Date</th>
              <th scope="col">Score</th>
              <th scope="col">Band</th>
            </tr>
          </thead>
          <tbody>
            {latest.map(({ s, p }) => (
              <tr key={s.instrumentId}>
                <td>{s.title}</td>
                <td>{p.at.slice(0, 10)}</td>
                <td>
                  {p.value}
                  {s.range ? ` of ${s.range[1]}` : ""}
                </td>
                <td>{p.band?.label ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Map and progress</h3>
      <ul>
        <li>
          Primary pattern:{" "}
          {data.map.ok
            ? data.map.value.map.primary
              ? data.map.value.map.primary.row.pattern
              : "none stands out yet"
            : data.map.reason}
        </li>
        <li>
          Start rate{recent.length > 1 ? " in the last two weeks" : ""}:{" "}
          {recent.length === 0
            ? "no planned activities yet"
            : recent.map((w) => `week ${w.week}: ${Math.round(100 * w.startRate!)} %`).join("; ")}
        </li>
      </ul>
      <p class="meta">A self-help and research tool's output, not a diagnosis.</p>
    </section>
  );
}

/** The whole report as a Preact element tree. */
export function ReportDocument({
  data,
  options = {},
}: {
  data: ReportData;
  options?: RenderReportOptions;
}): JSX.Element {
  const wanted = new Set(options.sections ?? SECTION_IDS);
  const sections = SECTION_IDS.filter((s) => wanted.has(s));
  const body: Record<SectionId, () => JSX.Element> = {
    map: () => <MapSection content={data.map} />,
    plan: () => <PlanSection content={data.plan} />,
    scores: () => <ScoresSection scores={data.scores} />,
    progress: () => <ProgressSection content={data.progress} />,
    crisis: () => <CrisisSection events={data.crisis} />,
    sources: () => <SourcesSection statements={allStatements(data, sections)} />,
  };
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>dopamap report</title>
        <style>{REPORT_CSS}</style>
      </head>
      <body>
        <header class="report-header">
          <p class="disclaimer" role="note">
            {REPORT_DISCLAIMER}
          </p>
          <h1>dopamap report{data.subject ? `: ${data.subject}` : ""}</h1>
          <p class="meta">
            Made {data.generatedAt.replace("T", " ").slice(0, 16)} UTC. Sections:{" "}
            {sections.map((s) => SECTION_TITLES[s]).join(", ")}.
          </p>
          {options.banner ? <p class="banner">{options.banner}</p> : null}
        </header>
        <main>
          {options.summary === false ? null : <SummaryPage data={data} />}
          {sections.map((s, i) => (
            <Section key={s} id={s} first={options.summary === false && i === 0}>
              {body[s]()}
            </Section>
          ))}
        </main>
        {options.pdf ? null : (
          <footer class="print-footer" aria-hidden="true">
            {REPORT_DISCLAIMER}
          </footer>
        )}
      </body>
    </html>
  );
}

/** Renders the report as a complete HTML document (doctype included). Pure: same data, same string. */
export function renderReportHtml(data: ReportData, options: RenderReportOptions = {}): string {
  return `<!doctype html>${renderToString(<ReportDocument data={data} options={options} />)}`;
}

/** A page that says only that there is nothing to show (an unknown, expired or revoked share). */
export function renderNothingHtml(): string {
  return `<!doctype html>${renderToString(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Nothing to show</title>
        <style>{REPORT_CSS}</style>
      </head>
      <body>
        <main>
          <h1>Nothing to show</h1>
          <p>
            This link does not lead to a report. If it was shared with your account, sign in first; otherwise
            ask the person who shared it for a new one.
          </p>
        </main>
      </body>
    </html>,
  )}`;
}
