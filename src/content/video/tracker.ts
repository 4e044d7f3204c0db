/**
 * Faces followed across a video's samples. Samples arrive up to ~15 times a second (as fast as
 * the engine answers), so each track keeps a velocity and is drawn where it should be *now*: a
 * label glides with the face between samples instead of jumping at every one. Times are the
 * video's own (ms of currentTime): a sample describes the frame it was grabbed from, however late
 * its analysis arrives, and a paused video's labels stand still by themselves.
 *
 * Detections are matched to tracks by the distance of their centres from where each track is
 * predicted to be, jointly (Hungarian assignment), so two faces passing each other keep their
 * names. Boxes are fractions of the frame.
 *
 * Two kinds of sample: an identified one (`update`) names its faces, and each name is a vote; a
 * tracked one (`follow`) has boxes only, which move the tracks and carry their names along. A
 * tracked sample never starts a track: a face it cannot explain is a reason to identify the next
 * frame (`changed`), and the whole pipeline, not one detector pass, says whether it is a face.
 */
import { assignFaces } from '../../engine/match/assign.js';
import { createNameVote, type NameVote } from './name-vote.js';

export type FrameBox = [number, number, number, number];

export interface TrackedDetection {
  box: FrameBox;
  name: string | null;
}

/** A face to draw: where it is predicted at the asked time, and its decided name. */
export interface ShownFace {
  id: number;
  box: FrameBox;
  name: string | null;
}

/** A detection further than this many face sizes from a track's prediction starts a new track. */
export const MATCH_GATE = 1;
/**
 * Video time a track may go unseen (a turned head, a blurred frame) before it ends: two missed
 * samples when a slow machine identifies every frame at ~3 a second, many at the tracking rate.
 */
export const MAX_UNSEEN_MS = 1000;
/** A track unseen for this long (video time) is no longer drawn: its prediction is a guess. */
export const STALE_MS = 2000;
/** Prediction runs at most this far past the last sample, so a late sample cannot send a label flying. */
export const MAX_PREDICT_MS = 1500;
/** A track seen this much later (video time) than the time asked is from before a rewind. */
const REWIND_MS = 250;
/** Weight of the newest velocity estimate; the rest is the previous one (detector jitter smoothing). */
const VELOCITY_GAIN = 0.6;

interface Track {
  id: number;
  box: FrameBox;
  /** Video time of the sample that last saw it. */
  seen: number;
  /** Centre velocity in frame fractions per ms. */
  vx: number;
  vy: number;
  matched: number;
  vote: NameVote;
}

export interface Tracker {
  /** One identified sample, grabbed at video time `timeMs`: its faces move, vote for and start tracks. */
  update(detections: TrackedDetection[], timeMs: number): void;
  /** One tracked sample: its boxes move the tracks they match, names unchanged; other boxes are ignored. */
  follow(boxes: FrameBox[], timeMs: number): void;
  /** Tracks with a decided name, predicted at video time `timeMs`. */
  at(timeMs: number): ShownFace[];
  /** Forgets everything (a seek, new names). */
  clear(): void;
  readonly size: number;
  /** Every track has a name (or is decided unknown) that its newest vote confirms. */
  readonly settled: boolean;
  /** The last sample's faces and the tracks before it did not pair up one to one: a face came, went or was missed. */
  readonly changed: boolean;
}

const centre = (b: FrameBox): [number, number] => [b[0] + b[2] / 2, b[1] + b[3] / 2];

function predict(t: Track, timeMs: number): FrameBox {
  const dt = Math.min(Math.max(timeMs - t.seen, 0), MAX_PREDICT_MS);
  return [t.box[0] + t.vx * dt, t.box[1] + t.vy * dt, t.box[2], t.box[3]];
}

/** 1 at the predicted centre, falling to 0 at MATCH_GATE face sizes away; 0 for a face of very different size. */
function closeness(t: Track, box: FrameBox, timeMs: number): number {
  const p = predict(t, timeMs);
  const [px, py] = centre(p);
  const [dx, dy] = centre(box);
  const size = Math.max(p[2], p[3], box[2], box[3]);
  const ratio = (box[2] * box[3]) / Math.max(p[2] * p[3], 1e-9);
  if (ratio < 0.4 || ratio > 2.5 || size <= 0) return 0;
  return 1 - Math.hypot(dx - px, dy - py) / (MATCH_GATE * size);
}

export function createTracker(): Tracker {
  let tracks: Track[] = [];
  let nextId = 1;
  let last = Number.NEGATIVE_INFINITY;
  let changed = false;

  const move = (t: Track, box: FrameBox, timeMs: number) => {
    const dt = timeMs - t.seen;
    if (dt > 0) {
      const [ox, oy] = centre(t.box);
      const [nx, ny] = centre(box);
      const gain = t.matched === 0 ? 1 : VELOCITY_GAIN;
      t.vx = gain * ((nx - ox) / dt) + (1 - gain) * t.vx;
      t.vy = gain * ((ny - oy) / dt) + (1 - gain) * t.vy;
    }
    t.box = box;
    t.seen = timeMs;
    t.matched++;
  };

  /** Moves the track each box pairs with and returns it per box (undefined: no track's face). */
  const pair = (boxes: FrameBox[], timeMs: number): (Track | undefined)[] => {
    // Time went back (a seek, a loop): the old tracks describe another scene. A long step forward
    // is usually a slow engine, not a cut; faces that moved far just start new tracks.
    if (timeMs < last) tracks = [];
    last = timeMs;
    const scores = boxes.map((b) => tracks.map((t) => closeness(t, b, timeMs)));
    const assigned = tracks.length > 0 ? assignFaces(scores, Number.EPSILON) : new Int32Array(boxes.length).fill(-1);
    const paired = boxes.map((box, i) => {
      const t = tracks[assigned[i] as number];
      if (t) move(t, box, timeMs);
      return t;
    });
    const matched = paired.filter((t) => t !== undefined).length;
    changed = matched !== boxes.length || matched !== tracks.length;
    return paired;
  };

  const endUnseen = (timeMs: number) => {
    tracks = tracks.filter((t) => timeMs - t.seen <= MAX_UNSEEN_MS);
  };

  return {
    update(detections, timeMs) {
      const paired = pair(detections.map((d) => d.box), timeMs);
      detections.forEach((d, i) => {
        let t = paired[i];
        if (!t) {
          t = { id: nextId++, box: d.box, seen: timeMs, vx: 0, vy: 0, matched: 0, vote: createNameVote() };
          tracks.push(t);
        }
        t.vote.add(d.name);
      });
      endUnseen(timeMs);
    },
    follow(boxes, timeMs) {
      pair(boxes, timeMs);
      endUnseen(timeMs);
    },
    at(timeMs) {
      return tracks
        // Seen "later" than now: the video went back (a loop does not always fire `seeking`).
        .filter((t) => t.vote.decided !== undefined && timeMs - t.seen <= STALE_MS && t.seen - timeMs <= REWIND_MS)
        .map((t) => ({ id: t.id, box: predict(t, timeMs), name: t.vote.decided ?? null }));
    },
    clear() {
      tracks = [];
      last = Number.NEGATIVE_INFINITY;
      changed = false;
    },
    get size() {
      return tracks.length;
    },
    get settled() {
      return tracks.every((t) => t.vote.settled);
    },
    get changed() {
      return changed;
    },
  };
}
