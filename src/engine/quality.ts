/**
 * How usable a detected face is for recognition, from three independent factors in 0..1:
 *
 * - size: the face's width in pixels, the larger of the box width and the inter-ocular
 *   distance / 0.43 (their ratio on frontal faces), so a turned face still counts as big.
 *   0 at 24 px or less, 1 from 80 px up, linear between; the 150 px dlib chip shows the face
 *   about 107 px wide, and below ~24 px BlazeFace and the embedding both fall apart.
 * - sharpness: focus measure on a grey crop of the face (the central 80% of the box, at most
 *   64x64 px and never upscaled, so a small face is not mistaken for a blurred one): the
 *   variance of the 3x3 Laplacian divided by the variance of the grey values, which cancels
 *   contrast and lighting. sharpness = min(1, ratio / 0.15). On the 55 dlib example chips
 *   (faces ~107 px) the ratio has median 0.22 (10th percentile 0.12); blurred with a Gaussian
 *   of sigma 1 px, median 0.12; sigma 2 px, 0.035. "Blurry" (sharpness < 0.5) is thus roughly
 *   sigma >= 1.5 px. Noise raises the ratio, so a noisy dark photo can pass as sharp.
 * - pose, from the BlazeFace keypoints under weak perspective, with the nose tip standing
 *   NOSE_DEPTH = 0.5 eye distances in front of the eyes (a rough anthropometric estimate, so
 *   the angles are indicative) and the mouth EYE_MOUTH = 1.1 eye distances below them:
 *     yaw   = atan(u / NOSE_DEPTH), u = nose offset from the eye midpoint along the eye line,
 *             in eye distances (a turn by θ moves the nose by depth·sinθ while the eyes shrink
 *             by cosθ, hence tan);
 *     pitch = atan((t0 - t) * EYE_MOUTH / NOSE_DEPTH), t = nose height between the eye line
 *             and the mouth as a fraction of the eye-mouth height, t0 its frontal value;
 *     roll  = angle of the eye line (reported only: alignment undoes roll).
 *   pose = max(0, 1 - (yaw / 60°)²) * max(0, 1 - (pitch / 45°)²).
 *
 * score = cube root of size * sharpness * pose: a geometric mean, so any factor at 0 makes the
 * face unusable while the score keeps the scale of a typical factor.
 */
import { warpToChip } from './align/warp.js';
import type { Affine, Detection, Point, RgbaImage } from './types.js';

export interface Quality {
  /** 0..1, see above. */
  score: number;
  size: number;
  sharpness: number;
  /** Degrees. Yaw > 0: nose towards the subject's left (image right); pitch > 0: looking up; roll > 0: clockwise in the image. */
  yaw: number;
  pitch: number;
  roll: number;
  /** Plain-language problems, empty when the face is fine. */
  reasons: string[];
}

const IOD_PER_FACE_WIDTH = 0.43;
const MIN_FACE_PX = 24;
const GOOD_FACE_PX = 80;
const SHARP_RATIO = 0.15;
const MAX_CROP = 64;
const NOSE_DEPTH = 0.5;
const EYE_MOUTH = 1.1;
/**
 * Frontal nose height between the eye line and the mouth centre. The dlib mean face gives 0.51
 * (dlib-template.ts targets); BlazeFace puts its nose keypoint a little lower, 0.53 on average
 * over the 55 dlib example chips, and this is what the keypoints will show on a frontal face.
 */
const FRONTAL_NOSE_FRACTION = 0.53;
const DEG = 180 / Math.PI;

export function assessQuality(img: RgbaImage, det: Detection): Quality {
  const [rightEye, leftEye, nose, mouth] = det.keypoints as [Point, Point, Point, Point];
  const ex = leftEye[0] - rightEye[0];
  const ey = leftEye[1] - rightEye[1];
  const iod = Math.hypot(ex, ey) || 1e-9;
  const facePx = Math.max(det.box[2], iod / IOD_PER_FACE_WIDTH);
  const size = clamp01((facePx - MIN_FACE_PX) / (GOOD_FACE_PX - MIN_FACE_PX));
  const sharpness = Math.min(1, focusRatio(img, det) / SHARP_RATIO);

  // Nose and mouth in the face's own frame: x along the eye line, y perpendicular (down), in eye distances.
  const midX = (rightEye[0] + leftEye[0]) / 2;
  const midY = (rightEye[1] + leftEye[1]) / 2;
  const along = (p: Point) => ((p[0] - midX) * ex + (p[1] - midY) * ey) / (iod * iod);
  const down = (p: Point) => (-(p[0] - midX) * ey + (p[1] - midY) * ex) / (iod * iod);
  const yaw = Math.atan(along(nose) / NOSE_DEPTH) * DEG;
  const mouthDown = down(mouth);
  const noseFraction = mouthDown > 0 ? down(nose) / mouthDown : FRONTAL_NOSE_FRACTION;
  const pitch = Math.atan(((FRONTAL_NOSE_FRACTION - noseFraction) * EYE_MOUTH) / NOSE_DEPTH) * DEG;
  const roll = Math.atan2(ey, ex) * DEG;
  const pose = Math.max(0, 1 - (yaw / 60) ** 2) * Math.max(0, 1 - (pitch / 45) ** 2);

  const reasons: string[] = [];
  if (size < 0.5) reasons.push('face is small');
  if (sharpness < 0.5) reasons.push('image is blurry');
  if (Math.abs(yaw) > 30) reasons.push('face is turned away');
  if (Math.abs(pitch) > 25) reasons.push('face is tilted up or down');
  return { score: Math.cbrt(size * sharpness * pose), size, sharpness, yaw, pitch, roll, reasons };
}

/** var(Laplacian) / var(grey) over a grey crop of the central 80% of the box. */
function focusRatio(img: RgbaImage, det: Detection): number {
  const [x, y, w, h] = det.box;
  const side = 0.8 * Math.max(w, h);
  const n = Math.max(8, Math.min(MAX_CROP, Math.round(side)));
  const k = n / side;
  const cropFromImage: Affine = [k, 0, -k * (x + w / 2 - side / 2), 0, k, -k * (y + h / 2 - side / 2)];
  const rgb = warpToChip(img, cropFromImage, n, [0, 0, 0], 1);
  const plane = n * n;
  const grey = new Float64Array(plane);
  for (let i = 0; i < plane; i++) {
    grey[i] = 0.299 * (rgb[i] as number) + 0.587 * (rgb[i + plane] as number) + 0.114 * (rgb[i + 2 * plane] as number);
  }
  const lap = new Float64Array((n - 2) * (n - 2));
  let j = 0;
  for (let r = 1; r < n - 1; r++) {
    for (let c = 1; c < n - 1; c++) {
      const i = r * n + c;
      lap[j++] = (grey[i - n] as number) + (grey[i + n] as number) + (grey[i - 1] as number) + (grey[i + 1] as number) - 4 * (grey[i] as number);
    }
  }
  const contrast = variance(grey);
  return contrast > 0 ? variance(lap) / contrast : 0;
}

function variance(v: Float64Array): number {
  let mean = 0;
  for (const x of v) mean += x / v.length;
  let sum = 0;
  for (const x of v) sum += (x - mean) ** 2;
  return sum / v.length;
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}
