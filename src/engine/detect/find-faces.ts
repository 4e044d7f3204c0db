import type { ModelRunner } from '../runtime.js';
import type { Box, Detection, RgbaImage } from '../types.js';
import { BLAZEFACE_INPUT_SIZE } from './anchors.js';
import { weightedNms } from './nms.js';
import { paddedImageRegion, squareAround, tileRegions } from './regions.js';
import { detectInRegions } from './run-detector.js';

export interface DetectConfig {
  /** Candidate score for the coarse passes (whole image, tiles, padded). */
  minScore: number;
  nmsIou: number;
  /** Tile when the image's long side exceeds this many detector inputs. */
  tileAbove: number;
  tileFraction: number;
  /** A tile's face is kept only if the whole-image pass would have seen it under this many input pixels. */
  smallFace: number;
  /** The padded passes show the image inside squares these many times its long side. */
  paddedFactors: number[];
  /** The refinement pass looks at a square this many times the face's box. */
  refineFactor: number;
  /** A candidate is kept only if the refinement pass confirms it with at least this score... */
  refineMinScore: number;
  /** ...unless it is smaller than this many pixels: tiny faces blur when zoomed and score lower. */
  tinyFace: number;
  maxFaces: number;
}

export const DEFAULT_DETECT_CONFIG: DetectConfig = {
  minScore: 0.45,
  nmsIou: 0.3,
  tileAbove: 2,
  tileFraction: 0.5,
  smallFace: 40,
  paddedFactors: [2, 3],
  refineFactor: 3,
  refineMinScore: 0.5,
  tinyFace: 20,
  maxFaces: 200,
};

function centre(box: Box): [number, number] {
  return [box[0] + box[2] / 2, box[1] + box[3] / 2];
}

/** Which view of the image the coarse pass looks at. */
export type DetectPass = 'scene' | 'padded';

/**
 * Coarse candidates in one batched run. The scene pass sees the whole image and, for large
 * images, tiles, from which only faces too small for the whole-image view are taken. The padded
 * pass shows the image inside larger squares: a crop that is nothing but a face gives BlazeFace
 * no context, and it finds such faces only once they are surrounded by border.
 */
async function coarseCandidates(detector: ModelRunner, img: RgbaImage, cfg: DetectConfig, pass: DetectPass): Promise<Detection[]> {
  if (pass === 'padded') {
    const results = await detectInRegions(detector, img, cfg.paddedFactors.map((f) => paddedImageRegion(img.width, img.height, f)), cfg.minScore);
    return suppressContained(weightedNms(results.flat(), cfg.nmsIou));
  }
  const inputScale = Math.max(img.width, img.height) / BLAZEFACE_INPUT_SIZE;
  const tiles = inputScale > cfg.tileAbove ? tileRegions(img.width, img.height, cfg.tileFraction) : [];
  const [whole = [], ...perTile] = await detectInRegions(detector, img, [[0, 0, img.width, img.height], ...tiles], cfg.minScore);
  const small = perTile.flat().filter((d) => Math.max(d.box[2], d.box[3]) / inputScale < cfg.smallFace);
  return suppressContained(weightedNms([...whole, ...small], cfg.nmsIou));
}

/**
 * Drops a detection lying mostly (over half its area) inside a better one. On tight face crops
 * BlazeFace also fires on a half-size window over the same face; two real faces never overlap
 * that much.
 */
export function suppressContained(sorted: readonly Detection[]): Detection[] {
  const kept: Detection[] = [];
  for (const d of sorted) {
    const [x, y, w, h] = d.box;
    const inside = kept.some(({ box: [kx, ky, kw, kh] }) => {
      const iw = Math.min(x + w, kx + kw) - Math.max(x, kx);
      const ih = Math.min(y + h, ky + kh) - Math.max(y, ky);
      return iw > 0 && ih > 0 && (iw * ih) / (w * h) > 0.5;
    });
    if (!inside) kept.push(d);
  }
  return kept;
}

/**
 * Re-detects each candidate on a crop twice its size, where the face fills a quarter of the
 * detector's view: boxes and keypoints come out much tighter, which the alignment needs, and
 * shifted boxes that tiles and crowds produce next to a face are not confirmed and dropped.
 */
async function refine(detector: ModelRunner, img: RgbaImage, candidates: readonly Detection[], cfg: DetectConfig): Promise<Detection[]> {
  const refined: Detection[] = [];
  const regions = candidates.map((c) => squareAround(c.box, cfg.refineFactor));
  const results = await detectInRegions(detector, img, regions, cfg.minScore);
  results.forEach((dets, i) => {
    const region = regions[i] as Box;
    const [cx, cy] = centre(region);
    const near = weightedNms(dets, cfg.nmsIou).filter((d) => {
      const [x, y] = centre(d.box);
      return Math.hypot(x - cx, y - cy) < region[2] / 4;
    });
    const best = near[0];
    const coarse = candidates[i] as Detection;
    // The coarse score is kept: the closer look rates dogs as confidently as people.
    if (best && best.score >= cfg.refineMinScore) refined.push({ ...best, score: coarse.score });
    else if (Math.max(coarse.box[2], coarse.box[3]) < cfg.tinyFace) refined.push(coarse);
  });
  return suppressContained(weightedNms(refined, cfg.nmsIou));
}

/** Candidate faces of one pass, in image pixels, best first. */
export async function findFaces(detector: ModelRunner, img: RgbaImage, cfg: DetectConfig = DEFAULT_DETECT_CONFIG, pass: DetectPass = 'scene'): Promise<Detection[]> {
  const candidates = (await coarseCandidates(detector, img, cfg, pass)).slice(0, cfg.maxFaces);
  return refine(detector, img, candidates, cfg);
}
