/**
 * Resampling RGBA pixels into normalised NCHW float32 tensors.
 *
 * Coordinates are continuous pixels: pixel (i, j) covers [i, i+1) x [j, j+1), so its centre is
 * (i + 0.5, j + 0.5). The BlazeFace anchors use the same convention, so detector output, the
 * letterbox transform and chip transforms compose without half-pixel fudges.
 *
 * Outside the image is black (0, 0, 0) before normalisation. That is what both reference
 * pipelines feed their models: human pads the BlazeFace input with tf.pad zeros, and dlib's
 * extract_image_chip leaves out-of-image chip pixels black. Replicating the edge would show the
 * models smeared stripes they never saw in training.
 */
import type { Affine, Box, RgbaImage } from '../types.js';
import { invertAffine } from './umeyama.js';

export type Rgb = [number, number, number];

/** Below this many output pixels per source pixel, bilinear skips source pixels and aliases. */
const MIN_BILINEAR_SCALE = 0.5;

/**
 * Writes the size x size chip that `dstFromSrc` maps the image onto, as 3 planes (R, G, B) of
 * (value - mean) / std, at `offset` in `out` so a batch buffer can be filled in place. With
 * `mirror`, the chip is flipped horizontally (for flip-averaged embeddings).
 * When the chip shrinks the image by more than 2x, each chip pixel averages an n x n grid of
 * bilinear samples over its footprint (a box prefilter that follows the rotation).
 */
export function warpToChip(
  img: RgbaImage,
  dstFromSrc: Affine,
  size: number,
  mean: Rgb,
  std: Rgb | number,
  out: Float32Array = new Float32Array(3 * size * size),
  offset = 0,
  mirror = false,
): Float32Array {
  const plane = size * size;
  if (offset < 0 || offset + 3 * plane > out.length) {
    throw new Error(`warpToChip: a ${size}x${size} chip at offset ${offset} does not fit in ${out.length} floats`);
  }
  const [a, b, tx, c, d, ty] = invertAffine(dstFromSrc);
  const srcPerDst = Math.sqrt(Math.abs(a * d - b * c));
  const n = srcPerDst * MIN_BILINEAR_SCALE > 1 ? Math.ceil(srcPerDst) : 1;
  const [scaleR, scaleG, scaleB] = inverseStd(std);
  const weight = 1 / (n * n);
  const acc = new Float64Array(3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      acc.fill(0);
      for (let j = 0; j < n; j++) {
        const v = y + (j + 0.5) / n;
        for (let i = 0; i < n; i++) {
          const u = x + (i + 0.5) / n;
          // -0.5 turns continuous coordinates into indices whose integer values are pixel centres.
          addBilinear(img, a * u + b * v + tx - 0.5, c * u + d * v + ty - 0.5, acc);
        }
      }
      const o = offset + y * size + (mirror ? size - 1 - x : x);
      out[o] = ((acc[0] as number) * weight - mean[0]) * scaleR;
      out[o + plane] = ((acc[1] as number) * weight - mean[1]) * scaleG;
      out[o + 2 * plane] = ((acc[2] as number) * weight - mean[2]) * scaleB;
    }
  }
  return out;
}

/** Adds the bilinear RGB at index coordinates (fx, fy) to acc; neighbours outside are black. */
function addBilinear(img: RgbaImage, fx: number, fy: number, acc: Float64Array): void {
  const { width, height, data } = img;
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  if (x0 < -1 || y0 < -1 || x0 >= width || y0 >= height) return;
  const wx = fx - x0;
  const wy = fy - y0;
  const w00 = (1 - wx) * (1 - wy);
  const w10 = wx * (1 - wy);
  const w01 = (1 - wx) * wy;
  const w11 = wx * wy;
  const p = (y0 * width + x0) * 4;
  if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
    const q = p + width * 4;
    for (let k = 0; k < 3; k++) {
      acc[k] = (acc[k] as number) + w00 * (data[p + k] as number) + w10 * (data[p + 4 + k] as number) +
        w01 * (data[q + k] as number) + w11 * (data[q + 4 + k] as number);
    }
    return;
  }
  addPixel(img, x0, y0, w00, acc);
  addPixel(img, x0 + 1, y0, w10, acc);
  addPixel(img, x0, y0 + 1, w01, acc);
  addPixel(img, x0 + 1, y0 + 1, w11, acc);
}

function addPixel(img: RgbaImage, x: number, y: number, w: number, acc: Float64Array): void {
  if (x < 0 || y < 0 || x >= img.width || y >= img.height) return;
  const p = (y * img.width + x) * 4;
  for (let k = 0; k < 3; k++) acc[k] = (acc[k] as number) + w * (img.data[p + k] as number);
}

