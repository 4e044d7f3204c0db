import { describe, expect, it } from 'vitest';
import { areaDownscale } from '../../src/engine/align/area-downscale.js';
import { halve, levelFor } from '../../src/engine/align/pyramid.js';
import { warpToChip } from '../../src/engine/align/warp.js';
import type { RgbaImage } from '../../src/engine/types.js';

function image(width: number, height: number, rgba: (x: number, y: number) => [number, number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(rgba(x, y), (y * width + x) * 4);
  return { width, height, data };
}

const pixel = (img: RgbaImage, x: number, y: number): number[] => Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

describe('halve', () => {
  it('makes each pixel the rounded mean of a 2x2 block, alpha included, and leaves an odd last row and column out', () => {
    const img = image(5, 3, (x, y) => [10 * x + y, 200 - 7 * x, y === 0 ? 1 : 2, x < 2 ? 255 : 128]);
    const half = halve(img);
    expect([half.width, half.height]).toEqual([2, 1]);
    // Block x 0-1, y 0-1: R (0+10+1+11)/4 = 5.5 -> 6; G (200+193+200+193)/4 = 196.5 -> 197; B 1.5 -> 2.
    expect(pixel(half, 0, 0)).toEqual([6, 197, 2, 255]);
    // Block x 2-3: R (20+30+21+31)/4 = 25.5 -> 26; G (186+179+186+179)/4 = 182.5 -> 183; A 128.
    expect(pixel(half, 1, 0)).toEqual([26, 183, 2, 128]);
  });

  it('reads pixels that start at any byte offset (a view into a larger buffer)', () => {
    const img = image(4, 2, (x) => [40 * x, 255 - 40 * x, 9, 255]);
    const shifted = new Uint8Array(img.data.length + 1);
    shifted.set(img.data, 1);
    const view = { width: 4, height: 2, data: shifted.subarray(1) };
    expect(Array.from(halve(view).data)).toEqual(Array.from(halve(img).data));
  });
});

describe('levelFor', () => {
  const big = image(1000, 600, (x, y) => [x % 256, y % 256, (x + y) % 256, 255]);

  it('picks the smallest level with at least one pixel per `shrink` source pixels, built once', () => {
    expect(levelFor(big, 1.9)).toEqual({ image: big, scale: 1 });
    const quarter = levelFor(big, 4);
    expect([quarter.scale, quarter.image.width, quarter.image.height]).toEqual([4, 250, 150]);
    expect(levelFor(big, 7.99).image).toBe(quarter.image);
    expect(levelFor(big, 5).image).toBe(quarter.image);
  });

  it('stops before a side would fall under 8 pixels', () => {
    const deepest = levelFor(big, 1e6);
    expect(deepest.scale).toBe(64);
    expect([deepest.image.width, deepest.image.height]).toEqual([15, 9]);
  });
});

describe('warpToChip through the pyramid', () => {
  // Stripes 3 px wide: a view 16x smaller that skipped pixels instead of averaging them would alias.
  const stripes = image(2048, 2048, (x, y) => (Math.floor(x / 3) % 2 === 0 ? [240, 30, (y >> 4) % 256, 255] : [20, 200, (y >> 4) % 256, 255]));

  it('stays close to an exact area average of the source at any scale and offset, fine or coarse', () => {
    const [scale, left, top] = [13.7, 31.3, 7.9];
    const exact = areaDownscale(stripes, left, top, scale, 128, 128);
    for (const detail of ['fine', 'coarse'] as const) {
      const chip = warpToChip(stripes, [1 / scale, 0, -left / scale, 0, 1 / scale, -top / scale], 128, [0, 0, 0], 1, undefined, 0, false, detail);
      let sum = 0;
      for (let c = 0; c < 3; c++) {
        for (let y = 1; y < 127; y++) {
          for (let x = 1; x < 127; x++) sum += Math.abs((chip[c * 128 * 128 + y * 128 + x] as number) - (exact.data[(y * 128 + x) * 4 + c] as number));
        }
      }
      const mean = sum / (3 * 126 * 126);
      // Measured 5.1 and 7.1 on stripes of contrast 220; sampling without averaging is off by ~100.
      expect(mean, detail).toBeLessThan(detail === 'fine' ? 6 : 8);
    }
  });
});
