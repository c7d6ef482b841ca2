/**
 * `#/today`: today's planned activities with before/after check-ins in two taps, "saved" shown on
 * each, a rescue ("I can't start this") on every activity and offered unasked when a planned time
 * passed with no start, urge episodes in two taps, and closing the day.
 */
import type { JSX } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api.ts";
import { getRegion, localNow, raiseCrisis } from "../app-state.ts";
import type { CrisisResources } from "../help/crisis.tsx";
import { ActivityForm } from "./activity-form.tsx";

interface Activity {
  id: string;
  name: string;
  kind: string;
  urge: boolean;
  durationMin: number;
}
interface CheckIn {
  id: string;
  activityId: string;
  localDate: string;
  localHour: number;
  plannedMin: number;
  started: boolean;
  anticipated: number | null;
  experienced: number | null;
  minutesDone: number;
}
interface Log {
  activities: Activity[];
  checkIns: CheckIn[];
  urges: { activityId: string; localDate: string; acted: boolean }[];
  closedDays: string[];
}
interface Occurrence {
  activityId: string;
  localHour: number;
  plannedMin: number;
  status: string;
}
interface Rescue {
  crisis: CrisisResources | null;
  activityId: string;
  name: string;
  microStep?: string;
  twoMinute?: string;
  steps?: { delay: string; cueRemoval: string; substitute: string };
  doctorNote?: string | null;
  evidence: string | null;
}
interface Today {
  occurrences: Occurrence[];
  rescues: Rescue[];
}

const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;
const nowIso = () => new Date().toISOString();

