/**
 * The engine's models on onnxruntime-web: one ORT environment, each model's session created
 * once, every run through one queue. The backend is chosen by backend-choice.ts: WebGPU only
 * where it was measured faster (or the test switch forces it); a WebGPU failure or a lost
 * device moves the same models to WASM, logged. WASM uses threads when the document is
 * crossOriginIsolated (the offscreen document is, through the manifest's COOP/COEP).
 */
import type * as ort from 'onnxruntime-web';
import type { EngineModels, ModelRunner, TensorData } from '../engine/runtime.js';
import { logger } from '../shared/logger.js';
import { errorMessage } from '../shared/result.js';
import { choiceFromTiming, lostChoice, type BackendChoice, type BackendTiming, type Provider } from './backend-choice.js';
import { withinMs } from './deadline.js';
import { raceBackends, type ClockedModels, type RaceWork } from './backend-race.js';
import type { OrtModule } from './ort-runtime.js';
import { serialQueue } from './serial-queue.js';

const log = logger('ort');
export const MODEL_IDS = { detector: 'blazeface-back', refiner: 'blazeface-front', verifier: 'facemesh', landmarks: 'landmarks-68', embedder: 'dlib-resnet' } as const;
const ORDER = [MODEL_IDS.detector, MODEL_IDS.refiner, MODEL_IDS.verifier, MODEL_IDS.landmarks, MODEL_IDS.embedder];
export type { Provider };

/**
 * Where loadModels gets its choice, environment, model bytes and sessions. The browser's are
 * in browser-sources.ts; the unit tests use onnxruntime-web in Node and stand-in "WebGPU"
 * sessions, so the choice, the race and the fallbacks run without a browser.
 */
export interface ModelSources {
  choose(): Promise<BackendChoice>;
  /** Keeps a race's timing for the next start. */
  saveTiming(timing: BackendTiming): void;
  /** The configured ORT build; `webgpu`: the WebGPU-capable one (loaded only when WebGPU may run). */
  runtime(webgpu: boolean): Promise<OrtModule>;
  modelBytes(id: string): Promise<Uint8Array>;
  createSession(runtime: OrtModule, bytes: Uint8Array, provider: Provider): Promise<ort.InferenceSession>;
  /** Settles with the reason when the WebGPU device is lost (only asked once WebGPU sessions exist). */
  deviceLost?(runtime: OrtModule): Promise<string>;
}

export interface LoadedModels {
  models: EngineModels;
  /** Can change: to WebGPU when a race finds it faster, to WASM when the device is lost. */
  readonly backend: Provider;
  /** The popup's engine line: which backend runs, and why. */
  readonly why: string;
  /** A race is due: WebGPU against WASM on the photos `work` analyses (only once, on a real GPU with no timing yet). */
  readonly raceDue: boolean;
  race(work: RaceWork): Promise<void>;
  release(): Promise<void>;
}

