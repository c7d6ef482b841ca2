/**
 * `#/simulator`: choose a condition and the interventions to compare, move the model's parameters,
 * and watch the population curves change (`simulate/preview`, at most 200 people × 12 weeks). The
 * state is a scenario file, the same JSON `dopamap simulate FILE` accepts: download it to share,
 * or load one.
 */
import type { JSX } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ChartSpec } from "../../../src/charts/spec.ts";
import { call } from "../api.ts";
import { Chart } from "../chart/index.ts";
import { Busy, Disclaimer, dec, Explanation, Failed, type Grade, TableWrap } from "./insight-common.tsx";
import "./simulator.css";

/** The caps of `simulate/preview`. */
const MAX_PEOPLE = 200;
const MAX_WEEKS = 12;
const MAX_COMPARE = 3;

interface ConditionJson {
  id: string;
  label: string;
  pattern: string;
  parameters: Record<string, number>;
  adds: string[];
  source: string;
  grade: Grade;
}
interface InterventionJson {
  id: string;
  label: string;
  summary: string;
  target: string;
  burden: number;
  source: string;
  grade: Grade;
}
interface ParameterJson {
  name: string;
  symbol: string;
  meaning: string;
  unit: string;
  min: number;
  max: number;
  default: number;
  source: string;
  grade: Grade;
}

/** A person-level scenario as JSON (fields this view edits; any others are kept as loaded). */
export interface ScenarioJson {
  level: "person";
  name?: string;
  seed?: number;
  agents?: {
    conditions?: string[];
    parameters?: Record<string, number>;
    people?: number;
    [k: string]: unknown;
  };
  protocol?: { weeks?: number; [k: string]: unknown };
  compare?: string[];
  compareStartWeek?: number;
  [k: string]: unknown;
}

interface IntervalJson {
  mean: number | null;
  lo: number | null;
  hi: number | null;
}
interface ReportJson {
  people: number;
  weeks: number;
  charts: ChartSpec[];
  comparison: { arm: string; label: string; metric: string; weeks: [number, number]; effect: IntervalJson }[];
  notes: string[];
}

/** Parameters shown first; the rest sit under "more parameters". */
const MAIN_PARAMETERS = [
  "anticipatoryGain",
  "rewardSensitivity",
  "hedonicGain",
  "effortCost",
  "threatGain",
  "noveltyCoupling",
  "d2Availability",
  "stressLoad",
  "chronotypePeak",
];

const DEFAULT_SCENARIO: ScenarioJson = {
  level: "person",
  name: "depression: scaffolding vs generic advice",
  seed: 1,
  agents: { conditions: ["depression"], parameters: {}, people: 100 },
  protocol: { weeks: 12 },
  compare: ["scaffolding", "justExercise"],
  compareStartWeek: 0,
};

/** The preset's value of a parameter for the chosen conditions: each condition's deviation from the default, added. */
function presetValue(p: ParameterJson, conditions: readonly ConditionJson[]): number {
  const v = conditions.reduce((acc, c) => acc + ((c.parameters[p.name] ?? p.default) - p.default), p.default);
  return Math.min(p.max, Math.max(p.min, v));
}

const GRADE_WORDS: Record<Grade, string> = {
  established: "established",
  supported: "supported",
  contested: "contested",
  article: "the article's claim",
};

function step(p: ParameterJson): number {
  const span = p.max - p.min;
  if (span >= 100) return 1;
  if (span >= 10) return 0.1;
  if (span >= 2) return 0.01;
  return 0.005;
}

/** The scenario as the preview runs it: people and weeks within the caps. */
export function previewOf(s: ScenarioJson): ScenarioJson {
  const people = Math.min(MAX_PEOPLE, s.agents?.people ?? 200);
  const weeks = Math.min(MAX_WEEKS, s.protocol?.weeks ?? 12);
  return {
    ...s,
    agents: { ...s.agents, people },
    protocol: { ...s.protocol, weeks },
    compare: (s.compare ?? []).slice(0, MAX_COMPARE),
    ...(s.outputs ? { outputs: { ...(s.outputs as object), trace: false } } : {}),
  };
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "scenario"
  );
}

