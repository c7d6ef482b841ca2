/**
 * `#/share`: the report for a coach or clinician (open as HTML, download as PDF), and read-only
 * shares of chosen sections: a link (shown once, copyable) or, on a server with accounts, a grant
 * whose one-time code the person sends to their coach, who redeems it in their own account. Lists
 * the person's shares with their state and withdraws any of them at once; takes a code shared with
 * this account and lists the reports others shared with it. Reads and writes only through `call`.
 */
import type { JSX, TargetedEvent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, call, health } from "../api.ts";
import "./share.css";

type SectionId = "map" | "plan" | "scores" | "progress" | "crisis" | "sources";
const SECTIONS: readonly { id: SectionId; label: string; hint: string }[] = [
  { id: "map", label: "Map", hint: "pattern strengths with intervals and the why" },
  { id: "plan", label: "Plan and forecast", hint: "the plan and how it compares in simulation" },
  { id: "scores", label: "Questionnaire scores", hint: "totals over time with their bands" },
  { id: "progress", label: "Progress", hint: "start rate, Motivation Gap, anticipation gap, parameters" },
  { id: "crisis", label: "Crisis events", hint: "answers that raised crisis resources, and the resources" },
  { id: "sources", label: "Sources", hint: "the source and evidence grade of every statement" },
];
const DEFAULT_SECTIONS: readonly SectionId[] = ["map", "plan", "scores", "progress", "sources"];

interface ShareJson {
  id: string;
  kind: "link" | "grant";
  label: string;
  sections: string[];
  granteeEmail: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  status: "active" | "pending" | "expired" | "revoked";
}
interface Received {
  id: string;
  label: string;
  sections: string[];
  expiresAt: string;
  path: string;
}
interface ListJson {
  shares: ShareJson[];
  sharedWithMe: Received[];
}
interface Created {
  share: ShareJson;
  token?: string;
  path?: string;
  acceptCode?: string;
}

const day = (iso: string) => iso.slice(0, 10);
const sectionNames = (ids: readonly string[]) =>
  ids.map((id) => SECTIONS.find((s) => s.id === id)?.label ?? id).join(", ");
const STATUS: Record<ShareJson["status"], string> = {
  active: "active",
  pending: "waiting for its code to be used",
  expired: "expired",
  revoked: "withdrawn",
};

function message(e: unknown): string {
  return e instanceof ApiError ? e.message : "something went wrong; try again";
}

function ReportLinks(): JSX.Element {
  return (
    <section class="card" aria-labelledby="report-title">
      <h2 id="report-title">Your report</h2>
      <p class="muted">
        Map, plan and forecast, questionnaire scores, progress, crisis events and the source of every
        statement. It is a self-help and research tool's output, not a diagnosis.
      </p>
      <p class="actions">
        <a class="button" href="/report" target="_blank" rel="noopener">
          Open the report
        </a>
        <a class="button secondary" href="/report?format=pdf" download>
          Download the report (PDF)
        </a>
      </p>
    </section>
  );
}

/** The link or code just made, shown this once with a copy button. */
function NewLink(props: { link: string; code: string | null }): JSX.Element {
  const [copied, setCopied] = useState("");
  const value = props.code ?? props.link;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("Copied.");
    } catch {
      (document.getElementById("share-link") as HTMLInputElement | null)?.select();
      setCopied(`Select the ${props.code ? "code" : "link"} and copy it.`);
    }
  };
  return (
    <div class="notice" role="status">
      <div class="field">
        <label for="share-link">
          {props.code
            ? "The code (shown only this once): send it to the person it is for. They sign in to their own dopamap account and enter it under “Accept a report shared with you”; it works once, for one account."
            : "The link (shown only this once; anyone with it can read the shared sections)"}
        </label>
        <input id="share-link" class="share-link" type="text" readOnly value={value} />
      </div>
      <p class="actions">
        <button type="button" onClick={copy}>
          {props.code ? "Copy code" : "Copy link"}
        </button>
        <span class="saved" aria-live="polite">
          {copied}
        </span>
      </p>
    </div>
  );
}

