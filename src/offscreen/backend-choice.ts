/**
 * Which backend runs the models, decided by measurement rather than by the presence of an
 * adapter. A software adapter is no GPU. On a real GPU the first start serves pages on WASM
 * and races WebGPU against it on the first real photos (backend-race.ts); the timing is kept
 * per browser version, extension version and adapter, so a change of any of them measures
 * again. `why` is the popup's engine line.
 */
import type { AdapterProbe } from './gpu-adapter.js';

export type Provider = 'webgpu' | 'wasm';

/** Both backends timed on the same photos (model time only), for one browser, extension and adapter. */
export interface BackendTiming {
  key: string;
  wasmMs: number;
  /** null: WebGPU could not run the models here. */
  webgpuMs: number | null;
  webgpuError?: string;
}

export interface BackendChoice {
  backend: Provider;
  why: string;
  /** Race WebGPU against WASM on the first photos, in the background, and keep the faster. */
  measure: boolean;
  /** What a timing must be for to apply (timingKey). */
  key: string;
}

export interface ChoiceInput {
  adapter: AdapterProbe;
  /** This build ships the WebGPU-capable runtime (Chrome's; Firefox's background page gets WASM only). */
  webgpuBuild: boolean;
  /** The test-only switch (build-flags.ts), as the popup's words for it: WebGPU on any adapter, no race. Null in every shipped build. */
  forceWebGpu: string | null;
  key: string;
  timing: BackendTiming | null;
}

/**
 * WebGPU must beat WASM by this much to be kept: near a tie the WASM-only runtime wins, as it
 * is half the size to compile at each start and cannot lose its device.
 */
export const MIN_GPU_GAIN = 1.15;

export function timingKey(browser: string, extensionVersion: string, adapter: AdapterProbe): string {
  return `${browser} | ${extensionVersion} | ${adapter.kind === 'none' ? 'no adapter' : adapter.name}`;
}

const wasm = (why: string, key: string): BackendChoice => ({ backend: 'wasm', why: `WASM (${why})`, measure: false, key });

/** The choice a finished race makes. */
export function choiceFromTiming(timing: BackendTiming): BackendChoice {
  if (timing.webgpuMs === null) return wasm(`WebGPU failed here: ${timing.webgpuError ?? 'no reason given'}`, timing.key);
  const gain = timing.wasmMs / timing.webgpuMs;
  if (gain >= MIN_GPU_GAIN) return { backend: 'webgpu', why: `WebGPU (${gain.toFixed(1)}× faster than WASM here)`, measure: false, key: timing.key };
  return wasm(gain >= 1 ? `WebGPU was only ${gain.toFixed(2)}× faster here` : `${(1 / gain).toFixed(1)}× faster than WebGPU here`, timing.key);
}

export function chooseBackend(input: ChoiceInput): BackendChoice {
  const { adapter, key } = input;
  if (!input.webgpuBuild) return wasm('WebGPU is not used in this browser', key);
  if (adapter.kind === 'none') return wasm('no GPU', key);
  if (input.forceWebGpu !== null) return { backend: 'webgpu', why: `WebGPU (${input.forceWebGpu}, on ${adapter.name})`, measure: false, key };
  if (adapter.kind === 'fallback') return wasm(`no GPU: ${adapter.name} is a software adapter`, key);
  if (input.timing?.key === key) return choiceFromTiming(input.timing);
  return { backend: 'wasm', why: `WASM (measuring WebGPU on ${adapter.name})`, measure: true, key };
}

/** After the GPU device is lost: WASM for the rest of this runtime's life. */
export function lostChoice(reason: string, key: string): BackendChoice {
  return wasm(`the GPU was lost: ${reason}`, key);
}
