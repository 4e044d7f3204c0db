/**
 * What a correction on a page added, so that it can be taken back (issue 14, finding 7: a page
 * can trick the user's clicks onto a correction; every correction must be undoable). "Not
 * Alice" adds one rejected face; "This is Bob" adds a reference of Bob, and a rejected face of
 * whoever the face was named as before.
 */
import type { FacetagDb } from './db.js';
import { deletePerson } from './people.js';
import { removeReference } from './references.js';

export interface CorrectionAdded {
  negativeIds: string[];
  reference: { id: string; personId: string } | null;
}

/** Removes what a correction added; a person left with no reference photo (made by "This is…") goes too. */
export async function undoCorrection(db: FacetagDb, added: CorrectionAdded): Promise<void> {
  await db.negatives.bulkDelete(added.negativeIds);
  if (!added.reference) return;
  await removeReference(db, added.reference.id);
  if ((await db.references.where('personId').equals(added.reference.personId).count()) === 0) await deletePerson(db, added.reference.personId);
}
