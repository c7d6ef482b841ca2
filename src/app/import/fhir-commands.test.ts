import { Fhir } from "fhir";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildServer } from "../../server/index.ts";
import { testClock } from "../../server/test-helpers.ts";
import { openTestStore, storeTargets } from "../../store/test-stores.ts";
import { registry } from "../index.ts";
import type { CommandContext } from "../registry.ts";
import type { Store } from "../store-port.ts";

const NOW = "2026-11-30T08:00:00Z";
type Json = Record<string, unknown>;

/** A PHQ-9 as LHC-Forms writes it (linkIds "/<LOINC>"), item 9 answered "Several days". */
const lhcPhq9 = {
  resourceType: "QuestionnaireResponse",
  id: "from-lhc",
  status: "completed",
  questionnaire: "http://loinc.org/q/44249-1",
  authored: "2026-11-20T10:00:00Z",
  item: [
    "44250-9",
    "44255-8",
    "44259-0",
    "44254-1",
    "44251-7",
    "44258-2",
    "44252-5",
    "44253-3",
    "44260-8",
  ].map((code, i) => ({
    linkId: `/${code}`,
    answer: [{ valueCoding: { system: "http://loinc.org", code: i === 8 ? "LA6569-3" : "LA6568-5" } }],
  })),
};

for (const target of storeTargets()) {
  describe.skipIf(!target.available)(`FHIR import and export on ${target.name}`, () => {
    let store: Store;
    let ctx: CommandContext;
    const call = async (name: string, input: unknown) => {
      const r = await registry.invoke(name, input, ctx);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value as Json;
    };
    beforeEach(async () => {
      store = await openTestStore(target);
      ctx = { store, personId: "me", now: () => NOW };
      await store.ensurePerson({ id: "me", name: "", accountId: null, demo: false, createdAt: NOW });
    });
    afterEach(async () => {
      await store.close();
    });

    it("an imported PHQ-9 with item 9 above 0 fires the crisis rules and records a crisis event, once", async () => {
      const preview = await call("import/fhir", { resource: lhcPhq9, preview: true, region: "GB" });
      expect(preview).toMatchObject({
        written: 0,
        responses: [{ instrumentId: "phq9", matchedBy: "loinc", total: 1, crisis: true }],
      });
      expect(await store.listEntries("me", "crisis_event")).toHaveLength(0);
      const r = await call("import/fhir", {
        resource: { resourceType: "Bundle", type: "collection", entry: [{ resource: lhcPhq9 }] },
        region: "GB",
      });
      expect(r.written).toBe(1);
      expect(JSON.stringify(r.crisis)).toContain("116 123");
      const events = await store.listEntries("me", "crisis_event");
      expect(events).toHaveLength(1);
      expect(events[0]!.data).toMatchObject({
        instrumentId: "phq9",
        itemId: "phq9_9",
        value: 1,
        importedFrom: "fhir",
      });
      const again = await call("import/fhir", { resource: lhcPhq9 });
      expect(again).toMatchObject({ written: 0, responses: [{ alreadyPresent: true }] });
      expect(await store.listEntries("me", "crisis_event")).toHaveLength(1);
      expect(await store.listEntries("me", "assessment")).toHaveLength(1);
    });

    it("refuses a malformed resource with a stable code and its place", async () => {
      const bad = await registry.invoke("import/fhir", { resource: { ...lhcPhq9, status: "done" } }, ctx);
      expect(bad).toMatchObject({
        ok: false,
        error: { code: "fhir_schema_invalid", path: ["resource", "status"] },
      });
      const none = await registry.invoke("import/fhir", { resource: { resourceType: "Patient" } }, ctx);
      expect(none).toMatchObject({ ok: false, error: { code: "fhir_malformed" } });
    });

    it("exports a transaction Bundle that FHIR.js accepts and that imports back", async () => {
      await call("import/fhir", { resource: lhcPhq9 });
      const bundle = (await call("export/all", { format: "fhir" })).bundle as Json & { entry: Json[] };
      expect(bundle.type).toBe("transaction");
      expect(bundle.entry.map((e) => (e.resource as Json).resourceType)).toEqual([
        "Patient",
        "Questionnaire",
        "QuestionnaireResponse",
        "Observation",
        "Observation",
      ]);
      const qr = bundle.entry[2]!.resource as Json;
      const patient = bundle.entry[0]!.fullUrl;
      expect(qr).toMatchObject({
        subject: { reference: patient },
        author: { reference: patient },
        source: { reference: patient },
      });
      const errors = new Fhir()
        .validate(bundle, { errorOnUnexpected: true })
        .messages.filter((m) => m.severity === "error");
      expect(errors).toEqual([]);
      expect(
        bundle.entry.every((e) => typeof e.fullUrl === "string" && (e.request as Json).method === "POST"),
      ).toBe(true);
      const back = await call("import/fhir", { resource: bundle });
      expect(back).toMatchObject({ responses: [{ instrumentId: "phq9", matchedBy: "linkId", total: 1 }] });
    });
  });
}

describe("the canonical Questionnaire URL is served", () => {
  it("GET /fhir/Questionnaire/<id> returns the Questionnaire whose url it is; an unknown id is 404", async () => {
    const store = await openTestStore(storeTargets()[0]!);
    const app = await buildServer({ store, mode: "local", now: testClock, webRoot: false });
    try {
      const r = await app.inject({
        method: "GET",
        url: "/fhir/Questionnaire/audit-c",
        headers: { host: "127.0.0.1:3000" },
      });
      expect(r.statusCode).toBe(200);
      expect(r.headers["content-type"]).toMatch(/^application\/fhir\+json/);
      const q = r.json() as Json;
      expect(q.url).toBe("http://127.0.0.1:3000/fhir/Questionnaire/audit-c");
      expect(new URL(q.url as string).pathname).toBe("/fhir/Questionnaire/audit-c");
      const missing = await app.inject({
        method: "GET",
        url: "/fhir/Questionnaire/nope",
        headers: { host: "127.0.0.1" },
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ error: { code: "not_found" } });
    } finally {
      await app.close();
      await store.close();
    }
  });
});
