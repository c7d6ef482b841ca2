/** `#/`: what dopamap is and is not, the crisis-resources region, and local mode or sign-up / log-in. */
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { ApiError, call, logIn, signUp } from "../api.ts";
import { setState, useAppState } from "../app-state.ts";
import { RegionPicker } from "./help.tsx";

function AuthForm(props: { kind: "signup" | "login" }): JSX.Element {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = props.kind;
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      const email = String(form.get("email") ?? "");
      const password = String(form.get("password") ?? "");
      await (props.kind === "signup" ? signUp(email, password) : logIn(email, password));
      setState({ signedIn: true });
      location.hash = props.kind === "signup" ? "#/assess" : "#/today";
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "something went wrong; try again");
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.kind === "signup" ? "Create an account" : "Log in"}</h2>
      <p class="field">
        <label for={`${id}-email`}>Email</label>
        <input id={`${id}-email`} name="email" type="email" autocomplete="email" required />
      </p>
      <p class="field">
        <label for={`${id}-password`}>
          Password
          {props.kind === "signup" ? " (at least 12 characters; a phrase of a few words works well)" : ""}
        </label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          minLength={props.kind === "signup" ? 12 : 1}
          autocomplete={props.kind === "signup" ? "new-password" : "current-password"}
          required
        />
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {props.kind === "signup" ? "Sign up" : "Log in"}
      </button>
    </form>
  );
}

function Start(): JSX.Element {
  const { demoOffered, mode } = useAppState();
  const [status, setStatus] = useState<string | null>(null);
  const seedDemo = async () => {
    setStatus("Loading the demo person…");
    try {
      await call("demo/seed", {});
      setState({ demoOffered: false });
      location.hash = "#/today";
    } catch (err) {
      setStatus(err instanceof ApiError ? err.message : "the demo could not load");
    }
  };
  return (
    <section aria-labelledby="start-title">
      <h2 id="start-title">Start</h2>
      <p>
        A short assessment first (about 5 minutes, one question per screen; answers are saved as you go). Then
        your map, a plan matched to it, and daily check-ins.
      </p>
      <div class="actions">
        <a class="button" href="#/assess">
          Start the assessment
        </a>
        <a class="button secondary" href="#/today">
          Go to today
        </a>
        {demoOffered && mode === "local" ? (
          <button type="button" class="secondary" onClick={seedDemo}>
            Try a demo person
          </button>
        ) : null}
      </div>
      <p aria-live="polite">{status}</p>
    </section>
  );
}

export default function OnboardingView(): JSX.Element {
  const { mode, signedIn } = useAppState();
  return (
    <div class="onboarding">
      <h1>Welcome to dopamap</h1>
      <section class="notice" aria-labelledby="what-title">
        <h2 id="what-title">What it is, and what it is not</h2>
        <p>
          dopamap is a <strong>self-help and research tool</strong>. It asks a few standard questions, fits a
          model of motivation and reward to your own check-ins, suggests a plan matched to where things seem
          to stall, and tracks how it goes.
        </p>
        <p>
          It is <strong>not a diagnosis or treatment</strong> and does not replace a doctor or therapist. If
          you feel unsafe, use <a href="#/help">Get help now</a> at the top of every screen.
        </p>
      </section>
      <section aria-labelledby="region-title">
        <h2 id="region-title">Crisis resources for your region</h2>
        <RegionPicker />
      </section>
      <section aria-labelledby="mode-title">
        <h2 id="mode-title">Where your data lives</h2>
        {mode === "accounts" ? (
          <p>
            This server runs in <strong>account mode</strong>: sign in to keep your data in your own account.
            No one else's account can see it, and you can export or delete it at any time.
          </p>
        ) : (
          <p>
            This copy runs in <strong>local mode</strong>: no account, and your data stays in dopamap's folder
            on this computer. You can export or delete it at any time. (On a shared server, dopamap runs in
            account mode instead.)
          </p>
        )}
      </section>
      {mode === "accounts" && !signedIn ? (
        <div class="auth-forms">
          <AuthForm kind="signup" />
          <AuthForm kind="login" />
        </div>
      ) : (
        <Start />
      )}
    </div>
  );
}
