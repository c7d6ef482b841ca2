import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createRegistry, defineCommand, registry, SimulationReportSchema } from "./index.ts";

const small = {
  level: "person",
  agents: { conditions: ["depression"], people: 30 },
  protocol: { weeks: 3 },
  seed: 5,
};

describe("command registry", () => {
  it("refuses an unknown command with the list of known ones", async () => {
    const r = await registry.invoke("simulat", {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("unknown_command");
    expect(r.error.allowed).toContain("simulate");
  });

  it("names the field and the allowed values of an unknown condition", async () => {
    const r = await registry.invoke("simulate", { ...small, agents: { conditions: ["sadness"] } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("invalid_input");
    expect(r.error.path).toEqual(["agents", "conditions", 0]);
    expect(r.error.allowed).toEqual([
      "healthy",
      "depression",
      "anxiety",
      "adhd",
      "addiction",
      "compulsive",
      "chronicStress",
    ]);
    expect(r.error.message).toMatch(/^agents\.conditions\.0: Invalid option/);
  });

  it.each([
    [{ protocol: { weeks: -2 } }, ["protocol", "weeks"], /Too small/],
    [{ protocol: { weeks: Number.NaN } }, ["protocol", "weeks"], /NaN/],
    [
      { agents: { parameters: { anticipatoryGain: 9 } } },
      ["agents", "parameters", "anticipatoryGain"],
      /<=3/,
    ],
    [{ interventions: [{ id: "magic" }] }, ["interventions", 0, "id"], /Invalid option/],
    [{ extra: 1 }, [], /Unrecognized key: "extra"/],
    [
      { protocol: { activities: [{ id: "x", kind: "movement", durationMin: -5 }] } },
      ["protocol", "activities", 0, "durationMin"],
      /Too small/,
    ],
  ])("rejects bad scenario %j with the field path", async (patch, path, message) => {
    const r = await registry.invoke("simulate", { ...small, ...patch });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("invalid_input");
    expect(r.error.path).toEqual(path);
    expect(r.error.message).toMatch(message);
  });

  it("runs a small population and returns a report that passes its own output schema", async () => {
    const r = await registry.invoke("simulate", { ...small, compare: ["scaffolding"] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const report = SimulationReportSchema.parse(r.value);
    expect(report.level).toBe("person");
    if (report.level !== "person") return;
    expect(report.arms.map((a) => a.id)).toEqual(["none", "scaffolding"]);
    expect(report.arms[0]?.metrics.startRate?.mean).toHaveLength(3);
    const effect = report.comparison.find((c) => c.arm === "scaffolding" && c.metric === "startRate");
    expect(effect?.effect.lo).toBeGreaterThan(0.2);
    expect(report.charts).toHaveLength(3);
  });

  it("gives the same report for the same seed, and another for another seed", async () => {
    const a = await registry.invoke("simulate", small);
    const b = await registry.invoke("simulate", small);
    const c = await registry.invoke("simulate", { ...small, seed: 6 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it("runs the trial and bandit levels through the same command", async () => {
    const trial = await registry.invoke("simulate", {
      level: "trial",
      agents: { people: 10 },
      protocol: {
        trialSteps: 10,
        phases: [
          {
            name: "learn",
            trials: 50,
            trial: { cues: [{ id: "cue", onsetStep: 1 }], rewards: [{ timeStep: 5 }] },
          },
        ],
      },
    });
    expect(trial.ok && trial.value).toMatchObject({ level: "trial", people: 10 });
    const bandit = await registry.invoke("simulate", {
      level: "bandit",
      protocol: { armRewardProbabilities: [0.8, 0.2], trials: 100, agents: 50 },
    });
    expect(bandit.ok).toBe(true);
    if (bandit.ok)
      expect(
        (bandit.value as { betterArmProportion: { mean: number } }).betterArmProportion.mean,
      ).toBeGreaterThan(0.6);
  });

  it("lists every parameter with unit, range, default and source", async () => {
    const r = await registry.invoke("model/parameters", {});
    expect(r.ok).toBe(true);
    const rows = (r.ok ? r.value : []) as {
      name: string;
      min: number;
      max: number;
      default: number;
      source: string;
    }[];
    expect(rows.map((p) => p.name)).toContain("anticipatoryGain");
    for (const p of rows) {
      expect(p.min).toBeLessThanOrEqual(p.default);
      expect(p.default).toBeLessThanOrEqual(p.max);
      expect(p.source.length).toBeGreaterThan(5);
    }
  });

  it("turns a domain error thrown by a command into a typed result", async () => {
    const { AppError } = await import("./registry.ts");
    const r = createRegistry([
      defineCommand({
        name: "fails",
        summary: "",
        input: z.object({}),
        output: z.null(),
        async run() {
          throw new AppError({ code: "not_found", message: "nothing here" });
        },
      }),
    ]);
    expect(await r.invoke("fails", {})).toEqual({
      ok: false,
      error: { code: "not_found", message: "nothing here" },
    });
  });
});

describe("instrument commands", () => {
  const at = "2026-11-30T08:00:00Z";

  it("evaluates one answer at once: PHQ-9 item 9 above 0 raises a crisis event with resources", async () => {
    const r = await registry.invoke("instruments/answer", {
      instrument: "phq9",
      item: 9,
      value: 1,
      at,
      region: "US",
    });
    expect(r.ok).toBe(true);
    const v = (r.ok ? r.value : {}) as {
      crisis?: { value: number; at: string };
      resources?: { region: string };
    };
    expect(v.crisis).toMatchObject({ value: 1, at });
    expect(v.resources?.region).toBe("US");
    const none = await registry.invoke("instruments/answer", { instrument: "phq9", item: 9, value: 0, at });
    expect(none.ok && (none.value as { crisis?: unknown }).crisis).toBeUndefined();
  });

  it("names the item of an out-of-range answer and lists instruments for an unknown one", async () => {
    const bad = await registry.invoke("instruments/answer", { instrument: "phq9", item: 3, value: 7, at });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/phq9_3|item 3/);
    const unknown = await registry.invoke("instruments/score", { instrument: "bdi", answers: [], at });
    expect(unknown.ok || unknown.error.allowed).toContain("phq9");
  });
});
