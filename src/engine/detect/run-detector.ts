import { resizeLetterbox, type Rgb } from '../align/warp.js';
import { requireOutput, type ModelRunner } from '../runtime.js';
import type { Box, Detection, RgbaImage } from '../types.js';
import { BLAZEFACE_ANCHOR_COUNT, BLAZEFACE_INPUT_SIZE } from './anchors.js';
import { BLAZEFACE_REGRESSORS, decodeBlazeface, detectionToImage } from './decode.js';

/** BlazeFace sees RGB scaled to [-1, 1] (models/manifest.json, blazeface-back). */
export const BLAZEFACE_MEAN: Rgb = [127.5, 127.5, 127.5];
export const BLAZEFACE_STD = 127.5;

const PLANE = 3 * BLAZEFACE_INPUT_SIZE * BLAZEFACE_INPUT_SIZE;
const GRID16 = 512;

/**
 * onnxruntime-web's WASM memory grows to the largest run it has seen and never shrinks: a
 * batch of 16 regions grew it by 78 MB, while batches of 4 run in memory already there and
 * take no longer per region (measured: docs/BENCHMARKS.md, "Memory"). Each region's result does not
 * depend on the batch it ran in.
 */
const DETECTOR_BATCH = 4;

/**
 * Runs the detector over image regions (each letterboxed to 256x256), a few per run, and
 * returns, per region, the candidates above `minScore` in image pixels, before NMS.
 */
export async function detectInRegions(detector: ModelRunner, img: RgbaImage, regions: readonly Box[], minScore: number): Promise<Detection[][]> {
  const results: Detection[][] = [];
  for (let start = 0; start < regions.length; start += DETECTOR_BATCH) {
    results.push(...(await detectBatch(detector, img, regions.slice(start, start + DETECTOR_BATCH), minScore)));
  }
  return results;
}

async function detectBatch(detector: ModelRunner, img: RgbaImage, regions: readonly Box[], minScore: number): Promise<Detection[][]> {
  const batch = new Float32Array(regions.length * PLANE);
  const transforms = regions.map((region, i) => {
    const letterbox = resizeLetterbox(img, BLAZEFACE_INPUT_SIZE, BLAZEFACE_MEAN, BLAZEFACE_STD, region);
    batch.set(letterbox.tensor, i * PLANE);
    return letterbox.imageFromTensor;
  });
  const out = await detector.run({ input: { data: batch, dims: [regions.length, 3, BLAZEFACE_INPUT_SIZE, BLAZEFACE_INPUT_SIZE] } });
  const s16 = requireOutput(out, 'scores_16').data;
  const s8 = requireOutput(out, 'scores_8').data;
  const r16 = requireOutput(out, 'regressors_16').data;
  const r8 = requireOutput(out, 'regressors_8').data;
  const grid8 = BLAZEFACE_ANCHOR_COUNT - GRID16;
  const scores = new Float32Array(BLAZEFACE_ANCHOR_COUNT);
  const regressors = new Float32Array(BLAZEFACE_ANCHOR_COUNT * BLAZEFACE_REGRESSORS);
  return transforms.map((imageFromTensor, i) => {
    // The two output heads are concatenated 16x16 grid first, the anchor order of anchors.ts.
    scores.set(s16.subarray(i * GRID16, (i + 1) * GRID16), 0);
    scores.set(s8.subarray(i * grid8, (i + 1) * grid8), GRID16);
    regressors.set(r16.subarray(i * GRID16 * BLAZEFACE_REGRESSORS, (i + 1) * GRID16 * BLAZEFACE_REGRESSORS), 0);
    regressors.set(r8.subarray(i * grid8 * BLAZEFACE_REGRESSORS, (i + 1) * grid8 * BLAZEFACE_REGRESSORS), GRID16 * BLAZEFACE_REGRESSORS);
    return decodeBlazeface(scores, regressors, { minScore }).map((d) => detectionToImage(d, imageFromTensor));
  });
}