/** All sessions at once (their set-up overlaps); if one fails, the others are released. */
async function createSessions(sources: ModelSources, runtime: OrtModule, provider: Provider, bytes: Uint8Array[]): Promise<ort.InferenceSession[]> {
  const settled = await Promise.allSettled(bytes.map((b) => sources.createSession(runtime, b, provider)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (!failed) return settled.map((s) => (s as PromiseFulfilledResult<ort.InferenceSession>).value);
  await Promise.allSettled(settled.map((s) => (s.status === 'fulfilled' ? s.value.release() : undefined)));
  throw failed.reason;
}

const releaseAll = async (sessions: ort.InferenceSession[]) => {
  await Promise.allSettled(sessions.map((s) => s.release()));
};

async function runSession(runtime: OrtModule, session: ort.InferenceSession, feeds: Record<string, TensorData>): Promise<Record<string, TensorData>> {
  const inputs: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) inputs[name] = new runtime.Tensor('float32', t.data, [...t.dims]);
  const result = await session.run(inputs);
  const out: Record<string, TensorData> = {};
  for (const [name, t] of Object.entries(result)) out[name] = { data: (await t.getData()) as Float32Array, dims: t.dims };
  return out;
}

/**
 * A WebGPU that hangs must not keep the race open: past this it counts as failed (a page run
 * stuck behind it meets the engine host's own run deadline, which replaces the runtime). A real
 * GPU's race takes seconds; one this long has lost anyway (SwiftShader's took 30-60 s).
 */
const RACE_DEADLINE_MS = 120_000;

export async function loadModels(sources: ModelSources): Promise<LoadedModels> {
  const fetched = Promise.all(ORDER.map((id) => sources.modelBytes(id)));
  let choice = await sources.choose();
  const runtime = await sources.runtime(choice.backend === 'webgpu' || choice.measure);
  // Kept only while a move to WASM or a race may still need them (9 MB).
  let bytes: Uint8Array[] | null = await fetched;
  let gpuFirst: ort.InferenceSession[] | null = null;
  if (choice.backend === 'webgpu') {
    try {
      gpuFirst = await createSessions(sources, runtime, 'webgpu', bytes);
    } catch (error) {
      log.warn(`WebGPU failed, falling back to WASM: ${errorMessage(error)}`);
      choice = { backend: 'wasm', why: `WASM (WebGPU failed: ${errorMessage(error)})`, measure: false, key: choice.key };
    }
  }
  let live: ort.InferenceSession[] = gpuFirst ?? (await createSessions(sources, runtime, 'wasm', bytes));
  if (choice.backend === 'wasm' && !choice.measure) bytes = null;
  log.info(`models loaded: ${choice.why}; ${String(runtime.env.wasm.numThreads)} WASM threads, crossOriginIsolated=${String(globalThis.crossOriginIsolated)}`);
  const queue = serialQueue();
  let toWasm: Promise<void> | null = null;

  /** A lost GPU device cannot come back: the same models move to WASM once, for good. */
  const moveToWasm = (why: string) =>
    (toWasm ??= (async () => {
      log.warn(`WebGPU device lost, moving to WASM: ${why}`);
      const lost = live;
      if (!bytes) throw new Error('no model files kept to move to WASM');
      live = await createSessions(sources, runtime, 'wasm', bytes);
      bytes = null;
      choice = lostChoice(why, choice.key);
      await releaseAll(lost);
    })());
  const watchLoss = () => void sources.deviceLost?.(runtime).then((why) => queue(() => moveToWasm(why)));
  if (choice.backend === 'webgpu') watchLoss();

  const runner = (index: number, sessions: () => ort.InferenceSession[], clock?: { ms: number }): ModelRunner => ({
    run: (feeds) =>
      queue(async () => {
        const start = performance.now();
        try {
          return await runSession(runtime, sessions()[index]!, feeds);
        } catch (error) {
          // A run that fails on WebGPU is taken as the device gone (it may be lost before its promise settles).
          if (clock || choice.backend !== 'webgpu') throw error;
          await moveToWasm(errorMessage(error));
          return runSession(runtime, sessions()[index]!, feeds);
        } finally {
          if (clock) clock.ms += performance.now() - start;
        }
      }),
  });
  const modelsOver = (sessions: () => ort.InferenceSession[], clock?: { ms: number }): EngineModels => ({
    detector: runner(0, sessions, clock), refiner: runner(1, sessions, clock), verifier: runner(2, sessions, clock), landmarks: runner(3, sessions, clock), embedder: runner(4, sessions, clock),
  });

  const race = async (work: RaceWork) => {
    if (!choice.measure || !bytes) return;
    const key = choice.key;
    choice = { ...choice, measure: false };
    let gpu: ort.InferenceSession[] = [];
    let timing: BackendTiming;
    try {
      gpu = await createSessions(sources, runtime, 'webgpu', bytes);
      const wasmClock = { ms: 0 };
      const gpuClock = { ms: 0 };
      const wasmSide: ClockedModels = { models: modelsOver(() => live, wasmClock), clock: wasmClock };
      const gpuSide: ClockedModels = { models: modelsOver(() => gpu, gpuClock), clock: gpuClock };
      timing = { key, ...(await withinMs(raceBackends(work, wasmSide, gpuSide), RACE_DEADLINE_MS, () => `the race did not finish within ${RACE_DEADLINE_MS / 1000} s`)) };
    } catch (error) {
      timing = { key, wasmMs: 0, webgpuMs: null, webgpuError: errorMessage(error) };
    }
    const next = choiceFromTiming(timing);
    const gpuWords = timing.webgpuMs === null ? 'WebGPU failed' : `WASM ${timing.wasmMs.toFixed(0)} ms, WebGPU ${timing.webgpuMs.toFixed(0)} ms of model time`;
    log.info(`raced WebGPU against WASM: ${gpuWords}; ${next.why}`);
    sources.saveTiming(timing);
    if (next.backend === 'webgpu') {
      // Swapped between two runs, so no run is inside the sessions released.
      await queue(async () => {
        const wasmSessions = live;
        live = gpu;
        choice = next;
        await releaseAll(wasmSessions);
        watchLoss();
      });
      return;
    }
    choice = next;
    bytes = null;
    // Not awaited: after a race that timed out, a WebGPU run may still hold the queue.
    void queue(() => releaseAll(gpu));
  };

  return {
    models: modelsOver(() => live),
    get backend() {
      return choice.backend;
    },
    get why() {
      return choice.why;
    },
    get raceDue() {
      return choice.measure;
    },
    race,
    release: async () => {
      await releaseAll(live);
    },
  };
}
