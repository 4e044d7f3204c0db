import { dlibChipTransform } from './align/dlib-template.js';
import { fivePoints, landmarks68 } from './align/landmarks68.js';
import { BLAZEFACE_BACK, BLAZEFACE_FRONT } from './detect/anchors.js';
import { DEFAULT_DETECT_CONFIG, findFaces, type DetectConfig, type DetectPass, type FaceFinders } from './detect/find-faces.js';
import { faceFlags } from './detect/verify.js';
import { embedFaces } from './embed.js';
import { assessQuality } from './quality.js';
import type { EngineModels } from './runtime.js';
import type { Detection, Face, RgbaImage } from './types.js';

export interface EngineConfig {
  detect: DetectConfig;
  /** Faces smaller than this many pixels are ignored: too small to recognise, and drawings fool both models there. */
  minFaceSize: number;
  /** FaceMesh face-presence probability that makes a detection a face. */
  minFaceFlag: number;
  /**
   * A confident detection (turned or tilted heads, where FaceMesh hesitates) needs only this
   * FaceMesh probability. Dogs never reach `confidentScore` in the coarse pass.
   */
  minFaceFlagIfConfident: number;
  confidentScore: number;
  /** ...if it is at least this large: FaceMesh is the only check that catches tiny drawn faces. */
  confidentMinSize: number;
  /** A detection this confident (and as large) skips the FaceMesh check: dog faces score at most 0.68. */
  certainScore: number;
  /**
   * A face filling at least this fraction of the image's short side is a portrait crop. FaceMesh
   * hesitates when the face is cut by the image border, so a confident detection is enough.
   */
  portraitFraction: number;
  portraitMinScore: number;
  /** The landmark net's crop, as a multiple of the detector's box. */
  landmarkBoxScale: number;
  /**
   * Average each descriptor with that of the mirrored chip: +1.2 points TAR at FAR 1e-3 on
   * ../shared/faces, for a second descriptor run (about 20% of the time per image). Off by
   * default so that Facetag stays 10x faster than face-api.js; docs/BENCHMARKS.md has both.
   */
  mirror: boolean;
}

export const DEFAULT_ENGINE_CONFIG: EngineConfig = {
  detect: DEFAULT_DETECT_CONFIG,
  minFaceSize: 12,
  minFaceFlag: 0.8,
  minFaceFlagIfConfident: 0.1,
  confidentScore: 0.7,
  confidentMinSize: 32,
  certainScore: 0.85,
  portraitFraction: 0.5,
  portraitMinScore: 0.7,
  landmarkBoxScale: 1.1,
  mirror: false,
};

/** Images smaller than this on either side cannot hold a face the models can use. */
export const MIN_SIDE = 16;

function faceFinders(models: EngineModels): FaceFinders {
  return { detector: { runner: models.detector, geometry: BLAZEFACE_BACK }, refiner: { runner: models.refiner, geometry: BLAZEFACE_FRONT } };
}

/** Candidates of one detection pass that are faces by FaceMesh's check or by the confidence rules. */
async function verifiedFaces(models: EngineModels, img: RgbaImage, cfg: EngineConfig, pass: DetectPass): Promise<Detection[]> {
  const candidates = (await findFaces(faceFinders(models), img, cfg.detect, pass)).filter((d) => Math.max(d.box[2], d.box[3]) >= cfg.minFaceSize);
  // Only doubtful candidates pay for the FaceMesh check.
  const certain = (d: Detection): boolean => d.score >= cfg.certainScore && Math.max(d.box[2], d.box[3]) >= cfg.confidentMinSize;
  const doubtful = candidates.filter((d) => !certain(d));
  const flagOf = new Map(doubtful.map((d, i) => [d, i]));
  const flags = await faceFlags(models.verifier, img, doubtful);
  return candidates.filter((d) => {
    if (certain(d)) return true;
    const flag = flags[flagOf.get(d) as number] as number;
    const side = Math.max(d.box[2], d.box[3]);
    const confident = d.score >= cfg.confidentScore && side >= cfg.confidentMinSize;
    const portrait = d.score >= cfg.portraitMinScore && side >= cfg.portraitFraction * Math.min(img.width, img.height);
    return flag >= cfg.minFaceFlag || (confident && flag >= cfg.minFaceFlagIfConfident) || portrait;
  });
}

/**
 * The whole pipeline over one image: find → verify → 68 landmarks → dlib chip → descriptor.
 * Pure apart from the injected model runners, so it runs the same in Node and in the browser.
 */
export async function analyseImage(models: EngineModels, img: RgbaImage, cfg: EngineConfig = DEFAULT_ENGINE_CONFIG): Promise<Face[]> {
  if (img.data.length !== img.width * img.height * 4) throw new Error(`image data holds ${img.data.length} bytes, expected ${img.width}x${img.height}x4`);
  if (img.width < MIN_SIDE || img.height < MIN_SIDE) return [];
  // The padded pass costs two more detector runs; only tight crops need it.
  let faces = await verifiedFaces(models, img, cfg, 'scene');
  if (faces.length === 0) faces = await verifiedFaces(models, img, cfg, 'padded');
  if (faces.length === 0) return [];
  const points = await landmarks68(models.landmarks, img, faces.map((f) => f.box), cfg.landmarkBoxScale);
  const embeddings = await embedFaces(models.embedder, img, points.map(dlibChipTransform), cfg.mirror);
  return faces.map((det, i) => {
    const quality = assessQuality(img, det);
    return {
      box: det.box,
      score: det.score,
      landmarks: fivePoints(points[i] ?? []),
      quality: quality.score,
      qualityIssues: quality.reasons,
      embedding: embeddings[i] as Float32Array,
    };
  });
}
