/**
 * Matching speed: one probe against 100,000 references (d = 128) of 1,000 people.
 * Run: npx tsx bench/match.bench.ts. Target: median <= 5 ms.
 */
import { buildGallery, type Person } from '../src/engine/match/gallery.js';
import { identify } from '../src/engine/match/identify.js';

const DIM = 128;
const PEOPLE = 1000;
const REFS_PER_PERSON = 100;
const RUNS = 50;

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

const vectors = unitVectors(PEOPLE * REFS_PER_PERSON, 1);
const people: Person[] = Array.from({ length: PEOPLE }, (_, i) => ({
  id: `p${i}`,
  name: `Person ${i}`,
  references: vectors.slice(i * REFS_PER_PERSON, (i + 1) * REFS_PER_PERSON),
}));
const gallery = buildGallery(people);
const probes = unitVectors(RUNS + 10, 2);

const times: number[] = [];
probes.forEach((probe, i) => {
  const start = performance.now();
  identify(gallery, probe, { threshold: 0.5, margin: 0.05 });
  // The first 10 runs only warm up the JIT.
  if (i >= 10) times.push(performance.now() - start);
});
times.sort((a, b) => a - b);
const median = ((times[(RUNS - 1) >> 1] as number) + (times[RUNS >> 1] as number)) / 2;
process.stdout.write(`match: ${PEOPLE * REFS_PER_PERSON} refs x ${DIM} d, ${PEOPLE} people: median ${median.toFixed(2)} ms over ${RUNS} runs\n`);
