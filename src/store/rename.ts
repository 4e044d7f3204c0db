/**
 * Renaming. Names are unique (folded, see nameKeyOf): renaming to the name of someone else
 * means they are the same person, so the caller is told who, and with `mergeIfExists` the two
 * are merged into the one who already had that name.
 */
import { err, ok, type Result } from '../shared/result.js';
import type { FacetagDb } from './db.js';
import { mergePeople } from './merge.js';
import { nameKeyOf } from './schema.js';

export type Renamed =
  | { kind: 'renamed'; id: string; name: string }
  | { kind: 'exists'; id: string; name: string }
  | { kind: 'merged'; id: string; name: string; moved: number };

export async function renamePerson(db: FacetagDb, personId: string, newName: string, mergeIfExists = false): Promise<Result<Renamed>> {
  const name = newName.trim();
  if (!name) return err('a name cannot be empty');
  const nameKey = nameKeyOf(name);
  const other = await db.people.where('nameKey').equals(nameKey).first();
  if (other && other.id !== personId) {
    if (!mergeIfExists) return ok({ kind: 'exists', id: other.id, name: other.name });
    const merged = await mergePeople(db, personId, other.id);
    return merged.ok ? ok({ kind: 'merged', id: other.id, name: other.name, moved: merged.value.moved }) : merged;
  }
  const updated = await db.people.update(personId, { name, nameKey });
  return updated ? ok({ kind: 'renamed', id: personId, name }) : err('that person no longer exists');
}
