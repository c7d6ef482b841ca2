/**
 * "Add an activity": the person names something they plan to do (or an urge they want less of) and
 * rates it 0–10; stored with `activity/define` (ratings as 0..1), so the plan and today can use it.
 */
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { ApiError, call } from "../api.ts";

const KINDS: readonly (readonly [string, string, boolean])[] = [
  ["movement", "Movement or exercise", false],
  ["work", "Work or study", false],
  ["social", "Seeing or contacting people", false],
  ["creative", "Creative", false],
  ["chore", "Chore", false],
  ["leisure", "Leisure", false],
  ["selfCare", "Self-care", false],
  ["substance", "Alcohol or another substance (an urge)", true],
  ["app", "Phone, app or social media (an urge)", true],
  ["gambling", "Gambling or betting (an urge)", true],
];

const RATINGS: readonly (readonly [string, string, number])[] = [
  ["importance", "How much it matters to you", 7],
  ["novelty", "How new it feels", 3],
  ["effort", "How much effort it takes", 5],
  ["threat", "How daunting it feels", 2],
];

function slug(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return `${base || "activity"}-${Date.now().toString(36)}`;
}

/** The form; `onSaved` runs after the activity is stored. */
export function ActivityForm(props: { onSaved: () => void }): JSX.Element {
  const [kind, setKind] = useState("movement");
  const [values, setValues] = useState<Record<string, number>>(
    Object.fromEntries(RATINGS.map(([k, , v]) => [k, v])),
  );
  const [status, setStatus] = useState("");
  const urgeKind = KINDS.find((k) => k[0] === kind)?.[2] ?? false;
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get("name") ?? "").trim();
    setStatus("Saving…");
    try {
      await call("activity/define", {
        id: slug(name),
        name,
        kind,
        importance: (values.importance ?? 5) / 10,
        novelty: (values.novelty ?? 5) / 10,
        effort: (values.effort ?? 5) / 10,
        threat: (values.threat ?? 0) / 10,
        urge: urgeKind,
        durationMin: Number(data.get("duration") ?? 30) || 30,
      });
      setStatus(`Saved: ${name}`);
      const nameInput = form.elements.namedItem("name");
      if (nameInput instanceof HTMLInputElement) nameInput.value = "";
      props.onSaved();
    } catch (err) {
      setStatus(err instanceof ApiError ? `Not saved: ${err.message}` : "Not saved");
    }
  };
  return (
    <form class="activity-form" onSubmit={onSubmit} aria-label="Add an activity">
      <p class="field">
        <label for="activity-name">What is it?</label>
        <input id="activity-name" name="name" required maxLength={200} placeholder="e.g. a 20-minute walk" />
      </p>
      <p class="field">
        <label for="activity-kind">Kind</label>
        <select
          id="activity-kind"
          value={kind}
          onChange={(e) => setKind((e.target as HTMLSelectElement).value)}
        >
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </p>
      {RATINGS.map(([k, label]) => (
        <p class="field" key={k}>
          <label for={`activity-${k}`}>
            {label}: <output for={`activity-${k}`}>{values[k]}</output> of 10
          </label>
          <input
            id={`activity-${k}`}
            type="range"
            min={0}
            max={10}
            step={1}
            value={values[k]}
            onInput={(e) => setValues({ ...values, [k]: (e.target as HTMLInputElement).valueAsNumber })}
          />
        </p>
      ))}
      {urgeKind ? null : (
        <p class="field">
          <label for="activity-duration">Usual length, minutes</label>
          <input id="activity-duration" name="duration" type="number" min={1} max={1440} defaultValue="30" />
        </p>
      )}
      <button type="submit">Add</button>
      <p class="saved" role="status" aria-live="polite">
        {status}
      </p>
    </form>
  );
}
