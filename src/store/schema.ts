/**
 * The IndexedDB schema, one entry per version. Dexie replays every version's upgrade in order,
 * so a profile created by any earlier Facetag opens with the current one; never edit a
 * published version, add a new one.
 *
 * Embeddings live apart from references and are keyed by [referenceId+modelId]: the thumbnail
 * is the durable record of a face, and a new embedding model adds rows next to the old ones,
 * recomputed from the thumbnails, without touching what the user enrolled.
 */
import type { Transaction } from 'dexie';

export interface PersonRow {
  id: string;
  name: string;
  /** name folded for lookups (added in version 2). */
  nameKey: string;
  createdAt: string;
  /** When a page last showed this person's name; null if never (added in version 3). */
  lastSeenAt?: string | null;
}

export interface ReferenceRow {
  id: string;
  personId: string;
  /** JPEG data URL around the face (see src/engine/thumbnail.ts). */
  thumbnail: string;
  quality: number;
  /** URL of the image the face was enrolled from. */
  source: string;
  addedAt: string;
}

export interface EmbeddingRow {
  referenceId: string;
  modelId: string;
  personId: string;
  vector: Float32Array;
}

/** A face the user said is NOT this person ("Not <name>" on a page), added in version 3. */
export interface NegativeRow {
  id: string;
  personId: string;
  modelId: string;
  vector: Float32Array;
  thumbnail: string;
  source: string;
  addedAt: string;
}

/** Everything a delete removed, kept for a while so Undo can put back exactly these rows. */
export interface TrashRow {
  id: string;
  deletedAt: string;
  person: PersonRow;
  references: ReferenceRow[];
  embeddings: EmbeddingRow[];
  negatives: NegativeRow[];
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Folds a name so "alice " and "Alice" are one person. */
export function nameKeyOf(name: string): string {
  return name.trim().normalize('NFKC').toLocaleLowerCase();
}

export const SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      people: 'id, name',
      references: 'id, personId',
      embeddings: '[referenceId+modelId], modelId, personId',
      settings: 'key',
    },
  },
  {
    // Enrollment looks people up by name; an index on the folded name makes that one query.
    version: 2,
    stores: { people: 'id, name, nameKey' },
    upgrade: async (tx) => {
      await tx.table<PersonRow, string>('people').toCollection().modify((p) => {
        p.nameKey = nameKeyOf(p.name);
      });
    },
  },
  {
    // Rejections ("Not <name>") become negative examples; deletes go to a trash for Undo;
    // people remember when a page last showed them.
    version: 3,
    stores: { negatives: 'id, personId, modelId', trash: 'id, deletedAt' },
    upgrade: async (tx) => {
      await tx.table<PersonRow, string>('people').toCollection().modify((p) => {
        p.lastSeenAt ??= null;
      });
    },
  },
];
