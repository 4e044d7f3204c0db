import { requireOutput, type ModelRunner } from '../runtime.js';
import type { Box, Point, RgbaImage } from '../types.js';
import { squareAround } from '../detect/regions.js';
import { applyAffine } from './umeyama.js';
import { resizeLetterbox, type Rgb } from './warp.js';

/** face-api's FaceLandmark68Net input: 112x112 RGB, (v - mean) / 255 (models/manifest.json, landmarks-68). */
export const LANDMARKS_SIZE = 112;
export const FACE_API_MEAN: Rgb = [122.782, 117.001, 104.298];
export const FACE_API_STD = 255;
const PLANE = 3 * LANDMARKS_SIZE * LANDMARKS_SIZE;
/** Batches over 8 faces grow ORT's WASM memory (it never shrinks) and run no faster per face (measured). */
const BATCH = 8;

/**
 * The 68 iBUG landmarks of each face, in image pixels. The net outputs points relative to its
 * square input; `boxScale` widens BlazeFace's tight box towards the looser SSD boxes that
 * face-api trained the net on.
 */
export async function landmarks68(runner: ModelRunner, img: RgbaImage, boxes: readonly Box[], boxScale: number): Promise<Point[][]> {
  const result: Point[][] = [];
  for (let start = 0; start < boxes.length; start += BATCH) {
    const chunk = boxes.slice(start, start + BATCH);
    const batch = new Float32Array(chunk.length * PLANE);
    const transforms = chunk.map((box, i) => {
      const letterbox = resizeLetterbox(img, LANDMARKS_SIZE, FACE_API_MEAN, FACE_API_STD, squareAround(box, boxScale));
      batch.set(letterbox.tensor, i * PLANE);
      return letterbox.imageFromTensor;
    });
    const out = requireOutput(await runner.run({ input: { data: batch, dims: [chunk.length, 3, LANDMARKS_SIZE, LANDMARKS_SIZE] } }), 'landmarks').data;
    transforms.forEach((imageFromTensor, i) => {
      const points: Point[] = [];
      for (let k = 0; k < 68; k++) {
        const x = (out[i * 136 + 2 * k] as number) * LANDMARKS_SIZE;
        const y = (out[i * 136 + 2 * k + 1] as number) * LANDMARKS_SIZE;
        points.push(applyAffine(imageFromTensor, [x, y]));
      }
      result.push(points);
    });
  }
  return result;
}

/** The 5 landmarks Facetag reports, from the 68: eye centres, nose tip, mouth corners (subject's right first). */
export function fivePoints(p: readonly Point[]): Point[] {
  const mean = (from: number, to: number): Point => {
    let x = 0;
    let y = 0;
    for (let i = from; i <= to; i++) {
      x += (p[i] as Point)[0];
      y += (p[i] as Point)[1];
    }
    return [x / (to - from + 1), y / (to - from + 1)];
  };
  return [mean(36, 41), mean(42, 47), p[30] as Point, p[48] as Point, p[54] as Point];
}
