/**
 * The people snapshot (src/store/snapshot.ts): a store the browser discards comes back whole,
 * and a store the user emptied on purpose stays empty. The database is really deleted and
 * opened again (fake-indexeddb), as Chromium was seen doing after a kill and restart.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { EMBEDDING_MODEL_ID } from '../../src/engine/model-id.js';
import { FacetagDb } from '../../src/store/db.js';
import { addNegative } from '../../src/store/negatives.js';
import { addReference, deletePerson, readSettings, writeSettings } from '../../src/store/people.js';
import { restoreLostPeople, snapshotPeople, type RestoreNotice, type Snapshot, type SnapshotPlace } from '../../src/store/snapshot.js';
import { TINY_JPEG } from '../helpers/tiny-jpeg.js';

const unit = (seed: number): Float32Array => {
  const v = Float32Array.from({ length: 128 }, (_, i) => Math.sin(seed * 7 + i));
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

/** storage.local as a plain object; the lock runs work one at a time, as a Web Lock does. */
function memoryPlace() {
  const kept: { snapshot: Snapshot | null; notices: RestoreNotice[] } = { snapshot: null, notices: [] };
  let queue: Promise<unknown> = Promise.resolve();
  const place: SnapshotPlace = {
    readStoreId: async () => kept.snapshot?.storeId ?? null,
    read: async () => (kept.snapshot ? structuredClone(kept.snapshot) : null),
    write: async (s) => void (kept.snapshot = structuredClone(s)),
    notice: async (n) => void kept.notices.push(n),
    exclusive: (work) => {
      const run = queue.then(work);
      queue = run.catch(() => undefined);
      return run;
    },
  };
  return { place, kept };
}

const add = (db: FacetagDb, name: string, seed: number) =>
  addReference(db, { name, thumbnail: TINY_JPEG, quality: 0.9, source: `https://x/${seed}.jpg`, modelId: EMBEDDING_MODEL_ID, embedding: unit(seed) });

const contents = async (db: FacetagDb) => ({
  people: (await db.people.orderBy('name').toArray()).map(({ id, name }) => ({ id, name })),
  vectors: (await db.embeddings.toArray()).map((e) => Array.from(e.vector)).sort(),
  negatives: (await db.negatives.toArray()).map((n) => Array.from(n.vector)),
  settings: await readSettings(db),
});

/** Deletes the whole database and opens a new, empty one of the same name. */
async function discard(db: FacetagDb): Promise<FacetagDb> {
  db.close();
  await Dexie.delete(db.name);
  return new FacetagDb(db.name);
}

describe('the people snapshot', () => {
  it('brings back everyone, with their faces, rejected faces and settings, after the database is discarded, and says so', async () => {
    const { place, kept } = memoryPlace();
    let db = new FacetagDb(`snap-${Math.random()}`);
    expect(await restoreLostPeople(db, place)).toBeNull();
    const alice = await add(db, 'Alice', 1);
    await add(db, 'Alice', 2);
    await add(db, 'Bob', 3);
    await addNegative(db, { personId: alice.id, modelId: EMBEDDING_MODEL_ID, vector: unit(4), thumbnail: TINY_JPEG, source: 'https://x/4.jpg' });
    await writeSettings(db, { showUnknown: true, sensitivity: 4 });
    await snapshotPeople(db, place, new Date('2026-12-07T10:00:00Z'));
    const before = await contents(db);

    db = await discard(db);
    expect((await contents(db)).people).toEqual([]);
    const notice = await restoreLostPeople(db, place, new Date('2026-12-07T11:00:00Z'));
    expect(notice).toEqual({ at: '2026-12-07T11:00:00.000Z', people: 2, savedAt: '2026-12-07T10:00:00.000Z' });
    expect(kept.notices).toEqual([notice]);
    expect(await contents(db)).toEqual(before);
    // Restored once: the next start finds the store it snapshotted.
    expect(await restoreLostPeople(db, place)).toBeNull();
    expect(kept.notices).toHaveLength(1);
  });

  it('keeps an emptied store empty: deleting everyone is a change like any other', async () => {
    const { place, kept } = memoryPlace();
    let db = new FacetagDb(`snap-${Math.random()}`);
    const carol = await add(db, 'Carol', 5);
    await snapshotPeople(db, place);
    await deletePerson(db, carol.id);
    await snapshotPeople(db, place);
    db.close();
    db = new FacetagDb(db.name);
    expect(await restoreLostPeople(db, place)).toBeNull();
    expect((await contents(db)).people).toEqual([]);
    expect(kept.notices).toEqual([]);
  });

  it('restores the lost people before snapshotting a change made after the reset, so the change does not overwrite them', async () => {
    const { place, kept } = memoryPlace();
    let db = new FacetagDb(`snap-${Math.random()}`);
    await add(db, 'Dan', 6);
    await snapshotPeople(db, place);
    db = await discard(db);
    // Someone enrolled before any restart: the store holds only Erin.
    await add(db, 'Erin', 7);
    await snapshotPeople(db, place);
    expect((await contents(db)).people.map((p) => p.name)).toEqual(['Dan', 'Erin']);
    expect(kept.snapshot?.pack.people.map((p) => p.name)).toEqual(['Dan', 'Erin']);
    expect(kept.notices.map((n) => n.people)).toEqual([1]);
  });

  it('runs concurrent snapshots one at a time: a reset is restored once, not once per change', async () => {
    const { place } = memoryPlace();
    let db = new FacetagDb(`snap-${Math.random()}`);
    await add(db, 'Fay', 8);
    await snapshotPeople(db, place);
    db = await discard(db);
    await Promise.all([snapshotPeople(db, place), snapshotPeople(db, place), restoreLostPeople(db, place)]);
    expect(await db.references.count()).toBe(1);
  });
});
