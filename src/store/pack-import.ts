/**
 * Importing people into the store, from an identity pack or a folder of photos. Everything is
 * validated and every embedding computed before this runs; it then writes in ONE IndexedDB
 * transaction, so a failure (the storage quota, say) or the browser being killed half-way
 * leaves the store exactly as it was: IndexedDB commits a transaction whole or not at all.
 */
import { EMBEDDING_MODEL_ID } from '../engine/model-id.js';
import type { FacetagDb } from './db.js';
import { nameKeyOf, type EmbeddingRow, type NegativeRow, type PersonRow, type ReferenceRow } from './schema.js';

export interface ImportReference {
  thumbnail: string;
  quality: number;
  source: string;
  addedAt?: string;
  embedding: Float32Array;
}

export interface ImportPerson {
  /** Kept on Replace so a person keeps their id across an export/import. */
  id?: string;
  name: string;
  references: ImportReference[];
  /** Faces rejected as not this person ("Not <name>"), kept as negative examples. */
  negatives?: ImportReference[];
}

/** Merge adds references to the people of the same name; Replace first forgets everyone. */
export type ImportMode = 'merge' | 'replace';

export interface ImportOutcome {
  peopleAdded: number;
  peopleUpdated: number;
  referencesAdded: number;
}

/** The names in `names` that the store already holds, as the store spells them. */
export async function existingNames(db: FacetagDb, names: readonly string[]): Promise<string[]> {
  const keys = [...new Set(names.map(nameKeyOf))];
  const found = await db.people.where('nameKey').anyOf(keys).toArray();
  return found.map((p) => p.name).sort((a, b) => a.localeCompare(b));
}

/** People of one name (folded) are one person, as everywhere in the store. */
function byName(people: readonly ImportPerson[]): Map<string, ImportPerson> {
  const merged = new Map<string, ImportPerson>();
  for (const p of people) {
    const key = nameKeyOf(p.name);
    const seen = merged.get(key);
    if (seen) {
      seen.references.push(...p.references);
      seen.negatives = [...(seen.negatives ?? []), ...(p.negatives ?? [])];
    } else merged.set(key, { ...p, name: p.name.trim(), references: [...p.references], negatives: [...(p.negatives ?? [])] });
  }
  return merged;
}

export async function applyImport(db: FacetagDb, people: readonly ImportPerson[], mode: ImportMode, now = new Date(), modelId = EMBEDDING_MODEL_ID): Promise<ImportOutcome> {
  const incoming = byName(people);
  return db.transaction('rw', [db.people, db.references, db.embeddings, db.negatives], async () => {
    if (mode === 'replace') await Promise.all([db.people.clear(), db.references.clear(), db.embeddings.clear(), db.negatives.clear()]);
    const existing = new Map((await db.people.where('nameKey').anyOf([...incoming.keys()]).toArray()).map((p) => [p.nameKey, p]));
    const newPeople: PersonRow[] = [];
    const refs: ReferenceRow[] = [];
    const vectors: EmbeddingRow[] = [];
    const negatives: NegativeRow[] = [];
    for (const [nameKey, person] of incoming) {
      let row = existing.get(nameKey);
      if (!row) {
        row = { id: mode === 'replace' && person.id ? person.id : crypto.randomUUID(), name: person.name, nameKey, createdAt: now.toISOString() };
        newPeople.push(row);
      }
      for (const r of person.references) {
        const id = crypto.randomUUID();
        refs.push({ id, personId: row.id, thumbnail: r.thumbnail, quality: r.quality, source: r.source, addedAt: r.addedAt ?? now.toISOString() });
        vectors.push({ referenceId: id, modelId, personId: row.id, vector: r.embedding });
      }
      for (const n of person.negatives ?? []) {
        negatives.push({ id: crypto.randomUUID(), personId: row.id, modelId, vector: n.embedding, thumbnail: n.thumbnail, source: n.source, addedAt: n.addedAt ?? now.toISOString() });
      }
    }
    await db.people.bulkAdd(newPeople);
    await db.references.bulkAdd(refs);
    await db.embeddings.bulkAdd(vectors);
    await db.negatives.bulkAdd(negatives);
    return { peopleAdded: newPeople.length, peopleUpdated: incoming.size - newPeople.length, referencesAdded: refs.length };
  });
}
