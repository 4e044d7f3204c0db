import { isHopeless } from '../quality-policy.js';
import { assignFaces } from './assign.js';
import type { Gallery, Person } from './gallery.js';
import { decide, type IdentifyOptions } from './identify.js';
import { personScores } from './score.js';

export interface NamedFace {
  person: Person | null;
  /** The face's best aggregated score, accepted or not. */
  score: number;
}

export interface FaceToName {
  embedding: Float32Array;
  /** The engine's 0..1 quality: hopeless faces are never named (a wrong name is worse than none). */
  quality: number;
}

/**
 * Names all faces of one image: each face must be usable and pass the open-set rule on its own
 * (threshold and margin over its runner-up), then faces compete jointly so that no person is
 * given to two faces. The CLI and the extension both name faces through here.
 */
export function nameFaces(gallery: Gallery, faces: readonly FaceToName[], opts: IdentifyOptions): NamedFace[] {
  const scores = faces.map((f) => personScores(gallery, f.embedding));
  const decisions = scores.map((s, f) => (isHopeless((faces[f] as FaceToName).quality) ? null : decide(gallery, s, opts)));
  // A face that is hopeless or ambiguous on its own stays unknown; blank its row so it takes no one.
  const eligible = scores.map((s, f) => (decisions[f]?.person ? s : new Float64Array(s.length).fill(-Infinity)));
  const assignment = assignFaces(eligible, opts.threshold);
  return scores.map((s, f) => ({
    person: (assignment[f] as number) >= 0 ? (gallery.people[assignment[f] as number] ?? null) : null,
    score: Math.max(-Infinity, ...s),
  }));
}
