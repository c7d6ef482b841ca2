import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus, xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";

/**
 * The only source of randomness the core accepts: a seeded generator passed in by the caller.
 * Built on pure-rand's xoroshiro128+ (a well-kept, typed, fast generator).
 */
export interface Rng {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
}

class XoroshiroRng implements Rng {
  private readonly gen: ReturnType<typeof xoroshiro128plus>;
  private spare = Number.NaN;

  constructor(gen: ReturnType<typeof xoroshiro128plus>) {
    this.gen = gen;
  }

  uniform(): number {
    return uniformFloat64(this.gen);
  }

  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = Number.NaN;
      return s;
    }
    // Marsaglia polar method: no trigonometry, two normals per accepted pair.
    let u = 0;
    let v = 0;
    let r = 0;
    do {
      u = 2 * uniformFloat64(this.gen) - 1;
      v = 2 * uniformFloat64(this.gen) - 1;
      r = u * u + v * v;
    } while (r >= 1 || r === 0);
    const f = Math.sqrt((-2 * Math.log(r)) / r);
    this.spare = v * f;
    return u * f;
  }
}

/**
 * A generator seeded with `seed` (an integer; the same seed gives the same stream). The 128-bit
 * state is filled from a splitmix32 sequence of the seed: pure-rand's own `xoroshiro128plus(seed)`
 * puts the seed straight into the state, so its first draw is ≈ 1 for every small seed and the next
 * draws move in step with the seed.
 */
export function seededRng(seed: number): Rng {
  let x = seed | 0;
  const next = () => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) | 0;
  };
  return new XoroshiroRng(xoroshiro128plusFromState([next(), next(), next(), next() | 1]));
}

/**
 * Derives an independent stream for one member of a run (person `index`, stream `stream`) from the
 * run's seed, so that the same person draws the same numbers whatever else the run contains.
 */
export function streamRng(seed: number, index: number, stream = 0): Rng {
  return new XoroshiroRng(xoroshiro128plus(mixSeed(seed, index, stream)));
}

/** splitmix32-style integer hash of (seed, index, stream). */
export function mixSeed(seed: number, index: number, stream = 0): number {
  let h = (seed | 0) ^ Math.imul(index + 1, 0x9e3779b9) ^ Math.imul(stream + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
  return (h ^ (h >>> 15)) | 0;
}
