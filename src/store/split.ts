/**
 * Splitting wrongly merged references out: the chosen references of one person, with their
 * embeddings, move to a new person of the given name, or to the existing person of that name.
 */
import { err, ok, type Result } from '../shared/result.js';
import type { FacetagDb } from './db.js';
import { nameKeyOf, type PersonRow } from './schema.js';

export interface Split {
  person: PersonRow;
  moved: number;
  /** True when the name belonged to someone already, who received the references. */
  joinedExisting: boolean;
}

export async function splitReferences(db: FacetagDb, referenceIds: readonly string[], newName: string, now = new Date()): Promise<Result<Split>> {
  const name = newName.trim();
  if (!name) return err('a name cannot be empty');
  if (referenceIds.length === 0) return err('choose at least one photo to split off');
  return db.transaction('rw', [db.people, db.references, db.embeddings], async () => {
    const refs = await db.references.bulkGet([...referenceIds]);
    const owners = new Set(refs.map((r) => r?.personId));
    if (refs.some((r) => !r) || owners.size !== 1) return err('the photos to split off must all belong to one person');
    const ownerId = refs[0]!.personId;
    const nameKey = nameKeyOf(name);
    let target = await db.people.where('nameKey').equals(nameKey).first();
    if (target?.id === ownerId) return err(`these photos already belong to ${target.name}; choose another name`);
    const joinedExisting = !!target;
    if (!target) {
      target = { id: crypto.randomUUID(), name, nameKey, createdAt: now.toISOString(), lastSeenAt: null };
      await db.people.add(target);
    }
    const targetId = target.id;
    await db.references.where('id').anyOf([...referenceIds]).modify({ personId: targetId });
    await db.embeddings.where('personId').equals(ownerId).filter((e) => referenceIds.includes(e.referenceId)).modify({ personId: targetId });
    return ok({ person: target, moved: referenceIds.length, joinedExisting });
  });
}
