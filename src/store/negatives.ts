/** Faces the user rejected for a person ("Not <name>"): negative examples for matching. */
import type { FacetagDb } from './db.js';
import type { NegativeRow } from './schema.js';

export type NewNegative = Omit<NegativeRow, 'id' | 'addedAt'>;

export async function addNegative(db: FacetagDb, negative: NewNegative, now = new Date()): Promise<NegativeRow> {
  const row = { ...negative, id: crypto.randomUUID(), addedAt: now.toISOString() };
  await db.negatives.add(row);
  return row;
}

/** Rejected embeddings of this model, by person id. */
export async function negativesByPerson(db: FacetagDb, modelId: string): Promise<Map<string, Float32Array[]>> {
  const byPerson = new Map<string, Float32Array[]>();
  for (const row of await db.negatives.where('modelId').equals(modelId).toArray()) {
    byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row.vector]);
  }
  return byPerson;
}
