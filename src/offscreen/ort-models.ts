/**
 * The engine's models on onnxruntime-web: one ORT environment, each model's session created
 * once, every run through one queue. WebGPU is tried first where the browser offers an
 * adapter; any failure there falls back to WASM, with threads when the page is
 * crossOriginIsolated (the offscreen document is, through the manifest's COOP/COEP).
 */
import * as ort from 'onnxruntime-web';
import type { EngineModels, ModelRunner, TensorData } from '../engine/runtime.js';
import { ext } from '../platform/ext.js';
import { logger } from '../shared/logger.js';
import { errorMessage } from '../shared/result.js';
import { verifiedModel } from './model-integrity.js';
import { serialQueue } from './serial-queue.js';

const log = logger('ort');
export const MODEL_IDS = { detector: 'blazeface-back', verifier: 'facemesh', landmarks: 'landmarks-68', embedder: 'dlib-resnet' } as const;

export type Provider = 'webgpu' | 'wasm';

/**
 * Where loadModels gets its environment, model bytes and sessions. The browser's are the
 * default; the unit test swaps in a WebGPU that fails and model files read from disk, so the
 * fallback path runs without a browser.
 */
export interface ModelSources {
  configure(): void;
  hasWebGpu(): Promise<boolean>;
  modelBytes(id: string): Promise<Uint8Array>;
  createSession(bytes: Uint8Array, provider: Provider): Promise<ort.InferenceSession>;
  /** Settles with the reason when the WebGPU device is lost (only asked once WebGPU sessions exist). */
  deviceLost?(): Promise<string>;
}

export interface LoadedModels {
  models: EngineModels;
  /** Where runs go now: 'webgpu' can become 'wasm' when the device is lost. */
  readonly backend: Provider;
  release(): Promise<void>;
}

let configured = false;

function configureEnv(): void {
  if (configured) return;
  configured = true;
  // The WASM binaries ship in the package under ort/; without this ORT would fetch them from a CDN.
  ort.env.wasm.wasmPaths = ext.runtime.getURL('ort/');
  ort.env.wasm.numThreads = globalThis.crossOriginIsolated ? Math.max(1, Math.min(4, navigator.hardwareConcurrency - 1)) : 1;
  ort.env.logLevel = 'warning';
}

async function hasWebGpu(): Promise<boolean> {
  const gpu = (navigator as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) !== null;
  } catch {
    return false;
  }
}

/** The shipped model file, verified against its build-time sha256 (see model-integrity.ts). */
export function modelBytes(id: string): Promise<Uint8Array> {
  return verifiedModel(id, async () => {
    const res = await fetch(ext.runtime.getURL(`models/${id}.onnx`));
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
  });
}

const browserSources: ModelSources = {
  configure: configureEnv,
  hasWebGpu,
  modelBytes,
  createSession: (bytes, provider) => ort.InferenceSession.create(bytes, { executionProviders: [provider], graphOptimizationLevel: 'all' }),
  deviceLost: async () => {
    // ORT's device, once its WebGPU backend is up; `lost` settles when the GPU resets or is removed.
    const device = (await ort.env.webgpu.device) as { lost: Promise<{ message: string }> };
    return (await device.lost).message || 'device lost';
  },
};

async function createSessions(sources: ModelSources, provider: Provider, bytes: Uint8Array[]): Promise<ort.InferenceSession[]> {
  const sessions: ort.InferenceSession[] = [];
  try {
    for (const b of bytes) sessions.push(await sources.createSession(b, provider));
    return sessions;
  } catch (error) {
    await Promise.allSettled(sessions.map((s) => s.release()));
    throw error;
  }
}

async function runSession(session: ort.InferenceSession, feeds: Record<string, TensorData>): Promise<Record<string, TensorData>> {
  const inputs: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) inputs[name] = new ort.Tensor('float32', t.data, [...t.dims]);
  const result = await session.run(inputs);
  const out: Record<string, TensorData> = {};
  for (const [name, t] of Object.entries(result)) out[name] = { data: (await t.getData()) as Float32Array, dims: t.dims };
  return out;
}

export async function loadModels(sources: ModelSources = browserSources): Promise<LoadedModels> {
  sources.configure();
  const ids = [MODEL_IDS.detector, MODEL_IDS.verifier, MODEL_IDS.landmarks, MODEL_IDS.embedder];
  const bytes = await Promise.all(ids.map((id) => sources.modelBytes(id)));
  let backend: Provider = 'wasm';
  let sessions: ort.InferenceSession[] | null = null;
  if (await sources.hasWebGpu()) {
    try {
      sessions = await createSessions(sources, 'webgpu', bytes);
      backend = 'webgpu';
    } catch (error) {
      log.warn(`WebGPU failed, falling back to WASM: ${errorMessage(error)}`);
    }
  } else log.info('no WebGPU adapter; using WASM');
  sessions ??= await createSessions(sources, 'wasm', bytes);
  log.info(`models loaded on ${backend} (${ort.env.wasm.numThreads} WASM threads, crossOriginIsolated=${String(globalThis.crossOriginIsolated)})`);
  const queue = serialQueue();
  let current = sessions;
  let toWasm: Promise<void> | null = null;
  /** A lost GPU device cannot come back: the same models move to WASM once, for good. */
  const moveToWasm = (why: string) =>
    (toWasm ??= (async () => {
      log.warn(`WebGPU device lost, moving to WASM: ${why}`);
      const lost = current;
      current = await createSessions(sources, 'wasm', bytes);
      backend = 'wasm';
      await Promise.allSettled(lost.map((s) => s.release()));
    })());
  if (backend === 'webgpu') void sources.deviceLost?.().then((why) => queue(() => moveToWasm(why)));
  const runner = (index: number): ModelRunner => ({
    run: (feeds) =>
      queue(async () => {
        try {
          return await runSession(current[index]!, feeds);
        } catch (error) {
          // A run that fails on WebGPU is taken as the device gone (it may be lost before its promise settles).
          if (backend !== 'webgpu') throw error;
          await moveToWasm(errorMessage(error));
          return runSession(current[index]!, feeds);
        }
      }),
  });
  return {
    models: { detector: runner(0), verifier: runner(1), landmarks: runner(2), embedder: runner(3) },
    get backend() {
      return backend;
    },
    release: async () => {
      await Promise.allSettled(current.map((s) => s.release()));
    },
  };
}
