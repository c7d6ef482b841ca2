/**
 * The PRT in the browser (Pizzagalli et al. 2005): a fixation cross (500 ms), a face without a
 * mouth (500 ms), then a short or long mouth for `stimulusMs`; Z reports the short mouth, M the
 * long one. Correct reports are rewarded on the session's 3:1 rich/lean schedule (a missed
 * scheduled reward waits for the next correct report of that mouth). Our faces: a circle with a
 * mouth 46 or 52 px wide (the original's 11.5 vs 13 mm, the same ratio). Every trial is saved the
 * moment it ends; a reload resumes at the next unsaved trial with the reward controller replayed.
 */
import type { JSX } from "preact";
import { useRef, useState } from "preact/hooks";
import {
  PRT_NO_PENDING,
  type PrtDesign,
  type PrtPending,
  type PrtScheduledTrial,
  prtReinforce,
} from "../../../src/tasks/prt.ts";
import type { PrtTrial } from "../../../src/tasks/records.ts";
import { nextFrame, nowIso, saveTrial, type TaskScreenProps, useTaskKeys, wait } from "./common.ts";

type Phase =
  | "intro"
  | "resume"
  | "practiceDone"
  | "fixation"
  | "face"
  | "mouth"
  | "respond"
  | "feedback"
  | "saveFailed";

function Face(props: { mouth: "short" | "long" | null }): JSX.Element {
  const w = props.mouth === "long" ? 52 : 46;
  return (
    <svg class="prt-face" viewBox="0 0 200 200" width="200" height="200" role="img" aria-label="a face">
      <circle cx="100" cy="100" r="80" fill="none" stroke="currentColor" stroke-width="4" />
      <circle cx="72" cy="80" r="6" fill="currentColor" />
      <circle cx="128" cy="80" r="6" fill="currentColor" />
      <line x1="100" y1="70" x2="100" y2="112" stroke="currentColor" stroke-width="3" />
      {props.mouth ? (
        <line
          x1={100 - w / 2}
          y1="138"
          x2={100 + w / 2}
          y2="138"
          stroke="currentColor"
          stroke-width="5"
          stroke-linecap="round"
        />
      ) : null}
    </svg>
  );
}

