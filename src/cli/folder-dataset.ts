import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { collectImageFiles } from './collect-files.js';

export interface LabelledImage {
  person: string;
  file: string;
}

/** A folder-per-person dataset: each sub-folder's name is the person, its images (recursively) their photos. */
export async function readFolderDataset(dir: string): Promise<LabelledImage[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name));
  if (entries.length === 0) throw new Error(`${dir} has no sub-folders: expected one folder per person`);
  const out: LabelledImage[] = [];
  for (const entry of entries) {
    for (const file of await collectImageFiles([join(dir, entry.name)])) out.push({ person: entry.name, file });
  }
  return out;
}
