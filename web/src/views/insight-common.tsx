/**
 * Pieces the map, plan, progress and simulator views share: loading the person's log, an
 * explanation with its source and evidence grade, and the loading, empty and error states.
 */
import type { ComponentChildren, JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api.ts";
import "./insight.css";

/** The evidence grades every explanation carries. */
export type Grade = "established" | "supported" | "contested" | "article";

const GRADE_TEXT: Record<Grade, string> = {
  established: "established",
  supported: "supported",
  contested: "contested",
  article: "the article's claim",
};

/** A record of the person's, as `log/get` returns it (only the fields these views read). */
export interface PersonLogJson {
  activities: { id: string; name: string; urge: boolean }[];
  checkIns: { localDate: string; started: boolean }[];
  urges: unknown[];
  closedDays: string[];
}

/** An explanation shown with its source and evidence grade (never one without the other). */
export function Explanation(props: {
  source: string;
  grade: Grade;
  title?: string;
  children: ComponentChildren;
}): JSX.Element {
  return (
    <div class="explanation">
      {props.title ? <h3>{props.title}</h3> : null}
      <div class="explanation-text">{props.children}</div>
      <p class="explanation-meta">
        <span class="source">Source: {props.source}</span>{" "}
        <span class={`grade grade-${props.grade}`}>Evidence: {GRADE_TEXT[props.grade]}</span>
      </p>
    </div>
  );
}

/** The professional-help component of a plan, as the API returns it. */
export interface ProfessionalHelpJson {
  title: string;
  text: string;
  rationale: { text: string; source: string; grade: Grade };
}

/** Screening recommends professional help: shown first, above everything else on the view. */
export function ProfessionalHelp(props: { c: ProfessionalHelpJson | null | undefined }): JSX.Element | null {
  const { c } = props;
  if (!c) return null;
  return (
    <div class="alert professional-help" role="alert">
      <h2>{c.title}</h2>
      <p>{c.text}</p>
      <p class="explanation-meta">
        <span class="source">Source: {c.rationale.source}</span>{" "}
        <span class={`grade grade-${c.rationale.grade}`}>Evidence: {GRADE_TEXT[c.rationale.grade]}</span>
      </p>
    </div>
  );
}

/** What a view's loader resolves to. */
export type Load<T> =
  | { status: "loading" }
  | { status: "empty" }
  | { status: "error"; message: string }
  | { status: "ready"; value: T };

/** Runs `load` once (again when `key` changes) and tracks its state. */
export function useLoad<T>(load: () => Promise<T>, key = 0): Load<T> {
  const [state, setState] = useState<Load<T>>({ status: "loading" });
  useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    load()
      .then((value) => live && setState({ status: "ready", value }))
      .catch(
        (e: unknown) =>
          live && setState({ status: "error", message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

/**
 * Runs `load` (a command on the stored person, computed once per data revision on the server);
 * "empty" when it answers `no_records`, or when `isEmpty` says so. Re-runs when `key` changes.
 */
export function usePersonLoad<T>(
  load: () => Promise<T>,
  isEmpty: (value: T) => boolean = () => false,
  key = 0,
): Load<T> {
  const [state, setState] = useState<Load<T>>({ status: "loading" });
  useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    (async () => {
      try {
        const value = await load();
        if (live) setState(isEmpty(value) ? { status: "empty" } : { status: "ready", value });
      } catch (e) {
        if (e instanceof ApiError && e.code === "no_records") {
          if (live) setState({ status: "empty" });
          return;
        }
        const message = e instanceof ApiError || e instanceof Error ? e.message : String(e);
        if (live) setState({ status: "error", message });
      }
    })();
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

/** The state while a view computes. */
export function Busy(props: { children: ComponentChildren }): JSX.Element {
  return (
    <p class="muted" aria-busy="true" role="status">
      {props.children}
    </p>
  );
}

/** No records yet: where to start. */
export function NoRecords(props: { what: string }): JSX.Element {
  return (
    <div class="notice">
      <p>
        There are no check-ins yet, so there is no {props.what} to show. Record a few days on{" "}
        <a href="#/today">Today</a>, import a log on <a href="#/import">Import</a>, or try the demo person
        from the <a href="#/">start page</a>.
      </p>
    </div>
  );
}

/** A failed request, in words. */
export function Failed(props: { message: string }): JSX.Element {
  return (
    <p class="error" role="alert">
      Something went wrong: {props.message}
    </p>
  );
}

/** 0.42 → "42 %"; null/NaN → "–". */
export function pct(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "–" : `${Math.round(x * 100)} %`;
}

/** A number to two decimals; null/NaN → "–". */
export function dec(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(digits);
}

/** 9 → "09:00"; 9.5 → "09:30". */
export function clock(hour: number): string {
  const h = Math.floor(hour) % 24;
  const m = Math.round((hour - Math.floor(hour)) * 60) % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** A table that may scroll sideways on a narrow screen: a focusable, named region (keyboard users can scroll it). */
export function TableWrap(props: { label: string; children: ComponentChildren }): JSX.Element {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section class="table-wrap" aria-label={props.label} tabIndex={0}>
      {props.children}
    </section>
  );
}

/** The line every one of these views carries. */
export function Disclaimer(props: { text?: string }): JSX.Element {
  return <p class="disclaimer">{props.text ?? "A self-help and research tool, not a diagnosis."}</p>;
}
