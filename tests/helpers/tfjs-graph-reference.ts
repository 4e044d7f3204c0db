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
