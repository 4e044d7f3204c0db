/**
 * Names the engine's faces against the store. Boxes go back to the page as fractions of the
 * image, so the content script can place them on the image however it is scaled.
 */
import { buildGallery, type Person } from '../engine/match/gallery.js';
import { DEFAULT_MATCH_MARGIN } from '../engine/match/defaults.js';
import { nameFaces } from '../engine/match/name-faces.js';
import { thresholdFor } from '../engine/match/sensitivity.js';
import { EMBEDDING_MODEL_ID } from '../engine/model-id.js';
import type { EngineAnalysis, PageAnalysis } from '../shared/protocol.js';
import type { FacetagDb } from '../store/db.js';
import { markSeen } from '../store/last-seen.js';
import { galleryPeople, readSettings } from '../store/people.js';

/** The person each face is named as (null: unknown), with the user's rejections and sensitivity applied. */
export async function namePeople(db: FacetagDb, analysis: EngineAnalysis): Promise<(Person | null)[]> {
  // Rebuilt per image: the service worker keeps no state, and a small gallery packs in microseconds.
  const [people, settings] = await Promise.all([galleryPeople(db, EMBEDDING_MODEL_ID), readSettings(db)]);
  const faces = analysis.faces.map((f) => ({ embedding: Float32Array.from(f.embedding), quality: f.quality }));
  const named = nameFaces(buildGallery(people), faces, { threshold: thresholdFor(settings.sensitivity), margin: DEFAULT_MATCH_MARGIN });
  return named.map((n) => n.person);
}

/** The analysis as a page sees it, each face under the name at its index (none: unknown). */
export function pageAnalysis(analysis: EngineAnalysis, names: readonly (string | null)[] = []): PageAnalysis {
  const { width, height } = analysis;
  return {
    ms: analysis.ms,
    faces: analysis.faces.map((f, i) => ({
      box: [f.box[0] / width, f.box[1] / height, f.box[2] / width, f.box[3] / height],
      name: names[i] ?? null,
      quality: f.quality,
    })),
  };
}

export async function labelFaces(db: FacetagDb, analysis: EngineAnalysis): Promise<PageAnalysis> {
  const people = await namePeople(db, analysis);
  await markSeen(db, people.flatMap((p) => (p ? [p.id] : [])));
  return pageAnalysis(analysis, people.map((p) => p?.name ?? null));
}
