/**
 * mulberry32: a tiny 32-bit seeded PRNG. Tests use it so "random" inputs are identical on
 * every run and machine, which keeps parity failures reproducible.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` floats uniform in [lo, hi) from a mulberry32 stream seeded with `seed`. */
export function seededFloats(seed: number, count: number, lo = 0, hi = 1): Float32Array {
  const next = mulberry32(seed);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = lo + (hi - lo) * next();
  return out;
}
