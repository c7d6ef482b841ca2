import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRng } from "../rng.ts";
import { runCircuitProtocol, trialTrace } from "./protocol.ts";
import { type CircuitProtocolInput, parseCircuitProtocol, type TrialSpecInput } from "./schema.ts";

const unit = fc.double({ min: 0, max: 1, noNaN: true });

const trialArb = (steps: number): fc.Arbitrary<TrialSpecInput> =>
  fc.record({
    cues: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom("a", "b", "c"),
        onsetStep: fc.integer({ min: 0, max: steps - 1 }),
        durationSteps: fc.option(fc.integer({ min: 1, max: steps }), { nil: undefined }),
        salience: unit,
      }),
      { selector: (cue) => cue.id, maxLength: 3 },
    ),
    rewards: fc.array(
      fc.record({
        timeStep: fc.integer({ min: 0, max: steps - 1 }),
        magnitude: fc.double({ min: -10, max: 10, noNaN: true }),
        probability: unit,
        surge: fc.double({ min: 0, max: 2, noNaN: true }),
      }),
      { maxLength: 3 },
    ),
  });

const protocolArb: fc.Arbitrary<CircuitProtocolInput> = fc.integer({ min: 2, max: 25 }).chain((steps) =>
  fc.record({
    trialSteps: fc.constant(steps),
    params: fc.record({
      learningRate: unit,
      discount: unit,
      traceDecay: unit,
      uncertainty: fc.option(
        fc.record({ mode: fc.constantFrom("nominal" as const, "learned" as const), learningRate: unit }),
        {
          nil: undefined,
        },
      ),
      latentState: fc.option(
        fc.record({
          hazard: fc.double({ min: 0, max: 0.5, noNaN: true }),
          extinctionRewardProbability: fc.double({ min: 0, max: 0.5, noNaN: true }),
          countDecay: unit,
          initialBelief: unit,
        }),
        { nil: undefined },
      ),
    }),
    phases: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom("acquisition", "extinction", "probe"),
        trials: fc.integer({ min: 0, max: 30 }),
        trial: trialArb(steps),
        outcome: fc.constantFrom(
          { kind: "drawn" as const },
          { kind: "omitted" as const },
          { kind: "delivered" as const },
        ),
        frozen: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3, selector: (phase) => phase.name },
    ),
  }),
);

function parse(input: CircuitProtocolInput) {
  const result = parseCircuitProtocol(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("circuit invariants (fast-check)", () => {
  it("every generated protocol is valid; no NaN or infinity in any summary or trace; traces have length T", () => {
    fc.assert(
      fc.property(protocolArb, fc.integer(), (input, seed) => {
        const protocol = parse(input);
        const result = runCircuitProtocol(protocol, { rng: seededRng(seed), traces: "all" });
        const steps = protocol.trialSteps;
        result.phases.forEach((phase, p) => {
          expect(phase.trialCount).toBe(protocol.phases[p]!.trials);
          expect(phase.traces!.delta.length).toBe(phase.trialCount * steps);
          for (const trace of Object.values(phase.traces!)) expect(trace.every(Number.isFinite)).toBe(true);
          for (const column of Object.values(phase.trials)) {
            expect(column.length).toBe(phase.trialCount);
            expect(column.every(Number.isFinite)).toBe(true);
          }
          const t = phase.trials;
          for (let i = 0; i < phase.trialCount; i++) {
            expect(trialTrace(result, phase.name, i).length).toBe(steps);
            expect(t.belief[i]!).toBeGreaterThanOrEqual(0);
            expect(t.belief[i]!).toBeLessThanOrEqual(1);
            expect(t.responseProbability[i]!).toBeGreaterThanOrEqual(0);
            expect(t.responseProbability[i]!).toBeLessThanOrEqual(1);
            expect(t.maxDelta[i]!).toBeGreaterThanOrEqual(t.minDelta[i]!);
            expect(t.maxDeltaStep[i]!).toBeLessThan(steps);
            expect(t.uncertaintyLevel[i]!).toBeGreaterThanOrEqual(0);
          }
        });
        expect(Number.isFinite(result.belief)).toBe(true);
        for (const weights of Object.values(result.weights)) {
          expect(weights.length).toBe(steps);
          expect(weights.every(Number.isFinite)).toBe(true);
        }
      }),
      { numRuns: 150, seed: 20240 },
    );
  });

  it("the same seed gives the same result; frozen phases leave the state unchanged; α = 0 learns nothing", () => {
    fc.assert(
      fc.property(protocolArb, fc.integer(), (input, seed) => {
        const protocol = parse(input);
        const a = runCircuitProtocol(protocol, { rng: seededRng(seed), traces: "all" });
        const b = runCircuitProtocol(protocol, { rng: seededRng(seed), traces: "all" });
        expect(a).toEqual(b);
        const frozen = parse({ ...input, phases: input.phases.map((p) => ({ ...p, frozen: true })) });
        const still = runCircuitProtocol(frozen, { rng: seededRng(seed) });
        for (const w of Object.values(still.weights)) expect(w.every((x) => x === 0)).toBe(true);
        expect(still.belief).toBe(frozen.params.latentState?.initialBelief ?? 1);
        const inert = parse({ ...input, params: { ...input.params, learningRate: 0 } });
        const none = runCircuitProtocol(inert, { rng: seededRng(seed) });
        for (const w of Object.values(none.weights)) expect(w.every((x) => x === 0)).toBe(true);
      }),
      { numRuns: 100, seed: 20241 },
    );
  });
});
