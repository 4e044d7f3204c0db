/**
 * The engine host's fallback: when WebGPU sessions cannot be created, the host creates WASM
 * sessions of the same real models, says so in the log, and those sessions analyse a real
 * photo. Only the WebGPU factory is replaced (Node has no WebGPU); the WASM path is
 * onnxruntime-web on the shipped ONNX files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { analyseImage } from '../../src/engine/engine.js';
import { decodeImage } from '../../src/node/decode-image.js';
import { loadModels, type Provider } from '../../src/offscreen/ort-models.js';
import { setLogSink, type Level, type Sink } from '../../src/shared/logger.js';
import { readBuiltModel } from '../helpers/built-models.js';
import { nodeOrtRuntime } from '../helpers/ort-web-node.js';
import { facesDir } from '../helpers/faces-dir.js';
import { fixedChoice } from '../helpers/fixed-choice.js';

// Later tests in this file log to stderr again (vitest gives every file its own logger module).
const restoreSink: Sink = (level, scope, message) => process.stderr.write(`[facetag:${scope}] ${level} ${message}\n`);
afterEach(() => setLogSink(restoreSink, 'info'));

it('falls back to WASM sessions of the real models when WebGPU session creation throws, and logs it', async () => {
  const logged: { level: Level; scope: string; message: string }[] = [];
  setLogSink((level, scope, message) => logged.push({ level, scope, message }), 'info');
  const created: Provider[] = [];
  const loaded = await loadModels({
    choose: () => Promise.resolve(fixedChoice('webgpu')),
    saveTiming: () => undefined,
    runtime: nodeOrtRuntime,
    modelBytes: readBuiltModel,
    createSession: async (runtime, bytes, provider) => {
      created.push(provider);
      if (provider === 'webgpu') throw new Error('no WebGPU device in this test');
      return runtime.InferenceSession.create(bytes, { executionProviders: [provider] });
    },
  });
  try {
    expect(loaded.backend).toBe('wasm');
    // The four sessions are created at once: four WebGPU attempts fail, then one WASM session per model.
    expect(created).toEqual(['webgpu', 'webgpu', 'webgpu', 'webgpu', 'webgpu', 'wasm', 'wasm', 'wasm', 'wasm', 'wasm']);
    expect(logged).toContainEqual({ level: 'warn', scope: 'ort', message: 'WebGPU failed, falling back to WASM: no WebGPU device in this test' });
    const { image } = await decodeImage(new Uint8Array(readFileSync(join(facesDir(), 'face-api.js/identities/sheldon/sheldon1.png'))));
    expect(await analyseImage(loaded.models, image)).toHaveLength(1);
  } finally {
    await loaded.release();
  }
}, 60_000);
