/**
 * Where the faces of a video frame are, and nothing more: one BlazeFace pass over the whole
 * frame at the detector's 256 px input. No tiles (faces under ~40 px of a 640 px frame are
 * missed), no refinement (boxes are a little looser), no FaceMesh check, landmarks or
 * descriptor: about a tenth of analyseImage's time on 640 px frames (tests/pipeline). It serves
 * frames whose faces the content script already follows and has named; their boxes only move
 * those tracks along. Without the FaceMesh check, only candidates as confident as the full
 * pipeline trusts with hardly any check (`confidentScore`, which dog faces never reach) count.
 * A face this pass sees that no track explains, or a track it misses, sends the next frame
 * through the whole pipeline.
 */
import { DEFAULT_ENGINE_CONFIG, MIN_SIDE, type EngineConfig } from './engine.js';
import { suppressContained } from './detect/find-faces.js';
import { weightedNms } from './detect/nms.js';
import { BLAZEFACE_BACK } from './detect/anchors.js';
import { detectInRegions } from './detect/run-detector.js';
import type { ModelRunner } from './runtime.js';
import type { Detection, RgbaImage } from './types.js';

export async function locateFaces(detector: ModelRunner, img: RgbaImage, cfg: EngineConfig = DEFAULT_ENGINE_CONFIG): Promise<Detection[]> {
  if (img.width < MIN_SIDE || img.height < MIN_SIDE) return [];
  const [whole = []] = await detectInRegions({ runner: detector, geometry: BLAZEFACE_BACK }, img, [[0, 0, img.width, img.height]], cfg.confidentScore, 'coarse');
  return suppressContained(weightedNms(whole, cfg.detect.nmsIou))
    .filter((d) => Math.max(d.box[2], d.box[3]) >= cfg.minFaceSize)
    .slice(0, cfg.detect.maxFaces);
}
