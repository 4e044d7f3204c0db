import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import type { ModelRunner, TensorData } from '../engine/runtime.js';

/** A runner whose native session must be released before the process exits (see engine-node.ts). */
export interface NodeRunner extends ModelRunner {
  release(): Promise<void>;
}

/** A ModelRunner over onnxruntime-node. One session per model; ORT serialises runs on a session itself. */
export async function createNodeRunner(modelPath: string, threads = 0): Promise<NodeRunner> {
  const session = await ort.InferenceSession.create(new Uint8Array(await readFile(modelPath)), {
    intraOpNumThreads: threads,
    graphOptimizationLevel: 'all',
  });
  return {
    async run(feeds) {
      const inputs: Record<string, ort.Tensor> = {};
      for (const [name, t] of Object.entries(feeds)) inputs[name] = new ort.Tensor('float32', t.data, [...t.dims]);
      const result = await session.run(inputs);
      const out: Record<string, TensorData> = {};
      for (const [name, t] of Object.entries(result)) {
        out[name] = { data: t.data as Float32Array, dims: t.dims };
      }
      return out;
    },
    release: () => session.release(),
  };
}
