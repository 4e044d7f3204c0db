/** The backend decision table (issue 12): presence of an adapter is not enough; a measured race decides. */
import { describe, expect, it } from 'vitest';
import { chooseBackend, choiceFromTiming, lostChoice, timingKey, type ChoiceInput } from '../../src/offscreen/backend-choice.js';
import { describeAdapter } from '../../src/offscreen/gpu-adapter.js';

const SWIFTSHADER = describeAdapter({ info: { vendor: 'google', architecture: 'swiftshader', device: '', description: '', isFallbackAdapter: true } });
const NVIDIA = describeAdapter({ info: { vendor: 'nvidia', architecture: 'hopper', device: '', description: 'NVIDIA H100' } });
const key = (adapter = NVIDIA) => timingKey('Chrome 156.0.0.0', '0.1.0', adapter);
const input = (over: Partial<ChoiceInput>): ChoiceInput => ({ adapter: NVIDIA, webgpuBuild: true, forceWebGpu: null, key: key(), timing: null, ...over });

describe('the adapter', () => {
  it('is a software one when the browser says so, or by its name', () => {
    expect(SWIFTSHADER).toEqual({ kind: 'fallback', name: 'google swiftshader' });
    expect(describeAdapter({ isFallbackAdapter: true, info: { vendor: 'x' } }).kind).toBe('fallback');
    expect(describeAdapter({ info: { vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' } }).kind).toBe('fallback');
    expect(describeAdapter({ info: { description: 'Microsoft Basic Render Driver' } }).kind).toBe('fallback');
    expect(NVIDIA).toEqual({ kind: 'gpu', name: 'nvidia hopper NVIDIA H100' });
    expect(describeAdapter(null)).toEqual({ kind: 'none' });
  });
});

describe('the backend choice', () => {
  it('no adapter: WASM', () => {
    expect(chooseBackend(input({ adapter: { kind: 'none' }, key: key({ kind: 'none' }) }))).toMatchObject({ backend: 'wasm', why: 'WASM (no GPU)', measure: false });
  });

  it('a fallback adapter counts as no GPU', () => {
    expect(chooseBackend(input({ adapter: SWIFTSHADER }))).toMatchObject({ backend: 'wasm', why: 'WASM (no GPU: google swiftshader is a software adapter)', measure: false });
  });

  it('a real GPU with no timing yet: WASM now, and a race', () => {
    expect(chooseBackend(input({}))).toEqual({ backend: 'wasm', why: 'WASM (measuring WebGPU on nvidia hopper NVIDIA H100)', measure: true, key: key() });
  });

  it('a faster GPU: WebGPU, with the measured gain', () => {
    const choice = chooseBackend(input({ timing: { key: key(), wasmMs: 840, webgpuMs: 400 } }));
    expect(choice).toEqual({ backend: 'webgpu', why: 'WebGPU (2.1× faster than WASM here)', measure: false, key: key() });
  });

  it('a slower GPU, or one barely faster: WASM, saying by how much', () => {
    expect(chooseBackend(input({ timing: { key: key(), wasmMs: 400, webgpuMs: 1000 } }))).toMatchObject({ backend: 'wasm', why: 'WASM (2.5× faster than WebGPU here)' });
    expect(chooseBackend(input({ timing: { key: key(), wasmMs: 110, webgpuMs: 100 } }))).toMatchObject({ backend: 'wasm', why: 'WASM (WebGPU was only 1.10× faster here)' });
  });

  it('a WebGPU that failed in the race: WASM, with the reason', () => {
    expect(choiceFromTiming({ key: key(), wasmMs: 0, webgpuMs: null, webgpuError: 'no kernel for op X' })).toMatchObject({ backend: 'wasm', why: 'WASM (WebGPU failed here: no kernel for op X)' });
  });

  it('measures again when the browser, the extension or the adapter changes', () => {
    const old = { key: timingKey('Chrome 155.0.0.0', '0.1.0', NVIDIA), wasmMs: 840, webgpuMs: 400 };
    expect(chooseBackend(input({ timing: old }))).toMatchObject({ backend: 'wasm', measure: true });
    expect(key()).not.toBe(timingKey('Chrome 156.0.0.0', '0.2.0', NVIDIA));
    expect(key()).not.toBe(timingKey('Chrome 156.0.0.0', '0.1.0', describeAdapter({ info: { vendor: 'amd' } })));
  });

  it('device lost: WASM for the rest of the runtime', () => {
    expect(lostChoice('GPU connection lost', key())).toEqual({ backend: 'wasm', why: 'WASM (the GPU was lost: GPU connection lost)', measure: false, key: key() });
  });

  it('a build without the WebGPU runtime (Firefox) never races', () => {
    expect(chooseBackend(input({ webgpuBuild: false }))).toMatchObject({ backend: 'wasm', why: 'WASM (WebGPU is not used in this browser)', measure: false });
  });

  it('the test switch forces WebGPU on any adapter, with no race, but needs an adapter', () => {
    expect(chooseBackend(input({ adapter: SWIFTSHADER, forceWebGpu: 'forced by the test switch' }))).toMatchObject({ backend: 'webgpu', why: 'WebGPU (forced by the test switch, on google swiftshader)', measure: false });
    expect(chooseBackend(input({ adapter: { kind: 'none' }, forceWebGpu: 'forced by the test switch' }))).toMatchObject({ backend: 'wasm', why: 'WASM (no GPU)' });
  });
});
