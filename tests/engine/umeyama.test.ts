import { describe, expect, it } from 'vitest';
import { applyAffine, invertAffine, similarityFromPoints } from '../../src/engine/align/umeyama.js';
import type { Affine, Point } from '../../src/engine/types.js';

function similarity(angleDeg: number, scale: number, tx: number, ty: number): Affine {
  const c = scale * Math.cos((angleDeg * Math.PI) / 180);
  const s = scale * Math.sin((angleDeg * Math.PI) / 180);
  return [c, -s, tx, s, c, ty];
}

function randomPoints(n: number, seed: number): Point[] {
  let x = seed;
  const next = () => ((x = (x * 16807) % 2147483647) / 2147483647) * 200 - 100;
  return Array.from({ length: n }, (): Point => [next(), next()]);
}

function expectAffineClose(actual: Affine, expected: Affine, digits = 9): void {
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, digits));
}

describe('similarityFromPoints', () => {
  it('recovers rotation 30°, scale 2.5 and translation exactly from noise-free points', () => {
    const truth = similarity(30, 2.5, 10, -4);
    const src = randomPoints(5, 7);
    expectAffineClose(similarityFromPoints(src, src.map((p) => applyAffine(truth, p))), truth);
  });

  it('recovers random similarities', () => {
    for (let k = 1; k <= 20; k++) {
      const truth = similarity(k * 37 - 200, 0.1 + k * 0.3, k * 5 - 40, 17 - k);
      const src = randomPoints(2 + (k % 6), k);
      expectAffineClose(similarityFromPoints(src, src.map((p) => applyAffine(truth, p))), truth);
    }
  });

  it('never returns a reflection, and fits a mirrored set in the least-squares sense', () => {
    const src: Point[] = [[0, 0], [10, 0], [0, 10], [10, 10]];
    const dst = src.map(([x, y]): Point => [-x, y]);
    const m = similarityFromPoints(src, dst);
    expect(m[0]).toBeCloseTo(m[4], 12);
    expect(m[1]).toBeCloseTo(-m[3], 12);
    expect(m[0] * m[4] - m[1] * m[3]).toBeGreaterThanOrEqual(0);
  });

  it('averages noise: the centroid maps onto the destination centroid', () => {
    const src: Point[] = [[0, 0], [4, 0], [0, 4]];
    const dst: Point[] = [[1, 1], [5.2, 0.9], [0.8, 5.1]];
    const c = applyAffine(similarityFromPoints(src, dst), [4 / 3, 4 / 3]);
    expect(c[0]).toBeCloseTo(7 / 3, 12);
    expect(c[1]).toBeCloseTo(7 / 3, 12);
  });

  it('rejects degenerate input', () => {
    expect(() => similarityFromPoints([[0, 0]], [[1, 1]])).toThrow(/at least 2/);
    expect(() => similarityFromPoints([[0, 0], [1, 1]], [[1, 1]])).toThrow(/2 source points but 1/);
    expect(() => similarityFromPoints([[3, 3], [3, 3]], [[0, 0], [1, 1]])).toThrow(/coincide/);
  });
});

describe('invertAffine / applyAffine', () => {
  it('round-trips points', () => {
    const m: Affine = [1.5, 0.3, -7, -0.2, 0.8, 12];
    const inv = invertAffine(m);
    for (const p of randomPoints(5, 3)) {
      const back = applyAffine(inv, applyAffine(m, p));
      expect(back[0]).toBeCloseTo(p[0], 10);
      expect(back[1]).toBeCloseTo(p[1], 10);
    }
  });

  it('applies [a, b, tx, c, d, ty]', () => {
    expect(applyAffine([1, 2, 3, 4, 5, 6], [10, 100])).toEqual([213, 546]);
  });

  it('rejects singular transforms', () => {
    expect(() => invertAffine([1, 2, 0, 2, 4, 0])).toThrow(/singular/);
  });
});
