import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANDMARKS_68_INPUT as SPEC } from '../../models/convert/faceapi/input-spec.js';
import { buildLandmarks68 } from '../../models/convert/faceapi/landmarks-68.js';
import { FACEAPI_MODEL_DIR, referenceLandmarks, tfResizeBilinear } from '../helpers/faceapi-reference.js';
import { facesDir } from '../helpers/faces-dir.js';
import { cropRgb, normalisedNchw, pickImages, readRgb, seededImages, type RgbImage } from '../helpers/images.js';
import { createNodeSession, runNode, type NodeSession } from '../helpers/ort-node-run.js';
import { createWebSession, runWeb } from '../helpers/ort-web-node.js';
import { checkParity, logParity } from '../helpers/parity.js';

// Reference = face-api's FaceLandmark68Net on tfjs-cpu: runNet gives the raw FC output the
// ONNX model must reproduce; forwardInput adds the post-processing the engine must reproduce.
const BOUNDS = { rel: 1e-4 };
const SIZE = SPEC.size;
const DIM = 136;

function onnxFeeds(images: readonly RgbImage[]): { input: { data: Float32Array; dims: number[] } } {
  return { input: normalisedNchw(images, SPEC.meanRgb, SPEC.divisor) };
}

async function landmarks(session: NodeSession, images: readonly RgbImage[]): Promise<Float32Array> {
  const out = (await runNode(session, onnxFeeds(images))).landmarks;
  if (!out) throw new Error('model has no landmarks output');
  expect(out.dims).toEqual([images.length, DIM]);
  return out.data;
}

/** face-api padToSquare(img, isCenterImage = true): zero rows/columns, round(diff / 2) after, the rest before. */
function padToSquareLikeFaceApi(img: RgbImage): RgbImage {
  const side = Math.max(img.width, img.height);
  const diff = side - Math.min(img.width, img.height);
  const before = diff - Math.round(diff / 2);
  const [left, top] = img.width < img.height ? [before, 0] : [0, before];
  const data = new Float32Array(side * side * 3);
  for (let y = 0; y < img.height; y++) data.set(img.data.subarray(y * img.width * 3, (y + 1) * img.width * 3), ((top + y) * side + left) * 3);
  return { width: side, height: side, data };
}

/** face-api FaceLandmark68NetBase.postProcess for one face of width x height pixels. */
function postProcessLikeFaceApi(raw: Float32Array, width: number, height: number): Float32Array {
  const scale = SIZE / Math.max(width, height);
  const [w, h] = [width * scale, height * scale];
  const padX = w < h ? Math.abs(w - h) / 2 : 0;
  const padY = h < w ? Math.abs(w - h) / 2 : 0;
  return raw.map((v, i) => (i % 2 === 0 ? (v * SIZE - padX) / w : (v * SIZE - padY) / h));
}

describe('face-api FaceLandmark68Net -> ONNX', () => {
  let bytes: Uint8Array;
  let session: NodeSession;
  const noise = seededImages(0x1a2b, 2, SIZE, SIZE);

  beforeAll(async () => {
    bytes = await buildLandmarks68(FACEAPI_MODEL_DIR);
    session = await createNodeSession(bytes);
  }, 60_000);

  it('builds byte-identical models', async () => {
    expect(Buffer.from(await buildLandmarks68(FACEAPI_MODEL_DIR)).equals(Buffer.from(bytes))).toBe(true);
  }, 60_000);

  it('matches face-api on seeded random pixels (batch of 2)', async () => {
    const reference = await referenceLandmarks(noise);
    const rows = checkParity(await landmarks(session, noise), reference.raw, DIM, BOUNDS, 'random batch');
    logParity('landmarks random', rows);
    // On a square 112x112 input face-api's post-processing is the identity.
    checkParity(reference.processed, reference.raw, DIM, { rel: 1e-6 }, 'postProcess on square input');
  }, 120_000);

  it('matches face-api on real face chips resized to 112x112', async () => {
    const paths = pickImages(join(facesDir(), 'face-recognition.js', 'faces'), 1);
    expect(paths.length).toBeGreaterThanOrEqual(5);
    const faces = await Promise.all(paths.map((p) => readRgb(p, SIZE)));
    const reference = await referenceLandmarks(faces);
    const rows = checkParity(await landmarks(session, faces), reference.raw, DIM, BOUNDS, 'face chips');
    logParity(`landmarks faces (${faces.length})`, rows);
  }, 120_000);

  it('reproduces face-api on non-square faces via centred padding, resize and postProcess', async () => {
    const [path] = pickImages(join(facesDir(), 'face-recognition.js', 'faces'), 1);
    if (!path) throw new Error('no face chips');
    const chip = await readRgb(path);
    // One wide and one tall crop, with an odd size difference to pin down where the odd row goes.
    for (const crop of [cropRgb(chip, 0, 10, 150, 119), cropRgb(chip, 20, 0, 101, 150)]) {
      const reference = await referenceLandmarks([crop]);
      const square = await tfResizeBilinear(padToSquareLikeFaceApi(crop), SIZE);
      const raw = await landmarks(session, [square]);
      checkParity(raw, reference.raw, DIM, BOUNDS, `${crop.width}x${crop.height} raw`);
      checkParity(postProcessLikeFaceApi(raw, crop.width, crop.height), reference.processed, DIM, BOUNDS, `${crop.width}x${crop.height} processed`);
    }
  }, 120_000);

  it('gives the same landmarks on onnxruntime-web (WASM) as on onnxruntime-node', async () => {
    const web = await createWebSession(bytes);
    const out = (await runWeb(web, onnxFeeds(noise))).landmarks;
    if (!out) throw new Error('ort-web: no landmarks output');
    const rows = checkParity(out.data, await landmarks(session, noise), DIM, BOUNDS, 'ort-web vs ort-node');
    logParity('landmarks ort-web', rows);
    await web.release();
  }, 120_000);
});
