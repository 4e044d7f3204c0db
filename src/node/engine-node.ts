import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineModels } from '../engine/runtime.js';
import { createNodeRunner } from './ort-node.js';

/** models/onnx of this checkout, where `npm run models` writes the models. */
export const DEFAULT_MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'onnx');

/**
 * The pipeline's models and the one way to free them. onnxruntime-node 1.30 aborts the process
 * now and then ("terminate called after throwing an instance of 'Napi::Error'", exit 134) when a
 * session is still alive as Node tears down, so every process that loads them releases them first.
 */
export interface NodeModels extends EngineModels {
  release(): Promise<void>;
}

/**
 * Loads the default pipeline's models with onnxruntime-node, once each. One intra-op thread by
 * default: these models are small, and on 2 cores a second thread measured slower (thread
 * hand-offs cost more than they save, more so when the machine is busy); see docs/BENCHMARKS.md.
 */
export async function loadNodeModels(dir = DEFAULT_MODELS_DIR, threads = 1): Promise<NodeModels> {
  const load = (id: string) =>
    createNodeRunner(join(dir, `${id}.onnx`), threads).catch((error: unknown) => {
      throw new Error(`cannot load model ${id} from ${dir} (run \`npm run models\`): ${error instanceof Error ? error.message : String(error)}`);
    });
  const loaded = await Promise.allSettled(['blazeface-back', 'blazeface-front', 'facemesh', 'landmarks-68', 'dlib-resnet'].map(load));
  const runners = loaded.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const release = async () => {
    await Promise.allSettled(runners.map((r) => r.release()));
  };
  const failed = loaded.find((r) => r.status === 'rejected');
  if (failed) {
    await release();
    throw failed.reason;
  }
  const [detector, refiner, verifier, landmarks, embedder] = runners;
  return { detector: detector!, refiner: refiner!, verifier: verifier!, landmarks: landmarks!, embedder: embedder!, release };
}
