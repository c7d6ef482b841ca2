import { z } from "zod";
import {
  CheckInSchema,
  LocalDateSchema,
  MAX_ACTIVITIES,
  PersonLogSchema,
  RecordActivitySchema,
  UrgeEpisodeSchema,
} from "../../model/records/index.ts";
import { AppError, type CommandContext, defineCommand } from "../registry.ts";
import type { Store } from "../store-port.ts";
import { refuseFutureDate } from "./bounds.ts";

/**
 * The store, person and clock a data command acts on. A missing port is an adapter bug, not bad
 * input: the core never falls back to the wall clock, the adapter passes the instant in.
 */
export function personScope(ctx: CommandContext): { store: Store; personId: string; now: () => string } {
  if (!ctx.store || !ctx.personId || !ctx.now)
    throw new AppError({
      code: "no_store",
      message: "this command needs the data store and the current instant; run it through the app",
    });
  return { store: ctx.store, personId: ctx.personId, now: ctx.now };
}

/** Whether a write made a row, met the same row again (a retried request), or changed one. */
export const WriteOutcomeSchema = z.enum(["created", "unchanged", "updated"]);

const WriteResultSchema = z.strictObject({ id: z.string(), outcome: WriteOutcomeSchema });

async function requireActivity(store: Store, personId: string, activityId: string): Promise<void> {
  if (!(await store.hasActivity(personId, activityId)))
    throw new AppError({
      code: "not_found",
      message: `activityId: no activity ${activityId}; define it first with activity/define`,
      path: ["activityId"],
    });
}

function conflict(kind: string, id: string): AppError {
  return new AppError({
    code: "conflict",
    message: `id: a different ${kind} with id ${id} is already stored; ids are never reused`,
    path: ["id"],
  });
}

export const activityDefineCommand = defineCommand({
  name: "activity/define",
  summary: "Define or update one of the person's activities (importance, novelty, effort, threat, urge).",
  input: RecordActivitySchema,
  output: WriteResultSchema,
  async run(input, ctx) {
    const { store, personId } = personScope(ctx);
    if (!(await store.hasActivity(personId, input.id))) {
      const count = (await store.readLog(personId)).activities.length;
      if (count >= MAX_ACTIVITIES)
        throw new AppError({
          code: "invalid_input",
          message: `id: you have ${count} activities, the most a person can have; archive or reuse one`,
          path: ["id"],
        });
    }
    return { id: input.id, outcome: await store.putActivity(personId, input) };
  },
});

export const checkinRecordCommand = defineCommand({
  name: "checkin/record",
  summary: "Record one planned occurrence (started or not, ratings, scaffolding); a retry is not duplicated.",
  input: CheckInSchema,
  output: WriteResultSchema,
  async run(input, ctx) {
    const { store, personId } = personScope(ctx);
    refuseFutureDate(ctx, input.localDate, ["localDate"]);
    await requireActivity(store, personId, input.activityId);
    const outcome = await store.putCheckIn(personId, input);
    if (outcome === "conflict") throw conflict("check-in", input.id);
    return { id: input.id, outcome };
  },
});

export const urgeRecordCommand = defineCommand({
  name: "urge/record",
  summary: "Record one urge episode (cue, strength, acted or resisted); a retry is not duplicated.",
  input: UrgeEpisodeSchema,
  output: WriteResultSchema,
  async run(input, ctx) {
    const { store, personId } = personScope(ctx);
    refuseFutureDate(ctx, input.localDate, ["localDate"]);
    await requireActivity(store, personId, input.activityId);
    const outcome = await store.putUrge(personId, input);
    if (outcome === "conflict") throw conflict("urge episode", input.id);
    return { id: input.id, outcome };
  },
});

export const dayCloseCommand = defineCommand({
  name: "day/close",
  summary: "Close a day: planned occurrences with no check-in now count as skipped.",
  input: z.strictObject({ localDate: LocalDateSchema }),
  output: z.strictObject({ localDate: z.string(), outcome: WriteOutcomeSchema }),
  async run(input, ctx) {
    const { store, personId } = personScope(ctx);
    refuseFutureDate(ctx, input.localDate, ["localDate"]);
    return { localDate: input.localDate, outcome: await store.closeDay(personId, input.localDate) };
  },
});

export const logGetCommand = defineCommand({
  name: "log/get",
  summary: "The person's whole log: activities, check-ins, urge episodes and closed days.",
  input: z.strictObject({}),
  output: PersonLogSchema,
  async run(_input, ctx) {
    const { store, personId } = personScope(ctx);
    return store.readLog(personId);
  },
});
