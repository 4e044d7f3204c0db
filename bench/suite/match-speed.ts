/**
 * Matching speed: one probe against 100,000 references (d = 128) of 1,000 people, through the real
 * buildGallery + identify. Shared by bench/match.bench.ts and bench/run.ts so both report the same number.
 */

import { buildGallery, type Person } from '../../src/engine/match/gallery.js';
import { identify } from '../../src/engine/match/identify.js';

export interface MatchSpeed {
  references: number;
  dim: number;
  people: number;
  runs: number;
  medianMs: number;
}

const DIM = 128;
const PEOPLE = 1000;
const REFS_PER_PERSON = 100;
const RUNS = 50;
/** Runs before the timed ones, so the JIT has compiled the scoring path. */
const WARM_UP = 10;

/** Deterministic pseudo-random unit vectors (mulberry32), so runs are comparable. */
function unitVectors(count: number, seed: number): Float32Array[] {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: DIM }, next);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

export function measureMatching(): MatchSpeed {
  const vectors = unitVectors(PEOPLE * REFS_PER_PERSON, 1);
  const people: Person[] = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `p${i}`,
    name: `Person ${i}`,
    references: vectors.slice(i * REFS_PER_PERSON, (i + 1) * REFS_PER_PERSON),
  }));
  const gallery = buildGallery(people);
  const probes = unitVectors(RUNS + WARM_UP, 2);
  const times: number[] = [];
  probes.forEach((probe, i) => {
    const start = performance.now();
    identify(gallery, probe, { threshold: 0.5, margin: 0.05 });
    if (i >= WARM_UP) times.push(performance.now() - start);
  });
  times.sort((a, b) => a - b);
  const medianMs = ((times[(RUNS - 1) >> 1] as number) + (times[RUNS >> 1] as number)) / 2;
  return { references: PEOPLE * REFS_PER_PERSON, dim: DIM, people: PEOPLE, runs: RUNS, medianMs };
}
