import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDlibResnet } from '../../models/convert/faceapi/dlib-resnet.js';
import { DLIB_RESNET_INPUT as SPEC } from '../../models/convert/faceapi/input-spec.js';
import { FACEAPI_MODEL_DIR, referenceEmbeddings } from '../helpers/faceapi-reference.js';
import { facesDir } from '../helpers/faces-dir.js';
import { normalisedNchw, pickImages, readRgb, seededImages, type RgbImage } from '../helpers/images.js';
import { createNodeSession, runNode, type NodeSession } from '../helpers/ort-node-run.js';
import { createWebSession, runWeb } from '../helpers/ort-web-node.js';
import { checkParity, logParity } from '../helpers/parity.js';

// Reference = face-api's own FaceRecognitionNet on tfjs-cpu, fed the raw 0..255 pixels so its
// normalisation is part of what is compared; the ONNX model gets our (pixel - mean) / 255.
const BOUNDS = { rel: 1e-4, minCosine: 0.9999 };
const SIZE = SPEC.size;
const DIM = 128;

function onnxFeeds(images: readonly RgbImage[]): { input: { data: Float32Array; dims: number[] } } {
  return { input: normalisedNchw(images, SPEC.meanRgb, SPEC.divisor) };
}

async function embed(session: NodeSession, images: readonly RgbImage[]): Promise<Float32Array> {
  const out = (await runNode(session, onnxFeeds(images))).embedding;
  if (!out) throw new Error('model has no embedding output');
  expect(out.dims).toEqual([images.length, DIM]);
  return out.data;
}

describe('face-api FaceRecognitionNet (dlib ResNet) -> ONNX', () => {
  let bytes: Uint8Array;
  let session: NodeSession;
  const noise = seededImages(0x5eed, 2, SIZE, SIZE);

  beforeAll(async () => {
    bytes = await buildDlibResnet(FACEAPI_MODEL_DIR);
    session = await createNodeSession(bytes);
  }, 60_000);

  it('builds byte-identical models', async () => {
    expect(Buffer.from(await buildDlibResnet(FACEAPI_MODEL_DIR)).equals(Buffer.from(bytes))).toBe(true);
  }, 60_000);

  it('matches face-api on seeded random pixels (batch of 2)', async () => {
    const rows = checkParity(await embed(session, noise), await referenceEmbeddings(noise), DIM, BOUNDS, 'random batch');
    logParity('dlib random', rows);
  }, 120_000);

  it('matches face-api on real 150x150 face chips', async () => {
    const paths = pickImages(join(facesDir(), 'face-recognition.js', 'faces'), 1);
    expect(paths.length).toBeGreaterThanOrEqual(5);
    const faces = await Promise.all(paths.map((p) => readRgb(p, SIZE)));
    const rows = checkParity(await embed(session, faces), await referenceEmbeddings(faces), DIM, BOUNDS, 'face chips');
    logParity(`dlib faces (${faces.length})`, rows);
  }, 180_000);

  it('gives the same embeddings on onnxruntime-web (WASM) as on onnxruntime-node', async () => {
    const web = await createWebSession(bytes);
    const out = (await runWeb(web, onnxFeeds(noise))).embedding;
    if (!out) throw new Error('ort-web: no embedding output');
    const rows = checkParity(out.data, await embed(session, noise), DIM, BOUNDS, 'ort-web vs ort-node');
    logParity('dlib ort-web', rows);
    await web.release();
  }, 120_000);
});
