/**
 * The exact inputs the engine gives each of its five models on real photos: the engine runs in
 * Node on onnxruntime-web (WASM) with every model run recorded, so a parity check compares
 * backends on the crops, tiles and chips the pipeline really makes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseImage } from '../../../src/engine/engine.js';
import type { EngineModels, ModelRunner, TensorData } from '../../../src/engine/runtime.js';
import { decodeImage } from '../../../src/node/decode-image.js';
import { loadModels, MODEL_IDS } from '../../../src/offscreen/ort-models.js';
import { readBuiltModel } from '../../helpers/built-models.js';
import { facesDir } from '../../helpers/faces-dir.js';
import { fixedChoice } from '../../helpers/fixed-choice.js';
import { nodeOrtRuntime } from '../../helpers/ort-web-node.js';

export type ModelId = (typeof MODEL_IDS)[keyof typeof MODEL_IDS];
export type Feeds = Record<string, TensorData>;

export async function recordEngineFeeds(photos: readonly string[], perModel: number): Promise<Map<ModelId, Feeds[]>> {
  const loaded = await loadModels({ choose: () => Promise.resolve(fixedChoice('wasm')), saveTiming: () => undefined, runtime: nodeOrtRuntime, modelBytes: readBuiltModel, createSession: (ort, bytes) => ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] }) });
  const feeds = new Map<ModelId, Feeds[]>();
  const recorded = (role: keyof EngineModels): ModelRunner => ({
    run: (f) => {
      const kept = feeds.get(MODEL_IDS[role]) ?? [];
      if (kept.length < perModel) kept.push(Object.fromEntries(Object.entries(f).map(([k, t]) => [k, { data: t.data.slice(), dims: [...t.dims] }])));
      feeds.set(MODEL_IDS[role], kept);
      return loaded.models[role].run(f);
    },
  });
  try {
    const models: EngineModels = { detector: recorded('detector'), refiner: recorded('refiner'), verifier: recorded('verifier'), landmarks: recorded('landmarks'), embedder: recorded('embedder') };
    for (const photo of photos) await analyseImage(models, (await decodeImage(new Uint8Array(readFileSync(join(facesDir(), photo))))).image);
  } finally {
    await loaded.release();
  }
  return feeds;
}
