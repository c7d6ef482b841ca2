import { z } from "zod";
import { evaluateAnswer, getInstrument, toQuestionnaireResponse } from "../../instruments/index.ts";
import { InstantSchema } from "../../model/records/index.ts";
import { unwrapInstrument } from "../instruments/commands.ts";
import { personScope } from "../records/commands.ts";
import { AppError, defineCommand } from "../registry.ts";

const ResponseId = z
  .string()
  .regex(/^[A-Za-z0-9\-.]{1,64}$/, "letters, digits, '-' and '.', up to 64 (a FHIR id)");

/** One stored answer: the entry `assessment/submit` gathers. */
interface StoredAnswer {
  readonly responseId: string;
  readonly instrumentId: string;
  readonly itemId: string;
  readonly value: unknown;
}

export const assessmentAnswerCommand = defineCommand({
  name: "assessment/answer",
  summary:
    "Store one answer the moment it is given and evaluate it: a crisis event is stored in the person's own data and comes back with crisis resources.",
  input: z.strictObject({
    responseId: ResponseId,
    instrument: z.string().min(1).max(64),
    item: z.union([z.string().min(1).max(64), z.number().int().min(1).max(500)]),
    value: z.union([z.number(), z.string().max(64), z.boolean()]),
    at: InstantSchema,
    region: z.string().min(2).max(10).optional(),
  }),
  output: z.record(z.string(), z.unknown()),
  async run(input, ctx) {
    const { store, personId } = personScope(ctx);
    const evaluation = unwrapInstrument(
      evaluateAnswer(input.instrument, input.item, input.value, {
        at: input.at,
        ...(input.region ? { region: input.region } : {}),
      }),
      [],
    );
    const answer: StoredAnswer = {
      responseId: input.responseId,
      instrumentId: evaluation.instrumentId,
      itemId: evaluation.itemId,
      value: evaluation.value,
    };
    const id = `${input.responseId}/${evaluation.itemId}`;
    await store.deleteEntry(personId, id);
    await store.putEntry(personId, { id, kind: "answer", at: input.at, data: answer });
    if (evaluation.crisis)
      await store.putEntry(personId, {
        id: `${id}/crisis/${input.at}`,
        kind: "crisis_event",
        at: input.at,
        data: { ...evaluation.crisis, responseId: input.responseId },
      });
    return { ...evaluation, stored: true };
  },
});

export const assessmentSubmitCommand = defineCommand({
  name: "assessment/submit",
  summary:
    "Score the answers stored under a response id, and keep the scored form (with its FHIR QuestionnaireResponse) in the person's data.",
  input: z.strictObject({ responseId: ResponseId, instrument: z.string().min(1).max(64), at: InstantSchema }),
  output: z.record(z.string(), z.unknown()),
  async run(input, ctx) {
    const { store, personId } = personScope(ctx);
    const definition = unwrapInstrument(getInstrument(input.instrument), ["instrument"]);
    const answers: Record<string, unknown> = {};
    for (const e of await store.listEntries(personId, "answer")) {
      const a = e.data as StoredAnswer;
      if (a.responseId === input.responseId && a.instrumentId === definition.id) answers[a.itemId] = a.value;
    }
    if (Object.keys(answers).length === 0)
      throw new AppError({
        code: "not_found",
        message: `responseId: no answers stored under ${input.responseId} for ${definition.id}`,
        path: ["responseId"],
      });
    const exported = unwrapInstrument(
      toQuestionnaireResponse(definition, answers, { id: input.responseId, authored: input.at }),
      ["answers"],
    );
    const id = `${input.responseId}/submitted`;
    await store.deleteEntry(personId, id);
    await store.putEntry(personId, {
      id,
      kind: "assessment",
      at: input.at,
      data: {
        responseId: input.responseId,
        instrumentId: definition.id,
        score: exported.score,
        fhir: exported.resource,
      },
    });
    return { ...exported.score };
  },
});
