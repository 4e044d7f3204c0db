/**
 * Open-set calibration of a scan: src/eval/calibrate.ts finds the threshold for a target rate of strangers
 * named; openSetAt measures the same leave-one-out trials at a fixed threshold, so that the shipped default
 * (src/engine/match/defaults.ts) can be checked against a fresh scan.
 */

import { buildGallery, type Person } from '../../src/engine/match/gallery.js';
import { DEFAULT_MATCH_MARGIN, DEFAULT_MATCH_THRESHOLD } from '../../src/engine/match/defaults.js';
import { decide } from '../../src/engine/match/identify.js';
import { personScores } from '../../src/engine/match/score.js';
import { calibrateOpenSet, type Calibration } from '../../src/eval/calibrate.js';
import type { EvalSample } from '../../src/eval/metrics.js';

/** The rate of strangers allowed a name when calibrating, as for the shipped default. */
export const MAX_UNKNOWN_NAMED = 0.01;

export interface OpenSetAt {
  threshold: number;
  margin: number;
  unknownNamed: number;
  unknownTrials: number;
  knownCorrect: number;
  knownWrongName: number;
  knownTrials: number;
}

/** Everyone's photos but sample `skip`, grouped by identity, without `dropIdentity` (as calibrate.ts builds them). */
function galleryWithout(samples: readonly EvalSample[], skip: number, dropIdentity: string | null): Person[] {
  const byIdentity = new Map<string, Float32Array[]>();
  samples.forEach((s, i) => {
    if (i === skip || !s.embedding || s.identity === dropIdentity) return;
    byIdentity.set(s.identity, [...(byIdentity.get(s.identity) ?? []), s.embedding]);
  });
  return [...byIdentity].map(([identity, references]) => ({ id: identity, name: identity, references }));
}

/**
 * calibrate.ts's trials at a given threshold. As a stranger, a photo counts as named when its best person score
 * reaches the threshold (calibrate.ts ignores the margin there, so this is the stricter count); as a known
 * person, the real decision with the margin applies.
 */
export function openSetAt(samples: readonly EvalSample[], threshold: number, margin: number): OpenSetAt {
  let unknownNamed = 0;
  let unknownTrials = 0;
  let knownCorrect = 0;
  let knownWrongName = 0;
  samples.forEach((s, i) => {
    if (!s.embedding) return;
    unknownTrials++;
    const asStranger = personScores(buildGallery(galleryWithout(samples, i, s.identity)), s.embedding);
    if (Math.max(-Infinity, ...asStranger) >= threshold) unknownNamed++;
    const people = galleryWithout(samples, i, null);
    if (!people.some((p) => p.id === s.identity)) return;
    const gallery = buildGallery(people);
    const named = decide(gallery, personScores(gallery, s.embedding), { threshold, margin }).person?.id ?? null;
    if (named === s.identity) knownCorrect++;
    else if (named !== null) knownWrongName++;
  });
  // As in calibrate.ts: photos with no face are known trials that were not named.
  const knownTrials = samples.filter((s, i) => samples.some((o, j) => j !== i && o.identity === s.identity)).length;
  return { threshold, margin, unknownNamed, unknownTrials, knownCorrect, knownWrongName, knownTrials };
}

export interface OpenSetReport {
  calibration: Calibration;
  atDefault: OpenSetAt;
}

export function openSetReport(samples: readonly EvalSample[]): OpenSetReport {
  return {
    calibration: calibrateOpenSet(samples, MAX_UNKNOWN_NAMED, DEFAULT_MATCH_MARGIN),
    atDefault: openSetAt(samples, DEFAULT_MATCH_THRESHOLD, DEFAULT_MATCH_MARGIN),
  };
}
