/**
 * What the browser's WebGPU adapter is, in the terms the backend choice needs. A software
 * adapter (Chromium's SwiftShader, Mesa's llvmpipe/lavapipe, Windows' WARP) runs WebGPU on the
 * CPU: in headless Chromium on a 2-core machine it ran our detector about 200x slower than
 * WASM (docs/BENCHMARKS.md, "WebGPU"), so it counts as no GPU.
 */
export type AdapterProbe = { kind: 'none' } | { kind: 'fallback' | 'gpu'; name: string };

/** The parts of GPUAdapterInfo the choice reads (older Chromium puts isFallbackAdapter on the adapter itself). */
export interface AdapterFacts {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
}

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|basic render driver|warp/i;

export function describeAdapter(adapter: AdapterFacts | null): AdapterProbe {
  if (!adapter) return { kind: 'none' };
  const info = adapter.info ?? {};
  const words = [info.vendor, info.architecture, info.device, info.description].filter((w): w is string => !!w);
  const name = [...new Set(words)].join(' ') || 'unnamed adapter';
  const software = adapter.isFallbackAdapter === true || info.isFallbackAdapter === true || SOFTWARE.test(name);
  return { kind: software ? 'fallback' : 'gpu', name };
}

/** The browser's default adapter, described; no WebGPU, or a request that fails, is no adapter. */
export async function probeAdapter(): Promise<AdapterProbe> {
  const gpu = (navigator as { gpu?: { requestAdapter(): Promise<AdapterFacts | null> } }).gpu;
  if (!gpu) return { kind: 'none' };
  try {
    return describeAdapter(await gpu.requestAdapter());
  } catch {
    return { kind: 'none' };
  }
}
