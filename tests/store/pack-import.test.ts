import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EMBEDDING_DIM, EMBEDDING_MODEL_ID } from '../../src/engine/model-id.js';
import { encodeEmbedding, type IdentityPack } from '../../src/shared/identity-pack.js';
import { openPack, writePackText } from '../../src/shared/pack-file.js';
import { FacetagDb } from '../../src/store/db.js';
import { exportPack } from '../../src/store/pack.js';
import { applyImport, existingNames, type ImportMode } from '../../src/store/pack-import.js';
import { packPeople } from '../../src/store/pack-people.js';
import { addNegative, negativesByPerson } from '../../src/store/negatives.js';
import { addReference, galleryPeople } from '../../src/store/people.js';
import { dumpStore } from '../helpers/store-dump.js';
import { TINY_JPEG } from '../helpers/tiny-jpeg.js';

const THUMB = TINY_JPEG;
const unit = (seed: number): Float32Array => {
  const v = Float32Array.from({ length: EMBEDDING_DIM }, (_, i) => Math.sin(seed * 7 + i));
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};
const fresh = () => new FacetagDb(`packs-${Math.random()}`);

async function seeded(): Promise<FacetagDb> {
  const db = fresh();
  for (const [name, seed] of [['Alice', 1], ['Alice', 2], ['Bob', 3]] as const) {
    await addReference(db, { name, thumbnail: THUMB, quality: 0.9, source: `https://example.com/${seed}.jpg`, modelId: EMBEDDING_MODEL_ID, embedding: unit(seed) });
  }
  return db;
}

/** The options page's path: open (parse, decrypt, validate) → ready people → one transaction. */
async function importText(db: FacetagDb, text: string, mode: ImportMode, passphrase?: string) {
  const opened = await openPack(text, passphrase);
  if (!opened.ok) return opened;
  const ready = await packPeople(opened.value);
  if (!ready.ok) return ready;
  return { ok: true as const, value: await applyImport(db, ready.value.people, mode) };
}

const vectors = async (db: FacetagDb) => Object.fromEntries((await galleryPeople(db, EMBEDDING_MODEL_ID)).map((p) => [p.name, p.references.map((r) => Array.from(r)).sort()]));

