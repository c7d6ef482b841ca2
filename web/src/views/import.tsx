/**
 * `#/import`: bring months of history from another app. Choose a file and its format (a Daylio
 * export, or any CSV whose columns the person maps with labelled selects), see the first rows as
 * they will be saved and every unreadable row with its line number, then import: either nothing
 * unless every row reads, or the readable rows only. Nothing is written before the import button.
 */
import type { JSX, TargetedEvent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api.ts";
import "./import.css";

type Format = "csv" | "daylio";
interface RowError {
  line: number;
  field: string;
  message: string;
}
interface PreviewRow {
  line: number;
  localDate: string;
  time: string;
  activities: string[];
  started: boolean;
  minutesDone: number | null;
  anticipated: number | null;
  experienced: number | null;
  mood: number | null;
  note: string;
}
interface Summary {
  rows: number;
  readableRows: number;
  rowsWithErrors: number;
  checkIns: number;
  notes: number;
  rowsWithoutActivity: number;
  newActivities: string[];
  matchedActivities: string[];
  excludedActivities: string[];
  firstDate: string | null;
  lastDate: string | null;
}
interface Preview {
  format: Format;
  headers: string[];
  suggestedMapping: Record<string, string>;
  customMoods: string[];
  needsMapping: boolean;
  preview: PreviewRow[];
  errors: RowError[];
  summary: Summary | null;
}
interface ImportDone {
  written: { activities: number; checkIns: number; notes: number };
  alreadyPresent: number;
  skipped: RowError[];
}

/** The roles a column can play, with the words shown for them. */
const ROLES: readonly { role: string; label: string; required?: boolean }[] = [
  { role: "date", label: "Date", required: true },
  { role: "time", label: "Time" },
  { role: "activity", label: "Activity", required: true },
  { role: "started", label: "Started (yes/no)" },
  { role: "minutes", label: "Minutes done" },
  { role: "anticipated", label: "Expected enjoyment (before)" },
  { role: "experienced", label: "Enjoyment (after)" },
  { role: "mood", label: "Mood" },
  { role: "note", label: "Note" },
];
const DATE_FORMATS = ["YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY"] as const;
const SCALES: Record<string, { min: number; max: number } | undefined> = {
  "0-10": undefined,
  "1-10": { min: 1, max: 10 },
  "1-5": { min: 1, max: 5 },
  "0-5": { min: 0, max: 5 },
  "1-7": { min: 1, max: 7 },
};
const MOOD_LEVELS = ["1 (like awful)", "2 (like bad)", "3 (like meh)", "4 (like good)", "5 (like rad)"];

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const isDaylio = (text: string) => {
  const head = (text.replace(/^\ufeff/, "").split(/\r?\n/, 1)[0] ?? "").toLowerCase();
  return ["full_date", "time", "mood", "activities"].every((c) => head.includes(c));
};
const show = (v: number | null) => (v === null ? "" : String(v));

function Select(props: {
  id: string;
  label: string;
  value: string;
  options: readonly (string | [string, string])[];
  onChange: (v: string) => void;
}): JSX.Element {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.options.map((o) => {
          const [value, text] = typeof o === "string" ? [o, o] : o;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
    </div>
  );
}

function ErrorList(props: { errors: RowError[]; title: string }): JSX.Element | null {
  if (props.errors.length === 0) return null;
  return (
    <section class="notice rescue" aria-labelledby="row-errors-title">
      <h2 id="row-errors-title">{props.title}</h2>
      <ul class="row-errors">
        {props.errors.slice(0, 100).map((e) => (
          <li key={`${e.line}-${e.field}-${e.message}`}>
            Line {e.line} ({e.field}): {e.message}
          </li>
        ))}
      </ul>
      {props.errors.length > 100 && <p class="muted">…and {props.errors.length - 100} more.</p>}
    </section>
  );
}

/** What a CSV row says about doing the activity: started or not, minutes, ratings before and after. */
function doneText(r: PreviewRow): string {
  const parts = [r.started ? "started" : "not started"];
  if (r.minutesDone !== null) parts.push(`${r.minutesDone} min`);
  if (r.anticipated !== null) parts.push(`expected ${r.anticipated}`);
  if (r.experienced !== null) parts.push(`enjoyed ${r.experienced}`);
  return parts.join(", ");
}

function PreviewTable(props: { rows: PreviewRow[]; format: Format }): JSX.Element {
  const csv = props.format === "csv";
  return (
    <div class="table-wrap">
      <table>
        <caption id="preview-caption">
          The first {props.rows.length} rows as they will be saved (mood and ratings on 0–10)
        </caption>
        <thead>
          <tr>
            <th scope="col" class="narrow">
              Line
            </th>
            <th scope="col" class="when">
              When
            </th>
            <th scope="col">Activities</th>
            <th scope="col" class="mood">
              Mood
            </th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.line}>
              <td>{r.line}</td>
              <td>
                <span class="nowrap">{r.localDate}</span> <span class="nowrap">{r.time}</span>
              </td>
              <td>
                {r.activities.join(", ") || <span class="muted">none (kept as a note)</span>}
                {csv && <span class="done">{doneText(r)}</span>}
              </td>
              <td>{show(r.mood)}</td>
              <td class="note">{r.note.length > 140 ? `${r.note.slice(0, 137)}…` : r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ImportView(): JSX.Element {
  const [fileName, setFileName] = useState("");
  const [text, setText] = useState("");
  const [format, setFormat] = useState<Format>("daylio");
  const [timeZone, setTimeZone] = useState(browserZone());
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [dateFormat, setDateFormat] = useState<string>("YYYY-MM-DD");
  const [ratingScale, setRatingScale] = useState("0-10");
  const [moodScale, setMoodScale] = useState("0-10");
  const [separator, setSeparator] = useState("");
  const [moods, setMoods] = useState<Record<string, number>>({});
  const [exclude, setExclude] = useState<string[]>([]);
  const [onErrors, setOnErrors] = useState<"reject" | "skip">("reject");
  const [preview, setPreview] = useState<Preview | null>(null);
  /** The file's columns, kept when a preview fails so the mapping can be corrected. */
  const [headers, setHeaders] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [done, setDone] = useState<ImportDone | null>(null);

  const request = (fmt: Format, withMapping: boolean) => ({
    format: fmt,
    text,
    timeZone,
    exclude,
    moods,
    ...(fmt === "csv" && withMapping
      ? {
          mapping: {
            columns: Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== "")),
            dateFormat,
            ...(SCALES[ratingScale] ? { ratingScale: SCALES[ratingScale] } : {}),
            ...(SCALES[moodScale] ? { moodScale: SCALES[moodScale] } : {}),
            ...(separator.trim() ? { activitySeparator: separator.trim() } : {}),
          },
        }
      : {}),
  });
  const mappingReady = format === "daylio" || (Boolean(columns.date) && Boolean(columns.activity));

  async function runPreview(fmt: Format, withMapping: boolean): Promise<void> {
    setBusy(true);
    setError("");
    setDone(null);
    try {
      const p = await call<Preview>("import/preview", { ...request(fmt, withMapping), previewRows: 20 });
      setPreview(p);
      setHeaders(p.headers);
      if (p.needsMapping) setColumns((c) => (Object.keys(c).length ? c : { ...p.suggestedMapping }));
    } catch (e) {
      setPreview(null);
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  // A new file, format, zone or set of choices made outside the mapping form gets a fresh preview.
  useEffect(() => {
    if (!text) return;
    void runPreview(format, format === "daylio" || mappingReady);
  }, [text, format, timeZone, moods, exclude]);

  async function chooseFile(e: TargetedEvent<HTMLInputElement>): Promise<void> {
    const file = e.currentTarget.files?.[0];
    if (!file) return;
    const t = await file.text();
    setFileName(file.name);
    setColumns({});
    setMoods({});
    setExclude([]);
    setPreview(null);
    setHeaders([]);
    setFormat(isDaylio(t) ? "daylio" : "csv");
    setText(t);
  }

  async function runImport(): Promise<void> {
    setBusy(true);
    setError("");
    try {
      setDone(await call<ImportDone>("import/records", { ...request(format, true), onErrors }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const s = preview?.summary ?? null;
  const toImport = s ? s.readableRows : 0;
  const activityNames = s ? [...s.newActivities, ...s.matchedActivities, ...s.excludedActivities] : [];
  return (
    <section aria-labelledby="view-title" class="import-view">
      <h1 id="view-title">Import your history</h1>
      <p>
        Bring entries from another app: a Daylio export, or any CSV file where you say which column is which.
        You see what will be saved before anything is written, and importing the same file again adds nothing
        twice.
      </p>

      <form onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="import-file">Diary file (CSV)</label>
          <input id="import-file" type="file" accept=".csv,text/csv,text/plain" onChange={chooseFile} />
          {fileName && <span class="muted">{fileName}</span>}
        </div>
        <Select
          id="import-format"
          label="Format"
          value={format}
          options={[
            ["daylio", "Daylio export (full_date, time, mood, activities…)"],
            ["csv", "Another CSV: I choose the columns"],
          ]}
          onChange={(v) => {
            setPreview(null);
            setFormat(v as Format);
          }}
        />
        <div class="field">
          <label for="import-zone">Time zone the entries were made in</label>
          <input
            id="import-zone"
            type="text"
            value={timeZone}
            onChange={(e) => setTimeZone(e.currentTarget.value)}
            aria-describedby="import-zone-hint"
          />
          <span id="import-zone-hint" class="muted">
            A name like Europe/Berlin or an offset like +02:00. Dates and hours stay as written.
          </span>
        </div>
      </form>

      {format === "csv" && headers.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void runPreview("csv", true);
          }}
        >
          <fieldset>
            <legend>Which column is which?</legend>
            <div class="mapping">
              {ROLES.map((r) => (
                <Select
                  key={r.role}
                  id={`map-${r.role}`}
                  label={`${r.label}${r.required ? " (required)" : ""}`}
                  value={columns[r.role] ?? ""}
                  options={[["", "— not in the file —"], ...headers]}
                  onChange={(v) => setColumns({ ...columns, [r.role]: v })}
                />
              ))}
              <Select
                id="map-date-format"
                label="Dates are written as"
                value={dateFormat}
                options={DATE_FORMATS}
                onChange={setDateFormat}
              />
              <Select
                id="map-rating-scale"
                label="Ratings use the scale"
                value={ratingScale}
                options={Object.keys(SCALES)}
                onChange={setRatingScale}
              />
              <Select
                id="map-mood-scale"
                label="Mood uses the scale"
                value={moodScale}
                options={Object.keys(SCALES)}
                onChange={setMoodScale}
              />
              <div class="field">
                <label for="map-separator">Several activities in one cell, separated by</label>
                <input
                  id="map-separator"
                  type="text"
                  value={separator}
                  maxLength={5}
                  onChange={(e) => setSeparator(e.currentTarget.value)}
                />
              </div>
            </div>
          </fieldset>
          <button type="submit" disabled={busy || !mappingReady}>
            Preview
          </button>
        </form>
      )}

      {format === "daylio" && preview && preview.customMoods.length > 0 && (
        <fieldset>
          <legend>Your own mood labels: how good is each?</legend>
          {preview.customMoods.map((label) => (
            <Select
              key={label}
              id={`mood-${label.replace(/\W+/g, "-")}`}
              label={`"${label}"`}
              value={String(moods[label] ?? "")}
              options={[
                ["", "— choose —"],
                ...MOOD_LEVELS.map((t, i) => [String(i + 1), t] as [string, string]),
              ]}
              onChange={(v) => setMoods(v ? { ...moods, [label]: Number(v) } : moods)}
            />
          ))}
        </fieldset>
      )}

      {busy && <p role="status">Reading the file…</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      {preview && s && (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          <p>
            {s.rows} rows, {s.readableRows} readable
            {s.firstDate ? ` (${s.firstDate} to ${s.lastDate})` : ""}: {s.checkIns} check-ins and {s.notes}{" "}
            notes.
            {s.rowsWithoutActivity > 0
              ? ` ${s.rowsWithoutActivity} entries without an activity are kept as notes.`
              : ""}
          </p>
          {activityNames.length > 0 && (
            <fieldset>
              <legend>Activities to import</legend>
              <p class="muted">
                New ones start with default importance, novelty and effort; you can adjust them later. Untick
                states that are not activities (like "bad sleep").
              </p>
              <div class="activity-choices">
                {activityNames.map((name) => (
                  <label class="choice" key={name}>
                    <input
                      type="checkbox"
                      checked={!exclude.includes(name)}
                      onChange={(e) =>
                        setExclude(
                          e.currentTarget.checked ? exclude.filter((x) => x !== name) : [...exclude, name],
                        )
                      }
                    />
                    {name}
                    {s.matchedActivities.includes(name) ? " (yours)" : ""}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <PreviewTable rows={preview.preview} format={preview.format} />
          <ErrorList errors={preview.errors} title={`Rows that cannot be read (${s.rowsWithErrors})`} />

          <fieldset>
            <legend>If some rows cannot be read</legend>
            <div class="choices">
              <label class="choice">
                <input
                  type="radio"
                  name="on-errors"
                  checked={onErrors === "reject"}
                  onChange={() => setOnErrors("reject")}
                />
                Import nothing; I will fix the file first
              </label>
              <label class="choice">
                <input
                  type="radio"
                  name="on-errors"
                  checked={onErrors === "skip"}
                  onChange={() => setOnErrors("skip")}
                />
                Import the readable rows and leave the others out
              </label>
            </div>
          </fieldset>
          <div class="actions">
            <button type="button" disabled={busy || toImport === 0} onClick={() => void runImport()}>
              Import {toImport} {toImport === 1 ? "entry" : "entries"}
            </button>
          </div>
        </section>
      )}

      {done && (
        <div class="notice" role="status">
          <h2>Imported</h2>
          <p>
            {done.written.checkIns} check-ins, {done.written.activities} new activities and{" "}
            {done.written.notes} notes saved; {done.alreadyPresent} check-ins were already there.
          </p>
          {done.skipped.length > 0 && <p>{done.skipped.length} problems were left out (listed above).</p>}
          <p>
            See them in <a href="#/today">Today</a> and <a href="#/progress">Progress</a>.
          </p>
        </div>
      )}
    </section>
  );
}
