import type { Affine, Point } from '../types.js';
import { DLIB_CHIP_TEMPLATE } from './dlib-template.js';
import { similarityFromPoints } from './umeyama.js';

/**
 * The 68-point indices get_face_chip_details fits: nose, eyes and upper mouth. It leaves out
 * the eyebrows (17..26) and the lower lip (55..59, 65..67), which move with expression.
 */
const FITTED = Array.from({ length: 68 }, (_, i) => i).filter((i) => i >= 27 && !(i >= 55 && i <= 59) && !(i >= 65 && i <= 67));

/** Image → 150x150 dlib chip, fitted as dlib does from 68 landmarks. */
export function dlibChipTransform(points68: readonly Point[]): Affine {
  if (points68.length !== 68) throw new Error(`dlib alignment needs 68 landmarks, got ${points68.length}`);
  return similarityFromPoints(
    FITTED.map((i) => points68[i] as Point),
    FITTED.map((i) => DLIB_CHIP_TEMPLATE[i - 17] as Point),
  );
}
