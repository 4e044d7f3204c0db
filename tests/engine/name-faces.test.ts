import { describe, expect, it } from 'vitest';
import { buildGallery } from '../../src/engine/match/gallery.js';
import { nameFaces } from '../../src/engine/match/name-faces.js';

const unit = (...v: number[]): Float32Array => {
  const n = Math.hypot(...v);
  return Float32Array.from(v, (x) => x / n);
};

describe('nameFaces', () => {
  const gallery = buildGallery([
    { id: 'a', name: 'Alice', references: [unit(1, 0, 0)] },
    { id: 'b', name: 'Bob', references: [unit(0, 1, 0)] },
  ]);
  const opts = { threshold: 0.9, margin: 0.05 };

  it('names each face, each person once, and leaves a stranger unknown', () => {
    const named = nameFaces(gallery, [
      { embedding: unit(1, 0.1, 0), quality: 0.9 },
      { embedding: unit(0.1, 1, 0), quality: 0.9 },
      { embedding: unit(0, 0, 1), quality: 0.9 },
    ], opts);
    expect(named.map((n) => n.person?.name ?? null)).toEqual(['Alice', 'Bob', null]);
    expect(named[0]?.score).toBeCloseTo(0.995, 3);
  });

  it('never names a hopeless face, however close it is', () => {
    const named = nameFaces(gallery, [{ embedding: unit(1, 0, 0), quality: 0.05 }], opts);
    expect(named[0]?.person).toBeNull();
    expect(named[0]?.score).toBeCloseTo(1, 5);
  });
});