function inverseStd(std: Rgb | number): Rgb {
  const s: Rgb = typeof std === 'number' ? [std, std, std] : std;
  if (s.some((v) => !(v > 0))) throw new Error(`std must be positive, got ${s.join(', ')}`);
  return [1 / s[0], 1 / s[1], 1 / s[2]];
}

export interface Letterbox {
  /** 3 x size x size planes (R, G, B), normalised. */
  tensor: Float32Array;
  /** Maps tensor coordinates to image coordinates: x_img = s * x_tensor + left (same for y). */
  imageFromTensor: Affine;
}

/**
 * Resizes `region` of the image (default: all of it) into a size x size square, keeping the
 * aspect ratio: the region grows to a square around its centre, and what falls outside the
 * image is black. A region may extend past the image (a crop around a face near the edge).
 * Downscales by more than 2x use exact area averaging, separable and streamed row by row, so
 * every source pixel is read about once and no full-resolution buffer is ever allocated.
 */
export function resizeLetterbox(
  img: RgbaImage,
  size: number,
  mean: Rgb,
  std: Rgb | number,
  region: Box = [0, 0, img.width, img.height],
): Letterbox {
  const [rx, ry, rw, rh] = region;
  const side = Math.max(rw, rh);
  if (!(side > 0)) throw new Error(`resizeLetterbox: empty region ${region.join(', ')}`);
  const s = side / size;
  const left = rx + (rw - side) / 2;
  const top = ry + (rh - side) / 2;
  const imageFromTensor: Affine = [s, 0, left, 0, s, top];
  if (s * MIN_BILINEAR_SCALE <= 1) {
    return { tensor: warpToChip(img, invertAffine(imageFromTensor), size, mean, std), imageFromTensor };
  }
  return { tensor: areaResize(img, size, left, top, s, mean, std), imageFromTensor };
}

/** Source pixels under each output pixel along one axis, with their overlap lengths. */
interface Footprints {
  first: Int32Array;
  count: Int32Array;
  /** `stride` overlap weights per output pixel. */
  weights: Float64Array;
  stride: number;
}

function footprints(size: number, start: number, s: number, limit: number): Footprints {
  const stride = Math.ceil(s) + 1;
  const first = new Int32Array(size);
  const count = new Int32Array(size);
  const weights = new Float64Array(size * stride);
  for (let i = 0; i < size; i++) {
    const lo = start + i * s;
    const hi = lo + s;
    // Pixels outside [0, limit) stay out: they are black and add nothing to the sum.
    const j0 = Math.max(0, Math.floor(lo));
    const j1 = Math.min(limit, Math.ceil(hi));
    first[i] = j0;
    count[i] = Math.max(0, j1 - j0);
    for (let j = j0; j < j1; j++) weights[i * stride + j - j0] = Math.min(j + 1, hi) - Math.max(j, lo);
  }
  return { first, count, weights, stride };
}

function areaResize(img: RgbaImage, size: number, left: number, top: number, s: number, mean: Rgb, std: Rgb | number): Float32Array {
  const { width, data } = img;
  const cols = footprints(size, left, s, width);
  const rows = footprints(size, top, s, img.height);
  const invArea = 1 / (s * s);
  const [scaleR, scaleG, scaleB] = inverseStd(std);
  const plane = size * size;
  const out = new Float32Array(3 * plane);
  const sums = new Float64Array(3 * size);
  for (let y = 0; y < size; y++) {
    sums.fill(0);
    const rowFirst = rows.first[y] as number;
    const rowCount = rows.count[y] as number;
    for (let r = 0; r < rowCount; r++) {
      const wy = rows.weights[y * rows.stride + r] as number;
      const rowBase = (rowFirst + r) * width * 4;
      for (let x = 0; x < size; x++) {
        const colFirst = cols.first[x] as number;
        const colCount = cols.count[x] as number;
        const wBase = x * cols.stride;
        let red = 0;
        let green = 0;
        let blue = 0;
        for (let t = 0; t < colCount; t++) {
          const w = cols.weights[wBase + t] as number;
          const p = rowBase + (colFirst + t) * 4;
          red += w * (data[p] as number);
          green += w * (data[p + 1] as number);
          blue += w * (data[p + 2] as number);
        }
        sums[3 * x] = (sums[3 * x] as number) + wy * red;
        sums[3 * x + 1] = (sums[3 * x + 1] as number) + wy * green;
        sums[3 * x + 2] = (sums[3 * x + 2] as number) + wy * blue;
      }
    }
    for (let x = 0; x < size; x++) {
      const o = y * size + x;
      out[o] = ((sums[3 * x] as number) * invArea - mean[0]) * scaleR;
      out[o + plane] = ((sums[3 * x + 1] as number) * invArea - mean[1]) * scaleG;
      out[o + 2 * plane] = ((sums[3 * x + 2] as number) * invArea - mean[2]) * scaleB;
    }
  }
  return out;
}