function ParameterSlider(props: {
  p: ParameterJson;
  preset: number;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
}): JSX.Element {
  const { p, preset, value } = props;
  const id = `param-${p.name}`;
  const shown = value ?? preset;
  return (
    <div class="param">
      <label for={id}>
        {p.meaning}{" "}
        <span class="muted">
          ({p.symbol}, {p.unit})
        </span>
      </label>
      <div class="param-row">
        <input
          id={id}
          type="range"
          min={p.min}
          max={p.max}
          step={step(p)}
          value={shown}
          aria-valuetext={`${dec(shown)} ${p.unit}`}
          onInput={(e) => props.onChange(Number((e.currentTarget as HTMLInputElement).value))}
        />
        <output for={id}>{dec(shown)}</output>
        <button
          type="button"
          class="secondary small"
          disabled={value === undefined}
          onClick={() => props.onChange(undefined)}
          aria-label={`Reset ${p.meaning} to the preset (${dec(preset)})`}
        >
          Reset
        </button>
      </div>
      <p class="param-meta">
        Source: {p.source}. Evidence: {GRADE_WORDS[p.grade]}.
      </p>
    </div>
  );
}

/** The simulator view. */
export default function SimulatorView(): JSX.Element {
  const [info, setInfo] = useState<{
    conditions: ConditionJson[];
    interventions: InterventionJson[];
    parameters: ParameterJson[];
  } | null>(null);
  const [infoError, setInfoError] = useState<string | null>(null);
  const [scenario, setScenario] = useState<ScenarioJson>(DEFAULT_SCENARIO);
  const [report, setReport] = useState<ReportJson | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const [loadNote, setLoadNote] = useState<string | null>(null);
  const runId = useRef(0);

  useEffect(() => {
    Promise.all([
      call<ConditionJson[]>("model/conditions", {}),
      call<InterventionJson[]>("model/interventions", {}),
      call<ParameterJson[]>("model/parameters", {}),
    ])
      .then(([conditions, interventions, parameters]) => setInfo({ conditions, interventions, parameters }))
      .catch((e: Error) => setInfoError(e.message));
  }, []);

  // Re-run the preview shortly after the last change.
  useEffect(() => {
    const id = ++runId.current;
    const timer = setTimeout(() => {
      setRunning(true);
      call<ReportJson>("simulate/preview", previewOf(scenario))
        .then((r) => {
          if (id !== runId.current) return;
          setReport(r);
          setRunError(null);
        })
        .catch((e: Error) => {
          if (id === runId.current) setRunError(e.message);
        })
        .finally(() => {
          if (id === runId.current) setRunning(false);
        });
    }, 300);
    return () => clearTimeout(timer);
  }, [scenario]);

  const conditions = scenario.agents?.conditions ?? ["healthy"];
  const compare = scenario.compare ?? [];
  const weeks = scenario.protocol?.weeks ?? 12;
  const people = scenario.agents?.people ?? 200;
  const overrides = scenario.agents?.parameters ?? {};
  const chosen = useMemo(
    () => (info?.conditions ?? []).filter((c) => conditions.includes(c.id)),
    [info, conditions],
  );

  const update = (patch: (s: ScenarioJson) => ScenarioJson) => setScenario((s) => patch(s));
  const setAgents = (agents: Partial<NonNullable<ScenarioJson["agents"]>>) =>
    update((s) => ({ ...s, agents: { ...s.agents, ...agents } }));
  const toggleCondition = (id: string, on: boolean) => {
    const next = on ? [...conditions, id] : conditions.filter((c) => c !== id);
    setAgents({ conditions: next.length ? next : ["healthy"] });
  };
  const toggleCompare = (id: string, on: boolean) =>
    update((s) => ({ ...s, compare: on ? [...compare, id] : compare.filter((c) => c !== id) }));
  const setParameter = (name: string, v: number | undefined) => {
    const next = { ...overrides };
    if (v === undefined) delete next[name];
    else next[name] = v;
    setAgents({ parameters: next });
  };

  const download = () => {
    const blob = new Blob([`${JSON.stringify(scenario, null, 2)}\n`], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `${slug(scenario.name ?? "scenario")}.json`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const load = async (file: File | undefined) => {
    if (!file) return;
    try {
      const parsed = JSON.parse(await file.text()) as ScenarioJson;
      if (typeof parsed !== "object" || parsed === null || parsed.level !== "person") {
        setLoadNote(
          `${file.name}: the simulator shows person-level scenarios ("level": "person"); run other levels with dopamap simulate FILE.`,
        );
        return;
      }
      const capped =
        (parsed.agents?.people ?? 200) > MAX_PEOPLE ||
        (parsed.protocol?.weeks ?? 12) > MAX_WEEKS ||
        (parsed.compare?.length ?? 0) > MAX_COMPARE;
      setLoadNote(
        `Loaded ${file.name}.${capped ? ` The preview runs at most ${MAX_PEOPLE} people × ${MAX_WEEKS} weeks and ${MAX_COMPARE} comparisons; the file keeps its own numbers for dopamap simulate.` : ""}`,
      );
      setScenario(parsed);
    } catch (e) {
      setLoadNote(`${file.name}: not a scenario file (${(e as Error).message}).`);
    }
  };

  const startRate = report?.comparison.filter((c) => c.metric === "startRate") ?? [];
  const mainParams = (info?.parameters ?? []).filter((p) => MAIN_PARAMETERS.includes(p.name));
  const moreParams = (info?.parameters ?? []).filter((p) => !MAIN_PARAMETERS.includes(p.name));
  const slider = (p: ParameterJson) => (
    <ParameterSlider
      key={p.name}
      p={p}
      preset={presetValue(p, chosen)}
      value={overrides[p.name]}
      onChange={(v) => setParameter(p.name, v)}
    />
  );

  return (
    <section class="insight simulator-view" aria-labelledby="view-title">
      <h1 id="view-title">Simulator</h1>
      <p>
        Simulated people, not a forecast for you: choose a condition and the interventions to compare, move
        the model's parameters, and the curves follow.
      </p>
      {infoError ? <Failed message={infoError} /> : null}
      <div class="simulator-layout">
        <form class="simulator-controls" onSubmit={(e) => e.preventDefault()} aria-label="Scenario">
          <div class="field">
            <label for="scenario-name">Scenario name</label>
            <input
              id="scenario-name"
              type="text"
              value={scenario.name ?? ""}
              maxLength={200}
              onChange={(e) => update((s) => ({ ...s, name: (e.currentTarget as HTMLInputElement).value }))}
            />
          </div>
          <fieldset>
            <legend>Condition (presets combine)</legend>
            <div class="choices">
              {(info?.conditions ?? []).map((c) => (
                <label class="choice" key={c.id}>
                  <input
                    type="checkbox"
                    name="condition"
                    value={c.id}
                    checked={conditions.includes(c.id)}
                    onChange={(e) => toggleCondition(c.id, (e.currentTarget as HTMLInputElement).checked)}
                  />
                  {c.label}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>Interventions to compare with none (up to {MAX_COMPARE})</legend>
            <div class="choices">
              {(info?.interventions ?? [])
                .filter((iv) => iv.id !== "none")
                .map((iv) => (
                  <label class="choice" key={iv.id}>
                    <input
                      type="checkbox"
                      name="compare"
                      value={iv.id}
                      checked={compare.includes(iv.id)}
                      disabled={!compare.includes(iv.id) && compare.length >= MAX_COMPARE}
                      onChange={(e) => toggleCompare(iv.id, (e.currentTarget as HTMLInputElement).checked)}
                    />
                    {iv.label}
                  </label>
                ))}
            </div>
          </fieldset>
          <div class="field-row">
            <div class="field">
              <label for="sim-weeks">Weeks</label>
              <select
                id="sim-weeks"
                value={String(Math.min(weeks, MAX_WEEKS))}
                onChange={(e) =>
                  update((s) => ({
                    ...s,
                    protocol: { ...s.protocol, weeks: Number((e.currentTarget as HTMLSelectElement).value) },
                  }))
                }
              >
                {Array.from({ length: MAX_WEEKS - 3 }, (_, i) => i + 4).map((w) => (
                  <option key={w} value={w}>
                    {w}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="sim-start">Interventions from week</label>
              <select
                id="sim-start"
                value={String(scenario.compareStartWeek ?? 0)}
                onChange={(e) =>
                  update((s) => ({
                    ...s,
                    compareStartWeek: Number((e.currentTarget as HTMLSelectElement).value),
                  }))
                }
              >
                {Array.from({ length: Math.min(weeks, MAX_WEEKS) }, (_, i) => i).map((w) => (
                  <option key={w} value={w}>
                    {w + 1}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="sim-people">People</label>
              <select
                id="sim-people"
                value={String(Math.min(people, MAX_PEOPLE))}
                onChange={(e) => setAgents({ people: Number((e.currentTarget as HTMLSelectElement).value) })}
              >
                {[50, 100, 200].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset>
            <legend>Parameters (start at the preset; Reset returns to it)</legend>
            {mainParams.map(slider)}
            <details>
              <summary>More parameters</summary>
              {moreParams.map(slider)}
            </details>
          </fieldset>
          <div class="actions">
            <button type="button" class="button" onClick={download}>
              Download scenario file
            </button>
            <label class="button secondary file-button" for="scenario-file">
              Load a scenario file
            </label>
            <input
              id="scenario-file"
              class="visually-hidden"
              type="file"
              accept="application/json,.json"
              onChange={(e) => {
                const input = e.currentTarget as HTMLInputElement;
                void load(input.files?.[0]);
                input.value = "";
              }}
            />
          </div>
          {loadNote ? (
            <p class="notice" role="status">
              {loadNote}
            </p>
          ) : null}
          <p class="muted">
            Run the same file in full from the command line:{" "}
            <code>npx dopamap simulate {slug(scenario.name ?? "scenario")}.json</code>
          </p>
        </form>
        <div class="simulator-results" aria-busy={running}>
          <h2>Curves</h2>
          {runError ? <Failed message={runError} /> : null}
          {!report && !runError ? <Busy>Simulating…</Busy> : null}
          {report ? (
            <>
              <p class="muted" role="status">
                {running ? "Updating… " : ""}
                {report.people} simulated people × {report.weeks} weeks.
              </p>
              {startRate.length ? (
                <TableWrap label="Effects on the start rate">
                  <table class="data-table comparison">
                    <caption>Start rate against no intervention, same simulated people</caption>
                    <thead>
                      <tr>
                        <th scope="col">intervention</th>
                        <th scope="col">weeks</th>
                        <th scope="col">effect (95 % interval)</th>
                      </tr>
                    </thead>
                    <tbody>
                      {startRate.map((c) => (
                        <tr key={c.arm}>
                          <th scope="row">{c.label}</th>
                          <td>
                            {c.weeks[0]}–{c.weeks[1]}
                          </td>
                          <td>
                            {dec(c.effect.mean)}{" "}
                            <span class="interval">
                              ({dec(c.effect.lo)} to {dec(c.effect.hi)})
                            </span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              ) : null}
              {report.charts.map((c) => (
                <Chart key={c.id} spec={c} />
              ))}
              {report.notes.map((n) => (
                <p class="muted" key={n}>
                  {n}
                </p>
              ))}
            </>
          ) : null}
        </div>
      </div>
      <section aria-labelledby="sim-evidence">
        <h2 id="sim-evidence">What the presets and interventions rest on</h2>
        {chosen.map((c) => (
          <Explanation key={c.id} title={c.label} source={c.source} grade={c.grade}>
            <p>
              Pattern: {c.pattern}
              {c.adds.length ? `; adds ${c.adds.join(", ")} to the environment` : ""}.
            </p>
          </Explanation>
        ))}
        {(info?.interventions ?? [])
          .filter((iv) => compare.includes(iv.id))
          .map((iv) => (
            <Explanation key={iv.id} title={iv.label} source={iv.source} grade={iv.grade}>
              <p>{iv.summary}</p>
            </Explanation>
          ))}
      </section>
      <Disclaimer />
    </section>
  );
}
