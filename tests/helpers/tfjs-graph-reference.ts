import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

interface ModelJson {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

/** The original TFJS graph model on tfjs's pure-JS CPU backend: the reference our ONNX must match. */
export async function loadTfjsGraphModel(modelJsonPath: string): Promise<tf.GraphModel> {
  await tf.setBackend('cpu');
  const json = JSON.parse(await readFile(modelJsonPath, 'utf8')) as ModelJson;
  const shards = await Promise.all(json.weightsManifest.flatMap((g) => g.paths).map((p) => readFile(join(dirname(modelJsonPath), p))));
  const weightData = new Uint8Array(Buffer.concat(shards)).buffer;
  const handler = tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
    weightData,
  });
  return tf.loadGraphModel(handler);
}

/** Runs the TF model on NHWC data and returns each named output's values. */
export async function runTfjs(model: tf.GraphModel, nhwc: Float32Array, shape: [number, number, number, number], outputs: string[]): Promise<Float32Array[]> {
  const input = tf.tensor4d(nhwc, shape);
  const result = model.execute(input, outputs);
  const tensors = Array.isArray(result) ? result : [result];
  const values = await Promise.all(tensors.map(async (t) => new Float32Array(await t.data())));
  tf.dispose([input, ...tensors]);
  return values;
}

/** NHWC → NCHW copy of a batch of images. */
export function nhwcToNchw(data: Float32Array, [n, h, w, c]: [number, number, number, number]): Float32Array {
  const out = new Float32Array(data.length);
  for (let b = 0; b < n; b++)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let k = 0; k < c; k++) out[((b * c + k) * h + y) * w + x] = data[((b * h + y) * w + x) * c + k] as number;
  return out;
}
