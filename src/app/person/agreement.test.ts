/**
 * One person, one reading: after a screening that recommends professional help, every view of the
 * plan leads with it; after a high GAD-7, the map the person sees is the map the plan is made from.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestStore, storeTargets } from "../../store/test-stores.ts";
import type { MapReport } from "../fit/commands.ts";
import { registry } from "../index.ts";
import type { PlanReport, ProgressReport } from "../plan/commands.ts";
import type { CommandContext } from "../registry.ts";
import type { Store } from "../store-port.ts";
import { answerForm } from "./test-person.ts";

const NOW = "2026-12-01T10:30:00.000Z";

describe("a person's screening reaches every view of their plan", () => {
  let store: Store;
  let ctx: CommandContext;
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await registry.invoke(name, input, ctx);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };

  beforeEach(async () => {
    store = await openTestStore(storeTargets()[0]!);
    ctx = { store, personId: "me", now: () => NOW };
    await store.ensurePerson({ id: "me", name: "", accountId: null, demo: false, createdAt: NOW });
    await call("demo/seed", {});
  });
  afterEach(async () => {
    await store.close();
  });

  it("after a PHQ-9 of 24, plan/create and progress/get (as the web app calls them) and the report lead with professional help", async () => {
    await answerForm(ctx, "phq9", [3, 3, 3, 3, 3, 3, 3, 3, 0], NOW);
    const log = await call("log/get", {});
    // As the web app calls them (the stored person), and with the log passed in (research use).
    for (const source of [{}, { log }]) {
      const plan = await call<PlanReport>("plan/create", source);
      expect(plan.plan.general[0]?.kind).toBe("professionalHelp");
      expect(plan.plan.general[0]?.text).toContain("PHQ-9 total 24");
      const progress = await call<ProgressReport>("progress/get", { ...source, trajectory: false });
      expect(progress.professionalHelp?.kind).toBe("professionalHelp");
    }
    const { html } = await call<{ html: string }>("report/html", {});
    const planSection = html.slice(html.indexOf('id="section-plan"'));
    const help = planSection.indexOf("Talk to a professional first");
    expect(help).toBeGreaterThan(-1);
    expect(help).toBeLessThan(planSection.indexOf("<h3>"));
  });

  it("with no professional-help flag, no view adds one", async () => {
    await answerForm(ctx, "phq9", [1, 1, 1, 1, 1, 1, 1, 1, 0], NOW);
    const log = await call("log/get", {});
    const plan = await call<PlanReport>("plan/create", { log, draws: 0 });
    expect(plan.plan.general.some((c) => c.kind === "professionalHelp")).toBe(false);
    const progress = await call<ProgressReport>("progress/get", { log, draws: 0, trajectory: false });
    expect(progress.professionalHelp).toBeNull();
  });

  it("after a GAD-7 of 21, the map shown is the map planned from", async () => {
    await answerForm(ctx, "gad7", [3, 3, 3, 3, 3, 3, 3], NOW);
    const shown = await call<MapReport>("map/get", {});
    const threat = shown.patterns.find((p) => p.pattern === "threatOverride")!;
    expect(threat.from).toContain("screening");
    const log = await call("log/get", {});
    const plan = await call<PlanReport>("plan/create", { log, draws: 0 });
    for (const p of shown.patterns) {
      const planned = plan.map.strengths[p.pattern];
      if (p.estimate === null) expect(planned).toBeUndefined();
      else expect(planned).toEqual({ mean: p.estimate, lo: p.lo, hi: p.hi });
    }
    expect(plan.map.strengths.threatOverride?.mean).toBeGreaterThan(0.3);
    expect(plan.map.primary).toBe(shown.primary?.pattern ?? plan.map.primary);
  });

  it("a log given with no store says that no screening was used", async () => {
    const log = await call("log/get", {});
    const r = await registry.invoke("plan/create", { log, draws: 0 }, { now: () => NOW });
    expect(r.ok && (r.value as PlanReport).basis.screening).toBe("none");
    const withStore = await call<PlanReport>("plan/create", { log, draws: 0 });
    expect(withStore.basis.screening).toBe("stored");
  });
});
