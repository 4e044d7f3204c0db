/**
 * Grabs a video's current frame: a copy of at most FRAME_MAX_SIDE px, its mean brightness (black
 * frames are skipped, see readability.ts), and a JPEG data URL encoded off the main thread by
 * toBlob. Reading a cross-origin video's pixels throws a SecurityError.
 *
 * An identified frame is at most 512 px: the engine looks at it whole, without the tiles it adds
 * above two detector inputs (640 px), which measured 1.5–3× faster; the faces
 * tiles would add, under ~40 px of a 640 px frame, are too small to name reliably, and the
 * tracked frames' pass could not see them either, so each would force the next identification.
 * A frame that is only tracked is grabbed at TRACK_MAX_SIDE: its one detector pass sees the
 * whole frame at 256 px anyway, and fewer pixels are less drawing, encoding, messaging and
 * decoding for the samples that are most of a video's.
 */
import type { FrameMode } from '../../shared/protocol.js';

export const FRAME_MAX_SIDE = 512;
export const TRACK_MAX_SIDE = 320;
const JPEG_QUALITY = 0.85;
const PROBE_SIDE = 8;

export interface GrabbedFrame {
  /** Mean luma of the frame, 0–255. */
  luma: number;
  encode(): Promise<string>;
}

export type FrameGrabber = (video: HTMLVideoElement, mode: FrameMode) => GrabbedFrame;

function meanLuma(data: Uint8ClampedArray): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
  return sum / (data.length / 4);
}

function toDataUrl(canvas: HTMLCanvasElement): Promise<string> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('the frame could not be encoded'));
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error ?? new Error('the frame could not be read'));
      reader.readAsDataURL(blob);
    }, 'image/jpeg', JPEG_QUALITY);
  });
}

/** One grabber per video: its canvases (one per mode) are reused from frame to frame. */
export function createFrameGrabber(): FrameGrabber {
  const canvases = { identify: document.createElement('canvas'), track: document.createElement('canvas') };
  const probe = document.createElement('canvas');
  probe.width = probe.height = PROBE_SIDE;
  return (video, mode) => {
    const canvas = canvases[mode];
    const k = Math.min(1, (mode === 'track' ? TRACK_MAX_SIDE : FRAME_MAX_SIDE) / Math.max(video.videoWidth, video.videoHeight));
    const [w, h] = [Math.max(1, Math.round(video.videoWidth * k)), Math.max(1, Math.round(video.videoHeight * k))];
    // Resizing a canvas reallocates it; a video keeps its size from frame to frame.
    if (canvas.width !== w || canvas.height !== h) [canvas.width, canvas.height] = [w, h];
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    const ctx = probe.getContext('2d', { willReadFrequently: true });
    ctx?.drawImage(canvas, 0, 0, PROBE_SIDE, PROBE_SIDE);
    // Throws a SecurityError when the video is cross-origin without CORS (the canvas is tainted).
    const data = ctx?.getImageData(0, 0, PROBE_SIDE, PROBE_SIDE).data;
    if (!data) throw new Error('no 2D canvas context');
    return { luma: meanLuma(data), encode: () => toDataUrl(canvas) };
  };
}