function newId(prefix: string): string {
  const r =
    typeof crypto.randomUUID === "function"
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}${Math.random()}`;
  return `${prefix}-${r}`;
}

/** Eleven buttons 0–10: one tap records the rating. */
function Scale(props: {
  label: string;
  low: string;
  high: string;
  onPick: (n: number) => void;
}): JSX.Element {
  return (
    <fieldset class="scale-field">
      <legend class="scale-legend">{props.label}</legend>
      <div class="scale">
        {Array.from({ length: 11 }, (_, n) => (
          <button type="button" key={n} class="secondary" onClick={() => props.onPick(n)}>
            {n}
          </button>
        ))}
      </div>
      <div class="scale-ends" aria-hidden="true">
        <span>0 {props.low}</span>
        <span>10 {props.high}</span>
      </div>
    </fieldset>
  );
}

function RescueBox(props: { rescue: Rescue; onUnsafe?: () => void; unasked?: boolean }): JSX.Element {
  const r = props.rescue;
  return (
    <div class="notice rescue">
      {r.microStep ? (
        <>
          <p>
            <strong>{props.unasked ? `Not started ${r.name} yet? ` : ""}Try this now:</strong> {r.microStep}
          </p>
          {r.twoMinute ? <p>Two-minute version: {r.twoMinute}</p> : null}
        </>
      ) : null}
      {r.steps ? (
        <ul>
          <li>Delay: {r.steps.delay}</li>
          <li>Remove the cue: {r.steps.cueRemoval}</li>
          <li>Instead: {r.steps.substitute}</li>
        </ul>
      ) : null}
      {r.doctorNote ? <p>{r.doctorNote}</p> : null}
      {r.evidence ? <p class="muted">Your own record: {r.evidence}</p> : null}
      {props.onUnsafe ? (
        <button type="button" class="danger" onClick={props.onUnsafe}>
          I feel unsafe
        </button>
      ) : null}
    </div>
  );
}

type Step = "idle" | "before" | "after";

function OccurrenceCard(props: {
  log: Log;
  occ: Occurrence;
  localDate: string;
  saved: string | undefined;
  onSaved: (key: string, message: string) => void;
}): JSX.Element {
  const { log, occ, localDate } = props;
  const act = log.activities.find((a) => a.id === occ.activityId);
  const name = act?.name ?? occ.activityId;
  const key = `${occ.activityId}@${occ.localHour}`;
  const [step, setStep] = useState<Step>("idle");
  const [rescue, setRescue] = useState<Rescue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const existing = log.checkIns.find(
    (c) => c.activityId === occ.activityId && c.localDate === localDate && c.localHour === occ.localHour,
  );
  const id = existing?.id ?? `${localDate}T${occ.localHour}-${occ.activityId}`.slice(0, 100);
  const base = {
    id,
    activityId: occ.activityId,
    localDate,
    localHour: occ.localHour,
    plannedMin: existing?.plannedMin ?? occ.plannedMin,
  };
  const save = async (record: Record<string, unknown>, message: string) => {
    setError(null);
    try {
      await call("checkin/record", { ...base, at: nowIso(), ...record });
      setStep("idle");
      props.onSaved(key, message);
    } catch (e) {
      setError(e instanceof ApiError ? `Not saved: ${e.message}` : "Not saved");
    }
  };
  const askRescue = async (unsafe: boolean) => {
    setError(null);
    try {
      const region = getRegion();
      const r = await call<Rescue>("rescue/get", {
        activityId: occ.activityId,
        unsafe,
        ...(region ? { region } : {}),
      });
      if (r.crisis) raiseCrisis(r.crisis);
      setRescue(r);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "the rescue could not load");
    }
  };
  const done = existing?.started === true;
  const headingId = `occ-${key}`.replace(/[^A-Za-z0-9_-]/g, "_");
  return (
    <li class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p class="muted">
        {hh(occ.localHour)}, {base.plannedMin} min
        {done ? ", done" : existing?.anticipated != null ? `, expecting ${existing.anticipated}/10` : ""}
      </p>
      {step === "before" ? (
        <Scale
          label={`Before: how much do you expect to enjoy ${name}?`}
          low="not at all"
          high="very much"
          onPick={(n) => void save({ started: false, anticipated: n }, `Saved: expecting ${n}/10`)}
        />
      ) : null}
      {step === "after" ? (
        <Scale
          label={`After: how much did you enjoy ${name}?`}
          low="not at all"
          high="very much"
          onPick={(n) =>
            void save(
              {
                started: true,
                minutesDone: base.plannedMin,
                experienced: n,
                anticipated: existing?.anticipated ?? null,
              },
              `Saved: done, enjoyed ${n}/10`,
            )
          }
        />
      ) : null}
      {done ? null : (
        <div class="actions">
          {existing ? null : (
            <button
              type="button"
              class="secondary"
              onClick={() => setStep(step === "before" ? "idle" : "before")}
            >
              Before
            </button>
          )}
          <button type="button" onClick={() => setStep(step === "after" ? "idle" : "after")}>
            I did it
          </button>
          <button type="button" class="secondary" onClick={() => void askRescue(false)}>
            I can’t start this
          </button>
        </div>
      )}
      {rescue ? <RescueBox rescue={rescue} onUnsafe={() => void askRescue(true)} /> : null}
      <p class="saved" role="status" aria-live="polite">
        {props.saved ?? ""}
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

function UrgeCard(props: {
  act: Activity;
  saved: string | undefined;
  onSaved: (key: string, m: string) => void;
}) {
  const { act } = props;
  const [acted, setActed] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = `urge@${act.id}`;
  const headingId = `urge-${act.id}`.replace(/[^A-Za-z0-9_-]/g, "_");
  const save = async (strength: number) => {
    const now = localNow();
    setError(null);
    try {
      await call("urge/record", {
        id: newId("urge"),
        activityId: act.id,
        localDate: now.localDate,
        localHour: now.localHour,
        at: nowIso(),
        strength,
        acted: acted === true,
      });
      setActed(null);
      props.onSaved(key, `Saved: urge ${acted ? "acted on" : "resisted"}, strength ${strength}/10`);
    } catch (e) {
      setError(e instanceof ApiError ? `Not saved: ${e.message}` : "Not saved");
    }
  };
  return (
    <li class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>Urge: {act.name}</h3>
      {acted === null ? (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setActed(false)}>
            I resisted an urge
          </button>
          <button type="button" class="secondary" onClick={() => setActed(true)}>
            I gave in
          </button>
        </div>
      ) : (
        <Scale
          label="How strong was the urge?"
          low="barely"
          high="overwhelming"
          onPick={(n) => void save(n)}
        />
      )}
      <p class="saved" role="status" aria-live="polite">
        {props.saved ?? ""}
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

export default function TodayView(): JSX.Element {
  const [log, setLog] = useState<Log | null>(null);
  const [today, setToday] = useState<Today | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Record<string, string>>({});
  const [closed, setClosed] = useState<string | null>(null);
  const [addOpen, setAddOpen] = useState(false);
  const now = localNow();

  const refresh = useCallback(async () => {
    try {
      const l = await call<Log>("log/get", {});
      setLog((before) => {
        if (before === null && l.activities.length === 0) setAddOpen(true);
        return l;
      });
      if (l.activities.some((a) => !a.urge)) setToday(await call<Today>("today/get", { now: localNow() }));
      else setToday({ occurrences: [], rescues: [] });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "today could not load");
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const onSaved = (key: string, message: string) => {
    setSaved((s) => ({ ...s, [key]: message }));
    void refresh();
  };
  const closeDay = async () => {
    try {
      await call("day/close", { localDate: now.localDate });
      setClosed("Day closed and saved. Anything planned with no check-in now counts as skipped.");
      void refresh();
    } catch (e) {
      setClosed(e instanceof ApiError ? `Not saved: ${e.message}` : "Not saved");
    }
  };

  if (error)
    return (
      <section aria-labelledby="today-title">
        <h1 id="today-title">Today</h1>
        <p class="error" role="alert">
          {error}
        </p>
      </section>
    );
  if (!log || !today)
    return (
      <section aria-labelledby="today-title">
        <h1 id="today-title">Today</h1>
        <p aria-busy="true">Loading…</p>
      </section>
    );
  const urgeActivities = log.activities.filter((a) => a.urge);
  const dayClosed = log.closedDays.includes(now.localDate);
  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">Today</h1>
      {today.rescues.length > 0 ? (
        <section aria-labelledby="rescue-title">
          <h2 id="rescue-title">A planned time has passed</h2>
          {today.rescues.map((r) => (
            <RescueBox key={r.activityId} rescue={r} unasked />
          ))}
        </section>
      ) : null}
      {log.activities.length === 0 ? (
        <>
          <p class="notice">
            Nothing planned yet. Add the things you want to do more of (and any urge you want less of); then{" "}
            <a href="#/assess">take the assessment</a> and <a href="#/plan">see your plan</a>.
          </p>
        </>
      ) : null}

      {today.occurrences.length > 0 ? (
        <section aria-labelledby="planned-title">
          <h2 id="planned-title">Planned for today</h2>
          <ul class="plain">
            {today.occurrences.map((o) => (
              <OccurrenceCard
                key={`${o.activityId}@${o.localHour}`}
                log={log}
                occ={o}
                localDate={now.localDate}
                saved={saved[`${o.activityId}@${o.localHour}`]}
                onSaved={onSaved}
              />
            ))}
          </ul>
        </section>
      ) : log.activities.length > 0 ? (
        <p class="notice">Nothing planned for today.</p>
      ) : null}
      {urgeActivities.length > 0 ? (
        <section aria-labelledby="urges-title">
          <h2 id="urges-title">Urges</h2>
          <ul class="plain">
            {urgeActivities.map((a) => (
              <UrgeCard key={a.id} act={a} saved={saved[`urge@${a.id}`]} onSaved={onSaved} />
            ))}
          </ul>
        </section>
      ) : null}
      <details
        key="add-activity"
        class="card"
        open={addOpen}
        onToggle={(e) => setAddOpen((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>{log.activities.length === 0 ? "Add your first activity" : "Add another activity"}</summary>
        <ActivityForm onSaved={() => void refresh()} />
      </details>
      {log.activities.length > 0 ? (
        <section aria-labelledby="close-title">
          <h2 id="close-title">End of the day</h2>
          {dayClosed ? (
            <p>Today is closed.</p>
          ) : (
            <button type="button" class="secondary" onClick={() => void closeDay()}>
              Close the day
            </button>
          )}
          <p class="saved" role="status" aria-live="polite">
            {closed ?? ""}
          </p>
        </section>
      ) : null}
    </section>
  );
}
