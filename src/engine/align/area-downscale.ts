/**
 * Exact area-average downscaling: each output pixel is the mean of the source area it covers,
 * partial pixels weighted by overlap. Separable and streamed row by row, so every source pixel
 * is read about once and nothing of source size is allocated (a 4000x3000 photo is 12M pixels).
 */
import type { RgbaImage } from '../types.js';

/** Source pixels under each output pixel along one axis, with their overlap lengths. */
interface Footprints {
  first: Int32Array;
  count: Int32Array;
  /** `stride` overlap weights per output pixel. */
  weights: Float64Array;
  stride: number;
}

function footprints(outSize: number, start: number, scale: number, limit: number): Footprints {
  const stride = Math.ceil(scale) + 1;
  const first = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Float64Array(outSize * stride);
  for (let i = 0; i < outSize; i++) {
    const lo = start + i * scale;
    const hi = lo + scale;
    // Pixels outside [0, limit) stay out: they are black and add nothing to the sum.
    const j0 = Math.max(0, Math.floor(lo));
    const j1 = Math.min(limit, Math.ceil(hi));
    first[i] = j0;
    count[i] = Math.max(0, j1 - j0);
    for (let j = j0; j < j1; j++) weights[i * stride + j - j0] = Math.min(j + 1, hi) - Math.max(j, lo);
  }
  return { first, count, weights, stride };
}

/**
 * The width x height image whose pixel (i, j) averages source [left + i*scale, left +
 * (i+1)*scale) x [top + j*scale, ...); outside the source counts as black. Rounded to 8 bits:
 * the source has no more precision than that.
 */
export function areaDownscale(img: RgbaImage, left: number, top: number, scale: number, width: number, height: number): RgbaImage {
  const src = img.data;
  const cols = footprints(width, left, scale, img.width);
  const rows = footprints(height, top, scale, img.height);
  const invArea = 1 / (scale * scale);
  const data = new Uint8ClampedArray(width * height * 4);
  const sums = new Float64Array(3 * width);
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    const rowFirst = rows.first[y] as number;
    const rowCount = rows.count[y] as number;
    for (let r = 0; r < rowCount; r++) {
      const wy = rows.weights[y * rows.stride + r] as number;
      const rowBase = (rowFirst + r) * img.width * 4;
      for (let x = 0; x < width; x++) {
        const colCount = cols.count[x] as number;
        const wBase = x * cols.stride;
        let p = rowBase + (cols.first[x] as number) * 4;
        let red = 0;
        let green = 0;
        let blue = 0;
        for (let t = 0; t < colCount; t++, p += 4) {
          const w = cols.weights[wBase + t] as number;
          red += w * (src[p] as number);
          green += w * (src[p + 1] as number);
          blue += w * (src[p + 2] as number);
        }
        sums[3 * x] = (sums[3 * x] as number) + wy * red;
        sums[3 * x + 1] = (sums[3 * x + 1] as number) + wy * green;
        sums[3 * x + 2] = (sums[3 * x + 2] as number) + wy * blue;
      }
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      data[o] = (sums[3 * x] as number) * invArea;
      data[o + 1] = (sums[3 * x + 1] as number) * invArea;
      data[o + 2] = (sums[3 * x + 2] as number) * invArea;
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}
