/**
 * The CLI and the extension read each other's packs: `facetag enroll` output goes through the
 * options page's import code (in Node, over fake-indexeddb), and the extension's export goes
 * into `facetag identify`, plain and passphrase-protected. A pack made for another model is
 * re-embedded from its thumbnails by the real engine.
 */
import 'fake-indexeddb/auto';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseImage } from '../../src/engine/engine.js';
import { centralFace } from '../../src/engine/central-face.js';
import { EMBEDDING_MODEL_ID } from '../../src/engine/model-id.js';
import { isHopeless } from '../../src/engine/quality-policy.js';
import type { EngineModels } from '../../src/engine/runtime.js';
import { decodeImage } from '../../src/node/decode-image.js';
import { loadNodeModels } from '../../src/node/engine-node.js';
import { decodeEmbedding, encodeEmbedding, type IdentityPack } from '../../src/shared/identity-pack.js';
import { openPack, writePackText } from '../../src/shared/pack-file.js';
import { base64ToBytes } from '../../src/shared/base64.js';
import { FacetagDb } from '../../src/store/db.js';
import { exportPack } from '../../src/store/pack.js';
import { applyImport } from '../../src/store/pack-import.js';
import { packPeople, type EmbedThumbnail } from '../../src/store/pack-people.js';
import { galleryPeople } from '../../src/store/people.js';
import { jsonLines, runCli } from '../helpers/cli.js';
import { facesDir } from '../helpers/faces-dir.js';

const PEOPLE = ['amy', 'bernadette', 'penny'];
const ids = () => join(facesDir(), 'face-api.js/identities');
const probes = () => [...PEOPLE.map((p) => join(ids(), p, `${p}5.png`)), join(ids(), 'stuart/stuart5.png')];
const PASSPHRASE = 'a long passphrase for the test';

async function importInto(db: FacetagDb, text: string, passphrase?: string, embed?: EmbedThumbnail) {
  const opened = await openPack(text, passphrase);
  if (!opened.ok) throw new Error(opened.error);
  const ready = await packPeople(opened.value, embed);
  if (!ready.ok) throw new Error(ready.error);
  return { ...ready.value, outcome: await applyImport(db, ready.value.people, 'merge') };
}

async function identify(pack: string, passphrase?: string): Promise<(string | null)[][]> {
  const result = await runCli(['identify', '--jsonl', ...(passphrase ? ['--passphrase', passphrase] : []), pack, ...probes()]);
  if (result.code !== 0) throw new Error(result.stderr);
  return jsonLines(result.stdout).map((l) => (l.faces as { name: string | null }[]).map((f) => f.name));
}

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

describe('identity packs between the CLI and the extension', () => {
  let dir: string;
  let plainText: string;
  let encryptedText: string;
  let models: EngineModels;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'facetag-interop-'));
    const dataset = join(dir, 'people');
    for (const p of PEOPLE) {
      mkdirSync(join(dataset, p), { recursive: true });
      for (const n of [1, 2, 3]) symlinkSync(join(ids(), p, `${p}${n}.png`), join(dataset, p, `${p}${n}.png`));
    }
    const plain = await runCli(['enroll', dataset, '-o', join(dir, 'plain.json')]);
    const encrypted = await runCli(['enroll', dataset, '-o', join(dir, 'encrypted.json'), '--passphrase', PASSPHRASE]);
    if (plain.code !== 0 || encrypted.code !== 0) throw new Error(plain.stderr + encrypted.stderr);
    plainText = readFileSync(join(dir, 'plain.json'), 'utf8');
    encryptedText = readFileSync(join(dir, 'encrypted.json'), 'utf8');
    models = await loadNodeModels();
  }, 300_000);

  it('imports a `facetag enroll` pack, plain or passphrase-protected, with the same people and embeddings', async () => {
    const a = new FacetagDb(`interop-a-${Math.random()}`);
    const b = new FacetagDb(`interop-b-${Math.random()}`);
    expect((await importInto(a, plainText)).outcome).toEqual({ peopleAdded: 3, peopleUpdated: 0, referencesAdded: 9 });
    expect(encryptedText).not.toContain('penny');
    await importInto(b, encryptedText, PASSPHRASE);
    const vectors = async (db: FacetagDb) => (await galleryPeople(db, EMBEDDING_MODEL_ID)).map((p) => [p.name, p.references.map((r) => Array.from(r)).sort()]).sort();
    expect((await vectors(a)).map(([name]) => name)).toEqual(PEOPLE);
    // The engine is deterministic: both CLI runs gave the same embeddings.
    expect(await vectors(b)).toEqual(await vectors(a));
  });

  it('writes exports that `facetag identify` reads, plain and passphrase-protected, naming the right people', async () => {
    const db = new FacetagDb(`interop-export-${Math.random()}`);
    await importInto(db, plainText);
    const pack = await exportPack(db);
    writeFileSync(join(dir, 'export.json'), await writePackText(pack));
    writeFileSync(join(dir, 'export-encrypted.json'), await writePackText(pack, PASSPHRASE));
    const expected = [['amy'], ['bernadette'], ['penny'], [null]];
    expect(await identify(join(dir, 'export.json'))).toEqual(expected);
    expect(await identify(join(dir, 'export-encrypted.json'), PASSPHRASE)).toEqual(expected);
    const wrong = await runCli(['identify', '--passphrase', 'nope', join(dir, 'export-encrypted.json'), probes()[0]!]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Wrong passphrase/);
  });

  it('recomputes a pack made for another model from its thumbnails with the real engine', async () => {
    const original = JSON.parse(plainText) as IdentityPack;
    // As if made by some other 64-number model: these embeddings mean nothing to this one.
    const foreign: IdentityPack = {
      ...original,
      model: { id: 'other-model@3', dim: 64 },
      people: original.people.map((p) => ({ ...p, references: p.references.map((r) => ({ ...r, embedding: encodeEmbedding(new Float32Array(64).fill(0.125)) })) })),
    };
    // What the engine host's engine.embedThumbnail does, with the Node decoder.
    const embed: EmbedThumbnail = async (thumbnail) => {
      const { image } = await decodeImage(base64ToBytes(thumbnail.slice(thumbnail.indexOf(',') + 1)));
      const face = centralFace(await analyseImage(models, image), image.width, image.height);
      return { ok: true, value: face && !isHopeless(face.quality) ? face.embedding : null };
    };
    const db = new FacetagDb(`interop-recompute-${Math.random()}`);
    const result = await importInto(db, JSON.stringify(foreign), undefined, embed);
    expect(result.unusable).toEqual([]);
    expect(result.recomputed).toBe(9);
    // From a 160-px thumbnail the embedding comes out close to the one from the full photo.
    const stored = await galleryPeople(db, EMBEDDING_MODEL_ID);
    for (const person of original.people) {
      const again = stored.find((p) => p.name === person.name)!.references;
      person.references.forEach((r, i) => expect(cosine(decodeEmbedding(r.embedding), again[i]!)).toBeGreaterThan(0.9));
    }
    writeFileSync(join(dir, 'recomputed.json'), await writePackText(await exportPack(db)));
    expect(await identify(join(dir, 'recomputed.json'))).toEqual([['amy'], ['bernadette'], ['penny'], [null]]);
  });
});
