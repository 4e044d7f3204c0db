import type { Face } from './types.js';

/** How far (as a fraction of the image side) a face's centre may be from the image centre. */
const MAX_OFFSET = 0.2;

/**
 * The face a reference thumbnail was cut around: thumbnails are centred on their face (see
 * thumbnail.ts), so it is the detected face nearest the centre, if any is near it. Other faces
 * at the edges are neighbours caught in the crop.
 */
export function centralFace(faces: readonly Face[], width: number, height: number): Face | null {
  let best: Face | null = null;
  let bestOffset = MAX_OFFSET;
  for (const f of faces) {
    const dx = (f.box[0] + f.box[2] / 2) / width - 0.5;
    const dy = (f.box[1] + f.box[3] / 2) / height - 0.5;
    const offset = Math.hypot(dx, dy);
    if (offset <= bestOffset) {
      best = f;
      bestOffset = offset;
    }
  }
  return best;
}