function CreateForm(props: { accounts: boolean; onCreated: (c: Created) => void }): JSX.Element {
  const [sections, setSections] = useState<SectionId[]>([...DEFAULT_SECTIONS]);
  const [days, setDays] = useState("14");
  const [label, setLabel] = useState("");
  const [kind, setKind] = useState<"link" | "account">("link");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const toggle = (id: SectionId, on: boolean) =>
    setSections((xs) => (on ? [...xs, id] : xs.filter((x) => x !== id)));
  const submit = async (e: TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError("");
    if (sections.length === 0) return setError("Choose at least one section.");
    setBusy(true);
    try {
      const created = await call<Created>("share/create", {
        sections,
        expiresInDays: Number(days),
        label,
        grant: kind === "account",
      });
      props.onCreated(created);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} aria-labelledby="new-share-title">
      <h2 id="new-share-title">Share read-only</h2>
      <p class="muted">
        The person you share with sees only the sections you choose, cannot change anything, and loses access
        when it expires or when you withdraw it.
      </p>
      <fieldset>
        <legend>Sections to share</legend>
        {SECTIONS.map((s) => (
          <label class="choice" key={s.id}>
            <input
              type="checkbox"
              name="section"
              value={s.id}
              checked={sections.includes(s.id)}
              onChange={(e) => toggle(s.id, e.currentTarget.checked)}
            />
            <span>
              {s.label} <span class="muted">({s.hint})</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="share-label">Who it is for (your note)</label>
        <input
          id="share-label"
          type="text"
          maxLength={100}
          value={label}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="share-days">Expires after (days, 1–90)</label>
        <input
          id="share-days"
          type="number"
          min={1}
          max={90}
          required
          value={days}
          onInput={(e) => setDays(e.currentTarget.value)}
        />
      </div>
      {props.accounts ? (
        <fieldset>
          <legend>How</legend>
          <label class="choice">
            <input type="radio" name="kind" checked={kind === "link"} onChange={() => setKind("link")} />
            <span>A link</span>
          </label>
          <label class="choice">
            <input
              type="radio"
              name="kind"
              checked={kind === "account"}
              onChange={() => setKind("account")}
            />
            <span>Their dopamap account (you get a one-time code to send them)</span>
          </label>
        </fieldset>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create share"}
        </button>
      </p>
    </form>
  );
}

/** Redeems a code someone sent: the report they shared becomes this account's to read. */
function AcceptForm(props: { onAccepted: () => void }): JSX.Element {
  const [code, setCode] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  const submit = async (e: TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError("");
    setNote("");
    try {
      const r = await call<Received>("share/accept", { code });
      setNote(`Accepted: ${r.label || "a report"} (${sectionNames(r.sections)}), until ${day(r.expiresAt)}.`);
      setCode("");
      props.onAccepted();
    } catch (err) {
      setError(message(err));
    }
  };
  return (
    <form class="card" onSubmit={submit} aria-labelledby="accept-title">
      <h2 id="accept-title">Accept a report shared with you</h2>
      <div class="field">
        <label for="accept-code">The code you were sent</label>
        <input
          id="accept-code"
          type="text"
          required
          autoComplete="off"
          maxLength={64}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <p class="saved" aria-live="polite">
        {note}
      </p>
      <p class="actions">
        <button type="submit">Accept</button>
      </p>
    </form>
  );
}

function ShareList(props: { shares: ShareJson[]; onRevoke: (id: string) => void }): JSX.Element {
  if (props.shares.length === 0) return <p class="muted">You have not shared anything yet.</p>;
  return (
    <ul class="plain share-list">
      {props.shares.map((s) => (
        <li class="card" key={s.id} data-share-id={s.id}>
          <h3>{s.label || (s.granteeEmail ?? (s.kind === "grant" ? "Account" : "Link"))}</h3>
          <p>
            {s.kind === "link"
              ? "Link"
              : s.granteeEmail
                ? `Account ${s.granteeEmail}`
                : "Account (code not used yet)"}
            : {sectionNames(s.sections)}.
          </p>
          <p class="muted">
            Made {day(s.createdAt)};{" "}
            {s.status === "active" ? `expires ${day(s.expiresAt)}` : STATUS[s.status]}
            {s.status === "expired" ? ` ${day(s.expiresAt)}` : ""}
            {s.status === "revoked" && s.revokedAt ? ` ${day(s.revokedAt)}` : ""}.
          </p>
          {s.status === "active" || s.status === "pending" ? (
            <button
              type="button"
              class="danger"
              onClick={() => props.onRevoke(s.id)}
              aria-label={`Withdraw the share ${s.label || s.granteeEmail || "link"} made ${day(s.createdAt)}`}
            >
              Withdraw
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The share view. */
export default function ShareView(): JSX.Element {
  const [list, setList] = useState<ListJson | null>(null);
  const [accounts, setAccounts] = useState(false);
  const [error, setError] = useState("");
  const [created, setCreated] = useState<{ link: string; code: string | null } | null>(null);
  const [status, setStatus] = useState("");
  const load = async () => {
    try {
      setList(await call<ListJson>("share/list", {}));
    } catch (e) {
      setError(message(e));
    }
  };
  useEffect(() => {
    void load();
    health()
      .then((h) => setAccounts(h.mode === "accounts"))
      .catch(() => setAccounts(false));
  }, []);
  const onCreated = (c: Created) => {
    setCreated({ link: c.path ? `${location.origin}${c.path}` : "", code: c.acceptCode ?? null });
    setStatus("");
    void load();
  };
  const revoke = async (id: string) => {
    setError("");
    try {
      await call("share/revoke", { id });
      setStatus("Withdrawn: that link or grant shows nothing from now on.");
      setCreated(null);
      await load();
    } catch (e) {
      setError(message(e));
    }
  };
  return (
    <section aria-labelledby="view-title" class="share-view">
      <h1 id="view-title">Share with a coach or clinician</h1>
      <ReportLinks />
      <CreateForm accounts={accounts} onCreated={onCreated} />
      {created ? <NewLink link={created.link} code={created.code} /> : null}
      <h2>Your shares</h2>
      <p class="saved" aria-live="polite">
        {status}
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {list ? <ShareList shares={list.shares} onRevoke={revoke} /> : <p class="muted">Loading…</p>}
      {accounts ? <AcceptForm onAccepted={() => void load()} /> : null}
      {list?.sharedWithMe.length ? (
        <>
          <h2>Shared with you</h2>
          <ul class="plain">
            {list.sharedWithMe.map((r) => (
              <li class="card" key={r.id}>
                <a href={r.path} target="_blank" rel="noopener">
                  {r.label || "A report"}
                </a>{" "}
                <span class="muted">
                  ({sectionNames(r.sections)}; until {day(r.expiresAt)})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
