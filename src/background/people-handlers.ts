/**
 * The popup's people manager: rename, delete with undo, references, merge and split. Extension
 * pages only (see `pageOnly`); every change tells the tabs to relabel.
 */
import { EMBEDDING_MODEL_ID } from '../engine/model-id.js';
import type { Handlers } from '../platform/messaging.js';
import type { BackgroundResponses, backgroundRequests } from '../shared/protocol.js';
import { err, ok, type Result } from '../shared/result.js';
import { withDb } from '../store/db.js';
import { mergePeople } from '../store/merge.js';
import { addReference } from '../store/people.js';
import { listReferences, removeReference } from '../store/references.js';
import { renamePerson } from '../store/rename.js';
import { splitReferences } from '../store/split.js';
import { restoreFromTrash, trashPerson } from '../store/trash.js';
import type { EngineCall } from './engine-call.js';

type PeopleNames = 'deletePerson' | 'renamePerson' | 'undoDelete' | 'references' | 'removeReference' | 'addReferenceFrom' | 'mergePeople' | 'splitReferences';
type Guard = <T>(sender: chrome.runtime.MessageSender, run: () => Promise<Result<T>>) => Promise<Result<T>>;

export function peopleHandlers(engine: EngineCall, pageOnly: Guard, refresh: () => Promise<void>): Handlers<Pick<typeof backgroundRequests, PeopleNames>, Pick<BackgroundResponses, PeopleNames>> {
  /** Runs a change for an extension page and relabels the tabs when it succeeded. */
  const change = <T>(sender: chrome.runtime.MessageSender, run: () => Promise<Result<T>>) =>
    pageOnly(sender, async () => {
      const result = await run();
      if (result.ok) void refresh();
      return result;
    });
  return {
    deletePerson: (req, sender) => change(sender, async () => {
      const token = await withDb((db) => trashPerson(db, req.id));
      return token.ok ? ok({ undo: token.value }) : token;
    }),
    undoDelete: (req, sender) => change(sender, async () => {
      const person = await withDb((db) => restoreFromTrash(db, req.token));
      return person.ok ? ok({ id: person.value.id, name: person.value.name }) : person;
    }),
    renamePerson: (req, sender) => change(sender, () => withDb((db) => renamePerson(db, req.id, req.name, req.merge ?? false))),
    references: (req, sender) => pageOnly(sender, async () => ok(await withDb((db) => listReferences(db, req.personId)))),
    removeReference: (req, sender) => change(sender, () => withDb((db) => removeReference(db, req.id))),
    addReferenceFrom: (req, sender) => change(sender, () => withDb(async (db) => {
      const person = await db.people.get(req.personId);
      if (!person) return err('that person no longer exists');
      const analysis = await engine('engine.analyse', { url: req.url });
      if (!analysis.ok) return analysis;
      const face = analysis.value.faces[req.face];
      if (!face) return err(`the photo has no face number ${req.face + 1}`);
      const thumb = await engine('engine.thumbnail', { url: req.url, box: face.box });
      if (!thumb.ok) return thumb;
      // Photos picked from disk are data URLs: keep no copy of the photo itself as its source.
      const source = req.url.startsWith('data:') ? 'a photo file' : req.url;
      await addReference(db, { name: person.name, thumbnail: thumb.value.dataUrl, quality: face.quality, source, modelId: EMBEDDING_MODEL_ID, embedding: Float32Array.from(face.embedding) });
      return ok({ references: await db.references.where('personId').equals(person.id).count() });
    })),
    mergePeople: (req, sender) => change(sender, async () => {
      const merged = await withDb((db) => mergePeople(db, req.from, req.into));
      return merged.ok ? ok({ id: merged.value.into.id, name: merged.value.into.name, moved: merged.value.moved }) : merged;
    }),
    splitReferences: (req, sender) => change(sender, async () => {
      const split = await withDb((db) => splitReferences(db, req.referenceIds, req.name));
      return split.ok ? ok({ id: split.value.person.id, name: split.value.person.name, moved: split.value.moved, joinedExisting: split.value.joinedExisting }) : split;
    }),
  };
}
