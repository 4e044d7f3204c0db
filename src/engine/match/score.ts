/**
 * Per-person similarity of a probe embedding.
 *
 * Embeddings are L2-normalised, so cosine similarity is a plain dot product.
 *
 * Aggregation over a person's references: score = 0.5 * max + 0.5 * mean(top 3).
 * - The max alone lets a single bad reference (a mislabelled or odd face) match strangers, and
 *   people with many references get more chances at a lucky high value.
 * - The mean of all references punishes legitimate variety (profile shots, old photos): a
 *   probe only needs to resemble the references taken in a similar pose/age.
 * - The mean of the closest 3 needs a few references to agree, which resists one outlier while
 *   staying pose-local; blending in the max keeps one very close reference decisive. With fewer
 *   than 3 references the mean uses what exists, so a single-reference person scores its one
 *   similarity exactly.
 *
 * Negatives (faces the user rejected for this person): a probe closer to a rejected face than to
 * every reference most likely is that other person, so it is not this person at all (score
 * -Infinity). Before, the score only dropped by the gap, and "Not Sheldon" on a photo that his
 * references also matched closely (0.97 against the rejected face's 1.0) left the name on it.
 */
import type { Gallery } from './gallery.js';

const MAX_WEIGHT = 0.5;

/** Aggregated score per person (gallery.people order); -Infinity for a person without references. */
export function personScores(gallery: Gallery, probe: Float32Array): Float64Array {
  checkDim(gallery, probe);
  const count = gallery.people.length;
  const scores = new Float64Array(count).fill(-Infinity);
  // The 3 best similarities per person, t1 >= t2 >= t3.
  const t1 = new Float64Array(count).fill(-Infinity);
  const t2 = new Float64Array(count).fill(-Infinity);
  const t3 = new Float64Array(count).fill(-Infinity);
  const sims = gallery.references.dots(probe);
  const owner = gallery.referenceOwner;
  for (let row = 0; row < owner.length; row++) {
    const s = sims[row] as number;
    const p = owner[row] as number;
    // Keep the 3 largest per person without sorting: insertion into a fixed-size list.
    if (s > (t3[p] as number)) {
      if (s > (t2[p] as number)) {
        t3[p] = t2[p] as number;
        if (s > (t1[p] as number)) {
          t2[p] = t1[p] as number;
          t1[p] = s;
        } else t2[p] = s;
      } else t3[p] = s;
    }
  }
  const maxNegative = maxPerPerson(gallery.negatives.dots(probe), gallery.negativeOwner, count);
  for (let p = 0; p < count; p++) {
    const best = t1[p] as number;
    if (best === -Infinity) continue;
    const second = t2[p] as number;
    const third = t3[p] as number;
    if ((maxNegative[p] as number) > best) continue;
    const topMean = third > -Infinity ? (best + second + third) / 3 : second > -Infinity ? (best + second) / 2 : best;
    scores[p] = MAX_WEIGHT * best + (1 - MAX_WEIGHT) * topMean;
  }
  return scores;
}

function maxPerPerson(sims: Float32Array, owner: Int32Array, count: number): Float64Array {
  const best = new Float64Array(count).fill(-Infinity);
  for (let row = 0; row < owner.length; row++) {
    const s = sims[row] as number;
    const p = owner[row] as number;
    if (s > (best[p] as number)) best[p] = s;
  }
  return best;
}

function checkDim(gallery: Gallery, probe: Float32Array): void {
  if (gallery.dim !== 0 && probe.length !== gallery.dim) {
    throw new Error(`probe embedding has ${probe.length} dimensions but the gallery's have ${gallery.dim}`);
  }
}
