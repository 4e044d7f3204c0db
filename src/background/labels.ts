/**
 * Names the engine's faces against the store. Boxes go back to the page as fractions of the
 * image, so the content script can place them on the image however it is scaled.
 */
import { buildGallery } from '../engine/match/gallery.js';
import { DEFAULT_MATCH_MARGIN, DEFAULT_MATCH_THRESHOLD } from '../engine/match/defaults.js';
import { nameFaces } from '../engine/match/name-faces.js';
import { EMBEDDING_MODEL_ID } from '../engine/model-id.js';
import type { EngineAnalysis, PageAnalysis } from '../shared/protocol.js';
import type { FacetagDb } from '../store/db.js';
import { galleryPeople } from '../store/people.js';

export async function labelFaces(db: FacetagDb, analysis: EngineAnalysis): Promise<PageAnalysis> {
  // Rebuilt per image: the service worker keeps no state, and a small gallery packs in microseconds.
  const gallery = buildGallery(await galleryPeople(db, EMBEDDING_MODEL_ID));
  const named = nameFaces(gallery, analysis.faces.map((f) => ({ embedding: Float32Array.from(f.embedding), quality: f.quality })), { threshold: DEFAULT_MATCH_THRESHOLD, margin: DEFAULT_MATCH_MARGIN });
  const { width, height } = analysis;
  return {
    ms: analysis.ms,
    faces: analysis.faces.map((f, i) => ({
      box: [f.box[0] / width, f.box[1] / height, f.box[2] / width, f.box[3] / height],
      name: named[i]?.person?.name ?? null,
      quality: f.quality,
    })),
  };
}
