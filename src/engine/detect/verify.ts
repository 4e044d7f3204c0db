import { resizeLetterbox, type Rgb } from '../align/warp.js';
import { requireOutput, type ModelRunner } from '../runtime.js';
import type { Detection, RgbaImage } from '../types.js';
import { squareAround } from './regions.js';

/** FaceMesh sees a 192x192 crop of RGB scaled to [0, 1] (models/manifest.json, facemesh). */
export const FACEMESH_SIZE = 192;
const FACEMESH_MEAN: Rgb = [0, 0, 0];
const FACEMESH_STD = 255;
/** FaceMesh was trained on crops about 1.5x the detector's box. */
const CROP_FACTOR = 1.5;
const PLANE = 3 * FACEMESH_SIZE * FACEMESH_SIZE;
/** Batches over 8 crops grow ORT's WASM memory (it never shrinks) and run no faster per crop (measured). */
const BATCH = 8;

/**
 * FaceMesh's face-presence probability for each detection. BlazeFace fires on dog faces and
 * some drawings with scores as high as real faces; FaceMesh's flag separates them (measured:
 * real faces 0.99-1.0, the dogs of dlib/faces/dogs.jpg 0.64 and 0.001).
 */
export async function faceFlags(verifier: ModelRunner, img: RgbaImage, detections: readonly Detection[]): Promise<number[]> {
  const flags: number[] = [];
  for (let start = 0; start < detections.length; start += BATCH) {
    const chunk = detections.slice(start, start + BATCH);
    const batch = new Float32Array(chunk.length * PLANE);
    chunk.forEach((d, i) => batch.set(resizeLetterbox(img, FACEMESH_SIZE, FACEMESH_MEAN, FACEMESH_STD, squareAround(d.box, CROP_FACTOR)).tensor, i * PLANE));
    const out = await verifier.run({ input: { data: batch, dims: [chunk.length, 3, FACEMESH_SIZE, FACEMESH_SIZE] } });
    flags.push(...requireOutput(out, 'faceflag').data);
  }
  return flags;
}
