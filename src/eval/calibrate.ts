/**
 * Open-set calibration with the real matcher (src/engine/match): every labelled photo is tried
 * twice, leave-one-out. As a stranger, against a gallery of everyone else with its own identity
 * removed: a name given then is a false name. As a known person, against a gallery that still
 * holds the other photos of its identity. The threshold is the lowest at which at most
 * `maxUnknownNamed` of the strangers get a name. Pure; O(n²) for n photos.
 */
import { buildGallery, type Person } from '../engine/match/gallery.js';
import { decide } from '../engine/match/identify.js';
import { personScores } from '../engine/match/score.js';
import type { EvalSample } from './identity-metrics.js';
import { thresholdAtRate } from './threshold.js';

export interface Calibration {
  threshold: number;
  margin: number;
  /** Strangers named at the threshold (at most maxUnknownNamed of them). */
  unknownNamedRate: number;
  unknownTrials: number;
  /** Known photos given their own name at the threshold. */
  knownCorrectRate: number;
  knownWrongName: number;
  knownTrials: number;
}

function galleryWithout(samples: readonly EvalSample[], skip: number, dropIdentity: string | null): Person[] {
  const byIdentity = new Map<string, Float32Array[]>();
  samples.forEach((s, i) => {
    if (i === skip || !s.embedding || s.identity === dropIdentity) return;
    byIdentity.set(s.identity, [...(byIdentity.get(s.identity) ?? []), s.embedding]);
  });
  return [...byIdentity].map(([identity, references]) => ({ id: identity, name: identity, references }));
}

export function calibrateOpenSet(samples: readonly EvalSample[], maxUnknownNamed: number, margin: number): Calibration {
  const strangerScores: number[] = [];
  const known: { identity: string; scores: Float64Array; people: Person[] }[] = [];
  samples.forEach((s, i) => {
    if (!s.embedding) return;
    const asStranger = galleryWithout(samples, i, s.identity);
    strangerScores.push(Math.max(-Infinity, ...personScores(buildGallery(asStranger), s.embedding)));
    const people = galleryWithout(samples, i, null);
    if (people.some((p) => p.id === s.identity)) known.push({ identity: s.identity, scores: personScores(buildGallery(people), s.embedding), people });
  });
  const threshold = thresholdAtRate(strangerScores, maxUnknownNamed);
  let correct = 0;
  let wrong = 0;
  for (const k of known) {
    const d = decide(buildGallery(k.people), k.scores, { threshold, margin });
    if (d.person?.id === k.identity) correct++;
    else if (d.person) wrong++;
  }
  // Photos with no face count as known trials that were not named.
  const knownTrials = samples.filter((s, i) => samples.some((o, j) => j !== i && o.identity === s.identity)).length;
  return {
    threshold,
    margin,
    unknownNamedRate: strangerScores.filter((v) => v >= threshold).length / Math.max(1, strangerScores.length),
    unknownTrials: strangerScores.length,
    knownCorrectRate: correct / Math.max(1, knownTrials),
    knownWrongName: wrong,
    knownTrials,
  };
}
