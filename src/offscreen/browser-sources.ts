/** The browser's ModelSources: the measured backend choice, ORT from the package, the shipped model files. */
import { ext } from '../platform/ext.js';
import { chooseBackend, timingKey, type BackendChoice } from './backend-choice.js';
import { loadTiming, saveTiming } from './backend-timing.js';
import { EXTENSION_VERSION, FORCE_WEBGPU_FOR_TESTS, RACE_SOFTWARE_ADAPTER_FOR_TESTS, WEBGPU_RUNTIME_SHIPPED } from './build-flags.js';
import { probeAdapter } from './gpu-adapter.js';
import { verifiedModel } from './model-integrity.js';
import type { ModelSources } from './ort-models.js';
import { browserOrt } from './ort-runtime.js';

/** The shipped model file, verified against its build-time sha256 (see model-integrity.ts). */
export function modelBytes(id: string): Promise<Uint8Array> {
  return verifiedModel(id, async () => {
    const res = await fetch(ext.runtime.getURL(`models/${id}.onnx`));
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
  });
}

function browserVersion(): string {
  const named = /(Firefox|Chrome)\/([\d.]+)/.exec(navigator.userAgent);
  return named ? `${named[1]} ${named[2]}` : navigator.userAgent.slice(0, 120);
}

/** This browser's choice: its adapter, this build, and the timing kept from an earlier race. */
export async function browserChoice(): Promise<BackendChoice> {
  // A build without the WebGPU runtime has nothing to ask the adapter for.
  const probed = WEBGPU_RUNTIME_SHIPPED ? await probeAdapter() : ({ kind: 'none' } as const);
  const adapter = probed.kind === 'fallback' && RACE_SOFTWARE_ADAPTER_FOR_TESTS ? { kind: 'gpu' as const, name: `${probed.name}, ${RACE_SOFTWARE_ADAPTER_FOR_TESTS}` } : probed;
  const key = timingKey(browserVersion(), EXTENSION_VERSION, adapter);
  return chooseBackend({ adapter, webgpuBuild: WEBGPU_RUNTIME_SHIPPED, forceWebGpu: FORCE_WEBGPU_FOR_TESTS, key, timing: loadTiming() });
}

export const browserSources: ModelSources = {
  choose: browserChoice,
  saveTiming,
  runtime: browserOrt,
  modelBytes,
  createSession: (runtime, bytes, provider) => runtime.InferenceSession.create(bytes, { executionProviders: [provider], graphOptimizationLevel: 'all' }),
  deviceLost: async (runtime) => {
    // ORT's device, once its WebGPU backend is up; `lost` settles when the GPU resets or is removed.
    const device = (await runtime.env.webgpu.device) as { lost: Promise<{ message: string }> };
    return (await device.lost).message || 'device lost';
  },
};
