/**
 * Which pipeline a video's next sample gets: identify rarely, track cheaply. Identifying (every
 * model, ~100–300 ms a frame on 2 cores) is needed while a face is new, unnamed or unsure, and
 * when the faces changed; otherwise the tracks only need moving, which one detector pass
 * (~10× cheaper) does, and the tracker carries each name along.
 *
 * Even a settled scene is identified again every IDENTIFY_EVERY_MS: the tracker pairs faces by
 * position only, so two faces crossing or one face replacing another in place could carry a
 * wrong name. A second bounds how long that can last (plus the vote's confirming sample, see
 * name-vote.ts), and it makes about one sample in ten a full one.
 */
import type { FrameMode } from '../../shared/protocol.js';
import type { Tracker } from './tracker.js';

export const IDENTIFY_EVERY_MS = 1000;

/** `sinceIdentifiedMs`: time since the last identified sample was grabbed; Infinity when none was. */
export function nextFrameMode(tracker: Pick<Tracker, 'settled' | 'changed'>, sinceIdentifiedMs: number): FrameMode {
  if (sinceIdentifiedMs >= IDENTIFY_EVERY_MS || tracker.changed || !tracker.settled) return 'identify';
  return 'track';
}
