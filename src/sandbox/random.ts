// A tiny seeded PRNG: generated data must be identical for the same seed and clock so tests,
// the demo and the benchmark can rely on it (Math.random would not be reproducible).

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Lowercase alphanumerics, the alphabet of ECS resource IDs. */
  alnum(length: number): string;
}

const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

/** mulberry32: fast, small state, good enough spread for test data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    alnum: (length) => {
      let out = "";
      for (let i = 0; i < length; i++) out += ALNUM[Math.floor(next() * 36)];
      return out;
    },
  };
}
