import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EMBEDDING_MODEL_ID } from '../../src/engine/model-id.js';
import { FacetagDb } from '../../src/store/db.js';
import { markSeen, SEEN_WRITE_EVERY_MS } from '../../src/store/last-seen.js';
import { mergePeople } from '../../src/store/merge.js';
import { addNegative } from '../../src/store/negatives.js';
import { addReference, galleryPeople, peopleSummaries, readSettings, writeSettings } from '../../src/store/people.js';
import { listReferences, removeReference } from '../../src/store/references.js';
import { renamePerson } from '../../src/store/rename.js';
import { splitReferences } from '../../src/store/split.js';
import { restoreFromTrash, trashPerson } from '../../src/store/trash.js';

const unit = (seed: number): Float32Array => {
  const v = Float32Array.from({ length: 128 }, (_, i) => Math.sin(seed * 7 + i));
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

const fresh = () => new FacetagDb(`ops-${Math.random()}`);
const add = (db: FacetagDb, name: string, seed: number) =>
  addReference(db, { name, thumbnail: `data:image/jpeg;base64,${seed}`, quality: 0.9, source: `https://x/${seed}.jpg`, modelId: EMBEDDING_MODEL_ID, embedding: unit(seed) });
const refsOf = async (db: FacetagDb, name: string) => (await galleryPeople(db, EMBEDDING_MODEL_ID)).find((p) => p.name === name)?.references.map((r) => Array.from(r));
const dump = async (db: FacetagDb) => ({
  people: await db.people.orderBy('id').toArray(),
  references: await db.references.orderBy('id').toArray(),
  embeddings: (await db.embeddings.toArray()).map((e) => ({ ...e, vector: Array.from(e.vector) })).sort((a, b) => a.referenceId.localeCompare(b.referenceId) || a.modelId.localeCompare(b.modelId)),
  negatives: (await db.negatives.orderBy('id').toArray()).map((n) => ({ ...n, vector: Array.from(n.vector) })),
});

describe('people operations', () => {
  it('renames a person, and merges into the person who already has the new name only when asked', async () => {
    const db = fresh();
    const alice = await add(db, 'Alice', 1);
    const bob = await add(db, 'Bob', 2);
    expect(await renamePerson(db, alice.id, '  Alicia ')).toEqual({ ok: true, value: { kind: 'renamed', id: alice.id, name: 'Alicia' } });
    expect((await db.people.get(alice.id))?.nameKey).toBe('alicia');
    // A new reference typed "alicia" joins the renamed person.
    await add(db, 'alicia', 3);
    expect(await db.references.where('personId').equals(alice.id).count()).toBe(2);

    expect(await renamePerson(db, alice.id, 'bob')).toEqual({ ok: true, value: { kind: 'exists', id: bob.id, name: 'Bob' } });
    expect(await db.people.count()).toBe(2);
    expect(await renamePerson(db, alice.id, 'bob', true)).toEqual({ ok: true, value: { kind: 'merged', id: bob.id, name: 'Bob', moved: 2 } });
    expect((await peopleSummaries(db)).map((p) => [p.name, p.references])).toEqual([['Bob', 3]]);
    expect(await refsOf(db, 'Bob')).toEqual(expect.arrayContaining([1, 2, 3].map((s) => Array.from(unit(s)))));
  });

  it('deletes a person with everything they own, and Undo restores identical rows', async () => {
    const db = fresh();
    const alice = await add(db, 'Alice', 1);
    await add(db, 'Alice', 2);
    await add(db, 'Bob', 3);
    await db.embeddings.add({ referenceId: (await db.references.where('personId').equals(alice.id).first())!.id, modelId: 'old-model@0', personId: alice.id, vector: unit(9) });
    await addNegative(db, { personId: alice.id, modelId: EMBEDDING_MODEL_ID, vector: unit(4), thumbnail: 't', source: 's' });
    await markSeen(db, [alice.id], new Date('2026-01-01T00:00:00Z'));
    const before = await dump(db);
    expect([before.people.length, before.references.length, before.embeddings.length, before.negatives.length]).toEqual([2, 3, 4, 1]);

    const token = await trashPerson(db, alice.id);
    if (!token.ok) throw new Error(token.error);
    const gone = await dump(db);
    expect([gone.people.length, gone.references.length, gone.embeddings.length, gone.negatives.length]).toEqual([1, 1, 1, 0]);
    expect(await galleryPeople(db, EMBEDDING_MODEL_ID)).toHaveLength(1);

    expect((await restoreFromTrash(db, token.value)).ok).toBe(true);
    expect(await dump(db)).toEqual(before);
    expect(await restoreFromTrash(db, token.value)).toEqual({ ok: false, error: 'nothing to undo: the deleted person is no longer kept' });
  });

  it('refuses an undo that would give two people one name', async () => {
    const db = fresh();
    const alice = await add(db, 'Alice', 1);
    const token = await trashPerson(db, alice.id);
    await add(db, 'alice', 2);
    const undo = await restoreFromTrash(db, token.ok ? token.value : '');
    expect(undo.ok).toBe(false);
    expect(await db.people.count()).toBe(1);
  });

  it('lists, removes and adds references; a removed reference takes its embeddings of every model along', async () => {
    const db = fresh();
    const alice = await add(db, 'Alice', 1);
    await add(db, 'Alice', 2);
    const refs = await listReferences(db, alice.id);
    expect(refs.map((r) => r.thumbnail)).toEqual(['data:image/jpeg;base64,1', 'data:image/jpeg;base64,2']);
    await db.embeddings.add({ referenceId: refs[0]!.id, modelId: 'old-model@0', personId: alice.id, vector: unit(9) });
    expect(await removeReference(db, refs[0]!.id)).toEqual({ ok: true, value: null });
    expect(await db.embeddings.count()).toBe(1);
    expect(await refsOf(db, 'Alice')).toEqual([Array.from(unit(2))]);
    expect((await removeReference(db, refs[0]!.id)).ok).toBe(false);
  });

  it('merges two people: references, embeddings and rejections move, the later last-seen time stays', async () => {
    const db = fresh();
    const alice = await add(db, 'Alice', 1);
    const ali = await add(db, 'Ali', 2);
    await add(db, 'Ali', 3);
    await addNegative(db, { personId: ali.id, modelId: EMBEDDING_MODEL_ID, vector: unit(4), thumbnail: 't', source: 's' });
    await markSeen(db, [alice.id], new Date('2026-01-01T00:00:00Z'));
    await markSeen(db, [ali.id], new Date('2026-02-01T00:00:00Z'));
    const merged = await mergePeople(db, ali.id, alice.id);
    expect(merged.ok && merged.value.moved).toBe(2);
    expect(await db.people.get(ali.id)).toBeUndefined();
    const [person] = await galleryPeople(db, EMBEDDING_MODEL_ID);
    expect(person?.references.map((r) => Array.from(r))).toEqual(expect.arrayContaining([1, 2, 3].map((s) => Array.from(unit(s)))));
    expect(person?.references).toHaveLength(3);
    expect(person?.negatives?.map((n) => Array.from(n))).toEqual([Array.from(unit(4))]);
    expect((await db.people.get(alice.id))?.lastSeenAt).toBe('2026-02-01T00:00:00.000Z');
    expect((await mergePeople(db, alice.id, alice.id)).ok).toBe(false);
  });

  it('splits chosen references into a new person, or into the existing person of that name', async () => {
    const db = fresh();
    const alice = await add(db, 'Alice', 1);
    await add(db, 'Alice', 2);
    await add(db, 'Alice', 3);
    const [, r2, r3] = await listReferences(db, alice.id);
    const split = await splitReferences(db, [r2!.id, r3!.id], 'Carol');
    expect(split.ok && [split.value.person.name, split.value.moved, split.value.joinedExisting]).toEqual(['Carol', 2, false]);
    expect(await refsOf(db, 'Alice')).toEqual([Array.from(unit(1))]);
    expect(await refsOf(db, 'Carol')).toEqual(expect.arrayContaining([Array.from(unit(2)), Array.from(unit(3))]));
    const back = await splitReferences(db, [r3!.id], 'alice');
    expect(back.ok && [back.value.person.id, back.value.joinedExisting]).toEqual([alice.id, true]);
    expect((await peopleSummaries(db)).map((p) => [p.name, p.references])).toEqual([['Alice', 2], ['Carol', 1]]);
    expect((await splitReferences(db, [r2!.id], 'Carol')).ok).toBe(false);
    expect((await splitReferences(db, [r2!.id, r3!.id], 'Dave')).ok).toBe(false);
  });

  it('writes last-seen at most once a minute per person', async () => {
    const db = fresh();
    const alice = await add(db, 'Alice', 1);
    expect((await peopleSummaries(db))[0]?.lastSeenAt).toBeNull();
    const t0 = new Date('2026-01-01T00:00:00Z');
    expect(await markSeen(db, [alice.id, alice.id], t0)).toBe(1);
    expect(await markSeen(db, [alice.id], new Date(t0.getTime() + SEEN_WRITE_EVERY_MS - 1))).toBe(0);
    expect(await markSeen(db, [alice.id], new Date(t0.getTime() + SEEN_WRITE_EVERY_MS))).toBe(1);
    expect((await peopleSummaries(db))[0]?.lastSeenAt).toBe(new Date(t0.getTime() + SEEN_WRITE_EVERY_MS).toISOString());
  });

  it('keeps settings apart: writing one leaves the others, out-of-range values read as the default', async () => {
    const db = fresh();
    expect(await readSettings(db)).toEqual({ showUnknown: false, enabled: true, sensitivity: 3 });
    expect(await writeSettings(db, { enabled: false })).toEqual({ showUnknown: false, enabled: false, sensitivity: 3 });
    expect(await writeSettings(db, { sensitivity: 5, showUnknown: true })).toEqual({ showUnknown: true, enabled: false, sensitivity: 5 });
    await db.settings.put({ key: 'sensitivity', value: 42 });
    expect((await readSettings(db)).sensitivity).toBe(3);
  });
});
