/**
 * `#/tasks`: the behavioural tasks. This file is small; a task's own screen (`eefrt-task.tsx`,
 * `prt-task.tsx`) is loaded with `import()` only when the task starts. Lists the tasks with their
 * sources, the person's sessions (resume, export CSV/JSON), and fits the saved trials.
 */
import type { ComponentType, JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { TaskDefinition } from "../../../src/tasks/definition.ts";
import { call } from "../api.ts";
import { Explanation } from "../views/insight-common.tsx";
import { newSessionId, nowIso, type TaskScreenProps, type TaskSessionStateJson } from "./common.ts";
import "./tasks.css";

interface SessionRow {
  sessionId: string;
  task: "eefrt" | "prt";
  version: "standard" | "short";
  startedAt: string;
  saved: number;
  total: number;
  complete: boolean;
}

interface ListJson {
  tasks: TaskDefinition[];
  sessions: SessionRow[];
  disclaimer: string;
}

interface Est {
  estimate: number;
  lo: number;
  hi: number;
}

interface FitJson {
  evidence: Record<string, unknown> | null;
  eefrt: { participants: { trials: number; effortCost: Est; summary: { hard: number } }[] } | null;
  prt: {
    participants: {
      trials: number;
      rewardSensitivity: Est;
      learningRate: Est;
      blocks: { block: number; logB: number; logD: number }[];
    }[];
  } | null;
}

const SCREENS: Record<"eefrt" | "prt", () => Promise<{ default: ComponentType<TaskScreenProps> }>> = {
  eefrt: () => import("./eefrt-task.tsx"),
  prt: () => import("./prt-task.tsx"),
};

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");
const interval = (e: Est) => `${f2(e.estimate)} [${f2(e.lo)}, ${f2(e.hi)}]`;

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function TasksView(): JSX.Element {
  const [list, setList] = useState<ListJson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState<"standard" | "short">("standard");
  const [running, setRunning] = useState<{
    Screen: ComponentType<TaskScreenProps>;
    state: TaskSessionStateJson;
  } | null>(null);
  const [fit, setFit] = useState<FitJson | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = () =>
    call<ListJson>("tasks/list")
      .then(setList)
      .catch((e: Error) => setError(e.message));
  useEffect(() => void reload(), []);

  async function open(state: Promise<TaskSessionStateJson>, task: "eefrt" | "prt") {
    setError(null);
    try {
      const [s, mod] = await Promise.all([state, SCREENS[task]()]);
      setRunning({ Screen: mod.default, state: s });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function exportSession(sessionId: string, format: "csv" | "json") {
    try {
      const f = await call<{ filename: string; mediaType: string; content: string }>("tasks/export", {
        sessionId,
        format,
      });
      download(f.filename, f.mediaType, f.content);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function runFit() {
    setBusy(true);
    setError(null);
    try {
      setFit(await call<FitJson>("tasks/fit", {}));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (running) {
    const { Screen, state } = running;
    return (
      <section aria-labelledby="view-title">
        <h1 id="view-title">Tasks</h1>
        <Screen
          state={state}
          onExit={() => {
            setRunning(null);
            void reload();
          }}
        />
      </section>
    );
  }

  const e = fit?.eefrt?.participants[0];
  const p = fit?.prt?.participants[0];
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title">Tasks</h1>
      <p>
        Questionnaires ask; tasks measure. Two established reward tasks add evidence from what you do. They
        are experimental here, and never a diagnosis.
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="field">
        <label for="task-version">Version</label>
        <select
          id="task-version"
          value={version}
          onChange={(ev) => setVersion((ev.target as HTMLSelectElement).value as "standard")}
        >
          <option value="standard">Standard (the published design)</option>
          <option value="short">Short (a demo; too short for a reliable fit)</option>
        </select>
      </div>
      {list === null ? (
        <p class="muted">Loading…</p>
      ) : (
        list.tasks.map((t) => (
          <article class="card task-card" key={t.id}>
            <h2>{t.name}</h2>
            <p>Measures {t.measures}.</p>
            <p class="muted">
              Keys:{" "}
              {t.keys.map((k) => `${k.key === " " ? "Space" : k.key.toUpperCase()} = ${k.action}`).join("; ")}
              .
            </p>
            <Explanation source={`${t.citation}; model: ${t.modelCitation}`} grade="supported">
              <ul>
                {(t.versions.find((v) => v.id === version)?.simplifications ?? []).map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </Explanation>
            <button
              type="button"
              onClick={() =>
                void open(
                  call<TaskSessionStateJson>("tasks/start", {
                    sessionId: newSessionId(t.id),
                    task: t.id,
                    version,
                    at: nowIso(),
                  }),
                  t.id,
                )
              }
            >
              Start the {t.id === "eefrt" ? "effort" : "reward"} task
            </button>
          </article>
        ))
      )}
      {list && list.sessions.length > 0 ? (
        <section aria-labelledby="sessions-title">
          <h2 id="sessions-title">Your sessions</h2>
          <ul class="task-sessions">
            {list.sessions.map((s) => (
              <li key={s.sessionId}>
                <span>
                  {s.task === "eefrt" ? "Effort task" : "Reward task"} ({s.version}), {s.saved} of {s.total}{" "}
                  trials
                  {s.complete ? ", complete" : ""}
                </span>{" "}
                {!s.complete ? (
                  <button
                    type="button"
                    onClick={() =>
                      void open(
                        call<TaskSessionStateJson>("tasks/session", { sessionId: s.sessionId }),
                        s.task,
                      )
                    }
                  >
                    Resume
                  </button>
                ) : null}
                <button
                  type="button"
                  class="secondary"
                  onClick={() => void exportSession(s.sessionId, "csv")}
                >
                  Export CSV<span class="visually-hidden"> of {s.sessionId}</span>
                </button>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => void exportSession(s.sessionId, "json")}
                >
                  Export JSON<span class="visually-hidden"> of {s.sessionId}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void runFit()} disabled={busy}>
            {busy ? "Fitting…" : "Fit my task results"}
          </button>
        </section>
      ) : null}
      {fit ? (
        <section aria-labelledby="fit-title" class="task-fit">
          <h2 id="fit-title">Your task results</h2>
          {e ? (
            <Explanation
              title="Effort cost"
              source="Treadway et al. 2009, PLoS One 4:e6598; Treadway et al. 2012, J Abnorm Psychol 121:553"
              grade="supported"
            >
              <p>
                Your effort cost k is {interval(e.effortCost)} (95 % interval) from {e.trials} choices; you
                chose the hard task {Math.round(100 * e.summary.hard)} % of the time. Higher k means less
                effort spent for reward.
              </p>
            </Explanation>
          ) : null}
          {p ? (
            <Explanation
              title="Reward sensitivity"
              source="Pizzagalli et al. 2005, Biol Psychiatry 57:319; Huys et al. 2013, Biol Mood Anxiety Disord 3:12; Pike & Robinson 2022"
              grade="contested"
            >
              <p>
                Your reward sensitivity ρ is {interval(p.rewardSensitivity)} and your learning rate ε{" "}
                {interval(p.learningRate)}, from {p.trials} answers; response bias log b{" "}
                {f2(p.blocks.at(-1)?.logB ?? Number.NaN)}, discriminability log d{" "}
                {f2(p.blocks.at(-1)?.logD ?? Number.NaN)} (answers faster than 150 ms or slower than 2.5 s are
                left out of log b and log d, as is usual).
              </p>
            </Explanation>
          ) : null}
          <p class="muted">
            {fit.evidence && Object.keys(fit.evidence).length > 0
              ? "Saved with your data; the map uses them as evidence on anticipation."
              : "Saved with your data. Runs this short are not used by your map: only full-length runs are."}{" "}
            {list?.disclaimer}
          </p>
        </section>
      ) : null}
    </section>
  );
}
