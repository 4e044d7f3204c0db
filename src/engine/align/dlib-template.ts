/**
 * Framing of the chips that dlib's face recognition ResNet (dlib_face_recognition_resnet_model_v1)
 * expects: extract_image_chip(img, get_face_chip_details(shape, 150, 0.25)).
 *
 * get_face_chip_details (dlib/image_transforms/interpolation.h) fits a similarity from the 68
 * landmarks onto dlib's mean face shape. The mean face below is copied verbatim from that
 * function's mean_face_shape_x/y: points 17..67 of the 68-point markup in a unit square.
 */
import type { Affine, Point } from '../types.js';
import { invertAffine, similarityFromPoints } from './umeyama.js';

export const DLIB_CHIP_SIZE = 150;
export const DLIB_CHIP_PADDING = 0.25;

// prettier-ignore
const MEAN_FACE_X = [
  0.000213256, 0.0752622, 0.18113, 0.29077, 0.393397, 0.586856, 0.689483, 0.799124,
  0.904991, 0.98004, 0.490127, 0.490127, 0.490127, 0.490127, 0.36688, 0.426036,
  0.490127, 0.554217, 0.613373, 0.121737, 0.187122, 0.265825, 0.334606, 0.260918,
  0.182743, 0.645647, 0.714428, 0.793132, 0.858516, 0.79751, 0.719335, 0.254149,
  0.340985, 0.428858, 0.490127, 0.551395, 0.639268, 0.726104, 0.642159, 0.556721,
  0.490127, 0.423532, 0.338094, 0.290379, 0.428096, 0.490127, 0.552157, 0.689874,
  0.553364, 0.490127, 0.42689,
];
// prettier-ignore
const MEAN_FACE_Y = [
  0.106454, 0.038915, 0.0187482, 0.0344891, 0.0773906, 0.0773906, 0.0344891,
  0.0187482, 0.038915, 0.106454, 0.203352, 0.307009, 0.409805, 0.515625, 0.587326,
  0.609345, 0.628106, 0.609345, 0.587326, 0.216423, 0.178758, 0.179852, 0.231733,
  0.245099, 0.244077, 0.231733, 0.179852, 0.178758, 0.216423, 0.244077, 0.245099,
  0.780233, 0.745405, 0.727388, 0.742578, 0.727388, 0.745405, 0.780233, 0.864805,
  0.902192, 0.909281, 0.902192, 0.864805, 0.784792, 0.778746, 0.785343, 0.778746,
  0.784792, 0.824182, 0.831803, 0.824182,
];

/** dlib's mean face, index i = 68-point landmark i + 17, in unit-square coordinates. */
export const DLIB_MEAN_FACE: readonly Point[] = MEAN_FACE_X.map((x, i): Point => [x, MEAN_FACE_Y[i] as number]);

/**
 * Where a unit-square mean-face point lands in a dlib chip: q = (p + padding) / (2 * padding + 1)
 * * size, as get_face_chip_details computes it. q is also the right value in this engine's
 * continuous coordinates (pixel centres at +0.5, see warp.ts): extract_image_chip spans its
 * rectangle with centered_drect, which shortens it by one image pixel, so chip pixel k shows
 * q = 75 + (k - 74.5) * (150 - 1/s) / 149 for s image pixels per chip pixel. That is exactly
 * q = k + 0.5 at s = 1 and stays within 0.25 px of it over the face for any s >= 0.5.
 */
export function chipPoint([x, y]: Point, size = DLIB_CHIP_SIZE, padding = DLIB_CHIP_PADDING): Point {
  const toChip = (v: number) => ((v + padding) / (2 * padding + 1)) * size;
  return [toChip(x), toChip(y)];
}

/** Mean of 68-point landmarks `from`..`to` (inclusive) of the mean face. */
function meanOf(from: number, to: number): Point {
  const pts = DLIB_MEAN_FACE.slice(from - 17, to - 16);
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
}

const landmark = (i: number): Point => DLIB_MEAN_FACE[i - 17] as Point;

/** The 51 mean-face points in a 150x150, padding 0.25 chip. */
export const DLIB_CHIP_TEMPLATE: readonly Point[] = DLIB_MEAN_FACE.map((p) => chipPoint(p));

/**
 * Targets for BlazeFace keypoints 0..3 (subject's right eye, left eye, nose tip, mouth centre)
 * in the 150x150 dlib chip. Eye centres are the means of the 6 contour points of each eye
 * (36..41, 42..47) and the nose tip is point 30. The mouth centre is the centroid of all 20
 * mouth points (48..67), not the midpoint of the corners 48/54: on the 55 dlib example chips
 * (examples/johns, padded so the face has a normal size in the detector input) BlazeFace's mouth
 * keypoint averages 0.6 px from that centroid but 3.0 px below the corners' midpoint; its eyes
 * and nose land within 1.2 and 2.2 px of these targets. The ear keypoints are left out: they are
 * unreliable and absent from dlib's framing.
 */
export const BLAZEFACE_CHIP_TEMPLATE: readonly Point[] = [meanOf(36, 41), meanOf(42, 47), landmark(30), meanOf(48, 67)].map((p) =>
  chipPoint(p),
);

/**
 * Where the output landmarks (subject's right eye, left eye, nose tip, right mouth corner, left
 * mouth corner) sit in the chip, so they can be mapped back into the image through the chip
 * transform for the mouth corners that BlazeFace does not detect.
 */
export const LANDMARK_CHIP_TEMPLATE: readonly Point[] = [meanOf(36, 41), meanOf(42, 47), landmark(30), landmark(48), landmark(54)].map(
  (p) => chipPoint(p),
);

/** The 68-point landmarks get_face_chip_details fits: it skips the jaw, eyebrows and lower lip. */
export const DLIB_FIT_LANDMARKS: readonly number[] = Array.from({ length: 68 }, (_, i) => i).filter(
  (i) => i >= 27 && !(i >= 55 && i <= 59) && !(i >= 65 && i <= 67),
);

/**
 * The chip-from-image transform for warpToChip. Like dlib, the least-squares fit runs from
 * chip to image and is then inverted: fitting the other way would weigh the residuals in chip
 * pixels and give a slightly different scale on noisy points.
 */
function chipFromImage(template: readonly Point[], image: readonly Point[]): Affine {
  return invertAffine(similarityFromPoints(template, image));
}

/** dlib's own framing from 68 landmarks in image pixels. */
export function dlibChipTransform(landmarks68: readonly Point[]): Affine {
  if (landmarks68.length !== 68) throw new Error(`dlibChipTransform needs 68 landmarks, got ${landmarks68.length}`);
  return chipFromImage(
    DLIB_FIT_LANDMARKS.map((i) => DLIB_CHIP_TEMPLATE[i - 17] as Point),
    DLIB_FIT_LANDMARKS.map((i) => landmarks68[i] as Point),
  );
}

/** The same framing from BlazeFace keypoints in image pixels (the first 4 are used). */
export function blazefaceChipTransform(keypoints: readonly Point[]): Affine {
  if (keypoints.length < 4) throw new Error(`blazefaceChipTransform needs 4 keypoints, got ${keypoints.length}`);
  return chipFromImage(BLAZEFACE_CHIP_TEMPLATE, keypoints.slice(0, 4));
}
