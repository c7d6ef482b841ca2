/**
 * `#/assess`: the assessment, one question per screen. Each answer is posted (`assessment/answer`)
 * the moment it is given, so it is saved and any crisis rule fires at once, even if the form is
 * then abandoned; progress is also kept in localStorage so the person resumes where they left.
 */
import type { JSX } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, call } from "../api.ts";
import { getRegion, raiseCrisis } from "../app-state.ts";
import type { CrisisResources } from "../help/crisis.tsx";

/** The forms asked, in order: the pattern screener first, mood, anxiety, alcohol, then sleep timing. */
export const BATTERY = ["pattern_screener", "phq9", "gad7", "audit_c", "sleep_timing"] as const;
const PROGRESS_KEY = "dopamap.assessment";

type Response =
  | { kind: "choice"; optionSet: string }
  | { kind: "integer"; min: number; max: number; unit: string }
  | { kind: "time" }
  | { kind: "boolean" };
interface Item {
  id: string;
  number: number;
  text: string | null;
  response: Response;
  required?: boolean;
}
interface Definition {
  id: string;
  shortTitle: string;
  title: string;
  instructions?: string;
  items: Item[];
  optionSets: Record<string, { value: number; text: string | null }[]>;
  licence?: { notice?: string };
}
type Value = number | string | boolean;
interface Summary {
  instrument: string;
  title: string;
  total: number | null;
  unit: string;
  label: string;
  band: string | null;
  bandSource: string | null;
  messages: string[];
}
interface Progress {
  form: number;
  item: number;
  responseIds: Record<string, string>;
  answers: Record<string, Record<string, Value>>;
  results: Summary[];
}
interface AnswerResult {
  resources?: CrisisResources;
}
interface ScoreResult {
  title: string;
  total: { value: number | null; unit: string; label: string } | null;
  band: { label: string; source: string } | null;
  flags: { kind: string; message: string }[];
}

const fresh = (): Progress => ({ form: 0, item: 0, responseIds: {}, answers: {}, results: [] });

function load(): Progress {
  try {
    const raw = localStorage.getItem(PROGRESS_KEY);
    return raw ? { ...fresh(), ...(JSON.parse(raw) as Progress) } : fresh();
  } catch {
    return fresh();
  }
}

function save(p: Progress): void {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    /* storage blocked: the server still has every answer */
  }
}

function newId(): string {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const definitions = new Map<string, Definition>();

function ItemInput(props: {
  def: Definition;
  item: Item;
  value: Value | undefined;
  onChange: (v: Value) => void;
  /** Typed but not yet committed (time and number fields commit on change or on "Next"). */
  onDraft: (v: Value | undefined) => void;
}): JSX.Element {
  const { item, value, onChange } = props;
  const r = item.response;
  const name = `q-${item.id}`;
  if (r.kind === "choice" || r.kind === "boolean") {
    const options =
      r.kind === "boolean"
        ? [
            { value: true as Value, text: "Yes" },
            { value: false as Value, text: "No" },
          ]
        : (props.def.optionSets[r.optionSet] ?? []).map((o) => ({ value: o.value as Value, text: o.text }));
    return (
      <div class="choices">
        {options.map((o) => (
          <label class="choice" key={String(o.value)}>
            <input
              type="radio"
              name={name}
              value={String(o.value)}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.text ?? String(o.value)}</span>
          </label>
        ))}
      </div>
    );
  }
  const id = `${name}-input`;
  if (r.kind === "time")
    return (
      <p class="field">
        <label for={id}>Time (24-hour, HH:MM)</label>
        <input
          id={id}
          type="time"
          defaultValue={typeof value === "string" ? value : ""}
          onInput={(e) => props.onDraft((e.target as HTMLInputElement).value || undefined)}
          onChange={(e) => {
            const v = (e.target as HTMLInputElement).value;
            if (v) onChange(v);
          }}
        />
      </p>
    );
  return (
    <p class="field">
      <label for={id}>
        Number ({r.min}–{r.max} {r.unit})
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={r.min}
        max={r.max}
        step={1}
        defaultValue={typeof value === "number" ? String(value) : ""}
        onInput={(e) => {
          const v = (e.target as HTMLInputElement).valueAsNumber;
          props.onDraft(Number.isInteger(v) && v >= r.min && v <= r.max ? v : undefined);
        }}
        onChange={(e) => {
          const v = (e.target as HTMLInputElement).valueAsNumber;
          if (Number.isInteger(v) && v >= r.min && v <= r.max) onChange(v);
        }}
      />
    </p>
  );
}

