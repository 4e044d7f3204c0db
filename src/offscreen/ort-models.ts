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
import { browserOrt, hasWebGpu, type OrtModule } from './ort-runtime.js';
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
  hasWebGpu(): Promise<boolean>;
  /** The configured ORT build; called once, after hasWebGpu, with its answer. */
  runtime(webgpu: boolean): Promise<OrtModule>;
  modelBytes(id: string): Promise<Uint8Array>;
  createSession(runtime: OrtModule, bytes: Uint8Array, provider: Provider): Promise<ort.InferenceSession>;
}

export interface LoadedModels {
  models: EngineModels;
  backend: Provider;
  release(): Promise<void>;
}

async function modelBytes(id: string): Promise<Uint8Array> {
  const res = await fetch(ext.runtime.getURL(`models/${id}.onnx`));
  if (!res.ok) throw new Error(`model ${id} is missing from the extension package (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

const browserSources: ModelSources = {
  hasWebGpu,
  runtime: browserOrt,
  modelBytes,
  createSession: (runtime, bytes, provider) => runtime.InferenceSession.create(bytes, { executionProviders: [provider], graphOptimizationLevel: 'all' }),
};

/** All four sessions at once (their model fetches and set-up overlap); if one fails, the others are released. */
async function createSessions(sources: ModelSources, runtime: OrtModule, provider: Provider, bytes: Uint8Array[]): Promise<ort.InferenceSession[]> {
  const settled = await Promise.allSettled(bytes.map((b) => sources.createSession(runtime, b, provider)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (!failed) return settled.map((s) => (s as PromiseFulfilledResult<ort.InferenceSession>).value);
  await Promise.allSettled(settled.map((s) => (s.status === 'fulfilled' ? s.value.release() : undefined)));
  throw failed.reason;
}

function runner(runtime: OrtModule, session: ort.InferenceSession, queue: ReturnType<typeof serialQueue>): ModelRunner {
  return {
    run: (feeds) =>
      queue(async () => {
        const inputs: Record<string, ort.Tensor> = {};
        for (const [name, t] of Object.entries(feeds)) inputs[name] = new runtime.Tensor('float32', t.data, [...t.dims]);
        const result = await session.run(inputs);
        const out: Record<string, TensorData> = {};
        for (const [name, t] of Object.entries(result)) out[name] = { data: (await t.getData()) as Float32Array, dims: t.dims };
        return out;
      }),
  };
}

export async function loadModels(sources: ModelSources = browserSources): Promise<LoadedModels> {
  const ids = [MODEL_IDS.detector, MODEL_IDS.verifier, MODEL_IDS.landmarks, MODEL_IDS.embedder];
  const fetched = Promise.all(ids.map((id) => sources.modelBytes(id)));
  const webgpu = await sources.hasWebGpu();
  const runtime = await sources.runtime(webgpu);
  const bytes = await fetched;
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
  sessions ??= await createSessions(sources, runtime, 'wasm', bytes);
  log.info(`models loaded on ${backend} (${String(runtime.env.wasm.numThreads)} WASM threads, crossOriginIsolated=${String(globalThis.crossOriginIsolated)})`);
  const queue = serialQueue();
  const [detector, verifier, landmarks, embedder] = sessions.map((s) => runner(runtime, s, queue)) as [ModelRunner, ModelRunner, ModelRunner, ModelRunner];
  const all = sessions;
  return {
    models: { detector, verifier, landmarks, embedder },
    backend,
    release: async () => {
      await Promise.allSettled(all.map((s) => s.release()));
    },
  };
}
