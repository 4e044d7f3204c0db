import { describe, expect, it } from 'vitest';
import { invertAffine, applyAffine } from '../../src/engine/align/umeyama.js';
import { resizeLetterbox, warpToChip } from '../../src/engine/align/warp.js';
import type { Affine, RgbaImage } from '../../src/engine/types.js';

function image(width: number, height: number, rgb: (x: number, y: number) => [number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data.set([...rgb(x, y), 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

const at = (t: Float32Array, size: number, c: number, x: number, y: number, offset = 0) => t[offset + c * size * size + y * size + x] as number;
const RAW = { mean: [0, 0, 0] as [number, number, number], std: 1 };

describe('warpToChip', () => {
  it('puts a source pixel where the affine sends it', () => {
    const img = image(20, 10, (x, y) => (x === 7 && y === 3 ? [200, 100, 50] : [0, 0, 0]));
    const chip = warpToChip(img, [1, 0, -5, 0, 1, -1], 8, RAW.mean, RAW.std);
    expect([0, 1, 2].map((c) => at(chip, 8, c, 2, 2))).toEqual([200, 100, 50]);
    expect(at(chip, 8, 0, 3, 2)).toBe(0);
    expect(chip.reduce((s, v) => s + v, 0)).toBe(350);
  });

  it('samples bilinearly at pixel centres (2x upscale of a gradient)', () => {
    const img = image(16, 16, (x, y) => [10 * x, 10 * y, 0]);
    const chip = warpToChip(img, [2, 0, 0, 0, 2, 0], 16, RAW.mean, RAW.std);
    // Chip pixel x has its centre at x + 0.5, i.e. source (x + 0.5) / 2, whose index is that - 0.5.
    for (const x of [1, 5, 10, 14]) expect(at(chip, 16, 0, x, 7)).toBeCloseTo(10 * ((x + 0.5) / 2 - 0.5), 4);
    expect(at(chip, 16, 1, 3, 9)).toBeCloseTo(10 * ((9 + 0.5) / 2 - 0.5), 4);
  });

  it('follows a rotation: 90° maps source (x, y) to chip (h - y, x)', () => {
    const img = image(6, 4, (x, y) => (x === 4 && y === 1 ? [255, 0, 0] : [0, 0, 0]));
    const rot: Affine = [0, -1, 4, 1, 0, 0]; // (x, y) -> (4 - y, x) in continuous coordinates
    const chip = warpToChip(img, rot, 6, RAW.mean, RAW.std);
    // Source pixel (4, 1) has centre (4.5, 1.5) -> (2.5, 4.5): chip pixel (2, 4).
    const centre = applyAffine(rot, [4.5, 1.5]);
    expect(centre).toEqual([2.5, 4.5]);
    expect(at(chip, 6, 0, 2, 4)).toBeCloseTo(255, 4);
  });

  it('normalises per channel and paints outside the image black', () => {
    const img = image(4, 4, () => [100, 150, 200]);
    const chip = warpToChip(img, [1, 0, 2, 0, 1, 0], 8, [50, 50, 50], [2, 4, 5]);
    expect([0, 1, 2].map((c) => at(chip, 8, c, 3, 1))).toEqual([25, 25, 30]);
    expect([0, 1, 2].map((c) => at(chip, 8, c, 0, 1))).toEqual([-25, -12.5, -10]); // left of the image
    expect(at(chip, 8, 0, 7, 1)).toBe(-25); // right of the image
  });

  it('writes into a batch buffer at an offset and can mirror', () => {
    const img = image(8, 8, (x, y) => [x * 30, y * 30, 7]);
    const batch = new Float32Array(2 * 3 * 64 + 5).fill(-99);
    warpToChip(img, [1, 0, 0, 0, 1, 0], 8, RAW.mean, RAW.std, batch, 0);
    warpToChip(img, [1, 0, 0, 0, 1, 0], 8, RAW.mean, RAW.std, batch, 192, true);
    for (let y = 0; y < 8; y++) {
      for (let x = 0; x < 8; x++) {
        expect(at(batch, 8, 0, x, y)).toBe(x * 30);
        expect(at(batch, 8, 0, x, y, 192)).toBe((7 - x) * 30);
        expect(at(batch, 8, 1, x, y, 192)).toBe(y * 30);
      }
    }
    expect(Array.from(batch.subarray(384))).toEqual([-99, -99, -99, -99, -99]);
    expect(() => warpToChip(img, [1, 0, 0, 0, 1, 0], 8, RAW.mean, RAW.std, batch, 200)).toThrow(/does not fit/);
  });

  it('samples an unrotated crop (rows worked out once, black border rows) as a rotated one samples it', () => {
    const img = image(37, 23, (x, y) => [(x * 7 + y * 3) % 256, (x * y) % 256, (255 - x * 5) % 256]);
    // A crop reaching past every edge, mirrored, as detector crops and letterboxes do; the tiny
    // rotation sends the same crop through the per-pixel path.
    for (const mirror of [false, true]) {
      const crop: Affine = [1.3, 0, 6.2, 0, 1.3, 9.7];
      const tilted: Affine = [1.3, 1e-12, 6.2, -1e-12, 1.3, 9.7];
      const a = warpToChip(img, crop, 64, [10, 20, 30], [2, 3, 4], undefined, 0, mirror);
      const b = warpToChip(img, tilted, 64, [10, 20, 30], [2, 3, 4], undefined, 0, mirror);
      const worst = a.reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] as number))), 0);
      expect(worst).toBeLessThan(1e-6);
      // The crop shows black above and below the image and the image itself in between.
      expect(at(a, 64, 0, 30, 0)).toBe(-5);
      expect(at(a, 64, 0, 30, 63)).toBe(-5);
      expect(new Set(Array.from(a.subarray(20 * 64, 21 * 64))).size).toBeGreaterThan(10);
    }
  });

  it('averages the footprint when shrinking, so a fine checkerboard becomes grey', () => {
    const img = image(256, 256, (x, y) => ((x + y) % 2 ? [255, 255, 255] : [0, 0, 0]));
    const chip = warpToChip(img, [0.125, 0, 0, 0, 0.125, 0], 32, RAW.mean, RAW.std);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < 32 * 32; i++) {
      min = Math.min(min, chip[i] as number);
      max = Math.max(max, chip[i] as number);
    }
    expect(min).toBeGreaterThan(120);
    expect(max).toBeLessThan(135);
  });
});

