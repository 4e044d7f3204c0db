import { squareAround } from './detect/regions.js';
import { warpToChip } from './align/warp.js';
import type { Affine, Box, RgbaImage } from './types.js';

/** Side of the stored reference thumbnails, in pixels. */
export const THUMBNAIL_SIZE = 160;
/**
 * The thumbnail shows twice the face box: enough context for the detector to find the face
 * again, so a future model can recompute the embedding from the thumbnail alone.
 */
const THUMBNAIL_CONTEXT = 2;

/** An RGBA square crop around the face, for the people list and for re-embedding. */
export function faceThumbnail(img: RgbaImage, box: Box, size = THUMBNAIL_SIZE): RgbaImage {
  const [x, y, side] = squareAround(box, THUMBNAIL_CONTEXT);
  const k = size / side;
  const thumbFromImage: Affine = [k, 0, -k * x, 0, k, -k * y];
  const planes = warpToChip(img, thumbFromImage, size, [0, 0, 0], 1);
  const plane = size * size;
  const data = new Uint8ClampedArray(plane * 4);
  for (let i = 0; i < plane; i++) {
    data[i * 4] = planes[i] as number;
    data[i * 4 + 1] = planes[i + plane] as number;
    data[i * 4 + 2] = planes[i + 2 * plane] as number;
    data[i * 4 + 3] = 255;
  }
  return { width: size, height: size, data };
}
