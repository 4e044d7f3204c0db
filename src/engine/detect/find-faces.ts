import type { Box, Detection, RgbaImage } from '../types.js';
import { BLAZEFACE_INPUT_SIZE } from './anchors.js';
import { weightedNms } from './nms.js';
import { paddedImageRegion, squareAround, tileRegions } from './regions.js';
import { detectInRegions, type Blazeface } from './run-detector.js';

/** The two BlazeFace models: one finds faces, the other takes the closer look at each. */
export interface FaceFinders {
  /** blazeface-back: whole images, tiles and padded views at 256 px. */
  detector: Blazeface;
  /** blazeface-front: the refinement view at 128 px, where the face is a third of the view. */
  refiner: Blazeface;
}

export interface DetectConfig {
  /** Candidate score for the coarse passes (whole image, tiles, padded). */
  minScore: number;
  nmsIou: number;
  /** Tile when the image's long side exceeds this many detector inputs. */
  tileAbove: number;
  tileFraction: number;
  /** A tile's face is kept only if the whole-image pass would have seen it under this many input pixels. */
  smallFace: number;
  /**
   * A tile is looked at only if the whole-image view shows, somewhere inside it, a tiny candidate
   * (under `tinyFace` input pixels, and not part of a larger face it found) scoring at least
   * this. BlazeFace still fires on faces too small for it to be sure of; where it shows nothing
   * of the kind, tiles found nothing the whole view did not (docs/BENCHMARKS.md, "Low compute"),
   * and a portrait skips them.
   */
  tileHintScore: number;
  /** The padded passes show the image inside squares these many times its long side. */
  paddedFactors: number[];
  /** The refinement pass looks at a square this many times the face's box. */
  refineFactor: number;
  /** A candidate is kept only if the refinement pass confirms it with at least this score... */
  refineMinScore: number;
  /**
   * Candidates scoring under this in the coarse pass get their closer look from the 256 px
   * detector instead of the 128 px refiner: whether they are faces at all is in doubt (the
   * engine's `confidentScore`), and the refiner's tighter boxes on dog faces pass FaceMesh's
   * check where the detector's did not (docs/BENCHMARKS.md). Faces scoring above it, nearly
   * all of them, take the refiner's run at about a fifth of the cost.
   */
  thoroughRefineBelow: number;
  /** ...unless it is smaller than this many pixels: tiny faces blur when zoomed and score lower. */
  tinyFace: number;
  /**
   * A candidate the whole-image view already showed within this factor of the size the
   * refinement view would show it (the detector's input / refineFactor) skips that pass: it
   * would look at the same face at the same scale again. 1 refines every candidate.
   */
  refineSkipRange: number;
  maxFaces: number;
}

export const DEFAULT_DETECT_CONFIG: DetectConfig = {
  minScore: 0.45,
  nmsIou: 0.3,
  tileAbove: 2,
  tileFraction: 0.5,
  smallFace: 40,
  tileHintScore: 0.4,
  paddedFactors: [2, 3],
  refineFactor: 3,
  refineMinScore: 0.5,
  thoroughRefineBelow: 0.7,
  tinyFace: 20,
  refineSkipRange: 1.25,
  maxFaces: 200,
};

function centre(box: Box): [number, number] {
  return [box[0] + box[2] / 2, box[1] + box[3] / 2];
}

/** Which view of the image the coarse pass looks at. */
export type DetectPass = 'scene' | 'padded';

/** How the view the candidates came from showed the image. */
interface View {
  /** Image pixels per input pixel. */
  scale: number;
  /** The input side of the model that looked. */
  inputSize: number;
}

interface Coarse {
  candidates: Detection[];
  /** null: the padded views, whose candidates are always refined. */
  view: View | null;
}

/**
 * Whether the view the face was found in already showed it about as large as the refinement view
 * would: that view would see the same face at the same scale and only repeat the detector run.
 * Tile candidates are small in that view by construction, so they are always refined; so is
 * anything the refinement would have to confirm. Faces shown much larger are refined:
 * BlazeFace's keypoints on them are too loose for the alignment (skipping up to 2x the size cost
 * 17 points of TAR @ FAR 1e-3 while face crops were shown enlarged; docs/BENCHMARKS.md).
 */
