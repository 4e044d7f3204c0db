/**
 * Every schema step, one at a time: a profile written at version 1 is opened at each later
 * version in turn (as a user who skipped no update), and at the latest version straight from
 * each earlier one (as a user who skipped several). After each open, everything the user
 * enrolled is still there, byte for byte: people, reference thumbnails, embeddings, settings.
 * New versions appended to SCHEMA are covered without editing this test.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EMBEDDING_MODEL_ID } from '../../src/engine/model-id.js';
import { FacetagDb } from '../../src/store/db.js';
import { galleryPeople, readSettings } from '../../src/store/people.js';
import { SCHEMA } from '../../src/store/schema.js';

const vector = (seed: number) => Float32Array.from({ length: 128 }, (_, i) => Math.cos(seed + i / 7));

/** A version-1 profile: two people, three references, embeddings of two models, one setting. */
async function writeV1(name: string): Promise<void> {
  const v1 = new FacetagDb(name, SCHEMA.slice(0, 1));
  await v1.table('people').bulkAdd([
    { id: 'p1', name: 'Zoë Ångström', createdAt: '2024-01-01T00:00:00.000Z' },
    { id: 'p2', name: 'Bob', createdAt: '2024-02-01T00:00:00.000Z' },
  ]);
  await v1.table('references').bulkAdd([
    { id: 'r1', personId: 'p1', thumbnail: 'data:image/jpeg;base64,/9j/AA==', quality: 0.91, source: 'https://example.com/z1.jpg', addedAt: '2024-01-01T00:00:00.000Z' },
    { id: 'r2', personId: 'p1', thumbnail: 'data:image/jpeg;base64,/9j/AB==', quality: 0.72, source: 'https://example.com/z2.jpg', addedAt: '2024-01-02T00:00:00.000Z' },
    { id: 'r3', personId: 'p2', thumbnail: 'data:image/jpeg;base64,/9j/AC==', quality: 0.65, source: 'https://example.com/b.jpg', addedAt: '2024-02-01T00:00:00.000Z' },
  ]);
  await v1.table('embeddings').bulkAdd([
    { referenceId: 'r1', modelId: EMBEDDING_MODEL_ID, personId: 'p1', vector: vector(1) },
    { referenceId: 'r2', modelId: EMBEDDING_MODEL_ID, personId: 'p1', vector: vector(2) },
    { referenceId: 'r3', modelId: EMBEDDING_MODEL_ID, personId: 'p2', vector: vector(3) },
    { referenceId: 'r1', modelId: 'old-model@0', personId: 'p1', vector: new Float32Array(64).fill(0.5) },
  ]);
  await v1.table('settings').put({ key: 'showUnknown', value: true });
  v1.close();
}

/** What the user enrolled, in the fields version 1 already had (later versions may add fields). */
async function enrolled(db: FacetagDb) {
  const people = (await db.people.toArray()).map(({ id, name, createdAt }) => ({ id, name, createdAt })).sort((a, b) => a.id.localeCompare(b.id));
  const references = (await db.references.toArray())
    .map(({ id, personId, thumbnail, quality, source, addedAt }) => ({ id, personId, thumbnail, quality, source, addedAt }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const embeddings = (await db.embeddings.toArray())
    .map(({ referenceId, modelId, personId, vector: v }) => ({ referenceId, modelId, personId, vector: Array.from(v) }))
    .sort((a, b) => `${a.referenceId}${a.modelId}`.localeCompare(`${b.referenceId}${b.modelId}`));
  return { people, references, embeddings };
}

describe('every schema step keeps what the user enrolled', () => {
  const latest = SCHEMA.at(-1)!.version;

  it('one version at a time, from version 1 to the latest', async () => {
    const name = `steps-${Math.random()}`;
    await writeV1(name);
    const v1 = new FacetagDb(name, SCHEMA.slice(0, 1));
    const original = await enrolled(v1);
    v1.close();
    expect(original.embeddings).toHaveLength(4);
    for (let k = 2; k <= SCHEMA.length; k++) {
      const db = new FacetagDb(name, SCHEMA.slice(0, k));
      await db.open();
      expect(db.verno).toBe(SCHEMA[k - 1]!.version);
      expect(await enrolled(db), `after the step to version ${db.verno}`).toEqual(original);
      db.close();
    }
    const db = new FacetagDb(name);
    expect((await galleryPeople(db, EMBEDDING_MODEL_ID)).map((p) => [p.name, p.references.length]).sort()).toEqual([['Bob', 1], ['Zoë Ångström', 2]]);
    expect(await readSettings(db)).toMatchObject({ showUnknown: true });
    db.close();
  });

  it('straight to the latest version from each earlier one', async () => {
    for (let from = 1; from < SCHEMA.length; from++) {
      const name = `skip-${from}-${Math.random()}`;
      await writeV1(name);
      const old = new FacetagDb(name, SCHEMA.slice(0, from));
      const original = await enrolled(old);
      old.close();
      const db = new FacetagDb(name);
      await db.open();
      expect(db.verno).toBe(latest);
      expect(await enrolled(db), `from version ${SCHEMA[from - 1]!.version}`).toEqual(original);
      // Version 2's index on folded names finds people written before it existed.
      expect((await db.people.where('nameKey').equals('zoë ångström').first())?.id).toBe('p1');
      db.close();
    }
  });
});
