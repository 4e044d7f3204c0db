/**
 * A validated pack's people, ready for applyImport. Embeddings of this Facetag's model are taken
 * as they are; a pack made for another model is re-embedded from its thumbnails by the real
 * engine (the `embed` callback), since embeddings of two models cannot be compared.
 */
import { EMBEDDING_DIM, EMBEDDING_MODEL_ID } from '../engine/model-id.js';
import { decodeEmbedding, packDescriptor, type IdentityPack, type PackReference } from '../shared/identity-pack.js';
import { err, ok, type Result } from '../shared/result.js';
import type { ImportPerson, ImportReference } from './pack-import.js';

/** A thumbnail → the embedding of its face, or null when the engine finds no usable face in it. */
export type EmbedThumbnail = (thumbnail: string) => Promise<Result<Float32Array | null>>;

export interface PackPeople {
  people: ImportPerson[];
  /** References whose embeddings were recomputed from thumbnails. */
  recomputed: number;
  /** References left out, with why: "Alice, photo 3: no usable face in the thumbnail". */
  unusable: string[];
}

export function needsRecompute(pack: IdentityPack): boolean {
  return pack.model.id !== EMBEDDING_MODEL_ID;
}

/**
 * Why a pack of this Facetag's model holds a descriptor that cannot be a face's (its embeddings
 * are used as they are), or null; checked as the pack is opened, before the user picks Merge or
 * Replace, and again before anything is written.
 */
export function descriptorsProblem(pack: IdentityPack): string | null {
  if (needsRecompute(pack)) return null;
  for (const person of pack.people) {
    const faces = [...person.references.map((r, i) => [r, `photo ${i + 1}`] as const), ...person.negatives.map((r, i) => [r, `rejected face ${i + 1}`] as const)];
    for (const [r, what] of faces) {
      const used = packDescriptor(r.embedding, `This pack's ${what} of “${person.name}”`);
      if (!used.ok) return used.error;
    }
  }
  return null;
}

export async function packPeople(pack: IdentityPack, embed?: EmbedThumbnail, progress?: (done: number, total: number) => void): Promise<Result<PackPeople>> {
  const recompute = needsRecompute(pack);
  if (!recompute && pack.model.dim !== EMBEDDING_DIM) return err(`This pack says its model ${pack.model.id} has ${pack.model.dim} numbers per face; it has ${EMBEDDING_DIM}`);
  if (recompute && !embed) return err(`This pack was made for another face model (${pack.model.id}) and its faces cannot be recomputed here`);
  const unusableDescriptor = descriptorsProblem(pack);
  if (unusableDescriptor) return err(unusableDescriptor);
  // Rejected faces travel too: a "Not Alice" made in one browser keeps holding in the next.
  const total = pack.people.reduce((n, p) => n + p.references.length + p.negatives.length, 0);
  let done = 0;
  let recomputed = 0;
  const unusable: string[] = [];
  const convert = async (name: string, refs: readonly PackReference[], what: string): Promise<Result<ImportReference[]>> => {
    const out: ImportReference[] = [];
    for (const [i, r] of refs.entries()) {
      const base = { thumbnail: r.thumbnail ?? '', quality: r.quality ?? 0, source: r.source ?? '', ...(r.addedAt ? { addedAt: r.addedAt } : {}) };
      if (!recompute) {
        out.push({ ...base, embedding: decodeEmbedding(r.embedding) });
        continue;
      }
      progress?.(++done, total);
      if (!r.thumbnail || !embed) {
        unusable.push(`${name}, ${what} ${i + 1}: no thumbnail to recompute from`);
        continue;
      }
      const embedded = await embed(r.thumbnail);
      if (!embedded.ok) return err(`Could not recompute the faces for this Facetag's model: ${embedded.error}`);
      if (!embedded.value) {
        unusable.push(`${name}, ${what} ${i + 1}: no usable face in the thumbnail`);
        continue;
      }
      recomputed++;
      out.push({ ...base, embedding: embedded.value });
    }
    return ok(out);
  };
  const people: ImportPerson[] = [];
  for (const person of pack.people) {
    const references = await convert(person.name, person.references, 'photo');
    if (!references.ok) return references;
    const negatives = await convert(person.name, person.negatives, 'rejected face');
    if (!negatives.ok) return negatives;
    if (references.value.length > 0) people.push({ id: person.id, name: person.name, references: references.value, negatives: negatives.value });
  }
  if (people.length === 0) return err(total === 0 ? 'This pack holds no faces' : 'None of the faces in this pack could be used');
  return ok({ people, recomputed, unusable });
}
