import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EMBEDDING_MODEL_ID } from '../../src/engine/model-id.js';
import { FacetagDb } from '../../src/store/db.js';
import { addNegative } from '../../src/store/negatives.js';
import { galleryPeople, peopleSummaries, readSettings } from '../../src/store/people.js';
import { SCHEMA } from '../../src/store/schema.js';
import { trashPerson } from '../../src/store/trash.js';

const vector = (seed: number) => Float32Array.from({ length: 128 }, (_, i) => Math.cos(seed + i) / Math.sqrt(64));

describe('store schema version 3', () => {
  it('opens a version-2 profile: people get "never seen", rows are kept, negatives and trash work', async () => {
    const name = `migrate-v3-${Math.random()}`;
    const v2 = new FacetagDb(name, SCHEMA.slice(0, 2));
    await v2.table('people').add({ id: 'p1', name: 'Alice', nameKey: 'alice', createdAt: '2025-01-01T00:00:00.000Z' });
    await v2.table('references').add({ id: 'r1', personId: 'p1', thumbnail: 'data:image/jpeg;base64,AA==', quality: 0.9, source: 'https://example.com/a.jpg', addedAt: '2025-01-01T00:00:00.000Z' });
    await v2.table('embeddings').add({ referenceId: 'r1', modelId: EMBEDDING_MODEL_ID, personId: 'p1', vector: vector(1) });
    await v2.table('settings').put({ key: 'showUnknown', value: true });
    v2.close();

    const db = new FacetagDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.people.get('p1')).toEqual({ id: 'p1', name: 'Alice', nameKey: 'alice', createdAt: '2025-01-01T00:00:00.000Z', lastSeenAt: null });
    expect(await peopleSummaries(db)).toEqual([{ id: 'p1', name: 'Alice', references: 1, thumbnail: 'data:image/jpeg;base64,AA==', lastSeenAt: null }]);
    // The old setting survives; the new ones read as their defaults.
    expect(await readSettings(db)).toEqual({ showUnknown: true, enabled: true, sensitivity: 3 });

    await addNegative(db, { personId: 'p1', modelId: EMBEDDING_MODEL_ID, vector: vector(2), thumbnail: '', source: 'https://example.com/b.jpg' });
    const [alice] = await galleryPeople(db, EMBEDDING_MODEL_ID);
    expect(alice?.negatives?.map((n) => Array.from(n))).toEqual([Array.from(vector(2))]);
    expect((await trashPerson(db, 'p1')).ok).toBe(true);
    expect(await db.trash.count()).toBe(1);
    db.close();
  });
});
