import { describe, expect, it } from 'vitest';
import { buildGallery, type Person } from '../../src/engine/match/gallery.js';
import { identify } from '../../src/engine/match/identify.js';
import { personScores } from '../../src/engine/match/score.js';

const v = (...xs: number[]) => Float32Array.from(xs);
/** A unit vector whose dot product with e1 is exactly `c` (for c exactly representable). */
const withCos = (c: number) => v(c, Math.sqrt(1 - c * c), 0);
const E1 = v(1, 0, 0);
const person = (id: string, references: Float32Array[], negatives?: Float32Array[]): Person => ({ id, name: id.toUpperCase(), references, ...(negatives ? { negatives } : {}) });

describe('identify', () => {
  it('calls everything unknown in an empty gallery, whatever the probe length', () => {
    const r = identify(buildGallery([]), v(1, 0, 0, 0, 0), { threshold: 0, margin: 0 });
    expect(r).toEqual({ person: null, bestIndex: -1, score: -Infinity, runnerUp: -Infinity });
  });

  it('accepts the single enrolled person above the threshold', () => {
    const g = buildGallery([person('ann', [withCos(0.75)])]);
    const r = identify(g, E1, { threshold: 0.5, margin: 0.1 });
    expect(r.person?.id).toBe('ann');
    expect(r.score).toBe(0.75);
    expect(r.runnerUp).toBe(-Infinity);
  });

  it('accepts a score exactly at the threshold and rejects just below', () => {
    const g = buildGallery([person('ann', [withCos(0.75)])]);
    expect(identify(g, E1, { threshold: 0.75, margin: 0 }).person?.id).toBe('ann');
    expect(identify(g, E1, { threshold: 0.75 + 2 ** -40, margin: 0 }).person).toBeNull();
  });

  it('requires the margin over the runner-up (inclusive)', () => {
    const g = buildGallery([person('ann', [withCos(0.75)]), person('bob', [withCos(0.5)])]);
    const exact = identify(g, E1, { threshold: 0.4, margin: 0.25 });
    expect(exact.person?.id).toBe('ann');
    expect(exact.runnerUp).toBe(0.5);
    expect(identify(g, E1, { threshold: 0.4, margin: 0.25 + 2 ** -40 }).person).toBeNull();
  });

  it('never accepts a tie, even with margin 0', () => {
    const g = buildGallery([person('ann', [withCos(0.75)]), person('bob', [withCos(0.75)])]);
    const r = identify(g, E1, { threshold: 0.5, margin: 0 });
    expect(r.person).toBeNull();
    expect(r.score).toBe(0.75);
    expect(r.runnerUp).toBe(0.75);
  });

  it('scores a stored vector of any length as its unit direction: a "Mallory" 1000 times too long names nobody it should not (issue 14, finding 6)', () => {
    const mallory = withCos(0.6).map((x) => 1000 * x);
    const g = buildGallery([person('ann', [withCos(0.95)]), person('mallory', [mallory]), person('void', [v(0, 0, 0)]), person('nan', [v(NaN, 0, 0)])]);
    const ann = identify(g, E1, { threshold: 0.9, margin: 0.01 });
    expect(ann.person?.id).toBe('ann');
    expect(ann.score).toBeCloseTo(0.95, 6);
    expect(identify(g, v(0, 1, 0), { threshold: 0.9, margin: 0.01 }).person).toBeNull();
    expect(identify(g, withCos(0.6), { threshold: 0.9, margin: 0.01 }).person?.id).toBe('mallory');
    expect(identify(g, withCos(0.6), { threshold: 0.9, margin: 0.01 }).score).toBeCloseTo(1, 6);
  });

  it('throws a clear error on a dimension mismatch', () => {
    const g = buildGallery([person('ann', [withCos(0.75)])]);
    expect(() => identify(g, v(1, 0), { threshold: 0.5, margin: 0 })).toThrow('probe embedding has 2 dimensions but the gallery\'s have 3');
    expect(() => buildGallery([person('ann', [v(1, 0, 0)]), person('bob', [v(1, 0)])])).toThrow(/BOB \(bob\) has 2 dimensions; the gallery uses 3/);
  });
});

describe('personScores', () => {
  it('blends the max with the mean of the top 3 references', () => {
    const g = buildGallery([person('ann', [withCos(0.5), withCos(0.75), withCos(0.125), withCos(1), withCos(0.25)])]);
    // max 1, top-3 mean (1 + 0.75 + 0.5) / 3 = 0.75 -> 0.875
    expect(personScores(g, E1)[0]).toBeCloseTo(0.875, 12);
    const two = buildGallery([person('bob', [withCos(0.5), withCos(1)])]);
    expect(personScores(two, E1)[0]).toBeCloseTo(0.875, 12); // 0.5 * 1 + 0.5 * 0.75
  });

  it('rules a person out when the probe is closer to one of their rejected faces than to every reference', () => {
    const plain = buildGallery([person('ann', [withCos(0.5)])]);
    const rejected = buildGallery([person('ann', [withCos(0.5)], [withCos(0.75)])]);
    const farNegative = buildGallery([person('ann', [withCos(0.5)], [withCos(0.25)])]);
    expect(personScores(plain, E1)[0]).toBe(0.5);
    expect(personScores(rejected, E1)[0]).toBe(-Infinity);
    expect(personScores(farNegative, E1)[0]).toBe(0.5);
    // "Not Ann" on a face her references also match closely (0.97) takes her name off it.
    const close = buildGallery([person('ann', [withCos(0.97)], [withCos(1)]), person('bob', [withCos(0.5)])]);
    expect(identify(close, E1, { threshold: 0.9, margin: 0.05 }).person).toBeNull();
  });

  it('gives a person without references -Infinity', () => {
    const g = buildGallery([person('ann', [], [withCos(0.5)]), person('bob', [withCos(0.5)])]);
    expect(Array.from(personScores(g, E1))).toEqual([-Infinity, 0.5]);
    expect(identify(g, E1, { threshold: 0.5, margin: 0.1 }).person?.id).toBe('bob');
  });

  it('matches a direct computation on a 128-d gallery (the SIMD path)', () => {
    let state = 7;
    const rand = () => ((state = (state * 16807) % 2147483647) / 2147483647) - 0.5;
    const unit = () => {
      const e = Float32Array.from({ length: 128 }, rand);
      const n = Math.hypot(...e);
      return e.map((x) => x / n);
    };
    const people = Array.from({ length: 20 }, (_, i) => person(`p${i}`, Array.from({ length: 1 + (i % 5) }, unit), i % 3 ? [] : [unit()]));
    const probe = unit();
    const dot = (a: Float32Array) => a.reduce((s, x, k) => s + x * (probe[k] as number), 0);
    const expected = people.map((p) => {
      const sims = p.references.map(dot).sort((a, b) => b - a);
      const top = sims.slice(0, 3);
      const neg = Math.max(-Infinity, ...(p.negatives ?? []).map(dot));
      return neg > sims[0]! ? -Infinity : 0.5 * sims[0]! + (0.5 * top.reduce((s, x) => s + x, 0)) / top.length;
    });
    const actual = personScores(buildGallery(people), probe);
    expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 5));
  });
});
