/**
 * The EEfRT in the browser (Treadway et al. 2009): per trial, the probability cue and the two
 * offers; E chooses easy, H hard (5 s, then the task is assigned at random as in the original);
 * then the space bar is pressed the required number of times within the time limit; then the
 * outcome. Every trial is saved the moment it ends; a reload resumes at the next unsaved trial.
 */
import type { JSX } from "preact";
import { useRef, useState } from "preact/hooks";
import { type EefrtDesign, type EefrtScheduledTrial, eefrtOutcome } from "../../../src/tasks/eefrt.ts";
import type { EefrtTrial } from "../../../src/tasks/records.ts";
import { nextFrame, nowIso, saveTrial, type TaskScreenProps, useTaskKeys, wait } from "./common.ts";

type View =
  | { phase: "intro" | "resume" | "practiceDone" }
  | { phase: "choice"; s: EefrtScheduledTrial }
  | {
      phase: "press";
      s: EefrtScheduledTrial;
      choice: "easy" | "hard";
      presses: number;
      required: number;
      limitS: number;
    }
  | { phase: "outcome"; text: string }
  | { phase: "saveFailed"; message: string };

const pts = (x: number) => x.toFixed(2);

export default function EefrtTask(props: TaskScreenProps): JSX.Element {
  const { state } = props;
  if (state.schedule.task !== "eefrt") throw new Error("not an EEfRT session");
  const design = state.design as EefrtDesign;
  const schedule = state.schedule.trials;
  const practice = schedule.filter((s) => s.practice).length;
  const [view, setView] = useState<View>({ phase: state.nextTrialIndex > 0 ? "resume" : "intro" });
  const { keyWaiter, alive, waitKey } = useTaskKeys([" ", "e", "h", "enter"]);
  const t0 = useRef(performance.now());
  const retry = useRef<(() => void) | null>(null);

  async function pressPhase(s: EefrtScheduledTrial, choice: "easy" | "hard") {
    const required = choice === "hard" ? design.hardPresses : design.easyPresses;
    const limitMs = choice === "hard" ? design.hardTimeLimitMs : design.easyTimeLimitMs;
    setView({ phase: "press", s, choice, presses: 0, required, limitS: limitMs / 1000 });
    const start = await nextFrame();
    let presses = 0;
    let last = start;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, limitMs);
      function done() {
        clearTimeout(timer);
        keyWaiter.current = null;
        resolve();
      }
      keyWaiter.current = (e) => {
        if (e.key !== " ") return;
        presses++;
        last = e.timeStamp;
        setView({ phase: "press", s, choice, presses, required, limitS: limitMs / 1000 });
        if (presses >= required) done();
      };
    });
    return { presses, pressTimeMs: Math.round((presses >= required ? last : start + limitMs) - start) };
  }

  async function run() {
    (document.activeElement as HTMLElement | null)?.blur();
    for (let i = state.nextTrialIndex; i < schedule.length && alive.current; i++) {
      const s = schedule[i]!;
      if (i === practice && practice > 0 && i !== state.nextTrialIndex) {
        setView({ phase: "practiceDone" });
        await waitKey([" ", "enter"]);
      }
      // Onset: when the offer is put on screen (it is drawn at the next frame, within ~16 ms); keys
      // count from then on, so a fast press is never lost or given a negative time.
      const onset = performance.now();
      const choosing = waitKey(["e", "h"], design.choiceWindowMs);
      setView({ phase: "choice", s });
      const picked = await choosing;
      const choice = picked ? (picked.key === "h" ? "hard" : "easy") : s.timeoutChoice;
      const { presses, pressTimeMs } = await pressPhase(s, choice);
      const outcome = eefrtOutcome(s, design, choice, presses);
      const trial: EefrtTrial = {
        id: `${state.session.sessionId}/${i}`,
        sessionId: state.session.sessionId,
        participantId: "me",
        version: state.session.version,
        trialIndex: i,
        block: s.block,
        practice: s.practice,
        at: nowIso(),
        onsetMs: Math.round(onset - t0.current),
        task: "eefrt",
        probability: s.probability,
        easyReward: s.easyReward,
        hardReward: s.hardReward,
        choice,
        chosenBy: picked ? "participant" : "timeout",
        choiceRtMs: picked ? Math.round(picked.at - onset) : null,
        ...outcome,
        pressTimeMs,
      };
      setView({
        phase: "outcome",
        text: !outcome.completed
          ? "Not completed in time: no reward this time."
          : outcome.won
            ? `You won ${pts(outcome.earned)} points.`
            : "Completed, but no win this time.",
      });
      const shown = wait(1500);
      for (;;) {
        try {
          await saveTrial(trial);
          break;
        } catch (e) {
          setView({ phase: "saveFailed", message: (e as Error).message });
          await new Promise<void>((r) => {
            retry.current = r;
          });
        }
      }
      await shown;
    }
    if (alive.current) props.onExit(true);
  }

  const offer = (s: EefrtScheduledTrial) => (
    <div class="eefrt-offer">
      <p class="eefrt-probability">
        Chance of winning if you complete the task: <strong>{Math.round(100 * s.probability)} %</strong>
      </p>
      <div class="eefrt-options">
        <div class="eefrt-option">
          <h3>Easy (E)</h3>
          <p>
            {design.easyPresses} presses in {design.easyTimeLimitMs / 1000} s
          </p>
          <p class="eefrt-reward">{pts(s.easyReward)} points</p>
        </div>
        <div class="eefrt-option">
          <h3>Hard (H)</h3>
          <p>
            {design.hardPresses} presses in {design.hardTimeLimitMs / 1000} s
          </p>
          <p class="eefrt-reward">{pts(s.hardReward)} points</p>
        </div>
      </div>
    </div>
  );

  return (
    <section class="task-screen" aria-labelledby="task-title" data-task="eefrt" data-phase={view.phase}>
      <h2 id="task-title">
        Effort task
        {view.phase === "choice" || view.phase === "press"
          ? ` — ${progressText(view, practice, schedule.length)}`
          : ""}
      </h2>
      <div aria-live="polite">
        {view.phase === "intro" || view.phase === "resume" ? (
          <div>
            {view.phase === "resume" ? (
              <p>
                Welcome back: you stopped after {state.nextTrialIndex} of {schedule.length} trials. Your saved
                trials are kept.
              </p>
            ) : null}
            <p>
              On each trial you choose an <strong>easy</strong> task ({design.easyPresses} presses of the
              space bar in {design.easyTimeLimitMs / 1000} s) for a small reward, or a <strong>hard</strong>{" "}
              one ({design.hardPresses} presses in {design.hardTimeLimitMs / 1000} s) for a larger reward. You
              are told the chance that a completed task pays. Press <kbd>E</kbd> for easy or <kbd>H</kbd> for
              hard within {design.choiceWindowMs / 1000} s (otherwise one is picked for you), then press{" "}
              <kbd>Space</kbd> as fast as you comfortably can.
            </p>
            <p>
              {practice > 0 && state.nextTrialIndex < practice
                ? `The first ${practice === 1 ? "trial is" : `${practice} trials are`} practice.`
                : ""}{" "}
              Points are not money. Choose as you would for yourself; there is no right answer.
            </p>
            <button type="button" onClick={() => void run()}>
              {view.phase === "resume" ? "Resume" : "Start"}
            </button>
          </div>
        ) : view.phase === "practiceDone" ? (
          <p>
            Practice done. The real trials start now. Press <kbd>Space</kbd> to begin.
          </p>
        ) : view.phase === "choice" ? (
          <div>
            {offer(view.s)}
            <p class="muted">
              Press <kbd>E</kbd> (easy) or <kbd>H</kbd> (hard).
            </p>
          </div>
        ) : view.phase === "press" ? (
          <div>
            <p>
              {view.choice === "hard" ? "Hard" : "Easy"} task: press <kbd>Space</kbd> {view.required} times
              within {view.limitS} s.
            </p>
            <label class="field">
              <span>
                Presses: {view.presses} of {view.required}
              </span>
              <progress max={view.required} value={view.presses} />
            </label>
          </div>
        ) : view.phase === "outcome" ? (
          <p class="task-outcome">{view.text}</p>
        ) : (
          <div role="alert">
            <p class="error">This trial could not be saved: {"message" in view ? view.message : ""}</p>
            <button type="button" onClick={() => retry.current?.()}>
              Try saving again
            </button>
          </div>
        )}
      </div>
      {view.phase === "intro" || view.phase === "resume" ? (
        <button type="button" class="secondary" onClick={() => props.onExit(false)}>
          Back to the tasks
        </button>
      ) : null}
    </section>
  );
}

function progressText(view: { s: EefrtScheduledTrial }, practice: number, total: number): string {
  return view.s.practice
    ? `practice ${view.s.trialIndex + 1} of ${practice}`
    : `trial ${view.s.trialIndex - practice + 1} of ${total - practice}`;
}
