/**
 * Halved copies of an image, made once per image and only as far down as some view needs, so
 * that every view the pipeline takes (whole image, tiles, closer looks, landmark crops, chips,
 * quality) reads about as many pixels as it writes, never the whole source. Without them each
 * shrinking view area-averaged its whole footprint in the source: a 16 MP photo was read in full
 * by the whole-image view, about twice more by the tiles, and once more per large face
 * (docs/BENCHMARKS.md, "Low compute").
 *
 * Level k is 2^k times smaller: its pixel (i, j) is the mean of source pixels [2^k i, 2^k (i+1))
 * x [2^k j, ...). An odd last row or column is left out of the next level (it then counts as
 * outside, black, like everything outside the image); this keeps every level's scale exactly a
 * power of two, so coordinates map without rounding.
 */
import type { RgbaImage } from '../types.js';

/** Levels are cached by the image object, so one analysis of one image builds each level once. */
const levelsOf = new WeakMap<RgbaImage, RgbaImage[]>();

/** A level no side of which is under this is never made: nothing samples that small a copy. */
const MIN_LEVEL_SIDE = 8;

/**
 * The image at half the size, each pixel the rounded mean of a 2x2 block (alpha included). Four
 * bytes are summed at once, two channels per 32-bit word, as sums of four bytes fit in 16 bits:
 * 19 ms against 25 ms for a per-byte loop on a 16 MP photo (docs/BENCHMARKS.md).
 */
export function halve(img: RgbaImage): RgbaImage {
  const width = img.width >> 1;
  const height = img.height >> 1;
  const out = new Uint32Array(width * height);
  const { buffer, byteOffset, byteLength } = img.data;
  const src = byteOffset % 4 === 0 ? new Uint32Array(buffer, byteOffset, byteLength / 4) : new Uint32Array(Uint8Array.from(img.data).buffer);
  const stride = img.width;
  for (let y = 0; y < height; y++) {
    let p = 2 * y * stride;
    let o = y * width;
    for (let x = 0; x < width; x++, p += 2, o++) {
      const a = src[p] as number;
      const b = src[p + 1] as number;
      const c = src[p + stride] as number;
      const d = src[p + stride + 1] as number;
      const even = (a & 0xff00ff) + (b & 0xff00ff) + (c & 0xff00ff) + (d & 0xff00ff) + 0x20002;
      const odd = ((a >>> 8) & 0xff00ff) + ((b >>> 8) & 0xff00ff) + ((c >>> 8) & 0xff00ff) + ((d >>> 8) & 0xff00ff) + 0x20002;
      out[o] = ((even >>> 2) & 0xff00ff) | (((odd >>> 2) & 0xff00ff) << 8);
    }
  }
  return { width, height, data: new Uint8ClampedArray(out.buffer) };
}

/**
 * How closely a shrinking view follows an exact area average of the source. 'fine' averages 2-4
 * level pixels per view pixel along a side; 'coarse' 1-2, from a level twice as small, whose
 * box filter then adds a little blur. The detector's scene views (whole image, tiles, padding:
 * the largest footprints) take 'coarse'; with every view coarse, TAR @ FAR 1e-3 on
 * ../shared/faces-hard fell from 62.8% to 61.6% (62.2% with scene views only), and with every
 * view fine one face of 15 in a crowd went missing (docs/BENCHMARKS.md).
 */
export type Detail = 'coarse' | 'fine';

/** A copy of the image and how many source pixels each of its pixels spans along a side. */
export interface PyramidLevel {
  image: RgbaImage;
  scale: number;
}

/**
 * The smallest level that still has at least one pixel per `shrink` source pixels (level 0, the
 * image itself, when shrink < 2), built from the level above on first use.
 */
export function levelFor(img: RgbaImage, shrink: number): PyramidLevel {
  let levels = levelsOf.get(img);
  if (!levels) {
    levels = [img];
    levelsOf.set(img, levels);
  }
  let k = 0;
  while (2 ** (k + 1) <= shrink) {
    const next = levels[k + 1] ?? makeLevel(levels);
    if (!next) break;
    k++;
  }
  return { image: levels[k] as RgbaImage, scale: 2 ** k };
}

function makeLevel(levels: RgbaImage[]): RgbaImage | undefined {
  const last = levels[levels.length - 1] as RgbaImage;
  if (last.width >> 1 < MIN_LEVEL_SIDE || last.height >> 1 < MIN_LEVEL_SIDE) return undefined;
  const next = halve(last);
  levels.push(next);
  return next;
}
