import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineModels } from '../engine/runtime.js';
import { createNodeRunner } from './ort-node.js';

/** models/onnx of this checkout, where `npm run models` writes the models. */
export const DEFAULT_MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'onnx');

/**
 * Loads the default pipeline's models with onnxruntime-node, once each. One intra-op thread by
 * default: these models are small, and on 2 cores a second thread measured slower (thread
 * hand-offs cost more than they save, more so when the machine is busy); see docs/BENCHMARKS.md.
 */
export async function loadNodeModels(dir = DEFAULT_MODELS_DIR, threads = 1): Promise<EngineModels> {
  const load = (id: string) =>
    createNodeRunner(join(dir, `${id}.onnx`), threads).catch((error: unknown) => {
      throw new Error(`cannot load model ${id} from ${dir} (run \`npm run models\`): ${error instanceof Error ? error.message : String(error)}`);
    });
  const [detector, refiner, verifier, landmarks, embedder] = await Promise.all(['blazeface-back', 'blazeface-front', 'facemesh', 'landmarks-68', 'dlib-resnet'].map(load));
  return { detector: detector!, refiner: refiner!, verifier: verifier!, landmarks: landmarks!, embedder: embedder! };
}
