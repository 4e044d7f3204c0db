/**
 * The race on a real GPU with no timing yet (issue 12): pages are served on WASM at once, then
 * WebGPU is raced against WASM on real photos and the faster kept, with its timing saved. Node
 * has no WebGPU, so the "webgpu" sessions are real onnxruntime-web sessions of the shipped
 * models behind the platform boundary (ModelSources), one side slowed by a fixed delay per run:
 * the race must find which, and the faces must be the same after a switch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as ort from 'onnxruntime-web';
import { beforeAll, expect, it } from 'vitest';
import { analyseImage } from '../../src/engine/engine.js';
import type { RgbaImage } from '../../src/engine/types.js';
import { decodeImage } from '../../src/node/decode-image.js';
import type { BackendTiming } from '../../src/offscreen/backend-choice.js';
import { loadModels, type ModelSources, type Provider } from '../../src/offscreen/ort-models.js';
import { readBuiltModel } from '../helpers/built-models.js';
import { facesDir } from '../helpers/faces-dir.js';
import { fixedChoice } from '../helpers/fixed-choice.js';
import { nodeOrtRuntime } from '../helpers/ort-web-node.js';

let sheldon: RgbaImage;
beforeAll(async () => {
  sheldon = (await decodeImage(new Uint8Array(readFileSync(join(facesDir(), 'face-api.js/identities/sheldon/sheldon1.png'))))).image;
});

/** The session, with every run delayed by `ms`. */
function delayed(session: ort.InferenceSession, ms: number): ort.InferenceSession {
  return new Proxy(session, {
    get(target, prop) {
      if (prop === 'run') return async (...args: Parameters<ort.InferenceSession['run']>) => (await new Promise((r) => setTimeout(r, ms)), target.run(...args));
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function racingSources(slower: Provider | 'webgpu-fails') {
  const created: Provider[] = [];
  const saved: BackendTiming[] = [];
  const gpu: ort.InferenceSession[] = [];
  const sources: ModelSources = {
    choose: () => Promise.resolve(fixedChoice('wasm', true)),
    saveTiming: (t) => saved.push(t),
    runtime: nodeOrtRuntime,
    modelBytes: readBuiltModel,
    createSession: async (runtime, bytes, provider) => {
      created.push(provider);
      if (provider === 'webgpu' && slower === 'webgpu-fails') throw new Error('no kernel for this op');
      const session = await runtime.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
      if (provider === 'webgpu') gpu.push(session);
      return delayed(session, provider === slower ? 25 : 0);
    },
  };
  return { sources, created, saved, gpu };
}

/** A valid input of the first model (the detector): a live session runs it, a released one cannot. */
const detectorFeed = async () => {
  const ort = await nodeOrtRuntime();
  return { input: new ort.Tensor('float32', new Float32Array(3 * 256 * 256), [1, 3, 256, 256]) };
};

const race = (photo: RgbaImage) => async (models: Parameters<typeof analyseImage>[0]) => analyseImage(models, photo);
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);

it('serves on WASM first, then keeps WebGPU when it won the race, with the same faces', async () => {
  const run = racingSources('wasm');
  const loaded = await loadModels(run.sources);
  try {
    expect([loaded.backend, loaded.raceDue, loaded.why]).toEqual(['wasm', true, 'WASM (chosen by the test)']);
    const before = await analyseImage(loaded.models, sheldon);
    expect(run.created).toEqual(['wasm', 'wasm', 'wasm', 'wasm', 'wasm']);
    await loaded.race(race(sheldon));
    expect(loaded.backend).toBe('webgpu');
    expect(loaded.raceDue).toBe(false);
    expect(loaded.why).toMatch(/^WebGPU \(\d+\.\d× faster than WASM here\)$/);
    expect(run.saved).toHaveLength(1);
    expect(run.saved[0]!.key).toBe('test');
    expect(run.saved[0]!.webgpuMs!).toBeLessThan(run.saved[0]!.wasmMs / 1.15);
    const after = await analyseImage(loaded.models, sheldon);
    expect(after).toHaveLength(1);
    expect(dot(before[0]!.embedding, after[0]!.embedding)).toBeGreaterThan(0.999);
    // The winner's sessions are the live ones now.
    expect(Object.keys(await run.gpu[0]!.run(await detectorFeed()))).toContain('scores_16');
    // Raced once: another call does nothing.
    await loaded.race(race(sheldon));
    expect(run.created).toHaveLength(10);
  } finally {
    await loaded.release();
  }
}, 120_000);

it('stays on WASM when WebGPU lost the race, and lets the WebGPU sessions go', async () => {
  const run = racingSources('webgpu');
  const loaded = await loadModels(run.sources);
  try {
    await loaded.race(race(sheldon));
    expect(loaded.backend).toBe('wasm');
    expect(loaded.why).toMatch(/^WASM \(\d+\.\d× faster than WebGPU here\)$/);
    expect(run.saved[0]!.webgpuMs!).toBeGreaterThan(run.saved[0]!.wasmMs);
    // Queued behind the loser's release, this run finds it done.
    expect(await analyseImage(loaded.models, sheldon)).toHaveLength(1);
    await expect(run.gpu[0]!.run(await detectorFeed())).rejects.toThrow();
  } finally {
    await loaded.release();
  }
}, 120_000);

it('stays on WASM, saying why, when WebGPU cannot run the models', async () => {
  const run = racingSources('webgpu-fails');
  const loaded = await loadModels(run.sources);
  try {
    await loaded.race(race(sheldon));
    expect(loaded.backend).toBe('wasm');
    expect(loaded.why).toBe('WASM (WebGPU failed here: no kernel for this op)');
    expect(run.saved).toEqual([{ key: 'test', wasmMs: 0, webgpuMs: null, webgpuError: 'no kernel for this op' }]);
    expect(await analyseImage(loaded.models, sheldon)).toHaveLength(1);
  } finally {
    await loaded.release();
  }
}, 120_000);
