import { describe, expect, it } from 'vitest';
import { enrollmentWarning, isHopeless } from '../../src/engine/quality-policy.js';

describe('quality policy', () => {
  it('warns before enrolling a poor face, saying why, and not for a good one', () => {
    expect(enrollmentWarning(0.9, [])).toBeNull();
    expect(enrollmentWarning(0.5, [])).toBeNull();
    expect(enrollmentWarning(0.3, ['face is small', 'image is blurry'])).toBe('low-quality face (0.30): face is small, image is blurry');
  });

  it('skips only hopeless faces when naming', () => {
    expect(isHopeless(0.1)).toBe(true);
    expect(isHopeless(0.15)).toBe(false);
  });
});
