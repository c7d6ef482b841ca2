/**
 * `#/map`: the person's reward-architecture map. Pattern strengths with their 95 % intervals (chart
 * and table), the framework's row for the primary pattern, the why in the person's own numbers, and
 * every explanation with its source and evidence grade. Reads `map/get` (stored records and the
 * latest questionnaire totals).
 */
import type { JSX } from "preact";
import type { ChartSpec } from "../../../src/charts/spec.ts";
import { call } from "../api.ts";
import { Chart } from "../chart/index.ts";
import { Busy, Disclaimer, Explanation, Failed, type Grade, TableWrap, useLoad } from "./insight-common.tsx";

interface StrengthJson {
  estimate: number | null;
  lo: number;
  hi: number;
  enoughData: boolean;
  from: string[];
}
interface MapJson {
  disclaimer: string;
  patterns: (StrengthJson & { pattern: string })[];
  stressLoad: StrengthJson;
  chronotypePeak: { estimate: number | null; lo: number | null; hi: number | null; enoughData: boolean };
  primary: {
    pattern: string;
    row: { pattern: string; disruption: string; shows: string; target: string };
    why: string[];
  } | null;
  status: "ok" | "notEnoughData" | "noPatternStandsOut";
  statements: { id: string; text: string; source: string; grade: Grade }[];
  chart: ChartSpec;
}

const two = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(2);
const hour = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x)
    ? "–"
    : `${String(Math.floor(((x % 24) + 24) % 24)).padStart(2, "0")}:${String(Math.round((x % 1) * 60) % 60).padStart(2, "0")}`;

function StrengthCell(props: { s: StrengthJson }): JSX.Element {
  const { s } = props;
  if (!s.enoughData || s.estimate === null)
    return (
      <td>
        not enough data yet{" "}
        <span class="interval">
          (95 % interval {two(s.lo)}–{two(s.hi)})
        </span>
      </td>
    );
  return (
    <td>
      {two(s.estimate)}{" "}
      <span class="interval">
        (95 % interval {two(s.lo)}–{two(s.hi)})
      </span>
    </td>
  );
}

const STATUS_TEXT: Record<MapJson["status"], string> = {
  ok: "",
  notEnoughData:
    "Not enough data yet for a primary pattern: every interval is still wider than half the scale. Keep checking in on Today, import a log, or answer the questionnaires on Assess.",
  noPatternStandsOut:
    "No pattern stands out: none is strong enough (0.4 or more) to call it your primary pattern. That is a result too.",
};

function MapBody(props: { map: MapJson }): JSX.Element {
  const { map } = props;
  const names = map.chart.x.categories ?? [];
  const rows = [
    ...map.patterns.map((p, i) => ({ key: p.pattern, name: names[i] ?? p.pattern, s: p as StrengthJson })),
    { key: "stressLoad", name: "stress load", s: map.stressLoad },
  ];
  const primaryName = map.primary?.row.pattern;
  const statements = map.statements.filter((s) => s.id !== "notDiagnosis");
  const notDiagnosis = map.statements.find((s) => s.id === "notDiagnosis");
  return (
    <>
      {notDiagnosis ? (
        <Explanation source={notDiagnosis.source} grade={notDiagnosis.grade}>
          <p>{notDiagnosis.text}</p>
        </Explanation>
      ) : (
        <Disclaimer text={map.disclaimer} />
      )}
      <section aria-labelledby="map-strengths">
        <h2 id="map-strengths">Pattern strengths</h2>
        {map.status !== "ok" ? <p class="notice">{STATUS_TEXT[map.status]}</p> : null}
        <Chart spec={map.chart} />
        <TableWrap label="Pattern strengths">
          <table class="data-table strengths">
            <caption class="visually-hidden">Pattern strengths, 0 to 1, with 95 % intervals</caption>
            <thead>
              <tr>
                <th scope="col">pattern</th>
                <th scope="col">strength (0–1)</th>
                <th scope="col">from</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} class={r.name === primaryName ? "chosen" : undefined}>
                  <th scope="row">
                    {r.name}
                    {r.name === primaryName ? " (primary)" : ""}
                  </th>
                  <StrengthCell s={r.s} />
                  <td>{r.s.from.length ? [...new Set(r.s.from)].join(", ") : "–"}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">daily peak (chronotype)</th>
                <td>
                  {map.chronotypePeak.enoughData ? hour(map.chronotypePeak.estimate) : "not enough data yet"}{" "}
                  <span class="interval">
                    (95 % interval {hour(map.chronotypePeak.lo)}–{hour(map.chronotypePeak.hi)})
                  </span>
                </td>
                <td>logs</td>
              </tr>
            </tbody>
          </table>
        </TableWrap>
      </section>
      {map.primary ? (
        <section aria-labelledby="map-primary">
          <h2 id="map-primary">Your primary pattern: {map.primary.row.pattern}</h2>
          <Explanation
            title="The framework's row for this pattern"
            source="Seed article (“Dopamine and Mental Health”), its table of patterns"
            grade="article"
          >
            <dl class="framework-row">
              <dt>Pattern</dt>
              <dd>{map.primary.row.pattern}</dd>
              <dt>Circuit disruption</dt>
              <dd>{map.primary.row.disruption}</dd>
              <dt>How it shows</dt>
              <dd>{map.primary.row.shows}</dd>
              <dt>Intervention target</dt>
              <dd>{map.primary.row.target}</dd>
            </dl>
          </Explanation>
          <h3>Why, in your own numbers</h3>
          {map.primary.why.length ? (
            <ul class="why">
              {map.primary.why.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">Your records do not yet show this pattern in numbers of their own.</p>
          )}
          <p>
            <a href="#/plan">See the plan matched to this pattern</a>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="map-evidence">
        <h2 id="map-evidence">What this rests on</h2>
        {statements.map((s) => (
          <Explanation key={s.id} source={s.source} grade={s.grade}>
            <p>{s.text}</p>
          </Explanation>
        ))}
      </section>
    </>
  );
}

/** The map view. */
export default function MapView(): JSX.Element {
  // No log sent: the server maps the stored records with the latest questionnaire totals.
  const state = useLoad(() => call<MapJson>("map/get", {}));
  return (
    <section class="insight map-view" aria-labelledby="view-title">
      <h1 id="view-title">Your map</h1>
      {state.status === "loading" ? <Busy>Fitting your model to your records…</Busy> : null}
      {state.status === "error" ? <Failed message={state.message} /> : null}
      {state.status === "ready" ? <MapBody map={state.value} /> : null}
    </section>
  );
}
