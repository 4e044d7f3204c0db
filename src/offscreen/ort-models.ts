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
import { serialQueue } from './serial-queue.js';

const log = logger('ort');
const MODEL_IDS = { detector: 'blazeface-back', verifier: 'facemesh', landmarks: 'landmarks-68', embedder: 'dlib-resnet' } as const;

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
}

export interface LoadedModels {
  models: EngineModels;
  backend: Provider;
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

async function modelBytes(id: string): Promise<Uint8Array> {
  const res = await fetch(ext.runtime.getURL(`models/${id}.onnx`));
  if (!res.ok) throw new Error(`model ${id} is missing from the extension package (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

const browserSources: ModelSources = {
  configure: configureEnv,
  hasWebGpu,
  modelBytes,
  createSession: (bytes, provider) => ort.InferenceSession.create(bytes, { executionProviders: [provider], graphOptimizationLevel: 'all' }),
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

function runner(session: ort.InferenceSession, queue: ReturnType<typeof serialQueue>): ModelRunner {
  return {
    run: (feeds) =>
      queue(async () => {
        const inputs: Record<string, ort.Tensor> = {};
        for (const [name, t] of Object.entries(feeds)) inputs[name] = new ort.Tensor('float32', t.data, [...t.dims]);
        const result = await session.run(inputs);
        const out: Record<string, TensorData> = {};
        for (const [name, t] of Object.entries(result)) out[name] = { data: (await t.getData()) as Float32Array, dims: t.dims };
        return out;
      }),
  };
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
  const [detector, verifier, landmarks, embedder] = sessions.map((s) => runner(s, queue)) as [ModelRunner, ModelRunner, ModelRunner, ModelRunner];
  const all = sessions;
  return {
    models: { detector, verifier, landmarks, embedder },
    backend,
    release: async () => {
      await Promise.allSettled(all.map((s) => s.release()));
    },
  };
}
