import { describe, expect, it } from 'vitest';
import { areaDownscale } from '../../src/engine/align/area-downscale.js';
import type { RgbaImage } from '../../src/engine/types.js';

/** `height` identical rows with red = the given values, green = 2 * red. */
function columns(values: number[], height: number): RgbaImage {
  const data = new Uint8ClampedArray(values.length * height * 4);
  for (let y = 0; y < height; y++) values.forEach((v, x) => data.set([v, 2 * v, 0, 255], (y * values.length + x) * 4));
  return { width: values.length, height, data };
}

describe('areaDownscale', () => {
  it('averages whole pixels', () => {
    const out = areaDownscale(columns([10, 20, 30, 50, 90, 100], 3), 0, 0, 3, 2, 1);
    expect(Array.from(out.data)).toEqual([20, 40, 0, 255, 80, 160, 0, 255]);
  });

  it('weights partial pixels by overlap', () => {
    // Output pixel 0 covers [0.5, 2): half of 10 and all of 20 -> (5 + 20) / 1.5.
    const out = areaDownscale(columns([10, 20, 30, 40], 2), 0.5, 0, 1.5, 2, 1);
    expect(out.data[0]).toBe(Math.round(25 / 1.5));
    // Output pixel 1 covers [2, 3.5): 30 and half of 40 -> 50 / 1.5.
    expect(out.data[4]).toBe(Math.round(50 / 1.5));
  });

  it('treats outside the image as black', () => {
    const img: RgbaImage = { width: 4, height: 4, data: new Uint8ClampedArray(64).fill(200) };
    // Output pixel (0, 0) covers [-1, 1.5)^2, of which 1.5 x 1.5 out of 2.5 x 2.5 is inside.
    const out = areaDownscale(img, -1, -1, 2.5, 2, 2);
    expect(out.data[0]).toBe(Math.round((200 * 1.5 * 1.5) / 6.25));
    expect(out.data[(1 * 2 + 1) * 4]).toBe(200); // [1.5, 4)^2 is all inside
  });
});
