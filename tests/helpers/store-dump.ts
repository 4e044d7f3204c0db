import type { FacetagDb } from '../../src/store/db.js';

/** Every row of every table, embeddings as plain arrays: equal dumps mean an unchanged store. */
export async function dumpStore(db: FacetagDb): Promise<unknown> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return JSON.parse(JSON.stringify(Object.fromEntries(tables), (_k, v: unknown) => (v instanceof Float32Array ? Array.from(v) : v)));
}
