import { describe, expect, it } from 'vitest';
import { BLACK_SAMPLES, createReadability } from '../../src/content/video/readability.js';

describe('video readability', () => {
  it('calls a keyed video protected after consecutive black samples while its time advances', () => {
    const r = createReadability();
    const verdicts = Array.from({ length: BLACK_SAMPLES }, (_, i) => r.judge(0.5, i * 300, true));
    expect(verdicts).toEqual([...Array<string>(BLACK_SAMPLES - 1).fill('skip'), 'protected']);
  });

  it('does not count the same frame twice (a stalled video)', () => {
    const r = createReadability();
    const verdicts = [0, 0, 0, 0, 300].map((t) => r.judge(0, t, true));
    expect(verdicts).toEqual(['skip', 'skip', 'skip', 'skip', 'skip']);
    expect(r.judge(0, 600, true)).toBe('protected');
  });

  it('only skips black frames of an unkeyed video (a fade to black is not DRM)', () => {
    const r = createReadability();
    expect(Array.from({ length: 10 }, (_, i) => r.judge(1, i * 300, false))).toEqual(Array<string>(10).fill('skip'));
    expect(r.judge(120, 3300, false)).toBe('analyse');
  });

  it('restarts the count when a frame with content comes between black ones', () => {
    const r = createReadability();
    expect([r.judge(0, 0, true), r.judge(0, 300, true), r.judge(90, 600, true), r.judge(0, 900, true), r.judge(0, 1200, true)])
      .toEqual(['skip', 'skip', 'analyse', 'skip', 'skip']);
  });
});
