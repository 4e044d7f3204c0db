/** A person's reference faces, as the popup's person view shows and edits them. */
import type { ReferenceSummary } from '../shared/protocol.js';
import { err, ok, type Result } from '../shared/result.js';
import type { FacetagDb } from './db.js';

export async function listReferences(db: FacetagDb, personId: string): Promise<ReferenceSummary[]> {
  const refs = await db.references.where('personId').equals(personId).sortBy('addedAt');
  return refs.map((r) => ({ id: r.id, thumbnail: r.thumbnail, quality: r.quality, source: r.source, addedAt: r.addedAt }));
}

/** Removes one reference face and its embeddings of every model. */
export async function removeReference(db: FacetagDb, referenceId: string): Promise<Result<null>> {
  return db.transaction('rw', db.references, db.embeddings, async () => {
    if (!(await db.references.get(referenceId))) return err('that photo is no longer there');
    await db.embeddings.where('[referenceId+modelId]').between([referenceId, ''], [referenceId, '\uffff']).delete();
    await db.references.delete(referenceId);
    return ok(null);
  });
}
