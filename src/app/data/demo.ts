import { z } from "zod";
import { type OpportunityRecord, resolveConditions, simulatePerson } from "../../model/person/index.ts";
import { addDays, logFromSimulation } from "../../model/records/from-simulation.ts";
import { streamRng } from "../../model/rng.ts";
import { personScope } from "../records/commands.ts";
import { AppError, defineCommand } from "../registry.ts";

/** Simulates a demo person (the depression preset, Dopamine Scaffolding from week 3) and stores the log. */
export const demoSeedCommand = defineCommand({
  name: "demo/seed",
  summary:
    "Fill an empty data store with a simulated demo person's history (default six weeks), so the map is populated at once.",
  input: z.strictObject({
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(7),
    weeks: z.number().int().min(1).max(12).default(6),
    replace: z.boolean().default(false),
  }),
  output: z.strictObject({
    activities: z.number().int(),
    checkIns: z.number().int(),
    urges: z.number().int(),
    firstDate: z.string(),
    lastDate: z.string(),
  }),
  async run(input, ctx) {
    const { store, personId, now } = personScope(ctx);
    const existing = await store.readLog(personId);
    if (!input.replace && (existing.activities.length > 0 || existing.checkIns.length > 0))
      throw new AppError({
        code: "conflict",
        message: "the store already holds records; pass replace: true to overwrite them with the demo person",
      });
    const { parameters, environment } = resolveConditions(["depression"]);
    const records: OpportunityRecord[] = [];
    simulatePerson(parameters, environment, [{ id: "scaffolding", startWeek: 2 }], {
      weeks: input.weeks,
      seed: input.seed,
      onRecord: (r) => records.push(r),
    });
    const today = now().slice(0, 10);
    const firstDate = addDays(today, -7 * input.weeks);
    const log = logFromSimulation(environment, records, {
      startDate: firstDate,
      utcOffsetMin: 0,
      rng: streamRng(input.seed, 0, 7),
    });
    await store.importData(
      personId,
      {
        log,
        entries: [],
        blobs: [
          {
            name: "demo",
            data: { seed: input.seed, weeks: input.weeks, condition: "depression" },
            updatedAt: now(),
          },
        ],
      },
      input.replace,
    );
    return {
      activities: log.activities.length,
      checkIns: log.checkIns.length,
      urges: log.urges.length,
      firstDate,
      lastDate: addDays(today, -1),
    };
  },
});
