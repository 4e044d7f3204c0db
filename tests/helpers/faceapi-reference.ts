import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Tfjs from '@tensorflow/tfjs';
import type * as FaceApi from '@vladmandic/face-api';
import type { RgbImage } from './images.js';

/**
 * The original face-api nets as the parity reference, on @tensorflow/tfjs's pure-JS CPU
 * backend (tfjs-node cannot be installed here).
 *
 * Why CommonJS: face-api's ESM "nobundle" build imports '@tensorflow/tfjs/dist/index.js',
 * whose directory imports Node's ESM loader rejects. The CJS `face-api.node-wasm.js` build
 * requires the external '@tensorflow/tfjs' (CJS entry works in Node) plus the wasm backend;
 * we then force the 'cpu' backend so results do not depend on wasm SIMD/threads.
 */
export type FaceApiModule = typeof FaceApi;

const require = createRequire(import.meta.url);

/** Where face-api ships its weights (manifests + .bin shards). */
export const FACEAPI_MODEL_DIR = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');

let loading: Promise<FaceApiModule> | undefined;

/** Loads face-api once per process with tfjs on the CPU backend. */
export function loadFaceApi(): Promise<FaceApiModule> {
  loading ??= (async () => {
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApiModule;
    // face-api's typings re-export only part of tfjs; the backend switch comes from the very
    // same (require-cached) '@tensorflow/tfjs' instance face-api runs on.
    const tfjs = require('@tensorflow/tfjs') as typeof Tfjs;
    if (!(await tfjs.setBackend('cpu'))) throw new Error('tfjs: cpu backend unavailable');
    await tfjs.ready();
    if (tfjs.getBackend() !== 'cpu') throw new Error(`tfjs backend is ${tfjs.getBackend()}, expected cpu`);
    return faceapi;
  })();
  return loading;
}

/**
 * Runs `fn` on a face-api NetInput built from 0..255 RGB images, the path face-api itself
 * takes for tensors (toNetInput -> toBatchTensor: centred zero padding to a square, then
 * bilinear resize to the net size). Square inputs of the net's size skip the pad/resize, so
 * only the net and its normalisation are exercised.
 */
async function withNetInput(
  faceapi: FaceApiModule, images: readonly RgbImage[],
  fn: (input: FaceApi.NetInput) => FaceApi.tf.Tensor2D,
): Promise<Float32Array> {
  const { tf } = faceapi;
  const tensors = images.map((img) => tf.tensor3d(img.data, [img.height, img.width, 3], 'float32'));
  try {
    const out = fn(await faceapi.toNetInput(tensors));
    const data = (await out.data()) as Float32Array;
    out.dispose();
    return data;
  } finally {
    for (const t of tensors) t.dispose();
  }
}

let recognition: Promise<FaceApi.FaceRecognitionNet> | undefined;
let landmarks: Promise<FaceApi.FaceLandmark68Net> | undefined;

/** A face-api net with its weights loaded from FACEAPI_MODEL_DIR. */
async function loaded<T extends { loadFromDisk(dir: string): Promise<void> }>(net: T): Promise<T> {
  await net.loadFromDisk(FACEAPI_MODEL_DIR);
  return net;
}

/** face-api FaceRecognitionNet.forwardInput on RGB faces (150x150 for a pure net check): [n * 128] raw descriptors. */
export async function referenceEmbeddings(images: readonly RgbImage[]): Promise<Float32Array> {
  const faceapi = await loadFaceApi();
  recognition ??= loaded(new faceapi.FaceRecognitionNet());
  const net = await recognition;
  return withNetInput(faceapi, images, (input) => net.forwardInput(input));
}

/**
 * face-api FaceLandmark68Net on RGB faces (112x112 for a pure net check). `raw` is runNet (the
 * FC output, before postProcess); `processed` is forwardInput (after postProcess: x,y relative
 * to the unpadded input image), so tests can pin down the post-processing too.
 */
export async function referenceLandmarks(images: readonly RgbImage[]): Promise<{ raw: Float32Array; processed: Float32Array }> {
  const faceapi = await loadFaceApi();
  landmarks ??= loaded(new faceapi.FaceLandmark68Net());
  const net = await landmarks;
  const raw = await withNetInput(faceapi, images, (input) => net.runNet(input));
  const processed = await withNetInput(faceapi, images, (input) => net.forwardInput(input));
  return { raw, processed };
}

/**
 * tf.image.resizeBilinear(img, [size, size], alignCorners = false, halfPixelCenters = false),
 * exactly the resize face-api's NetInput.toBatchTensor applies to tensor inputs.
 */
export async function tfResizeBilinear(img: RgbImage, size: number): Promise<RgbImage> {
  const { tf } = await loadFaceApi();
  const input = tf.tensor3d(img.data, [img.height, img.width, 3], 'float32');
  const resized = tf.image.resizeBilinear(input, [size, size], false, false);
  const data = (await resized.data()) as Float32Array;
  input.dispose();
  resized.dispose();
  return { width: size, height: size, data };
}
