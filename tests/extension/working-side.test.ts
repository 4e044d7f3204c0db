import { describe, expect, it } from 'vitest';
import { MAX_WORKING_SIDE, MIN_WORKING_SIDE, workingSide } from '../../src/content/working-side.js';

describe('workingSide', () => {
  it('is twice the long side shown on screen, in device pixels', () => {
    expect(workingSide(480, 320, 1)).toBe(960);
    expect(workingSide(300, 400, 2)).toBe(1600);
  });

  it('never goes under 512 px, so thumbnails still hold recognisable faces', () => {
    expect(workingSide(120, 90, 1)).toBe(MIN_WORKING_SIDE);
    expect(workingSide(0, 0, 1)).toBe(MIN_WORKING_SIDE);
  });

  it("never goes over the engine host's 2048 px, and treats a missing ratio as 1", () => {
    expect(workingSide(1920, 1080, 2)).toBe(MAX_WORKING_SIDE);
    expect(workingSide(Infinity, 10, 1)).toBe(MAX_WORKING_SIDE);
    expect(workingSide(300, 200, 0)).toBe(600);
  });
});
