import type { Detail } from '../align/pyramid.js';
import { resizeLetterbox, type Rgb } from '../align/warp.js';
import { requireOutput, type ModelRunner } from '../runtime.js';
import type { Box, Detection, RgbaImage } from '../types.js';
import type { BlazefaceGeometry } from './anchors.js';
import { BLAZEFACE_REGRESSORS, decodeBlazeface, detectionToImage } from './decode.js';

/** BlazeFace sees RGB scaled to [-1, 1] (models/manifest.json, blazeface-back and -front). */
export const BLAZEFACE_MEAN: Rgb = [127.5, 127.5, 127.5];
export const BLAZEFACE_STD = 127.5;

/** A loaded BlazeFace model and the layout of its input and outputs. */
export interface Blazeface {
  runner: ModelRunner;
  geometry: BlazefaceGeometry;
}

/**
 * onnxruntime-web's WASM memory grows to the largest run it has seen and never shrinks: a
 * batch of 16 regions grew it by 78 MB, while batches of 4 run in memory already there and
 * take no longer per region (measured: docs/BENCHMARKS.md, "Memory"). Each region's result does not
 * depend on the batch it ran in.
 */
const DETECTOR_BATCH = 4;

/**
 * Runs the detector over image regions (each letterboxed to its square input), a few per run,
 * and returns, per region, the candidates above `minScore` in image pixels, before NMS. Scene
 * views (whole image, tiles, padding) are 'coarse' (align/pyramid.ts); closer looks 'fine'.
 */
export async function detectInRegions(detector: Blazeface, img: RgbaImage, regions: readonly Box[], minScore: number, detail: Detail = 'fine'): Promise<Detection[][]> {
  const results: Detection[][] = [];
  for (let start = 0; start < regions.length; start += DETECTOR_BATCH) {
    results.push(...(await detectBatch(detector, img, regions.slice(start, start + DETECTOR_BATCH), minScore, detail)));
  }
  return results;
}

async function detectBatch({ runner, geometry }: Blazeface, img: RgbaImage, regions: readonly Box[], minScore: number, detail: Detail): Promise<Detection[][]> {
  const size = geometry.inputSize;
  const plane = 3 * size * size;
  const batch = new Float32Array(regions.length * plane);
  const transforms = regions.map((region, i) => {
    const letterbox = resizeLetterbox(img, size, BLAZEFACE_MEAN, BLAZEFACE_STD, region, detail);
    batch.set(letterbox.tensor, i * plane);
    return letterbox.imageFromTensor;
  });
  const out = await runner.run({ input: { data: batch, dims: [regions.length, 3, size, size] } });
  const s16 = requireOutput(out, 'scores_16').data;
  const s8 = requireOutput(out, 'scores_8').data;
  const r16 = requireOutput(out, 'regressors_16').data;
  const r8 = requireOutput(out, 'regressors_8').data;
  const count = geometry.anchors.length / 2;
  const fine = geometry.fineAnchors;
  const coarse = count - fine;
  const scores = new Float32Array(count);
  const regressors = new Float32Array(count * BLAZEFACE_REGRESSORS);
  return transforms.map((imageFromTensor, i) => {
    // The two output heads are concatenated finer grid first, the anchor order of anchors.ts.
    scores.set(s16.subarray(i * fine, (i + 1) * fine), 0);
    scores.set(s8.subarray(i * coarse, (i + 1) * coarse), fine);
    regressors.set(r16.subarray(i * fine * BLAZEFACE_REGRESSORS, (i + 1) * fine * BLAZEFACE_REGRESSORS), 0);
    regressors.set(r8.subarray(i * coarse * BLAZEFACE_REGRESSORS, (i + 1) * coarse * BLAZEFACE_REGRESSORS), fine * BLAZEFACE_REGRESSORS);
    return decodeBlazeface(scores, regressors, geometry, { minScore }).map((d) => detectionToImage(d, imageFromTensor));
  });
}
