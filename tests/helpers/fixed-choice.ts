import type { BackendChoice, Provider } from '../../src/offscreen/backend-choice.js';

/** A backend choice made up front, for ModelSources in Node tests (no adapter to probe there). */
export function fixedChoice(backend: Provider, measure = false): BackendChoice {
  return { backend, why: `${backend === 'webgpu' ? 'WebGPU' : 'WASM'} (chosen by the test)`, measure, key: 'test' };
}