describe('resizeLetterbox', () => {
  it('returns the tensor-to-image transform, which round-trips', () => {
    const img = image(300, 200, () => [0, 0, 0]);
    const { imageFromTensor } = resizeLetterbox(img, 100, RAW.mean, RAW.std);
    expect(imageFromTensor).toEqual([3, 0, 0, 0, 3, -50]);
    const back = applyAffine(invertAffine(imageFromTensor), applyAffine(imageFromTensor, [12.5, 77]));
    expect(back[0]).toBeCloseTo(12.5, 12);
    expect(back[1]).toBeCloseTo(77, 12);
  });

  it('places image content where the transform says, padding black', () => {
    // A white 60x60 square at (120, 60) in a 300x200 image; tensor scale 3 px per tensor px.
    const img = image(300, 200, (x, y) => (x >= 120 && x < 180 && y >= 60 && y < 120 ? [255, 255, 255] : [40, 40, 40]));
    const { tensor, imageFromTensor } = resizeLetterbox(img, 100, [127.5, 127.5, 127.5], 127.5);
    const inv = invertAffine(imageFromTensor);
    const [tx, ty] = applyAffine(inv, [150, 90]); // square centre
    expect(at(tensor, 100, 0, Math.floor(tx), Math.floor(ty))).toBeCloseTo(1, 5);
    expect(at(tensor, 100, 0, 50, 50 - 20)).toBeCloseTo(40 / 127.5 - 1, 5);
    expect(at(tensor, 100, 2, 50, 5)).toBe(-1); // above the image: padding
    expect(at(tensor, 100, 2, 50, 95)).toBe(-1); // below
  });

  it('area-averages big downscales (checkerboard 1024 -> 64 stays grey)', () => {
    const img = image(1024, 1024, (x, y) => ((x + y) % 2 ? [255, 0, 255] : [0, 255, 255]));
    const { tensor } = resizeLetterbox(img, 64, RAW.mean, RAW.std);
    const planeRange = (c: number) => {
      const plane = tensor.subarray(c * 4096, (c + 1) * 4096);
      return [Math.min(...plane), Math.max(...plane)];
    };
    // 127.5 exactly, rounded to 8 bits by the area pass.
    expect(planeRange(0)).toEqual([128, 128]);
    expect(planeRange(1)).toEqual([128, 128]);
    expect(planeRange(2)).toEqual([255, 255]);
  });

  it('crops a region that extends past the image, black outside, partial pixels averaged', () => {
    const img = image(400, 400, () => [200, 200, 200]);
    // Tensor pixel (x, y) covers image [-105 + 10x, -95 + 10x] x [300 + 10y, 310 + 10y].
    const { tensor, imageFromTensor } = resizeLetterbox(img, 20, RAW.mean, RAW.std, [-105, 300, 200, 200]);
    expect(imageFromTensor).toEqual([10, 0, -105, 0, 10, 300]);
    expect(at(tensor, 20, 0, 2, 2)).toBe(0); // left of the image
    expect(at(tensor, 20, 0, 10, 2)).toBeCloseTo(100, 6); // half inside
    expect(at(tensor, 20, 0, 15, 5)).toBeCloseTo(200, 6);
    expect(at(tensor, 20, 0, 15, 15)).toBe(0); // below the image
  });
});
