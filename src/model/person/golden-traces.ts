/**
 * Golden per-opportunity traces of the simulator at fixed seeds: every intervention, plasticity off
 * and on, two weeks each. `bench/golden-traces.ts` writes them to `golden/*.csv` from the code of the
 * day; `golden.test.ts` recomputes them and compares. Test support: not part of the public face
 * (`index.ts`).
 */
import { streamRng } from "../rng.ts";
import { type ConditionId, resolveConditions } from "./conditions.ts";
import {
  D,
  DAY_METRIC_COUNT,
  type OpportunityRecord,
  runPerson,
  S,
  SLOT_METRIC_COUNT,
  type StepState,
  W,
  WEEK_METRIC_COUNT,
} from "./engine.ts";
import { activity, type Environment } from "./environment.ts";
import { INTERVENTION_IDS, type InterventionId } from "./interventions.ts";
import { personWorld } from "./person.ts";
import { samplePerson } from "./population.ts";

/** One run's rows: named columns of one length; null where a value is missing (NaN). */
export interface TraceTable {
  readonly id: string;
  readonly columns: Record<string, (number | null)[]>;
}

/** Tables of one kind, by the name of the file that holds them. */
export type TraceSet = Record<string, TraceTable[]>;

/** The condition each intervention is traced on: the one it targets, so that it acts on something. */
export const TRACED_CONDITIONS: Readonly<Record<InterventionId, readonly ConditionId[]>> = {
  none: ["addiction"],
  scaffolding: ["depression"],
  threatReduction: ["anxiety"],
  calibration: ["adhd"],
  receptorRestoration: ["addiction"],
  loopDisruption: ["compulsive"],
  stressReduction: ["chronicStress"],
  circadianAlignment: ["healthy"],
  justExercise: ["depression"],
  dopamineFast: ["adhd", "compulsive"],
  coldShower: ["healthy"],
};

const RECORD_COLUMNS = [
  "day",
  "hour",
  "cued",
  "started",
  "durationMin",
  "wanting",
  "anticipation",
  "drive",
  "startProbability",
  "outcome",
  "liking",
  "predictionError",
  "anticipatedRating",
  "experiencedRating",
  "worryRating",
] as const satisfies readonly (keyof OpportunityRecord)[];

export const STATE_COLUMNS = [
  "anticipatoryGain",
  "d2Availability",
  "threatGain",
  "stressLoad",
  "magnitude",
  "probability",
  "count",
  "belief",
  "uncertainty",
  "novelty",
  "habituation",
  "tolerance",
  "exposure",
] as const satisfies readonly (keyof StepState)[];

const TRACE_WEEKS = 2;
const SEED = 13;

export const num = (x: number | boolean): number | null =>
  typeof x === "boolean" ? (x ? 1 : 0) : Number.isNaN(x) ? null : x;

/**
 * The reference arm's world also has an activity on the paths no preset takes often in two weeks:
 * a variable-magnitude outcome, a threat that sometimes meets real harm, a tone boost, stress relief
 * and novelty that the environment refreshes.
 */
function tracedWorld(intervention: InterventionId) {
  const { parameters, environment } = resolveConditions(TRACED_CONDITIONS[intervention]);
  if (intervention !== "none") return { parameters, environment };
  const openMic = activity({
    id: "openMic",
    kind: "social",
    importance: 0.6,
    novelty: 0.6,
    noveltyRefresh: 0.2,
    effort: 0.3,
    reward: { kind: "variableMagnitude", magnitude: 0.9, probability: 1 },
    threat: 0.3,
    harmProbability: 0.4,
    toneBoost: 0.1,
    stressRelief: 0.02,
    plannedHours: [12],
  });
  const env: Environment = { ...environment, activities: [...environment.activities, openMic] };
  return { parameters, environment: env };
}

/** Rows of a typed array of `width` metrics a row, named by an offset table, after leading index columns. */
function metricRows(
  id: string,
  values: Float64Array,
  offsets: Readonly<Record<string, number>>,
  width: number,
  index: (row: number) => Record<string, number>,
): TraceTable {
  const columns: TraceTable["columns"] = {};
  const rows = values.length / width;
  for (let r = 0; r < rows; r++) {
    const at = index(r);
    for (const [name, v] of [...Object.entries(at), ...Object.entries(offsets)]) {
      const column = columns[name] ?? [];
      column.push(name in at ? v : num(values[r * width + v]!));
      columns[name] = column;
    }
  }
  return { id, columns };
}

/**
 * One person's run, the intervention from week 1 (so the trace crosses a change of environment).
 * Rows: every planned or cued opportunity and every start; an uncued urge hour not acted on changes
 * nothing and is left out (kept, the files would be five times larger). The state columns are filled
 * on the rows where the activity was started and empty elsewhere: an opportunity not taken leaves
 * the state as it found it, and the next start shows any overnight change. Beside the rows: the
 * run's weekly, per-activity weekly (with the probes) and daily summaries.
 */
