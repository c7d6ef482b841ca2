/**
 * What both browser tasks share: the session state `tasks/start` and `tasks/session` return, the
 * autosave of one trial, keyboard input, and timing. Times are `performance.now()` milliseconds
 * since the session screen mounted; key times are the events' own `timeStamp` (the same clock).
 */
import { useEffect, useRef } from "preact/hooks";
import type { EefrtDesign, EefrtScheduledTrial } from "../../../src/tasks/eefrt.ts";
import type { PrtDesign, PrtPending, PrtScheduledTrial } from "../../../src/tasks/prt.ts";
import type { TaskTrial } from "../../../src/tasks/records.ts";
import { call } from "../api.ts";

/** A stored session as the server returns it. */
export interface TaskSessionJson {
  sessionId: string;
  task: "eefrt" | "prt";
  version: "standard" | "short";
  seed: number;
  startedAt: string;
}

/** `tasks/start` and `tasks/session`'s answer. */
export type TaskSessionStateJson = {
  session: TaskSessionJson;
  trials: TaskTrial[];
  nextTrialIndex: number;
  complete: boolean;
  pending: PrtPending | null;
} & (
  | { design: EefrtDesign; schedule: { task: "eefrt"; trials: EefrtScheduledTrial[] } }
  | {
      design: PrtDesign;
      schedule: { task: "prt"; richStimulus: "short" | "long"; trials: PrtScheduledTrial[] };
    }
);

/** Props of a task screen (the default export of `eefrt-task.tsx` and `prt-task.tsx`). */
export interface TaskScreenProps {
  state: TaskSessionStateJson;
  /** Called when the last trial is saved, or when the person leaves. */
  onExit: (completed: boolean) => void;
}

/** Saves one trial (`tasks/trial`, idempotent by id), retrying twice on a network error before giving up. */
export async function saveTrial(trial: TaskTrial): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await call("tasks/trial", { trial });
      return;
    } catch (e) {
      if (attempt >= 2 || (e as { code?: string }).code !== "network_error") throw e;
      await wait(500 * (attempt + 1));
    }
  }
}

/** A promise that resolves after `ms`. */
export const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The next animation frame's time: when what was just rendered reaches the screen (approximately). */
export const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));

/** Calls `handler` for every key press (not auto-repeats) while mounted; the handler sees the latest props. */
export function useKeys(handler: (e: KeyboardEvent) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (e.repeat || e.altKey || e.ctrlKey || e.metaKey) return;
      ref.current(e);
    };
    addEventListener("keydown", on);
    return () => removeEventListener("keydown", on);
  }, []);
}

/** A new session id (letters, digits and '-'). */
export function newSessionId(task: string): string {
  return `${task}-${crypto.randomUUID().slice(0, 13)}`;
}

/** The wall-clock instant now, ISO 8601 (the browser's clock). */
export const nowIso = () => new Date().toISOString();

/** A key press a task waited for: the key (lower case) and the event's time (`performance.now` clock). */
export interface KeyPress {
  readonly key: string;
  readonly at: number;
}

/**
 * Keyboard input for a task screen. `waitKey` resolves with the first of `keys` pressed, or null after
 * `timeoutMs`; `keyWaiter` routes raw key events to a handler of the screen's own (the EEfRT's press
 * counting). While something waits, the keys in `handled` do not scroll or click. `alive` turns false
 * when the screen unmounts, so a running trial loop stops.
 */
export function useTaskKeys(handled: readonly string[]) {
  const keyWaiter = useRef<((e: KeyboardEvent) => void) | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  useKeys((e) => {
    if (keyWaiter.current && handled.includes(e.key.toLowerCase())) e.preventDefault();
    keyWaiter.current?.(e);
  });
  const waitKey = (keys: readonly string[], timeoutMs?: number) =>
    new Promise<KeyPress | null>((resolve) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish(null), timeoutMs);
      const finish = (r: KeyPress | null) => {
        clearTimeout(timer);
        keyWaiter.current = null;
        resolve(r);
      };
      keyWaiter.current = (e) => {
        const key = e.key.toLowerCase();
        if (keys.includes(key)) finish({ key, at: e.timeStamp });
      };
    });
  return { keyWaiter, alive, waitKey };
}
