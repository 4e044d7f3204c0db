import { Dexie, type Table } from 'dexie';
import { SCHEMA, type EmbeddingRow, type NegativeRow, type PersonRow, type ReferenceRow, type SettingRow, type SchemaVersion, type TrashRow } from './schema.js';

export const DB_NAME = 'facetag';

export class FacetagDb extends Dexie {
  people!: Table<PersonRow, string>;
  references!: Table<ReferenceRow, string>;
  embeddings!: Table<EmbeddingRow, [string, string]>;
  settings!: Table<SettingRow, string>;
  negatives!: Table<NegativeRow, string>;
  trash!: Table<TrashRow, string>;

  /** `versions` is SCHEMA, or a prefix of it in migration tests. */
  constructor(name = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

/**
 * A fresh handle per use. The service worker may be stopped at any time, so nothing is kept
 * in module variables; Dexie opens lazily and IndexedDB connections are cheap.
 */
export function openDb(): FacetagDb {
  return new FacetagDb();
}

/**
 * Runs `use` on a fresh handle and closes it after. Dexie keeps every open instance in a global
 * list (to answer version changes), so a handle that is never closed is never freed: one per
 * analysed image grew the service worker by megabytes per hundred images in the soak test.
 */
export async function withDb<T>(use: (db: FacetagDb) => Promise<T>): Promise<T> {
  const db = openDb();
  try {
    return await use(db);
  } finally {
    db.close();
  }
}
