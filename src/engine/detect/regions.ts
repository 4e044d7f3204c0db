import { BLAZEFACE_INPUT_SIZE } from './anchors.js';
import type { Box } from '../types.js';

/** Evenly spaced starts of windows of `size` covering [0, length) with at least `minOverlap` overlap. */
function starts(length: number, size: number, minOverlap: number): number[] {
  if (length <= size) return [(length - size) / 2];
  const count = Math.ceil((length - size) / (size * (1 - minOverlap))) + 1;
  return Array.from({ length: count }, (_, i) => ((length - size) * i) / (count - 1));
}

/**
 * Overlapping square tiles for finding faces too small for the whole-image pass. A tile is
 * about half the image's long side (never under the detector's input), so faces in tiles
 * are seen about twice as large; 25% overlap keeps a face whole in at least one tile.
 */
export function tileRegions(width: number, height: number, tileFraction: number): Box[] {
  const side = Math.max(BLAZEFACE_INPUT_SIZE, Math.max(width, height) * tileFraction);
  const xs = starts(width, side, 0.25);
  const ys = starts(height, side, 0.25);
  return ys.flatMap((y) => xs.map((x): Box => [x, y, side, side]));
}

/** A square of `factor` times the box's larger side, centred on it. */
export function squareAround(box: Box, factor: number): Box {
  const side = Math.max(box[2], box[3]) * factor;
  return [box[0] + box[2] / 2 - side / 2, box[1] + box[3] / 2 - side / 2, side, side];
}

/** The whole image centred in a square `factor` times its long side: context for tight crops. */
export function paddedImageRegion(width: number, height: number, factor: number): Box {
  return squareAround([0, 0, width, height], factor);
}
