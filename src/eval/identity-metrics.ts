/**
 * Identification metrics over labelled samples (one chosen face per photo). Pure functions, no I/O.
 * A sample whose photo yielded no face has embedding null: it fails every comparison it takes part in,
 * because that is what a user would see (no face, no name).
 */

import { thresholdAtRate } from './threshold.js';

export interface EvalSample {
  identity: string;
  embedding: Float32Array | null;
}

export interface VerificationScores {
  genuine: number[];
  impostor: number[];
}

export interface BestMatch {
  /** Similarity of the nearest other sample; -Infinity when this sample or every other one has no face. */
  score: number;
  /** Identity of the nearest other sample; null when there is none. */
  identity: string | null;
}

export interface Top1Result {
  correct: number;
  total: number;
  rate: number;
}

export interface OpenSetRates {
  threshold: number;
  /** Known probes (identity has >= 2 samples) whose best match passes the threshold and is the right person. */
  knownCorrect: number;
  /** Known probes that pass the threshold but are given someone else's name. */
  knownWrongName: number;
  knownTotal: number;
  knownRate: number;
  /** Unknown probes (identity has 1 sample) that would be given a name. */
  unknownAccepted: number;
  unknownTotal: number;
  falseAcceptRate: number;
}

export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`embedding sizes differ: ${a.length} vs ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  // Normalising here too keeps the metric honest if a tool's embeddings are not quite unit length.
  const denom = Math.sqrt(na * nb);
  return denom > 0 ? dot / denom : 0;
}

function pairScore(a: EvalSample, b: EvalSample): number {
  return a.embedding && b.embedding ? cosineSimilarity(a.embedding, b.embedding) : -Infinity;
}

/** All unordered pairs: genuine when both samples share an identity, impostor otherwise. */
export function verificationScores(samples: readonly EvalSample[]): VerificationScores {
  const genuine: number[] = [];
  const impostor: number[] = [];
  for (let i = 0; i < samples.length; i++) {
    for (let j = i + 1; j < samples.length; j++) {
      const a = samples[i] as EvalSample;
      const b = samples[j] as EvalSample;
      (a.identity === b.identity ? genuine : impostor).push(pairScore(a, b));
    }
  }
  return { genuine, impostor };
}

/** For each sample, the nearest other sample that has a face (leave-one-out gallery). */
export function bestMatches(samples: readonly EvalSample[]): BestMatch[] {
  return samples.map((probe, i) => {
    let best: BestMatch = { score: -Infinity, identity: null };
    if (!probe.embedding) return best;
    samples.forEach((other, j) => {
      if (j === i || !other.embedding) return;
      const score = cosineSimilarity(probe.embedding as Float32Array, other.embedding);
      if (score > best.score) best = { score, identity: other.identity };
    });
    return best;
  });
}

function identityCounts(samples: readonly EvalSample[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(s.identity, (counts.get(s.identity) ?? 0) + 1);
  return counts;
}

/** Closed-set rank-1 accuracy over the samples whose identity has another sample to be found by. */
export function leaveOneOutTop1(samples: readonly EvalSample[]): Top1Result {
  const counts = identityCounts(samples);
  const matches = bestMatches(samples);
  let correct = 0;
  let total = 0;
  samples.forEach((s, i) => {
    if ((counts.get(s.identity) ?? 0) < 2) return;
    total += 1;
    if (matches[i]?.identity === s.identity) correct += 1;
  });
  return { correct, total, rate: total ? correct / total : NaN };
}

function ratesFrom(samples: readonly EvalSample[], matches: readonly BestMatch[], threshold: number): OpenSetRates {
  const counts = identityCounts(samples);
  const r: OpenSetRates = {
    threshold,
    knownCorrect: 0,
    knownWrongName: 0,
    knownTotal: 0,
    knownRate: NaN,
    unknownAccepted: 0,
    unknownTotal: 0,
    falseAcceptRate: NaN,
  };
  samples.forEach((s, i) => {
    const m = matches[i] as BestMatch;
    const accepted = m.identity !== null && m.score >= threshold;
    if ((counts.get(s.identity) ?? 0) >= 2) {
      r.knownTotal += 1;
      if (accepted && m.identity === s.identity) r.knownCorrect += 1;
      else if (accepted) r.knownWrongName += 1;
    } else {
      r.unknownTotal += 1;
      if (accepted) r.unknownAccepted += 1;
    }
  });
  r.knownRate = r.knownTotal ? r.knownCorrect / r.knownTotal : NaN;
  r.falseAcceptRate = r.unknownTotal ? r.unknownAccepted / r.unknownTotal : NaN;
  return r;
}

/**
 * Open-set identification with a leave-one-out gallery: every other sample is enrolled, and a probe is named
 * after its best match when that match scores >= threshold.
 */
export function openSetRates(samples: readonly EvalSample[], threshold: number): OpenSetRates {
  return ratesFrom(samples, bestMatches(samples), threshold);
}

/**
 * The open-set operating point where at most maxFalseAccept of the unknown probes are given a name,
 * and the known-probe rates there.
 */
export function openSetAtFalseAcceptRate(samples: readonly EvalSample[], maxFalseAccept = 0.05): OpenSetRates {
  const counts = identityCounts(samples);
  const matches = bestMatches(samples);
  const unknownScores = matches
    .filter((_, i) => (counts.get((samples[i] as EvalSample).identity) ?? 0) < 2)
    .map((m) => m.score);
  return ratesFrom(samples, matches, thresholdAtRate(unknownScores, maxFalseAccept));
}
