import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePack } from '../../src/shared/identity-pack.js';
import { jsonLines, runCli } from '../helpers/cli.js';
import { facesDir } from '../helpers/faces-dir.js';

const PEOPLE = ['sheldon', 'raj', 'leonard', 'howard'];

/** A folder per person of links to the shared photos (links, not copies: the photos stay in ../shared). */
function buildDataset(root: string): void {
  const ids = join(facesDir(), 'face-api.js/identities');
  for (const person of PEOPLE) {
    mkdirSync(join(root, person));
    for (const n of [1, 2, 3, 4]) symlinkSync(join(ids, person, `${person}${n}.png`), join(root, person, `${person}${n}.png`));
  }
  // A photo with no face is skipped and reported, not enrolled.
  symlinkSync(join(facesDir(), 'mtcnn/no-faces.jpg'), join(root, 'raj', 'cartoon.jpg'));
}

describe('facetag enroll → identify', () => {
  let root: string;
  let pack: string;
  let enrolled: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'facetag-enroll-'));
    const dataset = join(root, 'people');
    mkdirSync(dataset);
    buildDataset(dataset);
    pack = join(root, 'people.json');
    enrolled = await runCli(['enroll', dataset, '-o', pack]);
  }, 180_000);

  it('writes a valid identity pack of the folder names and reports skipped photos', () => {
    expect(enrolled.code).toBe(0);
    expect(enrolled.stdout).toMatch(/4 people, 16 reference faces, 1 photos skipped/);
    expect(enrolled.stderr).toMatch(/skipped .*cartoon\.jpg: no face found/);
    const parsed = parsePack(readFileSync(pack, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.people.map((p) => p.name).sort()).toEqual([...PEOPLE].sort());
    for (const person of parsed.value.people) {
      expect(person.references).toHaveLength(4);
      expect(person.references[0]?.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    }
  });

  it('names held-out photos of enrolled people and leaves strangers unknown', async () => {
    const ids = join(facesDir(), 'face-api.js/identities');
    const probes = PEOPLE.map((p) => join(ids, p, `${p}5.png`));
    const strangers = ['penny/penny5.png', 'amy/amy5.png'].map((p) => join(ids, p));
    const result = await runCli(['identify', '--jsonl', pack, ...probes, ...strangers]);
    expect(result.code).toBe(0);
    const names = jsonLines(result.stdout).map((l) => (l.faces as { name: string | null }[]).map((f) => f.name));
    expect(names).toEqual([['sheldon'], ['raj'], ['leonard'], ['howard'], [null], [null]]);
  });

  it('puts the right names on the right faces of group photos, and none on a stranger', async () => {
    const groups = ['bbt1.jpg', 'bbt3.jpg', 'bbt5.jpg'].map((g) => join(facesDir(), 'face-api.js/group', g));
    const result = await runCli(['identify', '--jsonl', pack, ...groups]);
    const leftToRight = jsonLines(result.stdout).map((line) =>
      (line.faces as { name: string | null; box: number[] }[]).sort((a, b) => (a.box[0] ?? 0) - (b.box[0] ?? 0)).map((f) => f.name),
    );
    // From identification.json's left-to-right labels; Penny is not enrolled.
    const truth = [
      ['raj', 'leonard', 'howard', 'sheldon'],
      ['sheldon', 'howard', null, 'raj', 'leonard'],
      ['raj', null, 'sheldon', 'leonard', 'howard'],
    ];
    expect(leftToRight.map((faces) => faces.length)).toEqual(truth.map((faces) => faces.length));
    // A face may stay unknown near the threshold, but a name given is always the right one.
    leftToRight.forEach((faces, g) => faces.forEach((name, f) => name === null || expect(name, `photo ${g}, face ${f}`).toBe(truth[g]?.[f])));
    const named = leftToRight.flat().filter((n) => n !== null).length;
    // 12 faces of enrolled people: at most one may stay unknown.
    expect(named).toBeGreaterThanOrEqual(11);
  });

  it('refuses a pack that is not an identity pack, with a clear message', async () => {
    const result = await runCli(['identify', join(facesDir(), 'identification.json'), join(facesDir(), 'mtcnn/ivan.jpg')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a Facetag identity pack/);
  });
});

describe('facetag eval', () => {
  it('reports identification and verification accuracy on a folder-per-person dataset', async () => {
    const result = await runCli(['eval', '--json', join(facesDir(), 'face-api.js/identities')]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { images: number; people: number; withFace: number; top1: number; auc: number; tarAtFar1e2: number };
    expect(report.images).toBe(40);
    expect(report.people).toBe(8);
    expect(report.withFace).toBe(1);
    expect(report.top1).toBeGreaterThanOrEqual(0.95);
    expect(report.auc).toBeGreaterThan(0.98);
  });
});
