/** Taking back a correction made on a page (src/store/correction-undo.ts). */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EMBEDDING_MODEL_ID } from '../../src/engine/model-id.js';
import { undoCorrection } from '../../src/store/correction-undo.js';
import { FacetagDb } from '../../src/store/db.js';
import { addNegative } from '../../src/store/negatives.js';
import { addReference } from '../../src/store/people.js';
import { TINY_JPEG } from '../helpers/tiny-jpeg.js';

const unit = (seed: number): Float32Array => {
  const v = Float32Array.from({ length: 128 }, (_, i) => Math.cos(seed * 5 + i));
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};
const add = (db: FacetagDb, name: string, seed: number) =>
  addReference(db, { name, thumbnail: TINY_JPEG, quality: 0.9, source: `https://x/${seed}.jpg`, modelId: EMBEDDING_MODEL_ID, embedding: unit(seed) });
const reject = (db: FacetagDb, personId: string, seed: number) =>
  addNegative(db, { personId, modelId: EMBEDDING_MODEL_ID, vector: unit(seed), thumbnail: TINY_JPEG, source: `https://x/${seed}.jpg` });
const counts = async (db: FacetagDb) => ({ people: await db.people.count(), references: await db.references.count(), embeddings: await db.embeddings.count(), negatives: await db.negatives.count() });

describe('undoing a correction', () => {
  it('"Not Alice" undone: her rejected face goes, her photos stay', async () => {
    const db = new FacetagDb(`undo-${Math.random()}`);
    const alice = await add(db, 'Alice', 1);
    const before = await counts(db);
    const negative = await reject(db, alice.id, 2);
    await undoCorrection(db, { negativeIds: [negative.id], reference: null });
    expect(await counts(db)).toEqual(before);
  });

  it('"This is Bob" on a face named Alice undone: the new Bob and the "not Alice" both go; Alice stays', async () => {
    const db = new FacetagDb(`undo-${Math.random()}`);
    const alice = await add(db, 'Alice', 3);
    const before = await counts(db);
    const negative = await reject(db, alice.id, 4);
    const bob = await add(db, 'Bob', 4);
    expect(await counts(db)).toEqual({ people: 2, references: 2, embeddings: 2, negatives: 1 });
    await undoCorrection(db, { negativeIds: [negative.id], reference: { id: bob.referenceId, personId: bob.id } });
    expect(await counts(db)).toEqual(before);
    expect((await db.people.toArray()).map((p) => p.name)).toEqual(['Alice']);
  });

  it('"This is Alice" for someone who already had photos undone: only that photo goes', async () => {
    const db = new FacetagDb(`undo-${Math.random()}`);
    await add(db, 'Alice', 5);
    const again = await add(db, 'Alice', 6);
    await undoCorrection(db, { negativeIds: [], reference: { id: again.referenceId, personId: again.id } });
    expect(await counts(db)).toEqual({ people: 1, references: 1, embeddings: 1, negatives: 0 });
  });
});
