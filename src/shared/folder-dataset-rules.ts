/**
 * The folder-per-person rules of `facetag enroll`, for paths: each sub-folder of the chosen
 * folder is a person, named by the folder; their photos are the files under it, at any depth;
 * files directly in the chosen folder belong to nobody. People and files come in name order.
 */
export const NO_PERSON_FOLDERS = 'has no sub-folders: expected one folder per person';

export interface PersonFile<T> {
  person: string;
  /** Path below the chosen folder, "Alice/2019/a.jpg". */
  path: string;
  item: T;
}

/** `relativePath` is as a browser's folder picker gives it: "chosen/Alice/a.jpg". */
export function personFiles<T>(entries: readonly { relativePath: string; item: T }[]): PersonFile<T>[] {
  const out: PersonFile<T>[] = [];
  for (const { relativePath, item } of entries) {
    const parts = relativePath.split('/').filter(Boolean);
    if (parts.length < 3) continue;
    out.push({ person: parts[1]!, path: parts.slice(1).join('/'), item });
  }
  return out.sort((a, b) => a.person.localeCompare(b.person) || a.path.localeCompare(b.path));
}
