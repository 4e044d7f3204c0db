/**
 * Files the identity-pack checks hand to the options page, built at run time in a temp folder
 * from ../shared/faces (never into the repository): a `facetag enroll` pack, a folder per
 * person with photos that must be skipped, damaged packs, and a large pack of real thumbnails.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeEmbedding, encodeEmbedding, type IdentityPack } from '../../../src/shared/identity-pack.js';
import { runCli } from '../../helpers/cli.js';
import { facesDir } from '../../helpers/faces-dir.js';

const identity = (who: string, n: number) => join(facesDir(), 'face-api.js/identities', who, `${who}${n}.png`);

export function tempDir(what: string): string {
  return mkdtempSync(join(tmpdir(), `facetag-${what}-`));
}

/** `facetag enroll` on a folder of these people's photos 1–4 (copies: a browser's file picker sees plain files). */
export async function cliPack(dir: string, people: readonly string[]): Promise<string> {
  const dataset = join(dir, 'cli-people');
  for (const who of people) {
    mkdirSync(join(dataset, who), { recursive: true });
    for (const n of [1, 2, 3, 4]) copyFileSync(identity(who, n), join(dataset, who, `${who}${n}.png`));
  }
  const out = join(dir, 'cli-pack.json');
  const result = await runCli(['enroll', dataset, '-o', out]);
  if (result.code !== 0) throw new Error(`facetag enroll failed: ${result.stderr}`);
  return out;
}

/** The skipped files of bulkFolder, with the reason the page must give for each. */
export const BULK_SKIPPED: [string, RegExp][] = [
  ['Penny/cartoon.jpg', /no face found/],
  ['Penny/group.jpg', /4 faces: cannot tell which is Penny/],
  ['Raj/broken.jpg', /unreadable/],
  ['Raj/notes.txt', /not an image/],
];

/** Penny and Raj, photos 1, 3 and 4 each, plus a cartoon (no face), a group photo, a broken JPEG and a text file. */
export function bulkFolder(dir: string): string {
  const root = join(dir, 'team');
  for (const who of ['penny', 'raj']) {
    const folder = join(root, who === 'penny' ? 'Penny' : 'Raj');
    mkdirSync(folder, { recursive: true });
    for (const n of [1, 3, 4]) copyFileSync(identity(who, n), join(folder, `${who}${n}.png`));
  }
  copyFileSync(join(facesDir(), 'mtcnn/no-faces.jpg'), join(root, 'Penny/cartoon.jpg'));
  copyFileSync(join(facesDir(), 'face-api.js/group/bbt1.jpg'), join(root, 'Penny/group.jpg'));
  writeFileSync(join(root, 'Raj/broken.jpg'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]));
  writeFileSync(join(root, 'Raj/notes.txt'), 'Raj likes astrophysics.\n');
  return root;
}

/** A folder of `count` photos of Penny: long enough a run for Cancel to land in the middle of it. */
export function longFolder(dir: string, count: number): string {
  const root = join(dir, 'long');
  mkdirSync(join(root, 'Penny'), { recursive: true });
  for (let i = 0; i < count; i++) copyFileSync(identity('penny', (i % 5) + 1), join(root, 'Penny', `penny-${String(i).padStart(3, '0')}.png`));
  return root;
}

/** Damaged versions of a good pack, each with the message the page must show. */
export function badPacks(dir: string, goodPack: string): [string, RegExp][] {
  const text = readFileSync(goodPack, 'utf8');
  const pack = JSON.parse(text) as IdentityPack;
  const write = (name: string, body: string) => {
    writeFileSync(join(dir, name), body);
    return join(dir, name);
  };
  const withFirstEmbedding = (v: Float32Array) => JSON.stringify({ ...pack, people: pack.people.map((p, i) => (i === 0 ? { ...p, references: [{ ...p.references[0]!, embedding: encodeEmbedding(v) }, ...p.references.slice(1)] } : p)) });
  const withFirstThumbnail = (thumbnail: string) => JSON.stringify({ ...pack, people: pack.people.map((p, i) => (i === 0 ? { ...p, references: [{ ...p.references[0]!, thumbnail }, ...p.references.slice(1)] } : p)) });
  const huge = join(dir, 'huge.json');
  writeFileSync(huge, '');
  // Sparse: 140 MB on paper, nothing on disk; the page must refuse it from its size alone.
  truncateSync(huge, 140 * 1024 * 1024);
  const first = pack.people[0]!.name;
  return [
    [write('truncated.json', text.slice(0, Math.floor(text.length / 2))), /This pack was cut short \(truncated\)/],
    [join(facesDir(), 'identification.json'), /This file is not a Facetag identity pack/],
    [identity('amy', 1), /This file is not a Facetag identity pack/],
    [write('version.json', JSON.stringify({ ...pack, version: 9 })), /This pack is version 9, which is not supported/],
    [write('dimension.json', withFirstEmbedding(new Float32Array(512).fill(0.04))), new RegExp(`Embedding 1 of “${first}” has 512 numbers, expected 128`)],
    [write('nan.json', withFirstEmbedding(new Float32Array(128).fill(Number.NaN))), new RegExp(`Embedding 1 of “${first}” holds an invalid number`)],
    // Issue 14, finding 6: one person whose descriptor is a real one times 1000 was named on every face.
    [write('mallory.json', withFirstEmbedding(decodeEmbedding(pack.people[0]!.references[0]!.embedding).map((x) => 1000 * x))), new RegExp(`This pack's photo 1 of “${first}” is not a face descriptor: its length is 1\\.00e\\+3`)],
    // Finding 9: a "thumbnail" too large to be one, and one that is no image at all.
    [write('big-thumbnail.json', withFirstThumbnail(`data:image/jpeg;base64,${'A'.repeat(300 * 1024)}`)), /thumbnail: must be a thumbnail of at most 256 KB/],
    [write('text-thumbnail.json', withFirstThumbnail(`data:image/png;base64,${Buffer.from('not a picture at all').toString('base64')}`)), /thumbnail: is not an image/],
    [huge, /This pack is 140 MB; the limit is 100 MB/],
  ];
}

/** `people` people of `each` references, cycling through the real references (thumbnails and embeddings) of a pack. */
export function crowdPack(dir: string, from: string, people: number, each: number): { file: string; names: string[] } {
  const pack = JSON.parse(readFileSync(from, 'utf8')) as IdentityPack;
  const refs = pack.people.flatMap((p) => p.references);
  const names = Array.from({ length: people }, (_, i) => `Crowd ${String(i + 1).padStart(2, '0')}`);
  const crowd: IdentityPack = {
    ...pack,
    people: names.map((name, i) => ({ id: `crowd-${i}`, name, negatives: [], references: Array.from({ length: each }, (_, j) => refs[(i * each + j) % refs.length]!) })),
  };
  const file = join(dir, 'crowd.json');
  writeFileSync(file, JSON.stringify(crowd));
  return { file, names };
}
