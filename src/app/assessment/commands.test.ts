import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getInstrument } from "../../instruments/index.ts";
import { openTestStore, storeTargets } from "../../store/test-stores.ts";
import { registry } from "../index.ts";
import type { CommandContext } from "../registry.ts";
import type { Store } from "../store-port.ts";

const AT = "2026-11-30T08:00:00Z";
const phq9 = getInstrument("phq9");

describe.runIf(phq9.ok)("assessment commands", () => {
  let store: Store;
  let ctx: CommandContext;
  beforeEach(async () => {
    store = await openTestStore(storeTargets()[0]!);
    ctx = { store, personId: "me", now: () => AT };
  });
  afterEach(async () => {
    await store.close();
  });

  it("stores each answer at once and a crisis event in the person's own data, then scores the form", async () => {
    const items = phq9.ok ? phq9.value.items : [];
    const crisis = await registry.invoke(
      "assessment/answer",
      { responseId: "r1", instrument: "phq9", item: 9, value: 2, at: AT, region: "GB" },
      ctx,
    );
    expect(crisis).toMatchObject({ ok: true, value: { crisis: { severity: "prominent" }, stored: true } });
    expect(await store.listEntries("me", "crisis_event")).toHaveLength(1);
    for (const item of items.slice(0, 8)) {
      const r = await registry.invoke(
        "assessment/answer",
        { responseId: "r1", instrument: "phq9", item: item.id, value: 1, at: AT },
        ctx,
      );
      expect(r.ok).toBe(true);
    }
    expect(await store.listEntries("me", "answer")).toHaveLength(9);
    const scored = await registry.invoke(
      "assessment/submit",
      { responseId: "r1", instrument: "phq9", at: AT },
      ctx,
    );
    expect(scored).toMatchObject({ ok: true, value: { complete: true, total: { value: 10 } } });
    const fhir = await registry.invoke("export/all", { format: "fhir" }, ctx);
    expect(fhir).toMatchObject({
      ok: true,
      value: {
        bundle: {
          type: "transaction",
          entry: expect.arrayContaining([
            expect.objectContaining({
              resource: expect.objectContaining({ resourceType: "QuestionnaireResponse" }),
            }),
          ]),
        },
      },
    });
  });

  it("refuses an out-of-range answer with the instruments' code, and a submit with no answers", async () => {
    const bad = await registry.invoke(
      "assessment/answer",
      { responseId: "r2", instrument: "phq9", item: 1, value: 9, at: AT },
      ctx,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: "answer_out_of_range" } });
    const none = await registry.invoke(
      "assessment/submit",
      { responseId: "r2", instrument: "phq9", at: AT },
      ctx,
    );
    expect(none).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
