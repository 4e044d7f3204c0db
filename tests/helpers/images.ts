import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { transpose } from '../../models/convert/layers.js';
import { NHWC_TO_NCHW } from '../../models/convert/tfjs/context.js';
import { seededFloats } from './seeded-random.js';

/** An RGB image as float 0..255 values in HWC order. */
export interface RgbImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** Decodes an image file to RGB (alpha dropped), optionally resized to size x size (sharp's default filter). */
export async function readRgb(path: string, size?: number): Promise<RgbImage> {
  let pipeline = sharp(path).removeAlpha().toColourspace('srgb');
  if (size !== undefined) pipeline = pipeline.resize(size, size, { fit: 'fill' });
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`${path}: decoded ${info.channels} channels, expected 3`);
  return { width: info.width, height: info.height, data: Float32Array.from(data) };
}

const IMAGE_FILE = /\.(jpe?g|png)$/i;

/** The first `perDir` image files (.jpg/.jpeg/.png, sorted by name) of each sub-directory of `dir` (sorted), for stable picks. */
export function pickImages(dir: string, perDir: number): string[] {
  const subdirs = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return subdirs.flatMap((sub) =>
    readdirSync(join(dir, sub)).filter((f) => IMAGE_FILE.test(f)).sort().slice(0, perDir).map((f) => join(dir, sub, f)),
  );
}

/** Concatenates same-sized HWC images into one NHWC buffer. */
export function stackHwc(images: readonly RgbImage[]): Float32Array {
  const first = images[0];
  if (!first) throw new Error('stackHwc: no images');
  const out = new Float32Array(images.length * first.data.length);
  images.forEach((img, i) => {
    if (img.width !== first.width || img.height !== first.height) throw new Error('stackHwc: images differ in size');
    out.set(img.data, i * first.data.length);
  });
  return out;
}

/** NHWC -> NCHW copy of a batch. */
export function nhwcToNchw(data: Float32Array, shape: readonly [number, number, number, number]): Float32Array {
  return transpose(data, shape, NHWC_TO_NCHW);
}

/**
 * Same-sized 0..255 RGB images as one NCHW batch of `(pixel - mean[c]) / divisor`, in the
 * float32 arithmetic order face-api uses (subtract, then divide).
 */
export function normalisedNchw(images: readonly RgbImage[], mean: readonly number[], divisor: number): { data: Float32Array; dims: number[] } {
  const { width: w, height: h } = images[0] ?? { width: 0, height: 0 };
  const dims = [images.length, mean.length, h, w];
  const nchw = nhwcToNchw(stackHwc(images), [images.length, h, w, mean.length]);
  const data = nchw.map((v, i) => Math.fround(v - Math.fround(mean[Math.floor(i / (h * w)) % mean.length] as number)) / divisor);
  return { data, dims };
}

/** `n` images of uniform 0..255 noise from a seeded PRNG (one stream, image after image). */
export function seededImages(seed: number, n: number, width: number, height: number): RgbImage[] {
  const all = seededFloats(seed, n * width * height * 3, 0, 255);
  const per = width * height * 3;
  return Array.from({ length: n }, (_, i) => ({ width, height, data: all.slice(i * per, (i + 1) * per) }));
}

/** A width x height window of `img` starting at (left, top). */
export function cropRgb(img: RgbImage, left: number, top: number, width: number, height: number): RgbImage {
  if (left < 0 || top < 0 || left + width > img.width || top + height > img.height) throw new Error('cropRgb: window outside image');
  const data = new Float32Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * img.width + left) * 3;
    data.set(img.data.subarray(from, from + width * 3), y * width * 3);
  }
  return { width, height, data };
}
