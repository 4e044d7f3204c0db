/**
 * The race behind a measured backend choice: the same real photos through the whole pipeline
 * on WASM and on WebGPU, counting model time only (the JS around the models is the same on
 * both, and page work queued in between is not counted). WebGPU runs once first, untimed: its
 * first runs compile shaders, a cost paid once per start. Then the two alternate, twice each,
 * so a noisy moment falls on both.
 */
import type { EngineModels } from '../engine/runtime.js';
import { errorMessage } from '../shared/result.js';

export const RACE_ROUNDS = 2;

/** Models whose runs add their time to `ms`. */
export interface ClockedModels {
  models: EngineModels;
  clock: { ms: number };
}

export type RaceWork = (models: EngineModels) => Promise<unknown>;

/** Model milliseconds on each side; a WebGPU that fails is no time at all (wasmMs 0: not timed either). */
export type RaceResult = { wasmMs: number; webgpuMs: number } | { wasmMs: 0; webgpuMs: null; webgpuError: string };

const failed = (error: unknown): RaceResult => ({ wasmMs: 0, webgpuMs: null, webgpuError: errorMessage(error) });

export async function raceBackends(work: RaceWork, wasm: ClockedModels, webgpu: ClockedModels): Promise<RaceResult> {
  try {
    await work(webgpu.models);
  } catch (error) {
    return failed(error);
  }
  wasm.clock.ms = 0;
  webgpu.clock.ms = 0;
  for (let round = 0; round < RACE_ROUNDS; round++) {
    await work(wasm.models);
    try {
      await work(webgpu.models);
    } catch (error) {
      return failed(error);
    }
  }
  return { wasmMs: wasm.clock.ms, webgpuMs: webgpu.clock.ms };
}
