/**
 * Open-set calibration with the real matcher (src/engine/match): every labelled photo is tried
 * twice, leave-one-out. As a stranger, against a gallery of everyone else with its own identity
 * removed: any name given then is a false name. As a known person, against a gallery that still
 * holds the other photos of its identity, with the real decision (threshold and margin). Pure;
 * O(n²) for n photos.
 */
import { buildGallery, type Person } from '../engine/match/gallery.js';
import { decide } from '../engine/match/identify.js';
import { personScores } from '../engine/match/score.js';
import type { EvalSample } from './identity-metrics.js';
import { thresholdAtRate } from './threshold.js';

/** The leave-one-out trials at one threshold. */
export interface OpenSetAt {
  threshold: number;
  margin: number;
  unknownNamed: number;
  unknownTrials: number;
  knownCorrect: number;
  knownWrongName: number;
  /** Photos whose identity has other photos; those with no face count as not named. */
  knownTrials: number;
}

export interface Calibration extends OpenSetAt {
  unknownNamedRate: number;
  knownCorrectRate: number;
}

function galleryWithout(samples: readonly EvalSample[], skip: number, dropIdentity: string | null): Person[] {
  const byIdentity = new Map<string, Float32Array[]>();
  samples.forEach((s, i) => {
    if (i === skip || !s.embedding || s.identity === dropIdentity) return;
    byIdentity.set(s.identity, [...(byIdentity.get(s.identity) ?? []), s.embedding]);
  });
  return [...byIdentity].map(([identity, references]) => ({ id: identity, name: identity, references }));
}

/** Each photo's best person score as a stranger (its own identity left out of the gallery). */
function strangerScores(samples: readonly EvalSample[]): number[] {
  return samples.flatMap((s, i) => (s.embedding ? [Math.max(-Infinity, ...personScores(buildGallery(galleryWithout(samples, i, s.identity)), s.embedding))] : []));
}

/** The trials at a fixed threshold. A stranger counts as named when its best score reaches it (the stricter count: margin ignored). */
export function openSetAt(samples: readonly EvalSample[], threshold: number, margin: number): OpenSetAt {
  const strangers = strangerScores(samples);
  let knownCorrect = 0;
  let knownWrongName = 0;
  samples.forEach((s, i) => {
    if (!s.embedding) return;
    const people = galleryWithout(samples, i, null);
    if (!people.some((p) => p.id === s.identity)) return;
    const gallery = buildGallery(people);
    const named = decide(gallery, personScores(gallery, s.embedding), { threshold, margin }).person?.id ?? null;
    if (named === s.identity) knownCorrect++;
    else if (named !== null) knownWrongName++;
  });
  return {
    threshold,
    margin,
    unknownNamed: strangers.filter((v) => v >= threshold).length,
    unknownTrials: strangers.length,
    knownCorrect,
    knownWrongName,
    knownTrials: samples.filter((s, i) => samples.some((o, j) => j !== i && o.identity === s.identity)).length,
  };
}

/** The lowest threshold at which at most `maxUnknownNamed` of the strangers get a name, with the rates there. */
export function calibrateOpenSet(samples: readonly EvalSample[], maxUnknownNamed: number, margin: number): Calibration {
  const at = openSetAt(samples, thresholdAtRate(strangerScores(samples), maxUnknownNamed), margin);
  return { ...at, unknownNamedRate: at.unknownNamed / Math.max(1, at.unknownTrials), knownCorrectRate: at.knownCorrect / Math.max(1, at.knownTrials) };
}