describe('identity pack import into the store', () => {
  it('export then import (Replace) gives the same people, ids and embeddings', async () => {
    const a = await seeded();
    const text = await writePackText(await exportPack(a));
    const b = await seeded();
    await addReference(b, { name: 'Carol', thumbnail: THUMB, quality: 0.5, source: 's', modelId: EMBEDDING_MODEL_ID, embedding: unit(9) });
    const result = await importText(b, text, 'replace');
    expect(result).toEqual({ ok: true, value: { peopleAdded: 2, peopleUpdated: 0, referencesAdded: 3 } });
    expect(await vectors(b)).toEqual(await vectors(a));
    expect((await b.people.toArray()).map((p) => p.id).sort()).toEqual((await a.people.toArray()).map((p) => p.id).sort());
  });

  it('Merge adds references to people of the same name and creates the others', async () => {
    const db = await seeded();
    const pack = await exportPack(await seeded());
    pack.people.push({ id: 'x', name: 'dave', references: [{ embedding: encodeEmbedding(unit(5)) }], negatives: [] });
    pack.people[0]!.name = ' alice ';
    expect(await existingNames(db, pack.people.map((p) => p.name))).toEqual(['Alice', 'Bob']);
    const result = await importText(db, JSON.stringify(pack), 'merge');
    expect(result).toEqual({ ok: true, value: { peopleAdded: 1, peopleUpdated: 2, referencesAdded: 4 } });
    const byName = await vectors(db);
    expect(Object.keys(byName).sort()).toEqual(['Alice', 'Bob', 'dave']);
    expect(byName.Alice).toHaveLength(4);
  });

  it('carries rejected faces ("Not <name>") through export and import, and Replace forgets the old ones', async () => {
    const a = await seeded();
    const bob = await a.people.where('nameKey').equals('bob').first();
    await addNegative(a, { personId: bob!.id, modelId: EMBEDDING_MODEL_ID, vector: unit(7), thumbnail: THUMB, source: 'https://example.com/7.jpg' });
    const pack = await exportPack(a);
    expect(pack.people.map((p) => [p.name, p.negatives.length])).toEqual([['Alice', 0], ['Bob', 1]]);
    const b = await seeded();
    const alice = await b.people.where('nameKey').equals('alice').first();
    await addNegative(b, { personId: alice!.id, modelId: EMBEDDING_MODEL_ID, vector: unit(8), thumbnail: THUMB, source: 's' });
    expect((await importText(b, await writePackText(pack), 'replace')).ok).toBe(true);
    const negatives = await negativesByPerson(b, EMBEDDING_MODEL_ID);
    expect([...negatives.entries()].map(([id, v]) => [id, v.map((x) => Array.from(x))])).toEqual([[bob!.id, [Array.from(unit(7))]]]);
  });

  it('exports only the selected people', async () => {
    const db = await seeded();
    const bob = await db.people.where('nameKey').equals('bob').first();
    const pack = await exportPack(db, new Date(), [bob!.id]);
    expect(pack.people.map((p) => p.name)).toEqual(['Bob']);
  });

  it('round-trips a passphrase-protected export', async () => {
    const a = await seeded();
    const text = await writePackText(await exportPack(a), 's3cret words');
    const b = fresh();
    expect(await importText(b, text, 'merge')).toMatchObject({ ok: false, error: /passphrase/ });
    expect(await importText(b, text, 'merge', 'wrong')).toMatchObject({ ok: false, error: /Wrong passphrase/ });
    expect(await dumpStore(b)).toEqual(await dumpStore(fresh()));
    expect(await importText(b, text, 'merge', 's3cret words')).toMatchObject({ ok: true });
    expect(await vectors(b)).toEqual(await vectors(a));
  });

  const good = async (): Promise<IdentityPack> => exportPack(await seeded());
  const withEmbedding = async (v: Float32Array): Promise<string> => {
    const p = await good();
    p.people[1]!.references[0]!.embedding = encodeEmbedding(v);
    return JSON.stringify(p);
  };
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['truncated', async () => JSON.stringify(await good()).slice(0, 500), /^This pack was cut short \(truncated\)/],
    ['foreign', async () => JSON.stringify({ type: 'FeatureCollection', features: [] }), /^This file is not a Facetag identity pack$/],
    ['wrong version', async () => JSON.stringify({ ...(await good()), version: 7 }), /^This pack is version 7, which is not supported/],
    ['wrong dimension', () => withEmbedding(new Float32Array(512).fill(0.01)), /^Embedding 1 of “Bob” has 512 numbers, expected 128$/],
    ['NaN', () => withEmbedding(unit(4).map((x, i) => (i === 7 ? NaN : x))), /^Embedding 1 of “Bob” holds an invalid number/],
    // Issue 14, finding 6: a mean of real faces times 1000 was named on every face.
    ['"Mallory" (a descriptor 1000 times too long)', () => withEmbedding(unit(4).map((x) => 1000 * x)), /^This pack's photo 1 of “Bob” is not a face descriptor: its length is 1\.00e\+3, a face's is 1$/],
    ['one-number descriptor', () => withEmbedding(new Float32Array(128).fill(1 / Math.sqrt(128))), /^This pack's photo 1 of “Bob” is not a face descriptor: every number in it is the same$/],
    ['our model id with another dimension', async () => {
      const p = await good();
      const small = encodeEmbedding(new Float32Array(64).fill(0.1));
      return JSON.stringify({ ...p, model: { id: EMBEDDING_MODEL_ID, dim: 64 }, people: p.people.map((x) => ({ ...x, references: x.references.map((r) => ({ ...r, embedding: small })) })) });
    }, /has 64 numbers per face; it has 128/],
    ['another model, with no way to recompute here', async () => JSON.stringify({ ...(await good()), model: { id: 'arcface@9', dim: 128 } }), /made for another face model \(arcface@9\)/],
    ['duplicate ids', async () => {
      const p = await good();
      p.people[1]!.id = p.people[0]!.id;
      return JSON.stringify(p);
    }, /two people share the id/],
    ['a script as thumbnail', async () => {
      const p = await good();
      p.people[0]!.references[0]!.thumbnail = 'javascript:alert(1)';
      return JSON.stringify(p);
    }, /must be a JPEG or PNG data URL/],
  ];
  it.each(cases)('rejects a %s pack with its message and leaves the store unchanged', async (_, make, message) => {
    const db = await seeded();
    const before = await dumpStore(db);
    for (const mode of ['merge', 'replace'] as const) {
      const result = await importText(db, await make(), mode);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
    expect(await dumpStore(db)).toEqual(before);
  });

  it('rolls a Replace back whole when a write fails inside the transaction', async () => {
    const db = await seeded();
    const before = await dumpStore(db);
    // Two people with one id: the second bulkAdd row fails after everyone was cleared.
    const people = [{ id: 'same', name: 'Xena', references: [{ thumbnail: THUMB, quality: 1, source: '', embedding: unit(7) }] }, { id: 'same', name: 'Yuri', references: [] }];
    await expect(applyImport(db, people, 'replace')).rejects.toThrow(/Key already exists|ConstraintError|BulkError/);
    expect(await dumpStore(db)).toEqual(before);
  });
});
