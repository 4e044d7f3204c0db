/**
 * Peer: @vladmandic/face-api (SSD MobileNet v1 + 68 landmarks + 128-D ResNet descriptor) on the tfjs WASM
 * backend, printing `facetag scan --jsonl` lines.
 *
 *   npx tsx bench/peers/faceapi.ts --list paths.txt > faceapi.jsonl
 *   npx tsx bench/peers/faceapi.ts a.jpg b.jpg
 *
 * Only face-api's defaults are used (SsdMobilenetv1Options: minConfidence 0.5, maxResults 100).
 */

import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// The node-wasm build requires @tensorflow/tfjs and the wasm backend from node_modules, so `tf` above is the
// same instance that face-api runs on (the default node build would need @tensorflow/tfjs-node instead).
import * as faceapi from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import type { Point } from '../../src/engine/types.js';
import type { ScanFace } from '../lib/scan-jsonl.js';
import { l2Normalize, meanPoint, packageFile, parsePeerArgs, runPeer, type RgbImage } from './peer-runner.js';

/** 68-point scheme: 36–41 subject's right eye, 42–47 left eye, 30 nose tip, 48/54 right/left mouth corner. */
function fivePoints(p68: readonly Point[]): Point[] {
  const at = (i: number): Point => p68[i] ?? [NaN, NaN];
  const range = (from: number, to: number): Point[] => Array.from({ length: to - from + 1 }, (_, k) => at(from + k));
  return [meanPoint(range(36, 41)), meanPoint(range(42, 47)), at(30), at(48), at(54)];
}

async function detect(image: RgbImage): Promise<{ faces: ScanFace[]; ms: number }> {
  const start = performance.now();
  const input = faceapi.tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
  const results = await faceapi.detectAllFaces(input).withFaceLandmarks().withFaceDescriptors();
  const ms = performance.now() - start;
  input.dispose();
  const faces = results.map((r): ScanFace => {
    const { x, y, width, height } = r.detection.box;
    return {
      box: [x, y, width, height],
      score: r.detection.score,
      landmarks: fivePoints(r.landmarks.positions.map((p): Point => [p.x, p.y])),
      quality: null,
      embedding: l2Normalize(r.descriptor),
    };
  });
  return { faces, ms };
}

const { paths } = parsePeerArgs(process.argv.slice(2));
setWasmPaths(packageFile('@tensorflow/tfjs-backend-wasm', 'dist/'));
if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend failed to initialise');
await tf.ready();
const modelDir = packageFile('@vladmandic/face-api', 'model');
await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
await runPeer(paths, detect);
