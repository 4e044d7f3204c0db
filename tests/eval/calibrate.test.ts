import { describe, expect, it } from 'vitest';
import { calibrateOpenSet } from '../../src/eval/calibrate.js';
import type { EvalSample } from '../../src/eval/metrics.js';

/** A unit vector at `degrees` in the plane of axes 0 and 1. */
const at = (degrees: number): Float32Array => {
  const r = (degrees * Math.PI) / 180;
  return Float32Array.from([Math.cos(r), Math.sin(r), 0]);
};

describe('calibrateOpenSet', () => {
  // Two people 90° apart, each with two photos 10° apart, and one stranger at 60°.
  const samples: EvalSample[] = [
    { identity: 'a', embedding: at(0) },
    { identity: 'a', embedding: at(10) },
    { identity: 'b', embedding: at(90) },
    { identity: 'b', embedding: at(100) },
    { identity: 'stranger', embedding: at(60) },
  ];

  it('puts the threshold just above the best stranger score, so no stranger is named', () => {
    const c = calibrateOpenSet(samples, 0, 0);
    // The best stranger score: b's photo at 90°, with b removed, against the stranger's one
    // reference at 60°, cos 30° = 0.8660 (in float32). Everything else scores lower.
    expect(c.threshold).toBeGreaterThan(0.866);
    expect(c.threshold).toBeLessThan(0.8661);
    expect(c.unknownNamedRate).toBe(0);
    expect(c.unknownTrials).toBe(5);
    // cos 10° = 0.985 clears it: every known photo finds its partner.
    expect(c.knownCorrectRate).toBe(1);
    expect(c.knownTrials).toBe(4);
  });

  it('counts a photo without a face as a known trial that was not named', () => {
    const c = calibrateOpenSet([...samples.slice(0, 4), { identity: 'a', embedding: null }], 0, 0);
    expect(c.knownTrials).toBe(5);
    expect(c.knownCorrectRate).toBe(4 / 5);
  });

  it('allowing every stranger through drops the threshold to accept-all', () => {
    expect(calibrateOpenSet(samples, 1, 0).threshold).toBe(-Infinity);
  });
});