export default function PrtTask(props: TaskScreenProps): JSX.Element {
  const { state } = props;
  if (state.schedule.task !== "prt") throw new Error("not a PRT session");
  const design = state.design as PrtDesign;
  const { richStimulus, trials: schedule } = state.schedule;
  const practice = schedule.filter((s) => s.practice).length;
  const [phase, setPhase] = useState<Phase>(state.nextTrialIndex > 0 ? "resume" : "intro");
  const [current, setCurrent] = useState<{ s: PrtScheduledTrial; reward: boolean; error?: string } | null>(
    null,
  );
  const { alive, waitKey } = useTaskKeys([" ", "z", "m", "enter"]);
  const t0 = useRef(performance.now());
  const retry = useRef<(() => void) | null>(null);

  async function run() {
    (document.activeElement as HTMLElement | null)?.blur();
    let pending: PrtPending = state.pending ?? PRT_NO_PENDING;
    for (let i = state.nextTrialIndex; i < schedule.length && alive.current; i++) {
      const s = schedule[i]!;
      if (i === practice && practice > 0 && i !== state.nextTrialIndex) {
        setPhase("practiceDone");
        await waitKey([" ", "enter"]);
      }
      setCurrent({ s, reward: false });
      setPhase("fixation");
      const onset = await nextFrame();
      await wait(design.fixationMs);
      setPhase("face");
      await wait(design.faceMs);
      // The response window opens as the mouth is put on screen (drawn at the next frame); reaction
      // times count from then. The mouth's shown time is measured from frame to frame.
      const mouthOn = performance.now();
      const answer = waitKey(["z", "m"], design.responseWindowMs);
      setPhase("mouth");
      const drawn = await nextFrame();
      const hide = wait(design.stimulusMs).then(async () => {
        setPhase((p) => (p === "mouth" ? "respond" : p));
        return (await nextFrame()) - drawn;
      });
      const picked = await answer;
      const stimulusMs = Math.round(await hide);
      const response = picked ? (picked.key === "z" ? "short" : "long") : null;
      const correct = response === s.shown;
      const r = prtReinforce(pending, s, correct);
      pending = r.pending;
      const trial: PrtTrial = {
        id: `${state.session.sessionId}/${i}`,
        sessionId: state.session.sessionId,
        participantId: "me",
        version: state.session.version,
        trialIndex: i,
        block: s.block,
        practice: s.practice,
        at: nowIso(),
        onsetMs: Math.round(onset - t0.current),
        task: "prt",
        richStimulus,
        shown: s.shown,
        stimulusType: s.stimulusType,
        response,
        correct,
        rewardScheduled: r.rewardScheduled,
        rewarded: r.rewarded,
        rtMs: picked ? Math.max(0, Math.round(picked.at - mouthOn)) : null,
        stimulusMs,
      };
      setCurrent({ s, reward: r.rewarded });
      setPhase("feedback");
      const shown = wait(r.rewarded ? design.feedbackMs : 500);
      for (;;) {
        try {
          await saveTrial(trial);
          break;
        } catch (e) {
          setCurrent({ s, reward: r.rewarded, error: (e as Error).message });
          setPhase("saveFailed");
          await new Promise<void>((res) => {
            retry.current = res;
          });
        }
      }
      await shown;
    }
    if (alive.current) props.onExit(true);
  }

  const running = !["intro", "resume", "practiceDone", "saveFailed"].includes(phase);
  const s = current?.s;
  return (
    <section class="task-screen" aria-labelledby="task-title" data-task="prt" data-phase={phase}>
      <h2 id="task-title">
        Reward task
        {running && s
          ? ` — ${s.practice ? `practice ${s.trialIndex + 1} of ${practice}` : `trial ${s.trialIndex - practice + 1} of ${schedule.length - practice}`}`
          : ""}
      </h2>
      {phase === "intro" || phase === "resume" ? (
        <div>
          {phase === "resume" ? (
            <p>
              Welcome back: you stopped after {state.nextTrialIndex} of {schedule.length} trials. Your saved
              trials are kept.
            </p>
          ) : null}
          <p>
            A face appears, and for a moment it has either a <strong>short</strong> or a <strong>long</strong>{" "}
            mouth. The difference is small. Press <kbd>Z</kbd> if the mouth was short and <kbd>M</kbd> if it
            was long, as accurately as you can. Some correct answers win {design.rewardPoints} points; not
            every correct answer is rewarded.
          </p>
          <div class="prt-examples">
            <figure>
              <Face mouth="short" />
              <figcaption>Short mouth (Z)</figcaption>
            </figure>
            <figure>
              <Face mouth="long" />
              <figcaption>Long mouth (M)</figcaption>
            </figure>
          </div>
          <p>
            {practice > 0 && state.nextTrialIndex < practice
              ? `The first ${practice} trials are practice. `
              : ""}
            Points are not money.
          </p>
          <button type="button" onClick={() => void run()}>
            {phase === "resume" ? "Resume" : "Start"}
          </button>
          <button type="button" class="secondary" onClick={() => props.onExit(false)}>
            Back to the tasks
          </button>
        </div>
      ) : phase === "practiceDone" ? (
        <p aria-live="polite">
          Practice done. The real trials start now. Press <kbd>Space</kbd> to begin.
        </p>
      ) : phase === "saveFailed" ? (
        <div role="alert">
          <p class="error">This trial could not be saved: {current?.error}</p>
          <button type="button" onClick={() => retry.current?.()}>
            Try saving again
          </button>
        </div>
      ) : (
        <div class="prt-stage">
          {phase === "fixation" ? (
            <p class="prt-fixation" aria-hidden="true">
              +
            </p>
          ) : phase === "feedback" ? (
            <p class="task-outcome" aria-live="polite">
              {current?.reward ? `Correct! You won ${design.rewardPoints} points.` : ""}
            </p>
          ) : (
            <Face mouth={phase === "mouth" ? (s?.shown ?? null) : null} />
          )}
          <p class="muted">
            <kbd>Z</kbd> short · <kbd>M</kbd> long
          </p>
        </div>
      )}
    </section>
  );
}
