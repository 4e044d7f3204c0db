import { warpToChip } from './align/warp.js';
import { FACE_API_MEAN, FACE_API_STD } from './align/landmarks68.js';
import { requireOutput, type ModelRunner } from './runtime.js';
import type { Affine, RgbaImage } from './types.js';

/** dlib's descriptor sees a 150x150 chip (models/manifest.json, dlib-resnet). */
export const CHIP_SIZE = 150;
const PLANE = 3 * CHIP_SIZE * CHIP_SIZE;
/** Batches over 8 chips grow ORT's WASM memory (it never shrinks) and run no faster per chip (measured). */
const BATCH = 8;


export function l2Normalise(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (!(norm > 0)) throw new Error('cannot normalise a zero embedding');
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
  return v;
}

/**
 * One L2-normalised descriptor per face. With `mirror`, each face is also embedded from its
 * horizontally flipped chip and the two are averaged: the descriptor then no longer depends on
 * which way the head is turned, which measurably helps one-shot matching.
 */
export async function embedFaces(embedder: ModelRunner, img: RgbaImage, transforms: readonly Affine[], mirror: boolean): Promise<Float32Array[]> {
  const views = mirror ? 2 : 1;
  const result: Float32Array[] = [];
  for (let start = 0; start < transforms.length; start += BATCH) {
    const chunk = transforms.slice(start, start + BATCH);
    const count = chunk.length * views;
    const batch = new Float32Array(count * PLANE);
    chunk.forEach((m, i) => {
      for (let v = 0; v < views; v++) warpToChip(img, m, CHIP_SIZE, FACE_API_MEAN, FACE_API_STD, batch, (i * views + v) * PLANE, v === 1);
    });
    const out = requireOutput(await embedder.run({ input: { data: batch, dims: [count, 3, CHIP_SIZE, CHIP_SIZE] } }), 'embedding');
    const dim = (out.dims[1] ?? 0) as number;
    chunk.forEach((_, i) => {
      const e = new Float32Array(dim);
      for (let v = 0; v < views; v++) {
        const row = out.data.subarray((i * views + v) * dim, (i * views + v + 1) * dim);
        // Each view is normalised first so neither dominates the average.
        const unit = l2Normalise(Float32Array.from(row));
        for (let k = 0; k < dim; k++) e[k] = (e[k] as number) + (unit[k] as number);
      }
      result.push(l2Normalise(e));
    });
  }
  return result;
}
