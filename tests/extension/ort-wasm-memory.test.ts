/**
 * onnxruntime-web's WebAssembly memory grows to the largest allocation it has seen and never
 * shrinks, so its peak is what the engine host holds for as long as it lives. The real models
 * on onnxruntime-web under Node (one thread, as the offscreen document runs them on 2 cores):
 * loading them and analysing the largest group photos stays within 112 MiB (it was 298 MiB
 * before the lookup-table dequantisation and the smaller batches), and the smaller detector
 * batches give every region exactly the outputs one large batch gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyseImage } from '../../src/engine/engine.js';
import { resizeLetterbox } from '../../src/engine/align/warp.js';
import { BLAZEFACE_INPUT_SIZE } from '../../src/engine/detect/anchors.js';
import { tileRegions } from '../../src/engine/detect/regions.js';
import { BLAZEFACE_MEAN, BLAZEFACE_STD } from '../../src/engine/detect/run-detector.js';
import type { TensorData } from '../../src/engine/runtime.js';
import type { RgbaImage } from '../../src/engine/types.js';
import { decodeImage } from '../../src/node/decode-image.js';
import { loadModels, type LoadedModels } from '../../src/offscreen/ort-models.js';
import { readBuiltModel } from '../helpers/built-models.js';
import { facesDir } from '../helpers/faces-dir.js';
import { nodeOrtRuntime } from '../helpers/ort-web-node.js';
import { fixedChoice } from '../helpers/fixed-choice.js';

const NativeMemory = WebAssembly.Memory;
const memories: WebAssembly.Memory[] = [];
/** Records every WebAssembly memory created from JS: ORT creates its one that way. */
class RecordedMemory extends NativeMemory {
  constructor(descriptor: WebAssembly.MemoryDescriptor) {
    super(descriptor);
    memories.push(this);
  }
}
const wasmMiB = () => memories.reduce((sum, m) => sum + m.buffer.byteLength, 0) / 2 ** 20;

let loaded: LoadedModels;
beforeAll(async () => {
  (WebAssembly as { Memory: typeof WebAssembly.Memory }).Memory = RecordedMemory;
  loaded = await loadModels({
    choose: () => Promise.resolve(fixedChoice('wasm')),
    saveTiming: () => undefined,
    runtime: nodeOrtRuntime,
    modelBytes: readBuiltModel,
    createSession: (runtime, bytes, provider) => runtime.InferenceSession.create(bytes, { executionProviders: [provider], graphOptimizationLevel: 'all' }),
  });
});
afterAll(async () => {
  await loaded.release();
  (WebAssembly as { Memory: typeof WebAssembly.Memory }).Memory = NativeMemory;
});

async function photo(path: string): Promise<RgbaImage> {
  return (await decodeImage(new Uint8Array(readFileSync(join(facesDir(), path))))).image;
}

it('loads the four models and analyses the largest group photos within 112 MiB of WebAssembly memory', async () => {
  expect(memories).toHaveLength(1);
  const afterLoad = wasmMiB();
  expect(afterLoad).toBeLessThanOrEqual(112);
  const faces: number[] = [];
  for (const path of ['human/in/group-1.jpg', 'human/in/solvay1927.jpg']) faces.push((await analyseImage(loaded.models, await photo(path))).length);
  expect(faces).toEqual([14, 29]);
  expect(wasmMiB()).toBe(afterLoad);
});

it('gives each region the same detector outputs in batches of 4 as in one batch of 10', async () => {
  const img = await photo('human/in/person-vlado1.jpg');
  const regions = [[0, 0, img.width, img.height] as const, ...tileRegions(img.width, img.height, 0.5)];
  expect(regions).toHaveLength(10);
  const plane = 3 * BLAZEFACE_INPUT_SIZE * BLAZEFACE_INPUT_SIZE;
  const input = (from: number, to: number): TensorData => {
    const data = new Float32Array((to - from) * plane);
    regions.slice(from, to).forEach((r, i) => data.set(resizeLetterbox(img, BLAZEFACE_INPUT_SIZE, BLAZEFACE_MEAN, BLAZEFACE_STD, [...r]).tensor, i * plane));
    return { data, dims: [to - from, 3, BLAZEFACE_INPUT_SIZE, BLAZEFACE_INPUT_SIZE] };
  };
  const whole = await loaded.models.detector.run({ input: input(0, 10) });
  const chunks = [await loaded.models.detector.run({ input: input(0, 4) }), await loaded.models.detector.run({ input: input(4, 8) }), await loaded.models.detector.run({ input: input(8, 10) })];
  for (const name of ['scores_16', 'scores_8', 'regressors_16', 'regressors_8']) {
    const joined = Float32Array.from(chunks.flatMap((c) => Array.from(c[name]!.data)));
    expect(joined).toEqual(whole[name]!.data);
  }
});