function seenAtRefinementScale(candidate: Detection, view: View | null, cfg: DetectConfig): boolean {
  if (view === null || candidate.score < cfg.refineMinScore) return false;
  const shown = Math.max(candidate.box[2], candidate.box[3]) / view.scale;
  const target = view.inputSize / cfg.refineFactor;
  return shown >= target / cfg.refineSkipRange && shown <= target * cfg.refineSkipRange;
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
 * Small images (no larger than the detector's input) are mostly one face: avatars, thumbnails,
 * crops. Such an image is first shown as the refinement view would show a face filling it; a
 * face found there at that scale needs no second run (this halved the detector runs on face
 * crops, with no loss of accuracy: docs/BENCHMARKS.md). Anything else in that view is too small
 * to trust, so without such a face the image gets the usual whole-image view. A much smaller
 * second face beside a face filling the image is the one thing this can miss.
 */
async function faceFillingSmallImage(refiner: Blazeface, img: RgbaImage, cfg: DetectConfig): Promise<Coarse | null> {
  const longSide = Math.max(img.width, img.height);
  if (longSide > BLAZEFACE_INPUT_SIZE) return null;
  const [found = []] = await detectInRegions(refiner, img, [paddedImageRegion(img.width, img.height, cfg.refineFactor)], cfg.minScore);
  const view = { scale: (cfg.refineFactor * longSide) / refiner.geometry.inputSize, inputSize: refiner.geometry.inputSize };
  const faces = suppressContained(weightedNms(found, cfg.nmsIou)).filter((d) => seenAtRefinementScale(d, view, cfg));
  return faces.length > 0 ? { candidates: faces, view } : null;
}

const holds = ([x, y, w, h]: Box, [px, py]: [number, number]): boolean => px >= x && px < x + w && py >= y && py < y + h;

/**
 * The tiles where the whole-image view (`seen`, every candidate down to tileHintScore) shows a
 * tiny face that it could not make sure of. Faces of tinyFace input pixels and more scored at
 * least 0.57 in the whole view of every group photo of ../shared/faces; only smaller ones needed
 * the tiles. A tiny candidate centred on a larger face already found is that face seen at a
 * smaller anchor.
 */
function tilesWorthALook(img: RgbaImage, seen: readonly Detection[], whole: readonly Detection[], inputScale: number, cfg: DetectConfig): Box[] {
  const side = (d: Detection): number => Math.max(d.box[2], d.box[3]) / inputScale;
  const found = whole.filter((d) => side(d) >= cfg.tinyFace).map((d) => d.box);
  const hints = seen
    .filter((d) => side(d) < cfg.tinyFace && d.score >= cfg.tileHintScore)
    .map((d) => centre(d.box))
    .filter((c) => !found.some((box) => holds(box, c)));
  return tileRegions(img.width, img.height, cfg.tileFraction).filter((tile) => hints.some((c) => holds(tile, c)));
}

/**
 * Coarse candidates. The scene pass sees the whole image and, for large images, the tiles where
 * it shows a face too small to be sure of, from which only faces too small for the whole-image
 * view are taken. The padded pass shows the image inside larger squares: a crop that is nothing
 * but a face gives BlazeFace no context, and it finds such faces only once they are surrounded
 * by border.
 */
async function coarseCandidates({ detector, refiner }: FaceFinders, img: RgbaImage, cfg: DetectConfig, pass: DetectPass): Promise<Coarse> {
  if (pass === 'padded') {
    const results = await detectInRegions(detector, img, cfg.paddedFactors.map((f) => paddedImageRegion(img.width, img.height, f)), cfg.minScore, 'coarse');
    return { candidates: suppressContained(weightedNms(results.flat(), cfg.nmsIou)), view: null };
  }
  const filling = await faceFillingSmallImage(refiner, img, cfg);
  if (filling) return filling;
  const inputScale = Math.max(img.width, img.height) / BLAZEFACE_INPUT_SIZE;
  const isSmall = (d: Detection): boolean => Math.max(d.box[2], d.box[3]) / inputScale < cfg.smallFace;
  const tiling = inputScale > cfg.tileAbove;
  const [seen = []] = await detectInRegions(detector, img, [[0, 0, img.width, img.height]], tiling ? Math.min(cfg.minScore, cfg.tileHintScore) : cfg.minScore, 'coarse');
  const whole = seen.filter((d) => d.score >= cfg.minScore);
  const tiles = tiling ? tilesWorthALook(img, seen, whole, inputScale, cfg) : [];
  const small = (await detectInRegions(detector, img, tiles, cfg.minScore, 'coarse')).flat().filter(isSmall);
  return { candidates: suppressContained(weightedNms([...whole, ...small], cfg.nmsIou)), view: { scale: inputScale, inputSize: detector.geometry.inputSize } };
}

/**
 * Re-detects each candidate on a crop twice its size, where the face fills a quarter of the
 * detector's view: boxes and keypoints come out much tighter, which the alignment needs, and
 * shifted boxes that tiles and crowds produce next to a face are not confirmed and dropped.
 */
async function refine({ detector, refiner }: FaceFinders, img: RgbaImage, { candidates, view }: Coarse, cfg: DetectConfig): Promise<Detection[]> {
  const refined = candidates.filter((c) => seenAtRefinementScale(c, view, cfg));
  const pending = candidates.filter((c) => !refined.includes(c));
  const weak = pending.filter((c) => c.score < cfg.thoroughRefineBelow);
  const strong = pending.filter((c) => !weak.includes(c));
  for (const [model, group] of [[refiner, strong], [detector, weak]] as const) {
    const regions = group.map((c) => squareAround(c.box, cfg.refineFactor));
    const results = await detectInRegions(model, img, regions, cfg.minScore);
    results.forEach((dets, i) => {
      const region = regions[i] as Box;
      const [cx, cy] = centre(region);
      const near = weightedNms(dets, cfg.nmsIou).filter((d) => {
        const [x, y] = centre(d.box);
        return Math.hypot(x - cx, y - cy) < region[2] / 4;
      });
      const best = near[0];
      const coarse = group[i] as Detection;
      // The coarse score is kept: the closer look rates dogs as confidently as people.
      if (best && best.score >= cfg.refineMinScore) refined.push({ ...best, score: coarse.score });
      else if (Math.max(coarse.box[2], coarse.box[3]) < cfg.tinyFace) refined.push(coarse);
    });
  }
  return suppressContained(weightedNms(refined, cfg.nmsIou));
}

/** Candidate faces of one pass, in image pixels, best first. */
export async function findFaces({ detector, refiner }: FaceFinders, img: RgbaImage, cfg: DetectConfig = DEFAULT_DETECT_CONFIG, pass: DetectPass = 'scene'): Promise<Detection[]> {
  const coarse = await coarseCandidates({ detector, refiner }, img, cfg, pass);
  return refine({ detector, refiner }, img, { ...coarse, candidates: coarse.candidates.slice(0, cfg.maxFaces) }, cfg);
}
