/**
 * The app shell: header with navigation and "get help now", the crisis alert, and a hash router
 * that lazy-loads each view (`import()`), so the first download stays small. The help view is
 * part of the shell itself: crisis resources must show even when nothing else can load.
 */
import type { ComponentType, JSX } from "preact";
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, health, logOut, onAuthError, session } from "./api.ts";
import { getState, hideCrisis, setState, useAppState } from "./app-state.ts";
import { CrisisList } from "./help/crisis.tsx";
import HelpView from "./views/help.tsx";
import "./styles.css";

type ViewModule = { default: ComponentType };

/** Every route of the web contract, with the file that draws it. */
const ROUTES: Readonly<Record<string, { title: string; load: () => Promise<ViewModule> }>> = {
  "/": { title: "Welcome", load: () => import("./views/onboarding.tsx") },
  "/assess": { title: "Assessment", load: () => import("./views/assess.tsx") },
  "/today": { title: "Today", load: () => import("./views/today.tsx") },
  "/map": { title: "Your map", load: () => import("./views/map.tsx") },
  "/plan": { title: "Plan", load: () => import("./views/plan.tsx") },
  "/progress": { title: "Progress", load: () => import("./views/progress.tsx") },
  "/simulator": { title: "Simulator", load: () => import("./views/simulator.tsx") },
  "/tasks": { title: "Tasks", load: () => import("./tasks/index.tsx") },
  "/import": { title: "Import", load: () => import("./views/import.tsx") },
  "/share": { title: "Share", load: () => import("./views/share.tsx") },
};

const NAV: readonly (readonly [string, string])[] = [
  ["/today", "Today"],
  ["/assess", "Assess"],
  ["/map", "Map"],
  ["/plan", "Plan"],
  ["/progress", "Progress"],
  ["/tasks", "Tasks"],
  ["/simulator", "Simulator"],
  ["/import", "Import"],
  ["/share", "Share"],
];

function currentRoute(): string {
  const path = location.hash.replace(/^#/, "").split("?")[0] || "/";
  return path === "/help" || path in ROUTES ? path : "/";
}

function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onHash = () => setRoute(currentRoute());
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);
  return route;
}

/** Loads a view's module once (a failed load is retried on the next visit); later visits reuse it. */
const loaded = new Map<string, ComponentType>();
const loading = new Map<string, Promise<ComponentType>>();
function loadView(route: string): Promise<ComponentType> {
  const entry = ROUTES[route];
  if (!entry) return Promise.reject(new Error(`no route ${route}`));
  let p = loading.get(route);
  if (!p) {
    p = entry.load().then((m) => {
      loaded.set(route, m.default);
      return m.default;
    });
    p.catch(() => loading.delete(route));
    loading.set(route, p);
  }
  return p;
}

function LazyView(props: { route: string }): JSX.Element {
  const [, setTick] = useState(0);
  const [failed, setFailed] = useState(false);
  const View = loaded.get(props.route);
  useEffect(() => {
    if (View) return;
    // The module may have arrived between this render and now: loadView then resolves at once.
    setFailed(false);
    loadView(props.route)
      .then(() => setTick((n) => n + 1))
      .catch(() => setFailed(true));
  }, [props.route, View]);
  if (View) return <View />;
  if (failed)
    return (
      <p role="alert">
        This page could not load (are you offline?). <a href="#/help">Get help now</a> works offline.
      </p>
    );
  return <p aria-busy="true">Loading…</p>;
}

function CrisisAlert(): JSX.Element | null {
  const { crisis } = useAppState();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (crisis) ref.current?.focus();
  }, [crisis]);
  if (!crisis) return null;
  return (
    <section ref={ref} class="crisis-alert" role="alert" aria-labelledby="crisis-alert-title" tabIndex={-1}>
      <h2 id="crisis-alert-title">You are not alone: help is available now</h2>
      <CrisisList resources={crisis} headingLevel={3} />
      <button type="button" class="secondary" onClick={hideCrisis}>
        Hide (the “Get help now” button stays on every screen)
      </button>
    </section>
  );
}

function Header(props: { route: string }): JSX.Element {
  const { mode, signedIn } = useAppState();
  const onLogOut = async () => {
    try {
      await logOut();
    } finally {
      setState({ signedIn: false });
      location.hash = "#/";
    }
  };
  return (
    <header class="site-header">
      <div class="bar">
        <a class="brand" href="#/">
          dopamap
        </a>
        <a class="button help-now" href="#/help" aria-current={props.route === "/help" ? "page" : undefined}>
          Get help now
        </a>
      </div>
      {mode !== "accounts" || signedIn ? (
        <nav aria-label="Main">
          <ul class="nav">
            {NAV.map(([href, label]) => (
              <li key={href}>
                <a href={`#${href}`} aria-current={props.route === href ? "page" : undefined}>
                  {label}
                </a>
              </li>
            ))}
            <li>
              <a href="/report">Report</a>
            </li>
            {mode === "accounts" && signedIn ? (
              <li>
                <button type="button" class="link" onClick={onLogOut}>
                  Log out
                </button>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

function App(): JSX.Element {
  const route = useRoute();
  const { mode, signedIn, ready } = useAppState();
  const mainRef = useRef<HTMLElement>(null);
  const title = route === "/help" ? "Get help now" : (ROUTES[route]?.title ?? "dopamap");
  useEffect(() => {
    document.title = `${title}: dopamap`;
  }, [title]);
  const gated = mode === "accounts" && !signedIn && route !== "/help";
  return (
    <>
      <button type="button" class="skip-link" onClick={() => mainRef.current?.focus()}>
        Skip to content
      </button>
      <Header route={route} />
      <main id="main" ref={mainRef} tabIndex={-1}>
        {route === "/help" ? null : <CrisisAlert />}
        {route === "/help" ? (
          <HelpView />
        ) : !ready ? (
          <p aria-busy="true">Loading…</p>
        ) : gated ? (
          <LazyView route="/" />
        ) : (
          <LazyView route={route} />
        )}
      </main>
      <footer class="site-footer">
        <p>A self-help and research tool, not a diagnosis or treatment.</p>
      </footer>
    </>
  );
}

async function start(): Promise<void> {
  onAuthError(() => {
    if (getState().mode === "accounts") setState({ signedIn: false });
  });
  // The first view's code downloads while the server is asked for its mode.
  const first = currentRoute();
  if (first !== "/help") loadView(first).catch(() => undefined);
  render(<App />, document.getElementById("app") as HTMLElement);
  try {
    const h = await health();
    setState({ mode: h.mode, demoOffered: h.demoOffered });
    if (h.mode === "accounts") {
      try {
        await session();
        setState({ signedIn: true });
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        setState({ signedIn: false });
      }
    }
  } catch {
    /* offline: the help view and cached views still work */
  }
  setState({ ready: true });
  if ("serviceWorker" in navigator && isSecureContext)
    navigator.serviceWorker.register("/sw.js").catch(() => undefined);
}

void start();
