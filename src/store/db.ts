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
