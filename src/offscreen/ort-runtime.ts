/**
 * Which onnxruntime-web build the engine host loads. The WebGPU-capable build's WASM is twice
 * the size of the plain one (28 MB against 14 MB), and compiling it is most of a cold start, so
 * it is loaded only when WebGPU may run: chosen, or about to be raced (backend-choice.ts). The choice is made once,
 * before any session exists: there is still one ORT environment.
 */
import type * as Ort from 'onnxruntime-web';
import { ext } from '../platform/ext.js';
import { wasmThreads } from './wasm-threads.js';

export type OrtModule = typeof Ort;

/** The ORT build for this browser, configured: threads, and its WASM files from the package. */
export async function browserOrt(webgpu: boolean): Promise<OrtModule> {
  const ort = webgpu ? await import('onnxruntime-web') : await import('onnxruntime-web/wasm');
  // The WASM binaries ship in the package under ort/; without this ORT would fetch them from a CDN.
  ort.env.wasm.wasmPaths = ext.runtime.getURL('ort/');
  ort.env.wasm.numThreads = wasmThreads(navigator.hardwareConcurrency, globalThis.crossOriginIsolated);
  ort.env.logLevel = 'warning';
  return ort;
}
