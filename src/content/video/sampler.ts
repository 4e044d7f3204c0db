/**
 * One video's sampling: while it can be watched, grab a frame as soon as the last one is
 * answered (at most MAX_SAMPLE_FPS a second), have the background identify or only locate its
 * faces (frame-mode.ts), and feed them to the video's tracker. At most one frame is in flight: a
 * tick that finds the last frame unanswered is dropped, never queued, so a slow engine lowers
 * the rate instead of building a backlog of stale frames.
 */
import { toBackground } from '../../platform/send.js';
import { logger } from '../../shared/logger.js';
import type { FrameMode } from '../../shared/protocol.js';
import type { UnreadableReason } from '../../shared/video-status.js';
import { nextFrameMode } from './frame-mode.js';
import { createFrameGrabber, type GrabbedFrame } from './grab-frame.js';
import { createReadability } from './readability.js';
import { createTracker, type Tracker } from './tracker.js';

const log = logger('video');
/**
 * The most frames sampled per second while a video plays, reached only while frames are tracked
 * (~20–40 ms each on an idle engine): every identification (~300 ms on 2 busy cores, at least
 * one a second, frame-mode.ts) is time without samples, so a second holding one reaches ~10
 * under this cap. Labels glide between samples (tracker.ts), so a faster rate would hardly
 * show, and each sample costs the page a draw and an encode and the machine an engine run.
 */
export const MAX_SAMPLE_FPS = 15;
const SAMPLE_MS = 1000 / MAX_SAMPLE_FPS;
/** Videos shown smaller than this cannot show a face worth naming. */
export const MIN_VIDEO_SIDE = 100;

export interface Sampler {
  readonly tracker: Tracker;
  visible: boolean;
  /** Starts sampling if the video can be watched now; cheap to call on any event. */
  kick(): void;
  /** Drops every track and any answer still on its way (a seek, new names, a new source). */
  reset(): void;
}

export interface SamplerHooks {
  /** Facetag is switched on (the popup's global switch): while off, nothing is sampled. */
  enabled(): boolean;
  /** New tracks are in: draw them. */
  onTracks(): void;
  /** The video cannot be read: it was stopped for good. */
  onUnreadable(reason: UnreadableReason): void;
}

const isSecurityError = (error: unknown) => (error as { name?: unknown } | null)?.name === 'SecurityError';

export function createSampler(video: HTMLVideoElement, hooks: SamplerHooks): Sampler {
  const tracker = createTracker();
  const grab = createFrameGrabber();
  let readability = createReadability();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  let unreadable = false;
  /** performance.now() when the last identified frame's answer arrived. */
  let identifiedAt = Number.NEGATIVE_INFINITY;
  /** Bumped by reset(); an answer for an older generation describes a scene that is gone. */
  let generation = 0;

  const watchable = () => {
    if (unreadable || !hooks.enabled() || !self.visible || !video.isConnected || video.paused || video.ended) return false;
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0 || document.visibilityState !== 'visible') return false;
    const r = video.getBoundingClientRect();
    return r.width >= MIN_VIDEO_SIDE && r.height >= MIN_VIDEO_SIDE;
  };

  const stopFor = (reason: UnreadableReason) => {
    unreadable = true;
    tracker.clear();
    hooks.onUnreadable(reason);
  };

  const analyse = async (frame: GrabbedFrame, timeMs: number, mode: FrameMode) => {
    const asked = generation;
    const started = performance.now();
    busy = true;
    try {
      const result = await toBackground('analyseFrame', { dataUrl: await frame.encode(), mode });
      if (asked !== generation) return;
      if (!result.ok) return log.debug(`no labels for a video frame: ${result.error}`);
      if (mode === 'track') tracker.follow(result.value.faces.map((f) => f.box), timeMs);
      else {
        tracker.update(result.value.faces.map((f) => ({ box: f.box, name: f.name })), timeMs);
        identifiedAt = performance.now();
      }
      hooks.onTracks();
    } catch (error) {
      log.debug('a video frame could not be sent', error);
    } finally {
      busy = false;
      // An answer slower than the sample interval: the next tick would only add waiting, so sample now.
      if (performance.now() - started >= SAMPLE_MS && timer !== undefined) {
        clearTimeout(timer);
        tick();
      }
    }
  };

  const sample = () => {
    const timeMs = video.currentTime * 1000;
    const mode = nextFrameMode(tracker, performance.now() - identifiedAt);
    let frame: GrabbedFrame;
    try {
      frame = grab(video, mode);
    } catch (error) {
      // The page may play it, but its pixels are not ours to read: say so in the popup, not on the page.
      if (isSecurityError(error)) stopFor('cross-origin');
      else log.debug('a video frame could not be grabbed', error);
      return;
    }
    const verdict = readability.judge(frame.luma, timeMs, video.mediaKeys !== null);
    if (verdict === 'protected') stopFor('protected');
    else if (verdict === 'analyse') void analyse(frame, timeMs, mode);
  };

  const tick = () => {
    timer = undefined;
    if (!watchable()) return;
    if (!busy) sample();
    timer = setTimeout(tick, SAMPLE_MS);
  };

  const self: Sampler = {
    tracker,
    visible: false,
    kick: () => {
      if (timer === undefined) tick();
    },
    reset: () => {
      generation++;
      tracker.clear();
      identifiedAt = Number.NEGATIVE_INFINITY;
    },
  };
  video.addEventListener('emptied', () => {
    // A new source: it may be readable where the old one was not.
    unreadable = false;
    readability = createReadability();
  });
  return self;
}
