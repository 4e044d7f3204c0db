/**
 * Corrections from a page's correction menu, and the thumbnail the name prompt shows. The page
 * names a face by image URL and face index only; the embedding comes from the engine's cache, so
 * a page can correct only faces the engine analysed for it and can never inject an embedding of
 * its choosing.
 */
import { EMBEDDING_MODEL_ID } from '../engine/model-id.js';
import { ext } from '../platform/ext.js';
import type { Handlers } from '../platform/messaging.js';
import type { BackgroundResponses, EngineFace, backgroundRequests } from '../shared/protocol.js';
import { err, ok, type Result } from '../shared/result.js';
import { withDb } from '../store/db.js';
import { undoCorrection, type CorrectionAdded } from '../store/correction-undo.js';
import { addNegative } from '../store/negatives.js';
import { addReference } from '../store/people.js';
import { nameKeyOf } from '../store/schema.js';
import type { EngineCall } from './engine-call.js';
import { namePeople } from './labels.js';

type CorrectionNames = 'rejectFace' | 'confirmFace' | 'faceThumbnail' | 'undoCorrection';

/** What each correction added, by its undo token; each token is taken once. */
export interface UndoStore {
  put(token: string, added: CorrectionAdded): Promise<void>;
  take(token: string): Promise<CorrectionAdded | null>;
}

const UNDO_PREFIX = 'correction-undo:';

/** storage.session: the worker keeps no state of its own, and undo lasts no longer than the browser session. */
export function sessionUndoStore(): UndoStore {
  return {
    put: (token, added) => ext.storage.session.set({ [`${UNDO_PREFIX}${token}`]: added }),
    async take(token) {
      const key = `${UNDO_PREFIX}${token}`;
      const added = (await ext.storage.session.get(key))[key] as CorrectionAdded | undefined;
      if (added) await ext.storage.session.remove(key);
      return added ?? null;
    },
  };
}

interface Found {
  face: EngineFace;
  /** Who the face is named as now; null when unknown. */
  named: { id: string; name: string } | null;
  thumbnail: string;
}

async function findFace(engine: EngineCall, url: string, side: number | undefined, index: number): Promise<Result<Found>> {
  const analysis = await engine('engine.analysed', { url, side });
  if (!analysis.ok) return analysis;
  const face = analysis.value.faces[index];
  if (!face) return err(`the image has no face number ${index + 1}`);
  const named = (await withDb((db) => namePeople(db, analysis.value)))[index] ?? null;
  const thumb = await engine('engine.thumbnail', { url, box: face.box, side });
  if (!thumb.ok) return thumb;
  return ok({ face, named, thumbnail: thumb.value.dataUrl });
}

export function correctionHandlers(engine: EngineCall, refresh: () => Promise<void>, undo: UndoStore): Handlers<Pick<typeof backgroundRequests, CorrectionNames>, Pick<BackgroundResponses, CorrectionNames>> {
  const undoToken = async (added: CorrectionAdded) => {
    const token = crypto.randomUUID();
    await undo.put(token, added);
    return token;
  };
  /** The rejected face's id; none when the face had no name. */
  const reject = async (found: Found, url: string): Promise<string[]> => {
    const named = found.named;
    if (!named) return [];
    const row = await withDb((db) => addNegative(db, { personId: named.id, modelId: EMBEDDING_MODEL_ID, vector: Float32Array.from(found.face.embedding), thumbnail: found.thumbnail, source: url }));
    return [row.id];
  };
  return {
    rejectFace: async ({ url, side, face }) => {
      const found = await findFace(engine, url, side, face);
      if (!found.ok) return found;
      if (!found.value.named) return err('that face has no name to reject');
      const negativeIds = await reject(found.value, url);
      void refresh();
      return ok({ name: found.value.named.name, undo: await undoToken({ negativeIds, reference: null }) });
    },
    confirmFace: async ({ url, side, face, name }) => {
      const found = await findFace(engine, url, side, face);
      if (!found.ok) return found;
      const { face: f, named, thumbnail } = found.value;
      // "This is Bob" on a face named Alice also says "not Alice".
      const negativeIds = named && nameKeyOf(named.name) !== nameKeyOf(name) ? await reject(found.value, url) : [];
      const person = await withDb((db) => addReference(db, { name, thumbnail, quality: f.quality, source: url, modelId: EMBEDDING_MODEL_ID, embedding: Float32Array.from(f.embedding) }));
      void refresh();
      return ok({ name: person.name, undo: await undoToken({ negativeIds, reference: { id: person.referenceId, personId: person.id } }) });
    },
    undoCorrection: async ({ token }) => {
      const added = await undo.take(token);
      if (!added) return err('that correction can no longer be undone');
      await withDb((db) => undoCorrection(db, added));
      void refresh();
      return ok(null);
    },
    faceThumbnail: async ({ url, side, face }) => {
      const found = await findFace(engine, url, side, face);
      return found.ok ? ok({ dataUrl: found.value.thumbnail }) : found;
    },
  };
}