/** A score for people: whole points as they are, clock hours as HH:MM, other units to one decimal. */
function formatScore(value: number, unit: string): string {
  if (unit === "hour of day") {
    const minutes = Math.round((((value % 24) + 24) % 24) * 60);
    return `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  }
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return unit && unit !== "points" ? `${n} ${unit}` : n;
}

function Results(props: { results: Summary[]; onRestart: () => void }): JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title" ref={heading} tabIndex={-1}>
        Assessment done
      </h1>
      <p>
        These are screening results, not a diagnosis. Your answers are saved in your own data; the map uses
        them together with your check-ins.
      </p>
      <ul class="plain">
        {props.results.map((s) => (
          <li key={s.instrument} class="card">
            <h2>{s.title}</h2>
            {s.total !== null ? (
              <p>
                {s.label}: {formatScore(s.total, s.unit)}
              </p>
            ) : null}
            {s.band ? (
              <p>
                {s.band} <span class="muted">(source: {s.bandSource})</span>
              </p>
            ) : null}
            {s.messages.map((m) => (
              <p key={m} class="notice">
                {m}
              </p>
            ))}
          </li>
        ))}
      </ul>
      <div class="actions">
        <a class="button" href="#/map">
          See your map
        </a>
        <a class="button secondary" href="#/plan">
          Make a plan
        </a>
        <button type="button" class="secondary" onClick={props.onRestart}>
          Take it again
        </button>
      </div>
    </section>
  );
}

export default function AssessView(): JSX.Element {
  const [progress, setProgress] = useState<Progress>(load);
  const [def, setDef] = useState<Definition | null>(null);
  const [status, setStatus] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<Value | undefined>(undefined);
  const legend = useRef<HTMLHeadingElement>(null);
  const instrument = BATTERY[progress.form];

  useEffect(() => {
    if (!instrument) return;
    const cached = definitions.get(instrument);
    if (cached) {
      setDef(cached);
      return;
    }
    setDef(null);
    call<Definition>("instruments/get", { instrument })
      .then((d) => {
        definitions.set(instrument, d);
        setDef(d);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : "the question could not load"));
  }, [instrument]);

  const items = def?.items.filter((i) => i.text !== null) ?? [];
  const item = items[progress.item];
  useEffect(() => {
    setDraft(undefined);
    if (item) legend.current?.focus();
  }, [item?.id]);

  const update = (change: (p: Progress) => Progress) =>
    setProgress((p) => {
      const n = change(p);
      save(n);
      return n;
    });

  if (!instrument)
    return (
      <Results
        results={progress.results}
        onRestart={() => {
          update(fresh);
        }}
      />
    );
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!def || !item) return <p aria-busy="true">Loading…</p>;

  const responseId = progress.responseIds[instrument] ?? newId();
  const value = progress.answers[instrument]?.[item.id];

  const answer = async (v: Value) => {
    update((p) => ({
      ...p,
      responseIds: { ...p.responseIds, [instrument]: responseId },
      answers: { ...p.answers, [instrument]: { ...p.answers[instrument], [item.id]: v } },
    }));
    setStatus("Saving…");
    try {
      const region = getRegion();
      const r = await call<AnswerResult>("assessment/answer", {
        responseId,
        instrument,
        item: item.id,
        value: v,
        at: new Date().toISOString(),
        ...(region ? { region } : {}),
      });
      if (r.resources) raiseCrisis(r.resources);
      setStatus("Saved");
    } catch (e) {
      setStatus(e instanceof ApiError ? `Not saved: ${e.message}` : "Not saved");
    }
  };

  const finishForm = async () => {
    setBusy(true);
    try {
      const s = await call<ScoreResult>("assessment/submit", {
        responseId,
        instrument,
        at: new Date().toISOString(),
      });
      const summary: Summary = {
        instrument,
        title: def.shortTitle,
        total: s.total?.value ?? null,
        unit: s.total?.unit ?? "",
        label: s.total?.label ?? "Score",
        band: s.band?.label ?? null,
        bandSource: s.band?.source ?? null,
        messages: s.flags.filter((f) => f.kind !== "crisis").map((f) => f.message),
      };
      update((p) => ({
        ...p,
        form: p.form + 1,
        item: 0,
        results: [...p.results.filter((r) => r.instrument !== instrument), summary],
      }));
      setStatus("");
    } catch (e) {
      setStatus(e instanceof ApiError ? `Not saved: ${e.message}` : "Not saved");
    } finally {
      setBusy(false);
    }
  };

  const optional = item.required === false;
  const canGoOn = value !== undefined || draft !== undefined || optional;
  const last = progress.item === items.length - 1;
  const next = async () => {
    if (draft !== undefined && draft !== value) await answer(draft);
    setStatus("");
    if (last) await finishForm();
    else update((p) => ({ ...p, item: p.item + 1 }));
  };
  const back = () => {
    setStatus("");
    if (progress.item > 0) update((p) => ({ ...p, item: p.item - 1 }));
    else if (progress.form > 0) {
      const prev = BATTERY[progress.form - 1];
      const prevCount = (prev && definitions.get(prev)?.items.filter((i) => i.text !== null).length) || 1;
      update((p) => ({ ...p, form: p.form - 1, item: prevCount - 1 }));
    }
  };

  return (
    <section class="assess" aria-labelledby="assess-title">
      <h1 id="assess-title" class="visually-hidden">
        Assessment
      </h1>
      <p class="muted">
        {def.shortTitle}: question {progress.item + 1} of {items.length} (form {progress.form + 1} of{" "}
        {BATTERY.length})
      </p>
      <progress max={items.length} value={progress.item + 1} aria-label={`${def.shortTitle} progress`} />
      {def.instructions ? <p>{def.instructions}</p> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (canGoOn) void next();
        }}
      >
        <fieldset>
          <legend>
            <span ref={legend} tabIndex={-1}>
              {item.text}
            </span>
          </legend>
          <ItemInput
            key={item.id}
            def={def}
            item={item}
            value={value}
            onChange={(v) => void answer(v)}
            onDraft={setDraft}
          />
        </fieldset>
        <p class="saved" role="status" aria-live="polite">
          {status}
        </p>
        <div class="actions">
          <button type="submit" disabled={!canGoOn || busy}>
            {last ? "Finish this form" : optional && value === undefined ? "Skip" : "Next"}
          </button>
          {progress.item > 0 || progress.form > 0 ? (
            <button type="button" class="secondary" onClick={back}>
              Back
            </button>
          ) : null}
        </div>
      </form>
      {def.licence?.notice ? <p class="muted">{def.licence.notice}</p> : null}
    </section>
  );
}
