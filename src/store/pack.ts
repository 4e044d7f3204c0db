/**
 * Export and import through the identity pack, the format `facetag enroll` writes, so people
 * move between the CLI and the extension.
 */
import { EMBEDDING_DIM, EMBEDDING_MODEL_ID } from '../engine/model-id.js';
import { decodeEmbedding, encodeEmbedding, PACK_FORMAT, PACK_VERSION, type IdentityPack } from '../shared/identity-pack.js';
import { err, ok, type Result } from '../shared/result.js';
import type { FacetagDb } from './db.js';
import { addReference } from './people.js';

export async function exportPack(db: FacetagDb, now = new Date()): Promise<IdentityPack> {
  const [people, references, embeddings] = await Promise.all([
    db.people.orderBy('name').toArray(),
    db.references.toArray(),
    db.embeddings.where('modelId').equals(EMBEDDING_MODEL_ID).toArray(),
  ]);
  const vectorOf = new Map(embeddings.map((e) => [e.referenceId, e.vector]));
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    model: { id: EMBEDDING_MODEL_ID, dim: EMBEDDING_DIM },
    createdAt: now.toISOString(),
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      negatives: [],
      references: references
        .filter((r) => r.personId === p.id && vectorOf.has(r.id))
        .map((r) => ({ embedding: encodeEmbedding(vectorOf.get(r.id)!), thumbnail: r.thumbnail, quality: r.quality, source: r.source, addedAt: r.addedAt })),
    })),
  };
}

/** Adds a parsed pack's references (see parsePack) to the people of the same names. */
export async function importPack(db: FacetagDb, pack: IdentityPack): Promise<Result<number>> {
  if (pack.model.id !== EMBEDDING_MODEL_ID) return err(`the pack's embeddings come from ${pack.model.id}; this Facetag uses ${EMBEDDING_MODEL_ID}`);
  let added = 0;
  for (const person of pack.people) {
    for (const ref of person.references) {
      await addReference(db, {
        name: person.name,
        thumbnail: ref.thumbnail ?? '',
        quality: ref.quality ?? 0,
        source: ref.source ?? '',
        modelId: pack.model.id,
        embedding: decodeEmbedding(ref.embedding),
      }, ref.addedAt ? new Date(ref.addedAt) : undefined);
      added++;
    }
  }
  return ok(added);
}
