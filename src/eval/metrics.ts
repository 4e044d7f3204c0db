/**
 * Score-level accuracy metrics. Pure functions, no I/O.
 * Sample-level metrics (pairs, leave-one-out, open set) live in identity-metrics.ts and are re-exported here
 * so that callers have one import point.
 */

import { thresholdAtRate } from './threshold.js';

export { nextUp, thresholdAtRate } from './threshold.js';
export {
  bestMatches,
  cosineSimilarity,
  leaveOneOutTop1,
  openSetAtFalseAcceptRate,
  openSetRates,
  verificationScores,
} from './identity-metrics.js';
export type { BestMatch, EvalSample, OpenSetRates, Top1Result, VerificationScores } from './identity-metrics.js';

/** Sorts a copy ascending; a typed array sorts numerically and puts -Infinity (a missed face) first. */
function sortedAscending(values: readonly number[]): number[] {
  return Array.from(Float64Array.from(values).sort());
}

/** Index of the first element >= x in an ascending array (binary search). */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > x in an ascending array. */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Exact ROC AUC = P(genuine > impostor) + ½·P(genuine = impostor), the Mann–Whitney statistic.
 * O((G + I) log I): impostors are sorted once and each genuine score is located by binary search.
 * NaN when either list is empty (no curve exists).
 */
export function rocAuc(genuine: readonly number[], impostor: readonly number[]): number {
  if (genuine.length === 0 || impostor.length === 0) return NaN;
  const imp = sortedAscending(impostor);
  let wins = 0;
  for (const g of genuine) {
    const below = lowerBound(imp, g);
    const ties = upperBound(imp, g) - below;
    wins += below + ties / 2;
  }
  return wins / (genuine.length * impostor.length);
}

/** True-accept rate at the threshold where the false-accept rate is <= far. */
export function tarAtFar(
  genuine: readonly number[],
  impostor: readonly number[],
  far: number,
): { tar: number; threshold: number } {
  const threshold = thresholdAtRate(impostor, far);
  if (genuine.length === 0) return { tar: NaN, threshold };
  const accepted = genuine.reduce((n, g) => (g >= threshold ? n + 1 : n), 0);
  return { tar: accepted / genuine.length, threshold };
}

export interface CountAccuracy {
  /** Images whose reported face count equals the truth. */
  exact: number;
  total: number;
  /** exact / total. */
  rate: number;
  /** Images the tool failed to read or never scanned (they count as wrong). */
  missing: number;
  /** Images whose truth is 0 faces. */
  negatives: number;
  /** Faces reported in total on the 0-face images (every one is a false face). */
  falseFacesOnNegatives: number;
}

/**
 * Exact face-count accuracy. results[i] pairs with truth[i]; null means the tool gave no result for that image.
 */
export function detectionCountAccuracy(
  results: readonly ({ faces: number } | null)[],
  truth: readonly number[],
): CountAccuracy {
  if (results.length !== truth.length) throw new Error(`detectionCountAccuracy: ${results.length} results vs ${truth.length} truths`);
  let exact = 0;
  let missing = 0;
  let negatives = 0;
  let falseFacesOnNegatives = 0;
  truth.forEach((want, i) => {
    const got = results[i];
    if (want === 0) negatives += 1;
    if (got == null) {
      missing += 1;
      return;
    }
    if (got.faces === want) exact += 1;
    if (want === 0) falseFacesOnNegatives += got.faces;
  });
  return { exact, total: truth.length, rate: truth.length ? exact / truth.length : NaN, missing, negatives, falseFacesOnNegatives };
}

/** Median (mean of the middle two for even counts); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = sortedAscending(values);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
