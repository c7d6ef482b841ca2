/**
 * The person a command acts on: their log and state, from the store (computed once per data
 * revision and cached there) or from a log passed in (computed each time; with a store beside it
 * the stored screening applies). The plan's in-silico selection and the week-by-week refits are
 * cached too: the selection per revision, each week by a hash of the records up to its end.
 */
import type { CrisisEvent } from "../../instruments/index.ts";
import { type PersonLog, readLogCsv } from "../../model/records/index.ts";
import {
  choicesFromLog,
  createPlan,
  type Plan,
  type PlanChoice,
  type PlanMap,
  presetDraws,
} from "../../plan/index.ts";
import { refuseFuture } from "../records/bounds.ts";
import { AppError, type CommandContext, unwrap } from "../registry.ts";
import type { Store } from "../store-port.ts";
import { decodeSnapshot, encodeSnapshot } from "./codec.ts";
import { NO_EVIDENCE, storedEvidence } from "./reading.ts";
import { SEEDS_PER_DRAW } from "./rules.ts";
import { scoreSeries } from "./screening.ts";
import { computeState, type DrawOptions, type PersonState, type WeekFit, weekFits } from "./state.ts";

/** Bumped whenever what a snapshot holds, or how it is computed, changes: older ones are recomputed. */
export const SNAPSHOT_VERSION = 1;

/** Where a command's person comes from: a log or CSV in its input, else the store. */
export interface PersonSource {
  readonly log?: PersonLog | undefined;
  readonly csv?: string | undefined;
  readonly onError?: "reject" | "skip" | undefined;
}

