/**
 * Whether a video's frames can be read. A cross-origin video served without CORS taints the
 * canvas (the browser throws on reading it, handled where frames are grabbed); protected (EME/DRM)
 * video draws black while it plays. A black frame alone proves nothing (fades, night scenes,
 * a frame before the first one is decoded), so black frames are only skipped, and a video is
 * called protected when it has MediaKeys attached and stays black while its time advances.
 */

/** Mean luma (0–255) under which a frame counts as black. */
export const BLACK_LUMA = 4;
/** Consecutive black samples, with the video's time advancing, before a keyed video is called protected. */
export const BLACK_SAMPLES = 3;

export type FrameVerdict = 'analyse' | 'skip' | 'protected';

export interface Readability {
  /** `timeMs`: the video's own time at the sample; `keyed`: MediaKeys are attached (EME). */
  judge(luma: number, timeMs: number, keyed: boolean): FrameVerdict;
}

export function createReadability(): Readability {
  let blackRun = 0;
  let lastBlackTime = Number.NaN;
  return {
    judge(luma, timeMs, keyed) {
      if (luma > BLACK_LUMA) {
        blackRun = 0;
        lastBlackTime = Number.NaN;
        return 'analyse';
      }
      // The same frame sampled twice (a stall) is not evidence; only playing time is.
      if (Number.isNaN(lastBlackTime) || timeMs > lastBlackTime) blackRun++;
      lastBlackTime = timeMs;
      return keyed && blackRun >= BLACK_SAMPLES ? 'protected' : 'skip';
    },
  };
}
