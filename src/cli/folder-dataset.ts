import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { NO_PERSON_FOLDERS } from '../shared/folder-dataset-rules.js';
import { collectImageFiles } from './collect-files.js';

export interface LabelledImage {
  person: string;
  file: string;
}

/** A folder-per-person dataset: each sub-folder's name is the person, its images (recursively) their photos. */
export async function readFolderDataset(dir: string): Promise<LabelledImage[]> {
  const all = await readdir(dir, { withFileTypes: true });
  const isFolder = async (name: string): Promise<boolean> => (await stat(join(dir, name)).catch(() => undefined))?.isDirectory() ?? false;
  const entries = (await Promise.all(all.map(async (e) => ((await isFolder(e.name)) ? e : null)))).filter((e) => e !== null).sort((a, b) => a.name.localeCompare(b.name));
  if (entries.length === 0) throw new Error(`${dir} ${NO_PERSON_FOLDERS}`);
  const out: LabelledImage[] = [];
  for (const entry of entries) {
    for (const file of await collectImageFiles([join(dir, entry.name)])) out.push({ person: entry.name, file });
  }
  return out;
}
