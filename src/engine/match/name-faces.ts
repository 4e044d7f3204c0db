import { assignFaces } from './assign.js';
import type { Gallery, Person } from './gallery.js';
import { decide, type IdentifyOptions } from './identify.js';
import { personScores } from './score.js';

export interface NamedFace {
  person: Person | null;
  /** The face's best aggregated score, accepted or not. */
  score: number;
}

/**
 * Names all faces of one image: each face must pass the open-set rule on its own (threshold
 * and margin over its runner-up), then faces compete jointly so that no person is given to
 * two faces.
 */
export function nameFaces(gallery: Gallery, probes: readonly Float32Array[], opts: IdentifyOptions): NamedFace[] {
  const scores = probes.map((probe) => personScores(gallery, probe));
  const decisions = scores.map((s) => decide(gallery, s, opts));
  // A face that is ambiguous on its own stays unknown; blank its row so it takes no one.
  const eligible = scores.map((s, f) => (decisions[f]?.person ? s : new Float64Array(s.length).fill(-Infinity)));
  const assignment = assignFaces(eligible, opts.threshold);
  return decisions.map((d, f) => ({ person: (assignment[f] as number) >= 0 ? (gallery.people[assignment[f] as number] ?? null) : null, score: d.score }));
}
