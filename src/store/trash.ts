/**
 * Delete with Undo: a delete copies every row of the person (person, references, embeddings,
 * negatives) into the trash in the same transaction, so Undo puts back exactly those rows.
 * Old trash is purged on the next delete; Undo is offered for seconds, kept here for longer.
 */
import { err, ok, type Result } from '../shared/result.js';
import type { FacetagDb } from './db.js';
import { deletePerson } from './people.js';
import type { PersonRow } from './schema.js';

export const TRASH_KEEP_MS = 60 * 60 * 1000;

/** Deletes the person; returns the token that restores them. */
export async function trashPerson(db: FacetagDb, personId: string, now = new Date()): Promise<Result<string>> {
  return db.transaction('rw', [db.people, db.references, db.embeddings, db.negatives, db.trash], async () => {
    const person = await db.people.get(personId);
    if (!person) return err('that person no longer exists');
    const [references, embeddings, negatives] = await Promise.all([
      db.references.where('personId').equals(personId).toArray(),
      db.embeddings.where('personId').equals(personId).toArray(),
      db.negatives.where('personId').equals(personId).toArray(),
    ]);
    await db.trash.where('deletedAt').below(new Date(now.getTime() - TRASH_KEEP_MS).toISOString()).delete();
    const id = crypto.randomUUID();
    await db.trash.add({ id, deletedAt: now.toISOString(), person, references, embeddings, negatives });
    await deletePerson(db, personId);
    return ok(id);
  });
}

export async function restoreFromTrash(db: FacetagDb, token: string): Promise<Result<PersonRow>> {
  return db.transaction('rw', [db.people, db.references, db.embeddings, db.negatives, db.trash], async () => {
    const row = await db.trash.get(token);
    if (!row) return err('nothing to undo: the deleted person is no longer kept');
    const clash = await db.people.where('nameKey').equals(row.person.nameKey).first();
    if (clash) return err(`cannot undo: someone is called ${clash.name} now; rename them first`);
    await db.people.add(row.person);
    await db.references.bulkAdd(row.references);
    await db.embeddings.bulkAdd(row.embeddings);
    await db.negatives.bulkAdd(row.negatives);
    await db.trash.delete(token);
    return ok(row.person);
  });
}
