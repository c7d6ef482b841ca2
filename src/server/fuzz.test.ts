import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry, type Store } from "../app/index.ts";
import { openTestStore, storeTargets } from "../store/test-stores.ts";
import { buildServer } from "./app.ts";
import { DATA_COMMANDS, LOCAL, post, sampleRecords, testClock } from "./test-helpers.ts";

const BODIES = 2000;

const { activity, checkIn } = sampleRecords("f");
const samples: Record<string, unknown>[] = [
  activity,
  checkIn,
  { localDate: "2026-11-29" },
  { format: "csv" },
];

const validJson = fc.jsonValue().map((v) => JSON.stringify(v));
const mutated = fc
  .tuple(fc.constantFrom(...samples), fc.string({ maxLength: 12 }), fc.jsonValue())
  .map(([s, k, v]) => JSON.stringify({ ...s, [Object.keys(s)[k.length % Object.keys(s).length] ?? k]: v }));
const junkKeys = fc
  .dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue(), { minKeys: 1, maxKeys: 4 })
  .map((o) => JSON.stringify({ __fuzz: 1, ...o }));
const notAnObject = fc.oneof(
  fc.array(fc.jsonValue(), { maxLength: 4 }).map((v) => JSON.stringify(v)),
  fc.oneof(fc.double(), fc.string(), fc.boolean()).map((v) => JSON.stringify(v)),
);
const malformed = fc.oneof(
  fc.string({ maxLength: 64 }),
  fc.constantFrom(
    "{",
    "[1,",
    '{"a":}',
    "nul",
    '"\\u12"',
    "{}{}",
    "\u0000",
    "1e999999",
    '{"__proto__":{"x":1}}',
  ),
);

for (const target of storeTargets())
  describe.skipIf(!target.available)(
    `fuzz: random and malformed bodies to every endpoint (${target.name})`,
    () => {
      let store: Store;
      let app: FastifyInstance;
      const routes = [...registry.commands.keys()];
      beforeAll(async () => {
        store = await openTestStore(target);
        app = await buildServer({ store, mode: "local", now: testClock });
        await post(app, "activity/define", activity);
      });
      afterAll(async () => {
        await app.close();
        await store.close();
      });

      it(`answers ${BODIES} bodies with no 500 and a JSON error code on every failure`, async () => {
        const statuses = new Map<number, number>();
        await fc.assert(
          fc.asyncProperty(
            fc.nat({ max: routes.length - 1 }),
            fc.oneof(
              fc.constantFrom("{}", ...samples.map((x) => JSON.stringify(x))),
              validJson,
              mutated,
              junkKeys,
              malformed,
            ),
            fc.oneof(notAnObject, malformed),
            async (i, anyBody, invalidBody) => {
              const route = routes[i]!;
              const payload = DATA_COMMANDS.has(route) ? anyBody : invalidBody;
              const res = await app.inject({ method: "POST", url: `/api/${route}`, headers: LOCAL, payload });
              statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
              expect(res.statusCode, `${route} ${payload.slice(0, 200)}`).toBeLessThan(500);
              const parsed = JSON.parse(res.body) as { error?: { code?: unknown } };
              if (res.statusCode >= 400) expect(typeof parsed.error?.code).toBe("string");
            },
          ),
          { numRuns: BODIES, seed: 20261130 },
        );
        expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
        expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
        const health = await app.inject({ method: "GET", url: "/api/health", headers: LOCAL });
        expect(health.statusCode).toBe(200);
      });
    },
  );