export function engineTrace(intervention: InterventionId, plasticity: number, person: number): TraceSet {
  const { parameters, environment } = tracedWorld(intervention);
  const params = { ...samplePerson(parameters, SEED, person), plasticity };
  const world = personWorld(params, environment, [{ id: intervention, startWeek: 1 }]);
  const columns: TraceTable["columns"] = { activity: [] };
  for (const c of [...RECORD_COLUMNS, ...STATE_COLUMNS]) columns[c] = [];
  let kept = false;
  let started = false;
  const raw = runPerson(params, world, {
    weeks: TRACE_WEEKS,
    rng: streamRng(SEED, person, 1),
    daily: true,
    onRecord: (r) => {
      kept = r.planned || r.cued || r.started;
      started = r.started;
      if (!kept) return;
      columns.activity!.push(world.activityIds.indexOf(r.activity));
      for (const c of RECORD_COLUMNS) columns[c]!.push(num(r[c]));
    },
    onState: (s) => {
      if (kept) for (const c of STATE_COLUMNS) columns[c]!.push(started ? num(s[c]) : null);
    },
  });
  const id = `${intervention}/plasticity${plasticity}`;
  const slots = world.slotCount;
  return {
    engine: [{ id, columns }],
    "engine-weekly": [metricRows(id, raw.weekly, W, WEEK_METRIC_COUNT, (r) => ({ week: r }))],
    "engine-activity-weekly": [
      metricRows(id, raw.slotWeekly, S, SLOT_METRIC_COUNT, (r) => ({
        week: Math.floor(r / slots),
        activity: r % slots,
      })),
    ],
    "engine-daily": [metricRows(id, raw.daily, D, DAY_METRIC_COUNT, (r) => ({ day: r }))],
  };
}

/** Tables of several sets, file by file, in order. */
export function mergeTraces(sets: readonly TraceSet[]): TraceSet {
  const out: TraceSet = {};
  for (const set of sets)
    for (const [file, tables] of Object.entries(set)) out[file] = [...(out[file] ?? []), ...tables];
  return out;
}

/** Every traced run: each intervention with its own person, plasticity off and on. */
export function engineTraces(): TraceSet {
  return mergeTraces(
    INTERVENTION_IDS.flatMap((iv, person) => [0, 1].map((plasticity) => engineTrace(iv, plasticity, person))),
  );
}

/** Tables of one kind as CSV: a `table` column, then the columns; an empty field is a missing value. */
export function toCsv(tables: readonly TraceTable[]): string {
  const names = Object.keys(tables[0]?.columns ?? {});
  const lines = [["table", ...names].join(",")];
  for (const t of tables) {
    const n = t.columns[names[0]!]!.length;
    for (let i = 0; i < n; i++)
      lines.push(
        [t.id, ...names.map((c) => (t.columns[c]![i] === null ? "" : String(t.columns[c]![i])))].join(","),
      );
  }
  return `${lines.join("\n")}\n`;
}

export function fromCsv(text: string): TraceTable[] {
  const [head, ...rows] = text.trimEnd().split("\n");
  const names = head!.split(",").slice(1);
  const tables: TraceTable[] = [];
  for (const row of rows) {
    const [id, ...fields] = row.split(",");
    let t = tables[tables.length - 1];
    if (!t || t.id !== id) {
      t = { id: id!, columns: Object.fromEntries(names.map((c) => [c, []])) };
      tables.push(t);
    }
    names.forEach((c, k) => {
      t.columns[c]!.push(fields[k] === "" ? null : Number(fields[k]));
    });
  }
  return tables;
}

/** How far recomputed tables are from the golden ones: the largest absolute difference and where. */
export interface TraceDifference {
  readonly maxAbsDiff: number;
  readonly where: string;
  /** Tables, columns or lengths that differ, and values missing on one side only. */
  readonly mismatches: readonly string[];
}

export function compareTraces(golden: TraceSet, now: TraceSet): TraceDifference {
  let maxAbsDiff = 0;
  let where = "";
  const mismatches: string[] = [];
  for (const file of new Set([...Object.keys(golden), ...Object.keys(now)])) {
    const gs = golden[file] ?? [];
    const ns = now[file] ?? [];
    if (gs.length !== ns.length) mismatches.push(`${file}: ${gs.length} tables vs ${ns.length}`);
    gs.forEach((g, k) => {
      const n = ns[k];
      if (!n || n.id !== g.id) {
        mismatches.push(`${file} table ${k}: ${g.id} vs ${n?.id}`);
        return;
      }
      for (const name of new Set([...Object.keys(g.columns), ...Object.keys(n.columns)])) {
        const a = g.columns[name];
        const b = n.columns[name];
        if (!a || !b || a.length !== b.length) {
          mismatches.push(`${file} ${g.id} ${name}: length ${a?.length} vs ${b?.length}`);
          continue;
        }
        for (let i = 0; i < a.length; i++) {
          const x = a[i]!;
          const y = b[i]!;
          if (x === null || y === null) {
            if (x !== y) mismatches.push(`${file} ${g.id} ${name}[${i}]: ${x} vs ${y}`);
            continue;
          }
          const d = Math.abs(x - y);
          if (!(d <= maxAbsDiff)) {
            maxAbsDiff = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
            where = `${file} ${g.id} ${name}[${i}]: ${x} vs ${y}`;
          }
        }
      }
    });
  }
  return { maxAbsDiff, where, mismatches };
}
