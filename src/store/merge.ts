/**
 * Merging two people: everything of `fromId` (references, their embeddings, rejected faces)
 * moves to `intoId`, which keeps its name; `fromId` is gone afterwards.
 */
import { err, ok, type Result } from '../shared/result.js';
import type { FacetagDb } from './db.js';
import type { PersonRow } from './schema.js';

export interface Merged {
  into: PersonRow;
  /** References that moved. */
  moved: number;
}

export async function mergePeople(db: FacetagDb, fromId: string, intoId: string): Promise<Result<Merged>> {
  if (fromId === intoId) return err('choose two different people to merge');
  return db.transaction('rw', [db.people, db.references, db.embeddings, db.negatives], async () => {
    const [from, into] = await Promise.all([db.people.get(fromId), db.people.get(intoId)]);
    if (!from || !into) return err('one of these people no longer exists');
    const moved = await db.references.where('personId').equals(fromId).modify({ personId: intoId });
    await db.embeddings.where('personId').equals(fromId).modify({ personId: intoId });
    await db.negatives.where('personId').equals(fromId).modify({ personId: intoId });
    const lastSeenAt = [from.lastSeenAt, into.lastSeenAt].filter((t): t is string => !!t).sort().at(-1) ?? null;
    await db.people.update(intoId, { lastSeenAt });
    await db.people.delete(fromId);
    return ok({ into: { ...into, lastSeenAt }, moved });
  });
}
