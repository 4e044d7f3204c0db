import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EMBEDDING_DIM, EMBEDDING_MODEL_ID } from '../../engine/model-id.js';
import type { EngineModels } from '../../engine/runtime.js';
import { faceThumbnail } from '../../engine/thumbnail.js';
import { enrollmentWarning } from '../../engine/quality-policy.js';
import { jpegDataUrl } from '../../node/encode-image.js';
import { encodeEmbedding, PACK_FORMAT, PACK_VERSION, type IdentityPack, type PackPerson } from '../../shared/identity-pack.js';
import { writePackText } from '../../shared/pack-file.js';
import { errorMessage } from '../../shared/result.js';
import { readFolderDataset } from '../folder-dataset.js';
import { progressBar } from '../progress.js';
import { analyseFile } from './scan.js';

export interface Skipped {
  file: string;
  reason: string;
}

/**
 * Builds an identity pack from a folder per person. Only photos with exactly one face become
 * references: with several faces there is no telling which one is the person.
 */
export async function enrollFolder(models: EngineModels, dir: string): Promise<{ pack: IdentityPack; skipped: Skipped[] }> {
  const images = await readFolderDataset(dir);
  const people = new Map<string, PackPerson>();
  const skipped: Skipped[] = [];
  const bar = progressBar(images.length, 'enroll');
  for (const { person, file } of images) {
    bar.tick();
    try {
      const { decoded, faces } = await analyseFile(models, file);
      if (faces.length !== 1) {
        skipped.push({ file, reason: faces.length === 0 ? 'no face found' : `${faces.length} faces: cannot tell which is ${person}` });
        continue;
      }
      const face = faces[0]!;
      const warning = enrollmentWarning(face.quality, face.qualityIssues);
      if (warning) skipped.push({ file, reason: `enrolled with a warning: ${warning}` });
      const entry = people.get(person) ?? { id: randomUUID(), name: person, references: [], negatives: [] };
      entry.references.push({
        embedding: encodeEmbedding(face.embedding),
        thumbnail: await jpegDataUrl(faceThumbnail(decoded.image, face.box)),
        quality: face.quality,
        source: file,
        addedAt: new Date().toISOString(),
      });
      people.set(person, entry);
    } catch (error) {
      skipped.push({ file, reason: `unreadable: ${errorMessage(error)}` });
    }
  }
  bar.stop();
  const pack: IdentityPack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    model: { id: EMBEDDING_MODEL_ID, dim: EMBEDDING_DIM },
    createdAt: new Date().toISOString(),
    people: [...people.values()],
  };
  return { pack, skipped };
}

export async function enroll(models: EngineModels, args: string[], print: (line: string) => void, warn: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, passphrase: { type: 'string' } } });
  const [dir] = positionals;
  if (!dir || !values.output) throw new Error('usage: facetag enroll <dir> -o people.json [--passphrase P]');
  const { pack, skipped } = await enrollFolder(models, dir);
  for (const s of skipped) warn(s.reason.startsWith('enrolled') ? `${s.file}: ${s.reason}` : `skipped ${s.file}: ${s.reason}`);
  if (pack.people.length === 0) throw new Error(`no usable photo in ${dir}: nothing written`);
  await writeFile(values.output, `${await writePackText(pack, values.passphrase)}\n`);
  const refs = pack.people.reduce((n, p) => n + p.references.length, 0);
  const notEnrolled = skipped.filter((s) => !s.reason.startsWith('enrolled')).length;
  print(`wrote ${values.output}: ${pack.people.length} people, ${refs} reference faces, ${notEnrolled} photos skipped`);
  return 0;
}
