import { describe, expect, it } from 'vitest';
import { createDotKernel } from '../../src/engine/match/dot-kernel.js';

function check(count: number, dim: number, simd: boolean): void {
  const kernel = createDotKernel(count, dim);
  // The SIMD kernel keeps its rows in WebAssembly memory, after the probe and the results.
  expect(kernel.rows.byteOffset > 0).toBe(simd);
  for (let i = 0; i < kernel.rows.length; i++) kernel.rows[i] = Math.sin(i * 0.37);
  const probe = Float32Array.from({ length: dim }, (_, i) => Math.cos(i * 0.11));
  const out = kernel.dots(probe);
  expect(out).toHaveLength(count);
  for (let r = 0; r < count; r++) {
    let expected = 0;
    for (let i = 0; i < dim; i++) expected += (kernel.rows[r * dim + i] as number) * (probe[i] as number);
    expect(out[r]).toBeCloseTo(expected, 4);
  }
}

describe('createDotKernel', () => {
  it('computes every row dot product with WebAssembly SIMD (dim % 16 == 0)', () => {
    check(37, 128, true);
    check(1, 16, true);
  });

  it('computes every row dot product in plain JS for other dims', () => {
    check(5, 130, false);
    check(3, 3, false);
  });

  it('handles an empty matrix', () => {
    expect(createDotKernel(0, 128).dots(new Float32Array(128))).toHaveLength(0);
  });
});
