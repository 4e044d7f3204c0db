/**
 * Which pipeline a video's next sample gets: identify rarely, track cheaply. Identifying (every
 * model, ~100–300 ms a frame on 2 cores) is needed while a face is new, unnamed or unsure, and
 * when the faces changed; otherwise the tracks only need moving, which one detector pass
 * (~10× cheaper) does, and the tracker carries each name along.
 *
 * Even a settled scene is identified again every IDENTIFY_EVERY_MS: the tracker pairs faces by
 * position only, so two faces crossing or one face replacing another in place could carry a
 * wrong name. A second bounds how long that can last (plus the vote's confirming sample, see
 * name-vote.ts).
 *
 * A change (a face came, went or was missed; a track not yet named) asks for identification
 * only once CHANGE_GAP_MS have passed since the last identified answer. Without that gap, a
 * scene the cheap pass sees differently from the whole pipeline (a crowd whose small or
 * hesitant faces one detector pass misses, a cut every few hundred ms) is identified at every
 * sample and labelled at the whole pipeline's rate; with it, tracked samples fill the gap, so
 * identification takes at most about half the engine's time even when every frame differs.
 */
import type { FrameMode } from '../../shared/protocol.js';
import type { Tracker } from './tracker.js';

export const IDENTIFY_EVERY_MS = 1000;
export const CHANGE_GAP_MS = 300;

/** `sinceIdentifiedMs`: time since the last identified answer arrived; Infinity when none has. */
export function nextFrameMode(tracker: Pick<Tracker, 'settled' | 'changed'>, sinceIdentifiedMs: number): FrameMode {
  if (sinceIdentifiedMs >= IDENTIFY_EVERY_MS) return 'identify';
  if ((tracker.changed || !tracker.settled) && sinceIdentifiedMs >= CHANGE_GAP_MS) return 'identify';
  return 'track';
}
