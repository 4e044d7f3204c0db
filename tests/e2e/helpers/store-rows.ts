/**
 * The extension's IndexedDB as an extension page reads it, and the one way the suite removes
 * people: the message the popup's "Forget" button sends. Each group of checks starts from the
 * people it expects, so one failed check cannot leave a person behind that fails the next group.
 */
import { expect } from 'vitest';
import type { Driver, ExtensionPage } from './driver.js';

export const OPTIONS = 'src/options/options.html';

/** Who the main suite's enrollment checks leave in the store (Howard from a group photo, Tiny saved despite low quality). */
export const MAIN_SUITE_PEOPLE = ['Sheldon', 'Leonard', 'Howard', 'Tiny'] as const;

export interface StoreRows {
  people: { id: string; name: string }[];
  references: { id: string; personId: string }[];
  embeddings: { referenceId: string; personId: string; vector: number[] }[];
}

/** Every row of every table of the extension's IndexedDB, read in an extension page. */
const ROWS = `(async () => {
  const db = await new Promise((ok, fail) => { const r = indexedDB.open('facetag'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const out = {};
  for (const name of [...db.objectStoreNames].sort()) {
    out[name] = await new Promise((ok, fail) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  }
  db.close();
  return JSON.stringify(out, (k, v) => (v instanceof Float32Array ? Array.from(v) : v));
})()`;

type AnyRows = Partial<StoreRows> & { settings?: unknown[] };

const readRows = async (page: ExtensionPage): Promise<AnyRows> => JSON.parse((await page.evaluate(ROWS)) as string) as AnyRows;

/** A database the browser discarded reads as one with no tables: no rows. */
const tablesOf = (rows: AnyRows): StoreRows => ({ people: rows.people ?? [], references: rows.references ?? [], embeddings: rows.embeddings ?? [] });

export const storeRows = async (page: ExtensionPage): Promise<StoreRows> => tablesOf(await readRows(page));
export const peopleNames = (rows: StoreRows): string[] => rows.people.map((p) => p.name).sort();

export async function deletePeople(page: ExtensionPage, who: (name: string) => boolean): Promise<void> {
  for (const p of (await storeRows(page)).people.filter((x) => who(x.name))) {
    const reply = (await page.evaluate(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ to: 'background', type: 'deletePerson', payload: { id: ${JSON.stringify(p.id)} } })`)) as { ok: boolean };
    expect(reply.ok).toBe(true);
  }
}

/** Leaves only the named people (those the main suite enrolled); returns who was removed. */
export async function keepOnlyPeople(driver: Driver, keep: readonly string[]): Promise<string[]> {
  const page = await driver.openExtensionPage(OPTIONS);
  try {
    const extra = peopleNames(await storeRows(page)).filter((n) => !keep.includes(n));
    await deletePeople(page, (n) => extra.includes(n));
    expect(peopleNames(await storeRows(page)).filter((n) => !keep.includes(n))).toEqual([]);
    return extra;
  } finally {
    await page.close();
  }
}

/**
 * For a failed check's report: who the store holds (with reference and embedding counts), its
 * settings, and what the background answers for the same, read from an extension page.
 */
export async function storeSummary(driver: Driver): Promise<string> {
  const page = await driver.openExtensionPage(OPTIONS);
  try {
    const all = await readRows(page);
    const rows = tablesOf(all);
    const count = (id: string) => `${rows.references.filter((r) => r.personId === id).length} refs/${rows.embeddings.filter((e) => e.personId === id).length} embeddings`;
    const ask = (type: string) => page.evaluate(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ to: 'background', type: '${type}', payload: {} })`);
    const people = rows.people.map((p) => `${p.name} (${count(p.id)})`).join(', ');
    return `store: ${people || 'nobody'}; settings rows ${JSON.stringify(all.settings ?? [])}; background people ${JSON.stringify(await ask('people')).slice(0, 400)}; background settings ${JSON.stringify(await ask('getSettings'))}`;
  } finally {
    await page.close();
  }
}
