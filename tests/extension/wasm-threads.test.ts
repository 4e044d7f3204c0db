import { describe, expect, it } from 'vitest';
import { wasmThreads } from '../../src/offscreen/wasm-threads.js';

describe('wasmThreads', () => {
  it('uses both cores of a 2-core machine and leaves one core free on larger ones, at most 4 threads', () => {
    expect([1, 2, 3, 4, 6, 16].map((cores) => wasmThreads(cores, true))).toEqual([1, 2, 2, 3, 4, 4]);
  });

  it('runs one thread where threads are impossible or the core count is unknown', () => {
    expect(wasmThreads(8, false)).toBe(1);
    expect(wasmThreads(Number.NaN, true)).toBe(1);
    expect(wasmThreads(0, true)).toBe(1);
  });
});
