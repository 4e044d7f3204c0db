/**
 * A first look at Facetag from the command line: enroll people from a folder per person, then
 * name the faces in group photos. With no argument it uses ../shared/faces (face-api.js's TV
 * characters, linked into a temp folder, never copied into the repository).
 *
 *   npx tsx scripts/cli-demo.ts [folder-per-person] [photos...]
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../src/cli/main.js';

const facesDir = resolve(process.env.FACETAG_FACES ?? join(import.meta.dirname, '..', '..', 'shared', 'faces'));

function sharedDataset(): { people: string; photos: string[] } {
  const identities = join(facesDir, 'face-api.js', 'identities');
  const people = mkdtempSync(join(tmpdir(), 'facetag-demo-'));
  for (const person of readdirSync(identities)) {
    mkdirSync(join(people, person));
    // Four photos enroll each person; the fifth stays unseen.
    for (const file of readdirSync(join(identities, person)).sort().slice(0, 4)) symlinkSync(join(identities, person, file), join(people, person, file));
  }
  return { people, photos: ['bbt1.jpg', 'bbt3.jpg', 'bbt4.jpg'].map((f) => join(facesDir, 'face-api.js', 'group', f)) };
}

const [folder, ...photos] = process.argv.slice(2);
if (!folder && !existsSync(facesDir)) {
  process.stderr.write(`No photos: ../shared/faces is not here. Run: npx tsx scripts/cli-demo.ts <folder with one sub-folder per person> <photos...>\n`);
  process.exit(2);
}
const demo = folder ? { people: folder, photos } : sharedDataset();
const pack = join(mkdtempSync(join(tmpdir(), 'facetag-pack-')), 'people.json');
process.stdout.write(`\n1. facetag enroll ${demo.people} -o ${pack}\n`);
if ((await main(['enroll', demo.people, '-o', pack])) !== 0) process.exit(1);
process.stdout.write(`\n2. facetag identify ${pack} <group photos>\n`);
process.exit(await main(['identify', pack, ...demo.photos]));
