/**
 * WebGPU lost while in use: the engine host moves the same real models to WASM, logs it, and
 * the run that hit the loss is answered. Node has no WebGPU, so the "webgpu" sessions are real
 * onnxruntime-web sessions created through the platform boundary (ModelSources) and the loss is
 * injected there: the GPU's sessions die (released, as a lost device leaves them) or the
 * device's `lost` promise settles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { analyseImage } from '../../src/engine/engine.js';
import type { RgbaImage } from '../../src/engine/types.js';
import { decodeImage } from '../../src/node/decode-image.js';
import { loadModels, type ModelSources, type Provider } from '../../src/offscreen/ort-models.js';
import { setLogSink, type Level, type Sink } from '../../src/shared/logger.js';
import { readBuiltModel } from '../helpers/built-models.js';
import { nodeOrtRuntime } from '../helpers/ort-web-node.js';
import { facesDir } from '../helpers/faces-dir.js';
import { fixedChoice } from '../helpers/fixed-choice.js';

const restoreSink: Sink = (level, scope, message) => process.stderr.write(`[facetag:${scope}] ${level} ${message}\n`);
afterEach(() => setLogSink(restoreSink, 'info'));

let sheldon: RgbaImage;
beforeAll(async () => {
  sheldon = (await decodeImage(new Uint8Array(readFileSync(join(facesDir(), 'face-api.js/identities/sheldon/sheldon1.png'))))).image;
});

/** Sources whose "webgpu" sessions the test can kill, and whose device it can lose. */
function gpuSources() {
  const created: Provider[] = [];
  const gpuSessions: ort.InferenceSession[] = [];
  let loseDevice: (why: string) => void = () => undefined;
  const sources: ModelSources = {
    choose: () => Promise.resolve(fixedChoice('webgpu')),
    saveTiming: () => undefined,
    runtime: nodeOrtRuntime,
    modelBytes: readBuiltModel,
    createSession: async (runtime, bytes, provider) => {
      created.push(provider);
      const session = await runtime.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
      if (provider === 'webgpu') gpuSessions.push(session);
      return session;
    },
    deviceLost: () => new Promise((resolve) => (loseDevice = resolve)),
  };
  return { sources, created, gpuSessions, lose: (why: string) => loseDevice(why) };
}

function capture() {
  const logged: { level: Level; scope: string; message: string }[] = [];
  setLogSink((level, scope, message) => logged.push({ level, scope, message }), 'info');
  return logged;
}

it('reruns on WASM when a run fails on the lost GPU, and stays there', async () => {
  const logged = capture();
  const gpu = gpuSources();
  const loaded = await loadModels(gpu.sources);
  try {
    expect(loaded.backend).toBe('webgpu');
    const before = await analyseImage(loaded.models, sheldon);
    expect(before).toHaveLength(1);
    // The device goes: every GPU session is dead before its `lost` promise has settled.
    await Promise.all(gpu.gpuSessions.map((s) => s.release()));
    const after = await analyseImage(loaded.models, sheldon);
    expect(after).toHaveLength(1);
    expect(loaded.backend).toBe('wasm');
    expect(gpu.created).toEqual(['webgpu', 'webgpu', 'webgpu', 'webgpu', 'webgpu', 'wasm', 'wasm', 'wasm', 'wasm', 'wasm']);
    // Same models, same face: the descriptors agree across the move.
    const dot = before[0]!.embedding.reduce((s, v, i) => s + v * after[0]!.embedding[i]!, 0);
    expect(dot).toBeGreaterThan(0.999);
    expect(logged.filter((l) => l.level === 'warn' && l.message.startsWith('WebGPU device lost, moving to WASM:'))).toHaveLength(1);
    expect(await analyseImage(loaded.models, sheldon)).toHaveLength(1);
    expect(gpu.created).toHaveLength(10);
  } finally {
    await loaded.release();
  }
}, 120_000);

it('moves to WASM when the device reports itself lost, before any run fails', async () => {
  const logged = capture();
  const gpu = gpuSources();
  const loaded = await loadModels(gpu.sources);
  try {
    gpu.lose('the GPU process was reset');
    await expect.poll(() => loaded.backend).toBe('wasm');
    expect(logged).toContainEqual({ level: 'warn', scope: 'ort', message: 'WebGPU device lost, moving to WASM: the GPU process was reset' });
    // The GPU sessions were released, and the analysis runs on the new WASM ones.
    await expect(gpu.gpuSessions[0]!.run({})).rejects.toThrow();
    expect(await analyseImage(loaded.models, sheldon)).toHaveLength(1);
  } finally {
    await loaded.release();
  }
}, 120_000);