/** A CSV row left out under `onError: "skip"`. */
export interface SkippedRow {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** A plan request beyond the person's own: other choices, a map given by hand, more runs per draw. */
export interface PlanOptions {
  readonly choices?: readonly PlanChoice[] | undefined;
  readonly map?: PlanMap | undefined;
  readonly seedsPerDraw?: number | undefined;
  /** False: the components only, no in-silico selection (fast; today and rescue). Default true. */
  readonly select?: boolean;
}

export interface Person {
  readonly state: PersonState;
  readonly skippedRows: readonly SkippedRow[];
  /** The person's log (read from the store once, when first asked for). */
  log(): Promise<PersonLog>;
  /** The plan for the person's activities at their own times, with its selection unless `select: false`. */
  plan(options?: PlanOptions): Promise<Plan>;
  /** Refits of weeks 2..`weeksDone` counted from `first`. */
  weekFits(first: string, weeksDone: number): Promise<WeekFit[]>;
}

/** The log of a CSV (the first bad row's line and field name the error), with any rows skipped. */
export function logFromCsv(
  csv: string,
  onError: "reject" | "skip",
): { log: PersonLog; skipped: SkippedRow[] } {
  const { log, skipped } = unwrap(readLogCsv(csv, { onError }));
  return { log, skipped: [...skipped] };
}

async function storedInputs(store: Store, personId: string) {
  const [log, evidence, assessments, crises] = await Promise.all([
    store.readLog(personId),
    storedEvidence(store, personId),
    store.listEntries(personId, "assessment"),
    store.listEntries(personId, "crisis_event"),
  ]);
  return {
    log,
    evidence,
    scores: scoreSeries(assessments),
    crisisEvents: crises.map((e) => ({ ...(e.data as CrisisEvent), at: (e.data as CrisisEvent).at ?? e.at })),
  };
}

interface Cached<T> {
  readonly version: number;
  readonly value: T;
}

async function readCache<T>(store: Store, personId: string, kind: string, revision: number | null) {
  const hit = await store.getSnapshot(personId, kind);
  if (!hit || (revision !== null && hit.revision !== revision)) return undefined;
  const cached = decodeSnapshot<Cached<T>>(hit.data);
  return cached.version === SNAPSHOT_VERSION ? cached.value : undefined;
}

const writeCache = (store: Store, personId: string, kind: string, revision: number, value: unknown) =>
  store.putSnapshot(personId, kind, revision, encodeSnapshot({ version: SNAPSHOT_VERSION, value }));

/**
 * Opens the person: from `source.log`/`source.csv` when given, otherwise the store's person (a
 * missing store is an adapter bug). Draw settings other than the shared defaults are computed
 * fresh and never cached.
 */
export async function openPerson(
  ctx: CommandContext,
  source: PersonSource = {},
  draws: DrawOptions = {},
): Promise<Person> {
  const given = source.log !== undefined || source.csv !== undefined;
  const store = ctx.store && ctx.personId ? { store: ctx.store, personId: ctx.personId } : null;
  if (!given && !store)
    throw new AppError({
      code: "invalid_input",
      message: "log: give a log or csv (no stored person here)",
      path: ["log"],
    });
  const onCompute = ctx.onCompute;
  const overrides = draws.draws !== undefined || draws.seed !== undefined;

  if (given) {
    const { log, skipped } =
      source.log !== undefined
        ? { log: source.log, skipped: [] }
        : logFromCsv(source.csv!, source.onError ?? "reject");
    refuseFuture(ctx, log, [source.log !== undefined ? "log" : "csv"]);
    const stored = store ? await storedInputs(store.store, store.personId) : null;
    const state = computeState(
      {
        log,
        evidence: stored?.evidence ?? NO_EVIDENCE,
        scores: stored?.scores ?? [],
        crisisEvents: stored?.crisisEvents ?? [],
        source: { log: "given", revision: null },
      },
      draws,
      onCompute,
    );
    return freshPerson(state, log, skipped, ctx);
  }

  const { store: s, personId } = store!;
  const revision = await s.getRevision(personId);
  let log: PersonLog | undefined;
  let state = overrides ? undefined : await readCache<PersonState>(s, personId, "state", revision);
  if (!state) {
    const inputs = await storedInputs(s, personId);
    log = inputs.log;
    state = computeState({ ...inputs, source: { log: "stored", revision } }, draws, onCompute);
    if (!overrides) await writeCache(s, personId, "state", revision, state);
  }
  const readLog = async () => {
    log ??= await s.readLog(personId);
    return log;
  };
  const fixed = state;
  return {
    state: fixed,
    skippedRows: [],
    log: readLog,
    async plan(options = {}) {
      const own = !overrides && !options.choices && !options.map && options.seedsPerDraw === undefined;
      if (!own || options.select === false) return makePlan(fixed, await readLog(), options, onCompute);
      const cached = await readCache<Plan>(s, personId, "plan", revision);
      if (cached) return cached;
      const plan = makePlan(fixed, await readLog(), options, onCompute);
      await writeCache(s, personId, "plan", revision, plan);
      return plan;
    },
    async weekFits(first, weeksDone) {
      const known = new Map(
        (await readCache<[string, WeekFit["parameters"]][]>(s, personId, "weeks", null)) ?? [],
      );
      const r = weekFits(await readLog(), fixed.evidence, first, weeksDone, known, onCompute);
      const sameKeys = r.keys.size === known.size && [...r.keys.keys()].every((k) => known.has(k));
      if (!sameKeys) await writeCache(s, personId, "weeks", revision, [...r.keys.entries()]);
      return r.fits;
    },
  };
}

function freshPerson(state: PersonState, log: PersonLog, skipped: SkippedRow[], ctx: CommandContext): Person {
  return {
    state,
    skippedRows: skipped,
    log: async () => log,
    plan: async (options = {}) => makePlan(state, log, options, ctx.onCompute),
    weekFits: async (first, weeksDone) =>
      weekFits(log, state.evidence, first, weeksDone, new Map(), ctx.onCompute).fits,
  };
}

/** The plan for `log` on the state's map and draws (a map given by hand gets its preset's draws). */
function makePlan(
  state: PersonState,
  log: PersonLog,
  options: PlanOptions,
  onCompute: CommandContext["onCompute"],
): Plan {
  const choices = options.choices ? [...options.choices] : choicesFromLog(log);
  if (choices.length === 0)
    throw new AppError({
      code: "no_records",
      message: "log.activities: no planned (non-urge) activity to plan yet",
      path: ["log", "activities"],
    });
  for (const c of choices)
    if (!log.activities.some((a) => a.id === c.activityId))
      throw new AppError({
        code: "invalid_input",
        message: `choices: unknown activity ${c.activityId}`,
        path: ["choices"],
        allowed: log.activities.map((a) => a.id),
      });
  const map = options.map ?? state.planMap;
  const select = options.select !== false && state.basis.draws > 0;
  // A map given by hand is simulated on draws around its own preset, never on the fit of another map.
  const draws = !select
    ? []
    : options.map
      ? presetDraws(options.map, state.basis.draws, state.basis.seed)
      : state.draws;
  if (select) onCompute?.("selection");
  return createPlan({ map, activities: log.activities, choices }, draws, {
    seed: state.basis.seed,
    seedsPerDraw: options.seedsPerDraw ?? SEEDS_PER_DRAW,
  });
}
