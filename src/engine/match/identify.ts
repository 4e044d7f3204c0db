/**
 * Open-set identification: name a face only when one enrolled person clearly wins.
 */
import type { Gallery, Person } from './gallery.js';
import { personScores } from './score.js';

export interface IdentifyOptions {
  /** Minimum aggregated score to accept a person (inclusive). */
  threshold: number;
  /** Minimum lead over the runner-up (inclusive); a tie is never accepted. */
  margin: number;
}

export interface Identification {
  /** The accepted person, or null for "unknown". */
  person: Person | null;
  /** Index of the best-scoring person in gallery.people, accepted or not; -1 when nobody has references. */
  bestIndex: number;
  /** Best and second-best aggregated scores; -Infinity where no such person exists. */
  score: number;
  runnerUp: number;
}

export function identify(gallery: Gallery, probe: Float32Array, opts: IdentifyOptions): Identification {
  return decide(gallery, personScores(gallery, probe), opts);
}

/** Applies the open-set rule to precomputed per-person scores (see personScores). */
export function decide(gallery: Gallery, scores: Float64Array, opts: IdentifyOptions): Identification {
  let bestIndex = -1;
  let score = -Infinity;
  let runnerUp = -Infinity;
  scores.forEach((s, i) => {
    if (s > score) {
      runnerUp = score;
      score = s;
      bestIndex = i;
    } else if (s > runnerUp) runnerUp = s;
  });
  // `score > runnerUp` rejects ties even when margin is 0: two equal candidates are ambiguous.
  const accepted = score >= opts.threshold && score - runnerUp >= opts.margin && score > runnerUp;
  return { person: accepted ? (gallery.people[bestIndex] ?? null) : null, bestIndex, score, runnerUp };
}
