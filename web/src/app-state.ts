/**
 * The little state the shell shares between views, kept outside any one view: the person's
 * crisis-resources region (localStorage, so "get help now" knows it offline), the server's mode,
 * whether someone is signed in (accounts mode), and crisis resources raised during this visit
 * (they stay on screen until the person hides them; "get help now" stays regardless).
 */
import { useEffect, useState } from "preact/hooks";
import { type CrisisResources, crisisResources } from "./help/crisis.tsx";

const REGION_KEY = "dopamap.region";
const CRISIS_KEY = "dopamap.crisis";

/** What the shell knows about the server and the visit. */
export interface AppState {
  /** null until `GET /api/health` answered (or failed: offline). */
  readonly mode: "local" | "accounts" | null;
  readonly signedIn: boolean;
  readonly demoOffered: boolean;
  /** True once the server answered `GET /api/health` or could not be reached. */
  readonly ready: boolean;
  /** Crisis resources raised by an answer or a rescue, shown in the shell's alert until hidden. */
  readonly crisis: CrisisResources | null;
}

let state: AppState = { mode: null, signedIn: false, demoOffered: false, ready: false, crisis: readCrisis() };
const listeners = new Set<() => void>();

function readCrisis(): CrisisResources | null {
  try {
    const raw = sessionStorage.getItem(CRISIS_KEY);
    return raw ? (JSON.parse(raw) as CrisisResources) : null;
  } catch {
    return null;
  }
}

/** The current state. */
export function getState(): AppState {
  return state;
}

/** Merges a change into the state and re-renders every subscriber. */
export function setState(patch: Partial<AppState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

/** The state, re-rendering the calling component when it changes. */
export function useAppState(): AppState {
  const [, force] = useState(0);
  const seen = state;
  useEffect(() => {
    const l = () => force((n) => n + 1);
    listeners.add(l);
    // A change between this render and the subscription (effects run after paint) is not lost.
    if (state !== seen) l();
    return () => {
      listeners.delete(l);
    };
  }, []);
  return state;
}

/** The region chosen for crisis resources: localStorage, else the browser's language region, else unknown. */
export function getRegion(): string | undefined {
  try {
    const saved = localStorage.getItem(REGION_KEY);
    if (saved) return saved === "unknown" ? undefined : saved;
  } catch {
    /* storage blocked: fall through */
  }
  const fromLanguage = navigator.language.split("-")[1];
  return fromLanguage ? fromLanguage.toUpperCase() : undefined;
}

/** Whether the person chose a region themselves. */
export function regionChosen(): boolean {
  try {
    return localStorage.getItem(REGION_KEY) !== null;
  } catch {
    return false;
  }
}

/** Saves the region for crisis resources ("unknown" for the international list). */
export function setRegion(region: string): void {
  try {
    localStorage.setItem(REGION_KEY, region);
  } catch {
    /* storage blocked: the choice lasts this page only */
  }
  setState({});
}

/** Crisis resources for the chosen region, from the bundled offline table. */
export function regionResources(): CrisisResources {
  return crisisResources(getRegion());
}

/** Shows crisis resources in the shell's alert at once (and for the rest of this visit). */
export function raiseCrisis(resources: CrisisResources): void {
  try {
    sessionStorage.setItem(CRISIS_KEY, JSON.stringify(resources));
  } catch {
    /* storage blocked: still shown now */
  }
  setState({ crisis: resources });
}

/** Hides the crisis alert; "get help now" stays on every screen. */
export function hideCrisis(): void {
  try {
    sessionStorage.removeItem(CRISIS_KEY);
  } catch {
    /* nothing stored */
  }
  setState({ crisis: null });
}

/** Today's local date (YYYY-MM-DD) and time, as the person lives it. */
export function localNow(d = new Date()): { localDate: string; localHour: number; localMinute: number } {
  const p = (n: number) => String(n).padStart(2, "0");
  return {
    localDate: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`,
    localHour: d.getHours(),
    localMinute: d.getMinutes(),
  };
}
