/**
 * Export and import through the identity pack, the format `facetag enroll` writes, so people
 * move between the CLI and the extension.
 */
import { EMBEDDING_DIM, EMBEDDING_MODEL_ID } from '../engine/model-id.js';
import { encodeEmbedding, MAX_SOURCE, PACK_FORMAT, PACK_THUMBNAIL, PACK_VERSION, type IdentityPack, type PackReference } from '../shared/identity-pack.js';
import type { Result } from '../shared/result.js';
import type { FacetagDb } from './db.js';
import { applyImport } from './pack-import.js';
import { packPeople, type EmbedThumbnail } from './pack-people.js';

/** A reference or rejected face as the pack holds it: JPEG/PNG thumbnails and page URLs only (a canvas's data URL is no use as a source). */
function packFace(vector: Float32Array, face: { thumbnail: string; source: string; addedAt: string; quality?: number }): PackReference {
  return {
    embedding: encodeEmbedding(vector),
    ...(PACK_THUMBNAIL.test(face.thumbnail) ? { thumbnail: face.thumbnail } : {}),
    ...(face.quality === undefined ? {} : { quality: face.quality }),
    ...(face.source.length <= MAX_SOURCE && !face.source.startsWith('data:') ? { source: face.source } : {}),
    addedAt: face.addedAt,
  };
}

/** Everyone, or the people with these ids, with their references and the faces rejected as them. */
export async function exportPack(db: FacetagDb, now = new Date(), ids?: readonly string[]): Promise<IdentityPack> {
  const [all, references, embeddings, negatives] = await Promise.all([
    db.people.orderBy('name').toArray(),
    db.references.toArray(),
    db.embeddings.where('modelId').equals(EMBEDDING_MODEL_ID).toArray(),
    db.negatives.where('modelId').equals(EMBEDDING_MODEL_ID).toArray(),
  ]);
  const people = ids ? all.filter((p) => ids.includes(p.id)) : all;
  const vectorOf = new Map(embeddings.map((e) => [e.referenceId, e.vector]));
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    model: { id: EMBEDDING_MODEL_ID, dim: EMBEDDING_DIM },
    createdAt: now.toISOString(),
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      negatives: negatives.filter((n) => n.personId === p.id).map((n) => packFace(n.vector, n)),
      references: references.filter((r) => r.personId === p.id && vectorOf.has(r.id)).map((r) => packFace(vectorOf.get(r.id)!, r)),
    })),
  };
}

/** Adds a parsed pack's references (see parsePack) to the people of the same names, in one transaction. */
export async function importPack(db: FacetagDb, pack: IdentityPack, embed?: EmbedThumbnail): Promise<Result<number>> {
  const ready = await packPeople(pack, embed);
  if (!ready.ok) return ready;
  const outcome = await applyImport(db, ready.value.people, 'merge');
  return { ok: true, value: outcome.referencesAdded };
}
