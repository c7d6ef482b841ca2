/**
 * Golden per-opportunity traces of the fitting replay on a few simulated logs, plasticity on and off,
 * in the shape of the simulator's (`model/person/golden-traces.ts`). `bench/golden-traces.ts` writes
 * them to `golden/*.csv`; `golden.test.ts` recomputes and compares. Test support only.
 */
import { resolveConditions } from "../model/person/conditions.ts";
import type { OpportunityRecord } from "../model/person/engine.ts";
import type { Environment } from "../model/person/environment.ts";
import {
  mergeTraces,
  num,
  STATE_COLUMNS,
  type TraceSet,
  type TraceTable,
} from "../model/person/golden-traces.ts";
import type { PersonParameters } from "../model/person/params.ts";
import { simulatePerson } from "../model/person/person.ts";
import { logFromSimulation } from "../model/records/from-simulation.ts";
import { streamRng } from "../model/rng.ts";
import { replayFromLog, replayFromRecords } from "./from-log.ts";
import { MODEL_VARIANTS } from "./parameters.ts";
import { drawTrueParameters, recoveryEnvironment } from "./recovery.ts";
import { ALL_TERMS, emptyTrace, type ReplayData, type ReplayTerms, replayLogLik } from "./replay.ts";

const SEED = 17;
const WEEKS = 2;
const TRACE_COLUMNS = [
  "startProbability",
  "value",
  "anticipation",
  "wanting",
  "drive",
  "predictionError",
] as const;
const REPLAY_STATE_COLUMNS = STATE_COLUMNS.filter((c) => c !== "exposure");
const ONLY: Record<string, ReplayTerms> = {
  start: { start: true, anticipated: false, experienced: false, worry: false },
  anticipated: { start: false, anticipated: true, experienced: false, worry: false },
  experienced: { start: false, anticipated: false, experienced: true, worry: false },
  worry: { start: false, anticipated: false, experienced: false, worry: true },
};

/** The traced logs: how the observed sequence is made from a simulated person. */
type Source = "recordsWithOutcomes" | "log";

function simulated(params: PersonParameters, env: Environment, index: number): OpportunityRecord[] {
  const records: OpportunityRecord[] = [];
  simulatePerson(params, env, [], { weeks: WEEKS, seed: SEED, index, onRecord: (r) => records.push(r) });
  return records;
}

function dataOf(source: Source, params: PersonParameters, env: Environment, index: number): ReplayData {
  const records = simulated(params, env, index);
  if (source === "recordsWithOutcomes") return replayFromRecords(env, records, true);
  const log = logFromSimulation(env, records, {
    startDate: "2026-01-05",
    utcOffsetMin: 60,
    rng: streamRng(SEED, index, 12),
    missingRatingProbability: 0.2,
  });
  return replayFromLog(log, { wakeHour: env.wakeHour });
}

/** A log of a person with urges and a feared activity (the recovery world has neither urges nor harm). */
function urgeEnvironment(): Environment {
  return resolveConditions(["anxiety", "addiction", "compulsive"]).environment;
}

/** One replay: per opportunity the trace and (on starts) the state it left; its log-likelihoods beside. */
export function replayTrace(source: Source, world: "recovery" | "urges", plasticity: number): TraceSet {
  const index = world === "recovery" ? 0 : 1;
  const params = { ...drawTrueParameters(MODEL_VARIANTS[0]!, SEED, index), plasticity };
  const env = world === "recovery" ? recoveryEnvironment() : urgeEnvironment();
  const data = dataOf(source, params, env, index);
  const n = data.opportunities.length;
  const trace = emptyTrace(n);
  const columns: TraceTable["columns"] = {};
  for (const c of REPLAY_STATE_COLUMNS) columns[c] = [];
  // As in the simulator's traces, the state is kept on the rows where the activity was started.
  const logLik = replayLogLik(params, data, ALL_TERMS, trace, (i, s) => {
    const started = data.opportunities[i]!.started;
    for (const c of REPLAY_STATE_COLUMNS) columns[c]!.push(started ? num(s[c]) : null);
  });
  for (const c of TRACE_COLUMNS) columns[c] = Array.from(trace[c], num);
  const logLiks: TraceTable["columns"] = { all: [logLik] };
  for (const [name, t] of Object.entries(ONLY)) logLiks[name] = [replayLogLik(params, data, t)];
  const id = `${source}/${world}/plasticity${plasticity}`;
  return { replay: [{ id, columns }], "replay-loglik": [{ id, columns: logLiks }] };
}

/** Every traced replay, in a fixed order. */
export function replayTraces(): TraceSet {
  return mergeTraces(
    [0, 1].flatMap((plasticity) => [
      replayTrace("recordsWithOutcomes", "recovery", plasticity),
      replayTrace("log", "recovery", plasticity),
      replayTrace("log", "urges", plasticity),
    ]),
  );
}
