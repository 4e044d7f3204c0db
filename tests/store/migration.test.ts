import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { FacetagDb } from '../../src/store/db.js';
import { addReference, galleryPeople, personNames } from '../../src/store/people.js';
import { exportPack, importPack } from '../../src/store/pack.js';
import { SCHEMA } from '../../src/store/schema.js';
import { EMBEDDING_MODEL_ID } from '../../src/engine/model-id.js';

const unit = (seed: number): Float32Array => {
  const v = Float32Array.from({ length: 128 }, (_, i) => Math.sin(seed * 7 + i));
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

describe('store schema', () => {
  it('opens a version-1 profile with the current schema and keeps every row', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = new FacetagDb(name, SCHEMA.slice(0, 1));
    await v1.table('people').add({ id: 'p1', name: 'Alice Smith', createdAt: '2024-01-01T00:00:00.000Z' });
    await v1.table('references').add({ id: 'r1', personId: 'p1', thumbnail: 'data:image/jpeg;base64,AA==', quality: 0.9, source: 'https://example.com/a.jpg', addedAt: '2024-01-01T00:00:00.000Z' });
    await v1.table('embeddings').add({ referenceId: 'r1', modelId: EMBEDDING_MODEL_ID, personId: 'p1', vector: unit(1) });
    await v1.table('embeddings').add({ referenceId: 'r1', modelId: 'old-model@0', personId: 'p1', vector: new Float32Array(64) });
    v1.close();

    const db = new FacetagDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA.at(-1)!.version);
    const alice = await db.people.where('nameKey').equals('alice smith').first();
    expect(alice?.id).toBe('p1');
    const people = await galleryPeople(db, EMBEDDING_MODEL_ID);
    expect(people).toHaveLength(1);
    expect(Array.from(people[0]!.references[0]!)).toEqual(Array.from(unit(1)));
    // The old model's embedding stays next to the new one, keyed by model id.
    expect(await db.embeddings.where('modelId').equals('old-model@0').count()).toBe(1);

    // A new reference for the same person, typed differently, joins the migrated person.
    await addReference(db, { name: ' alice smith', thumbnail: 'data:image/jpeg;base64,AA==', quality: 0.8, source: 'x', modelId: EMBEDDING_MODEL_ID, embedding: unit(2) });
    expect(await personNames(db)).toEqual(['Alice Smith']);
    expect((await galleryPeople(db, EMBEDDING_MODEL_ID))[0]!.references).toHaveLength(2);
    db.close();
  });

  it('round-trips people through an identity pack', async () => {
    const a = new FacetagDb(`pack-a-${Math.random()}`);
    await addReference(a, { name: 'Bob', thumbnail: 'data:image/jpeg;base64,AA==', quality: 0.7, source: 's', modelId: EMBEDDING_MODEL_ID, embedding: unit(3) });
    const pack = await exportPack(a);
    const b = new FacetagDb(`pack-b-${Math.random()}`);
    const imported = await importPack(b, pack);
    expect(imported).toEqual({ ok: true, value: 1 });
    const people = await galleryPeople(b, EMBEDDING_MODEL_ID);
    expect(people.map((p) => p.name)).toEqual(['Bob']);
    expect(Array.from(people[0]!.references[0]!)).toEqual(Array.from(unit(3)));
  });
});
