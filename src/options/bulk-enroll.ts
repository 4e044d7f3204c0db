/**
 * Enrollment from a folder per person: every photo is analysed first and nothing is saved
 * until all are done; then one transaction. Cancelled or failed, nothing is saved.
 */
import { EMBEDDING_MODEL_ID } from '../engine/model-id.js';
import { toBackground } from '../platform/send.js';
import { NO_PERSON_FOLDERS, personFiles } from '../shared/folder-dataset-rules.js';
import { errorMessage } from '../shared/result.js';
import { withDb } from '../store/db.js';
import { applyImport, type ImportOutcome, type ImportPerson } from '../store/pack-import.js';
import { engineImage, SkipImage } from './folder-images.js';

export interface Skipped {
  path: string;
  reason: string;
}

export type BulkResult =
  | { kind: 'saved'; outcome: ImportOutcome; skipped: Skipped[]; warnings: Skipped[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: string; skipped: Skipped[] };

export interface BulkRun {
  cancelled: boolean;
}

async function faceOf(file: File, person: string): Promise<ImportPerson['references'][number] & { warning: string | null }> {
  const url = await engineImage(file);
  const result = await toBackground('enrollImage', { url });
  if (!result.ok) throw new Error(result.error);
  const { faces, face } = result.value;
  if (!face) throw new SkipImage(faces === 0 ? 'no face found' : `${faces} faces: cannot tell which is ${person}`);
  return { thumbnail: face.thumbnail, quality: face.quality, source: file.name, embedding: Float32Array.from(face.embedding), warning: face.warning };
}

export async function bulkEnroll(files: readonly File[], run: BulkRun, progress: (done: number, total: number) => void, save: (people: ImportPerson[]) => Promise<ImportOutcome>): Promise<BulkResult> {
  const photos = personFiles(files.map((f) => ({ relativePath: f.webkitRelativePath || f.name, item: f })));
  if (photos.length === 0) return { kind: 'failed', error: `This folder ${NO_PERSON_FOLDERS}`, skipped: [] };
  const people = new Map<string, ImportPerson>();
  const skipped: Skipped[] = [];
  const warnings: Skipped[] = [];
  for (const [i, { person, path, item }] of photos.entries()) {
    if (run.cancelled) return { kind: 'cancelled' };
    progress(i, photos.length);
    try {
      const { warning, ...ref } = await faceOf(item, person);
      if (warning) warnings.push({ path, reason: `enrolled with a warning: ${warning}` });
      const entry = people.get(person) ?? { name: person, references: [] };
      entry.references.push(ref);
      people.set(person, entry);
    } catch (error) {
      if (!(error instanceof SkipImage)) return { kind: 'failed', error: `Facetag could not analyse ${path}: ${errorMessage(error)}. Nothing was saved.`, skipped };
      skipped.push({ path, reason: error.message });
    }
  }
  progress(photos.length, photos.length);
  if (run.cancelled) return { kind: 'cancelled' };
  if (people.size === 0) return { kind: 'failed', error: 'No photo in this folder had exactly one usable face: nothing was saved.', skipped };
  return { kind: 'saved', outcome: await save([...people.values()]), skipped, warnings };
}

export const saveToStore = (people: ImportPerson[]): Promise<ImportOutcome> => withDb((db) => applyImport(db, people, 'merge', new Date(), EMBEDDING_MODEL_ID));
