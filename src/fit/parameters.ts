import {
  defaultParameters,
  PARAMETERS,
  type ParameterInfo,
  type ParameterName,
  type PersonParameters,
  type SpreadScale,
} from "../model/person/params.ts";

/** The parameters the table marks fittable. */
type FittableName = {
  [N in ParameterName]: (typeof PARAMETERS)[N]["fittable"] extends true ? N : never;
}[ParameterName];

/**
 * The parameters a person's logs can identify (DESIGN.md, "Fitting"): the table's fittable ones, in
 * the order of the fit's parameter vector; the rest stay at their priors.
 */
export const FITTED_NAMES = [
  "anticipatoryGain",
  "rewardSensitivity",
  "effortCost",
  "threatGain",
  "noveltyCoupling",
  "choiceSensitivity",
  "chronotypePeak",
] as const satisfies readonly FittableName[];
export type FittedName = (typeof FITTED_NAMES)[number];

/**
 * Parameters DESIGN.md lists as estimable that a log cannot identify (the table marks them not
 * fittable), held at their defaults, with the reason (shown in fit reports). The learning rates move the likelihood only through a
 * prediction error in outcome size: a logged activity has a fixed schedule of size 1 and the
 * learned size starts there, so every full-length start meets its expectation exactly and α± have
 * no effect at any log length (measured: the log-likelihood of 12-week logs is identical, to the
 * last bit, at α± = 0.01 and 0.9). Only shortened doses or outcome sizes the log does not record
 * would inform them.
 */
export const NOT_IDENTIFIED: Readonly<Partial<Record<ParameterName, string>>> = {
  learningRatePos:
    "α+ is held at its default 0.2: with fixed reward schedules every full-length start meets its learned size, so no log length identifies it",
  learningRateNeg:
    "α− is held at its default 0.2: with fixed reward schedules every full-length start meets its learned size, so no log length identifies it",
};

/** How a parameter is mapped to the unconstrained scale the optimiser and the Laplace step use: its table scale. */
export type Transform = SpreadScale;

/** A fitted parameter: a weakly informative normal prior on the transformed scale, and its range. */
export interface FittedSpec {
  /** The parameter's scale in the table. */
  readonly transform: Transform;
  /** Prior mean on the natural scale (transformed before use). */
  readonly priorMean: number;
  /** Prior sd on the transformed scale. */
  readonly priorSd: number;
  /** Natural-scale bounds the fit searches (values are clamped into them): the table's fit range. */
  readonly min: number;
  readonly max: number;
}

/**
 * Priors: centred on the healthy defaults, wide enough to let the data speak (a factor of about
 * 2.7 per sd on log scales); reward sensitivity is narrower because the logs see it only through
 * κ·ρ (the anticipated ratings) and learning.
 */
const PRIORS: Readonly<Record<FittedName, Pick<FittedSpec, "priorMean" | "priorSd">>> = {
  anticipatoryGain: { priorMean: 0.8, priorSd: 0.5 },
  rewardSensitivity: { priorMean: 1, priorSd: 0.15 },
  effortCost: { priorMean: 1.5, priorSd: 0.5 },
  threatGain: { priorMean: 0.25, priorSd: 1 },
  noveltyCoupling: { priorMean: 0.2, priorSd: 1 },
  choiceSensitivity: { priorMean: 5, priorSd: 0.4 },
  chronotypePeak: { priorMean: 9, priorSd: 2.5 },
};

function specOf(name: FittedName): FittedSpec {
  const info: ParameterInfo = PARAMETERS[name];
  const [min, max] = info.fitRange ?? [info.min, info.max];
  return { transform: info.scale, ...PRIORS[name], min, max };
}

/** Each fitted parameter's prior, with the scale and range the parameter table gives it. */
export const FITTED_SPECS: Readonly<Record<FittedName, FittedSpec>> = Object.fromEntries(
  FITTED_NAMES.map((name) => [name, specOf(name)]),
) as Record<FittedName, FittedSpec>;

export function toScale(t: Transform, x: number): number {
  if (t === "log") return Math.log(x);
  if (t === "logit") return Math.log(x / (1 - x));
  return x;
}

export function fromScale(t: Transform, z: number): number {
  if (t === "log") return Math.exp(z);
  if (t === "logit") return 1 / (1 + Math.exp(-z));
  return z;
}

/**
 * A model variant: which fitted parameters are free and which are pinned (the rest of the fitted
 * set at their prior means). Variants are data: a name, a list, a few pins.
 */
export interface ModelVariant {
  readonly id: string;
  readonly label: string;
  readonly free: readonly FittedName[];
  /** Natural-scale values pinned in this variant (including non-fitted parameters). */
  readonly pinned: Readonly<Partial<PersonParameters>>;
  /** Ties: the parameter follows another one (symmetric learning). */
  readonly tied?: Readonly<Partial<Record<FittedName, FittedName>>>;
}

const without = (...names: FittedName[]) => FITTED_NAMES.filter((n) => !names.includes(n));

/** The full model and the variants it is compared with. */
export const MODEL_VARIANTS: readonly ModelVariant[] = [
  { id: "full", label: "full model", free: FITTED_NAMES, pinned: {} },
  { id: "noThreat", label: "no threat term", free: without("threatGain"), pinned: { threatGain: 0 } },
  {
    id: "noNovelty",
    label: "no novelty coupling",
    free: without("noveltyCoupling"),
    pinned: { noveltyCoupling: 0 },
  },
  {
    id: "noCircadian",
    label: "no circadian term",
    free: without("chronotypePeak"),
    pinned: { circadianAmplitude: 0 },
  },
];

export type VariantId = "full" | "noThreat" | "noNovelty" | "noCircadian";

/** Prior means (natural scale) with optional overrides, e.g. informed by instrument scores. */
export function priorMeans(
  overrides: Readonly<Partial<Record<FittedName, number>>> = {},
): Record<FittedName, number> {
  const out = {} as Record<FittedName, number>;
  for (const n of FITTED_NAMES) out[n] = overrides[n] ?? FITTED_SPECS[n].priorMean;
  return out;
}

/** Builds the full parameter set for a vector of free values on the transformed scale. */
export function assemble(
  variant: ModelVariant,
  z: ArrayLike<number>,
  base: PersonParameters,
  means: Record<FittedName, number>,
): PersonParameters {
  const p = { ...base };
  for (const n of FITTED_NAMES) p[n] = means[n];
  Object.assign(p, variant.pinned);
  variant.free.forEach((n, i) => {
    const spec = FITTED_SPECS[n];
    p[n] = Math.min(spec.max, Math.max(spec.min, fromScale(spec.transform, z[i]!)));
  });
  for (const [to, from] of Object.entries(variant.tied ?? {})) p[to as FittedName] = p[from as FittedName];
  return p;
}

/** The fixed parameters: the healthy defaults with plasticity on (the fit holds them at their priors). */
export function fixedParameters(overrides: Readonly<Partial<PersonParameters>> = {}): PersonParameters {
  return { ...defaultParameters(), ...overrides };
}
