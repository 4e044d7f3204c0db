import { describe, expect, it } from 'vitest';
import {
  detectionCountAccuracy,
  leaveOneOutTop1,
  median,
  nextUp,
  openSetAtFalseAcceptRate,
  openSetRates,
  rocAuc,
  tarAtFar,
  verificationScores,
  type EvalSample,
} from '../../src/eval/metrics.js';

/** A unit vector at `deg` degrees, so that the cosine of two samples is cos(angle between them). */
function at(deg: number): Float32Array {
  const r = (deg * Math.PI) / 180;
  return Float32Array.of(Math.cos(r), Math.sin(r));
}
const cosDeg = (deg: number): number => Math.cos((deg * Math.PI) / 180);

describe('rocAuc', () => {
  it('counts genuine-above-impostor pairs: 3 of 4 = 0.75', () => {
    // 0.9>0.5, 0.9>0.1, 0.4<0.5, 0.4>0.1
    expect(rocAuc([0.9, 0.4], [0.5, 0.1])).toBe(0.75);
  });
  it('counts ties as half: 3.5 of 4 = 0.875', () => {
    expect(rocAuc([0.5, 0.8], [0.5, 0.2])).toBe(0.875);
  });
  it('treats missed faces (-Infinity) as the lowest score, tying with each other', () => {
    // -inf vs -inf ½, -inf vs 0.1 0, 0.9 vs both 1+1 → 2.5 / 4
    expect(rocAuc([-Infinity, 0.9], [-Infinity, 0.1])).toBe(0.625);
  });
  it('is NaN without both classes', () => {
    expect(rocAuc([], [0.1])).toBeNaN();
  });
});

describe('tarAtFar', () => {
  const impostor = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
  const genuine = [0.95, 0.85, 0.75, 0.65, 0.3];
  it('allows 1 of 10 impostors at FAR 0.1: threshold just above 0.9, 1 of 5 genuine pass', () => {
    const r = tarAtFar(genuine, impostor, 0.1);
    expect(r.tar).toBe(0.2);
    expect(r.threshold).toBeGreaterThan(0.9);
    expect(r.threshold).toBe(nextUp(0.9));
    expect(impostor.filter((s) => s >= r.threshold)).toEqual([1.0]);
  });
  it('allows 3 of 10 at FAR 0.3: threshold just above 0.7, 3 of 5 genuine pass', () => {
    expect(tarAtFar(genuine, impostor, 0.3)).toEqual({ tar: 0.6, threshold: nextUp(0.7) });
  });
  it('accepts nothing above the top impostor at FAR 0 and everything at FAR 1', () => {
    expect(tarAtFar(genuine, impostor, 0).tar).toBe(0);
    expect(tarAtFar(genuine, impostor, 1)).toEqual({ tar: 1, threshold: -Infinity });
  });
  it('excludes tied impostors together, never passing more than allowed', () => {
    // 1 of 4 allowed, but the two 0.9s tie: the threshold goes above both, so 0 impostors and the 0.9 genuine fail.
    const r = tarAtFar([0.9, 0.95], [0.9, 0.9, 0.5, 0.1], 0.25);
    expect(r.tar).toBe(0.5);
    expect(r.threshold).toBe(nextUp(0.9));
  });
  it('is not fooled by floating-point products (0.29 * 100 = 28.999…)', () => {
    const imp = Array.from({ length: 100 }, (_, i) => i);
    // 29 impostors (71..99) may pass, so the threshold sits just above 70.
    expect(tarAtFar([70, 71], imp, 0.29)).toEqual({ tar: 0.5, threshold: nextUp(70) });
  });
});

describe('nextUp', () => {
  it('returns the adjacent larger double', () => {
    for (const x of [0.9, -1, 1e-300, -1e-300, 123456.789]) {
      const up = nextUp(x);
      expect(up).toBeGreaterThan(x);
      expect((x + up) / 2 === x || (x + up) / 2 === up).toBe(true);
    }
    expect(nextUp(-Infinity)).toBe(-Number.MAX_VALUE);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
  });
});

