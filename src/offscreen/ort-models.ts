/**
 * The engine's models on onnxruntime-web: one ORT environment, each model's session created
 * once, every run through one queue. WebGPU is tried first where the browser offers an
 * adapter; any failure there falls back to WASM, with threads when the page is
 * crossOriginIsolated (the offscreen document is, through the manifest's COOP/COEP).
 */
import type * as ort from 'onnxruntime-web';
import type { EngineModels, ModelRunner, TensorData } from '../engine/runtime.js';
import { ext } from '../platform/ext.js';
import { logger } from '../shared/logger.js';
import { errorMessage } from '../shared/result.js';
import { verifiedModel } from './model-integrity.js';
import { browserOrt, hasWebGpu, type OrtModule } from './ort-runtime.js';
import { serialQueue } from './serial-queue.js';

const log = logger('ort');
export const MODEL_IDS = { detector: 'blazeface-back', refiner: 'blazeface-front', verifier: 'facemesh', landmarks: 'landmarks-68', embedder: 'dlib-resnet' } as const;

export type Provider = 'webgpu' | 'wasm';

/**
 * Where loadModels gets its environment, model bytes and sessions. The browser's are the
 * default; the unit test swaps in a WebGPU that fails and model files read from disk, so the
 * fallback path runs without a browser.
 */
export interface ModelSources {
  hasWebGpu(): Promise<boolean>;
  /** The configured ORT build; called once, after hasWebGpu, with its answer. */
  runtime(webgpu: boolean): Promise<OrtModule>;
  modelBytes(id: string): Promise<Uint8Array>;
  createSession(runtime: OrtModule, bytes: Uint8Array, provider: Provider): Promise<ort.InferenceSession>;
  /** Settles with the reason when the WebGPU device is lost (only asked once WebGPU sessions exist). */
  deviceLost?(runtime: OrtModule): Promise<string>;
}

export interface LoadedModels {
  models: EngineModels;
  /** Can change from webgpu to wasm when the GPU device is lost. */
  readonly backend: Provider;
  release(): Promise<void>;
}

/** The shipped model file, verified against its build-time sha256 (see model-integrity.ts). */
export function modelBytes(id: string): Promise<Uint8Array> {
  return verifiedModel(id, async () => {
    const res = await fetch(ext.runtime.getURL(`models/${id}.onnx`));
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
  });
}

const browserSources: ModelSources = {
  hasWebGpu,
  runtime: browserOrt,
  modelBytes,
  createSession: (runtime, bytes, provider) => runtime.InferenceSession.create(bytes, { executionProviders: [provider], graphOptimizationLevel: 'all' }),
  deviceLost: async (runtime) => {
    // ORT's device, once its WebGPU backend is up; `lost` settles when the GPU resets or is removed.
    const device = (await runtime.env.webgpu.device) as { lost: Promise<{ message: string }> };
    return (await device.lost).message || 'device lost';
  },
};

/** All sessions at once (their model fetches and set-up overlap); if one fails, the others are released. */
async function createSessions(sources: ModelSources, runtime: OrtModule, provider: Provider, bytes: Uint8Array[]): Promise<ort.InferenceSession[]> {
  const settled = await Promise.allSettled(bytes.map((b) => sources.createSession(runtime, b, provider)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (!failed) return settled.map((s) => (s as PromiseFulfilledResult<ort.InferenceSession>).value);
  await Promise.allSettled(settled.map((s) => (s.status === 'fulfilled' ? s.value.release() : undefined)));
  throw failed.reason;
}

async function runSession(runtime: OrtModule, session: ort.InferenceSession, feeds: Record<string, TensorData>): Promise<Record<string, TensorData>> {
  const inputs: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) inputs[name] = new runtime.Tensor('float32', t.data, [...t.dims]);
  const result = await session.run(inputs);
  const out: Record<string, TensorData> = {};
  for (const [name, t] of Object.entries(result)) out[name] = { data: (await t.getData()) as Float32Array, dims: t.dims };
  return out;
}

export async function loadModels(sources: ModelSources = browserSources): Promise<LoadedModels> {
  const ids = [MODEL_IDS.detector, MODEL_IDS.refiner, MODEL_IDS.verifier, MODEL_IDS.landmarks, MODEL_IDS.embedder];
  const fetched = Promise.all(ids.map((id) => sources.modelBytes(id)));
  const webgpu = await sources.hasWebGpu();
  const runtime = await sources.runtime(webgpu);
  // Only WebGPU sessions keep the model files (9 MB), to move to WASM if the GPU is lost.
  let bytes: Uint8Array[] | null = await fetched;
  let backend: Provider = 'wasm';
  let sessions: ort.InferenceSession[] | null = null;
  if (webgpu) {
    try {
      sessions = await createSessions(sources, runtime, 'webgpu', bytes);
      backend = 'webgpu';
    } catch (error) {
      log.warn(`WebGPU failed, falling back to WASM: ${errorMessage(error)}`);
    }
  } else log.info('no WebGPU adapter; using WASM');
  if (!sessions) {
    sessions = await createSessions(sources, runtime, 'wasm', bytes);
    bytes = null;
  }
  log.info(`models loaded on ${backend} (${String(runtime.env.wasm.numThreads)} WASM threads, crossOriginIsolated=${String(globalThis.crossOriginIsolated)})`);
  const queue = serialQueue();
  let current = sessions;
  let toWasm: Promise<void> | null = null;
  /** A lost GPU device cannot come back: the same models move to WASM once, for good. */
  const moveToWasm = (why: string) =>
    (toWasm ??= (async () => {
      log.warn(`WebGPU device lost, moving to WASM: ${why}`);
      const lost = current;
      if (!bytes) throw new Error('no model files kept to move to WASM');
      current = await createSessions(sources, runtime, 'wasm', bytes);
      bytes = null;
      backend = 'wasm';
      await Promise.allSettled(lost.map((s) => s.release()));
    })());
  if (backend === 'webgpu') void sources.deviceLost?.(runtime).then((why) => queue(() => moveToWasm(why)));
  const runner = (index: number): ModelRunner => ({
    run: (feeds) =>
      queue(async () => {
        try {
          return await runSession(runtime, current[index]!, feeds);
        } catch (error) {
          // A run that fails on WebGPU is taken as the device gone (it may be lost before its promise settles).
          if (backend !== 'webgpu') throw error;
          await moveToWasm(errorMessage(error));
          return runSession(runtime, current[index]!, feeds);
        }
      }),
  });
  return {
    models: { detector: runner(0), refiner: runner(1), verifier: runner(2), landmarks: runner(3), embedder: runner(4) },
    get backend() {
      return backend;
    },
    release: async () => {
      await Promise.allSettled(current.map((s) => s.release()));
    },
  };
}
