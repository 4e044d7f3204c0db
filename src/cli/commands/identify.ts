import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildGallery, type Person } from '../../engine/match/gallery.js';
import { DEFAULT_MATCH_MARGIN, DEFAULT_MATCH_THRESHOLD } from '../../engine/match/defaults.js';
import { nameFaces } from '../../engine/match/name-faces.js';
import { EMBEDDING_MODEL_ID } from '../../engine/model-id.js';
import type { EngineModels } from '../../engine/runtime.js';
import { MAX_PACK_BYTES, packDescriptor, tooLargeMessage } from '../../shared/identity-pack.js';
import { openPack } from '../../shared/pack-file.js';
import { errorMessage } from '../../shared/result.js';
import { collectImageFiles } from '../collect-files.js';
import { analyseFile } from './scan.js';

/** Reads an identity pack made for this engine's embedding space into gallery people. */
export async function loadPackPeople(path: string, passphrase?: string): Promise<Person[]> {
  const info = await stat(path);
  if (info.size > MAX_PACK_BYTES) throw new Error(`${path}: ${tooLargeMessage(info.size)}`);
  const parsed = await openPack(await readFile(path, 'utf8'), passphrase);
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error}`);
  const pack = parsed.value;
  if (pack.model.id !== EMBEDDING_MODEL_ID) {
    throw new Error(`${path} was made for model ${pack.model.id}, this facetag uses ${EMBEDDING_MODEL_ID}: enroll again, or import it in the extension, which recomputes embeddings from the thumbnails`);
  }
  const descriptor = (text: string, what: string): Float32Array => {
    const r = packDescriptor(text, what);
    if (!r.ok) throw new Error(`${path}: ${r.error}`);
    return r.value;
  };
  return pack.people.map((p) => ({
    id: p.id,
    name: p.name,
    references: p.references.map((r, i) => descriptor(r.embedding, `embedding ${i + 1} of “${p.name}”`)),
    negatives: p.negatives.map((r, i) => descriptor(r.embedding, `rejected face ${i + 1} of “${p.name}”`)),
  }));
}

export async function identifyFiles(models: EngineModels, args: string[], print: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { jsonl: { type: 'boolean', default: false }, threshold: { type: 'string' }, margin: { type: 'string' }, passphrase: { type: 'string' } },
  });
  const [packPath, ...inputs] = positionals;
  if (!packPath || inputs.length === 0) throw new Error('usage: facetag identify [--passphrase P] <people.json> <files|dirs...>');
  const threshold = values.threshold === undefined ? DEFAULT_MATCH_THRESHOLD : Number(values.threshold);
  const margin = values.margin === undefined ? DEFAULT_MATCH_MARGIN : Number(values.margin);
  if (!Number.isFinite(threshold) || !Number.isFinite(margin)) throw new Error('--threshold and --margin must be numbers');
  const gallery = buildGallery(await loadPackPeople(packPath, values.passphrase));
  let readable = 0;
  for (const file of await collectImageFiles(inputs)) {
    try {
      const { decoded, faces } = await analyseFile(models, file);
      readable++;
      const named = nameFaces(gallery, faces, { threshold, margin });
      const results = faces.map((f, i) => ({
        box: f.box.map((v) => Math.round(v * decoded.scale)),
        name: named[i]?.person?.name ?? null,
        score: Number.isFinite(named[i]?.score) ? Number((named[i]?.score ?? 0).toFixed(4)) : null,
        quality: Number(f.quality.toFixed(3)),
      }));
      if (values.jsonl) print(JSON.stringify({ file, faces: results }));
      else print(`${file}: ${results.length ? results.map((r) => `${r.name ?? 'unknown'} (${r.score}) at ${r.box.join(',')}`).join('; ') : 'no face'}`);
    } catch (error) {
      if (values.jsonl) print(JSON.stringify({ file, error: errorMessage(error) }));
      else print(`${file}: error: ${errorMessage(error)}`);
    }
  }
  return readable > 0 ? 0 : 1;
}
