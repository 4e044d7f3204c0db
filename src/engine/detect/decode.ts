/**
 * Decoding of the raw BlazeFace output, as @vladmandic/human src/face/blazeface.ts does it.
 *
 * Model I/O (human-models blazeface.json and blazeface-front.json signatures): one RGB input
 * [1, 256, 256, 3] (front: 128) normalised to [-1, 1] as x / 127.5 - 1, and four outputs: scores [1, 512, 1] and [1, 384, 1] (logits),
 * regressors [1, 512, 16] and [1, 384, 16]. Human concatenates them 512-first, which is the
 * anchor order of anchors.ts. Per anchor the 16 regressors are
 *   [cx, cy, w, h, kp0x, kp0y, ..., kp5x, kp5y]
 * in input pixels; cx, cy and the keypoints are offsets from the anchor centre, w and h are
 * absolute sizes. Keypoints: subject's right eye, left eye, nose tip, mouth centre, right ear
 * tragion, left ear tragion.
 */
import type { Affine, Box, Detection, Point } from '../types.js';
import { applyAffine } from '../align/umeyama.js';
import type { BlazefaceGeometry } from './anchors.js';

export const BLAZEFACE_REGRESSORS = 16;
const KEYPOINTS = 6;

export interface DecodeOptions {
  /** Keep anchors whose sigmoid score is at least this (0..1). */
  minScore: number;
}

/** Candidates (before NMS) in the coordinates of the detector's input. */
export function decodeBlazeface(scores: Float32Array, regressors: Float32Array, { anchors }: BlazefaceGeometry, opts: DecodeOptions): Detection[] {
  const count = anchors.length / 2;
  if (scores.length !== count || regressors.length !== count * BLAZEFACE_REGRESSORS) {
    throw new Error(`BlazeFace output has ${scores.length} scores and ${regressors.length} regressors; expected ${count} and ${count * BLAZEFACE_REGRESSORS}`);
  }
  // Comparing logits against logit(minScore) skips the exp() for the ~890 anchors that fail.
  const minLogit = opts.minScore <= 0 ? -Infinity : opts.minScore >= 1 ? Infinity : Math.log(opts.minScore / (1 - opts.minScore));
  const found: Detection[] = [];
  for (let a = 0; a < count; a++) {
    const logit = scores[a] as number;
    if (!(logit >= minLogit)) continue;
    const ax = anchors[2 * a] as number;
    const ay = anchors[2 * a + 1] as number;
    const r = a * BLAZEFACE_REGRESSORS;
    const cx = ax + (regressors[r] as number);
    const cy = ay + (regressors[r + 1] as number);
    const w = regressors[r + 2] as number;
    const h = regressors[r + 3] as number;
    const keypoints: Point[] = [];
    for (let k = 0; k < KEYPOINTS; k++) {
      keypoints.push([ax + (regressors[r + 4 + 2 * k] as number), ay + (regressors[r + 5 + 2 * k] as number)]);
    }
    found.push({ box: [cx - w / 2, cy - h / 2, w, h], score: 1 / (1 + Math.exp(-logit)), keypoints });
  }
  return found;
}

/**
 * Moves a detection from detector-input coordinates to image pixels. `imageFromInput` is the
 * transform that resizeLetterbox returns; the box becomes the axis-aligned bounds of its mapped
 * corners, which is exact for the scale + offset of a letterbox.
 */
export function detectionToImage(det: Detection, imageFromInput: Affine): Detection {
  const [x, y, w, h] = det.box;
  const corners = ([[x, y], [x + w, y], [x, y + h], [x + w, y + h]] as Point[]).map((p) => applyAffine(imageFromInput, p));
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  const box: Box = [left, top, Math.max(...xs) - left, Math.max(...ys) - top];
  return { box, score: det.score, keypoints: det.keypoints.map((p) => applyAffine(imageFromInput, p)) };
}