describe('verificationScores', () => {
  it('scores all unordered pairs, a missed face as -Infinity', () => {
    const samples: EvalSample[] = [
      { identity: 'a', embedding: Float32Array.of(1, 0) },
      { identity: 'a', embedding: Float32Array.of(0.6, 0.8) },
      { identity: 'b', embedding: Float32Array.of(0, 1) },
      { identity: 'c', embedding: null },
    ];
    const { genuine, impostor } = verificationScores(samples);
    expect(genuine).toHaveLength(1);
    expect(genuine[0]).toBeCloseTo(0.6, 6);
    // (a1,b) (a1,c) (a2,b) (a2,c) (b,c)
    expect(impostor.map((s) => (Number.isFinite(s) ? Number(s.toFixed(6)) : s))).toEqual([0, -Infinity, 0.8, -Infinity, -Infinity]);
    // genuine 0.6 beats 0, and the three missed pairs, loses to 0.8 → 4/5
    expect(rocAuc(genuine, impostor)).toBeCloseTo(0.8, 12);
  });
});

/**
 * Known people a (0°, 20°, and one photo with no face) and b (90°, 50°); unknowns u (33°) and v (180°).
 * Nearest neighbours: a@0→a@20 (20°) ✓, a@20→u (13°) ✗, a-missed ✗, b@90→b@50 (40°) ✓, b@50→u (17°) ✗,
 * u→a@20 (13°), v→b@90 (90°).
 */
const people: EvalSample[] = [
  { identity: 'a', embedding: at(0) },
  { identity: 'a', embedding: at(20) },
  { identity: 'a', embedding: null },
  { identity: 'b', embedding: at(90) },
  { identity: 'b', embedding: at(50) },
  { identity: 'u', embedding: at(33) },
  { identity: 'v', embedding: at(180) },
];

describe('leaveOneOutTop1', () => {
  it('counts only identities with 2+ samples, missed faces as wrong: 2 of 5', () => {
    expect(leaveOneOutTop1(people)).toEqual({ correct: 2, total: 5, rate: 0.4 });
  });
});

describe('openSetRates', () => {
  it('at 0.9: a@0 named right (cos 20° = 0.94); a@20 and b@50 named wrongly; b@90 (0.77) unnamed; u named', () => {
    const r = openSetRates(people, 0.9);
    expect(r).toMatchObject({ knownCorrect: 1, knownWrongName: 2, knownTotal: 5, knownRate: 0.2 });
    expect(r).toMatchObject({ unknownAccepted: 1, unknownTotal: 2, falseAcceptRate: 0.5 });
  });
  it('picks the threshold that names at most the allowed share of unknowns', () => {
    // 1 of 2 unknowns may be named: the threshold sits just above v's best score, cos 90° ≈ 0.
    const half = openSetAtFalseAcceptRate(people, 0.5);
    // (Close, not equal: the embeddings are float32.)
    expect(half.threshold).toBeCloseTo(cosDeg(90), 6);
    expect(half).toMatchObject({ knownCorrect: 2, knownRate: 0.4, unknownAccepted: 1, falseAcceptRate: 0.5 });
    // None may be named at 5 % of 2: the threshold goes above u's cos 13°, which no known match reaches.
    const strict = openSetAtFalseAcceptRate(people);
    expect(strict.threshold).toBeCloseTo(cosDeg(13), 6);
    expect(strict).toMatchObject({ knownCorrect: 0, knownWrongName: 0, unknownAccepted: 0, falseAcceptRate: 0 });
  });
});

describe('detectionCountAccuracy', () => {
  it('scores exact counts, counts missing results as wrong, and sums faces on negatives', () => {
    const r = detectionCountAccuracy([{ faces: 1 }, { faces: 2 }, null, { faces: 1 }, { faces: 0 }], [1, 3, 2, 0, 0]);
    expect(r).toEqual({ exact: 2, total: 5, rate: 0.4, missing: 1, negatives: 2, falseFacesOnNegatives: 1 });
  });
});

describe('median', () => {
  it('takes the middle, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
