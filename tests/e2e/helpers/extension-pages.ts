/**
 * The extension's own pages in Chromium, opened as tabs: the popup (what the user reads), and
 * a dump of the store read from IndexedDB there, to compare before and after a fault.
 */
import type { Page } from 'playwright-core';
import type { PersonSummary } from '../../../src/shared/protocol.js';
import type { ChromiumDriver } from './chromium.js';

export async function openPopup(driver: ChromiumDriver): Promise<Page> {
  const id = new URL((await driver.worker()).url()).host;
  const popup = await driver.context().newPage();
  await popup.goto(`chrome-extension://${id}/src/popup/popup.html`);
  return popup;
}

/** The people list as the popup gets it. */
export async function peopleList(popup: Page): Promise<PersonSummary[]> {
  const reply = (await popup.evaluate(() => chrome.runtime.sendMessage({ to: 'background', type: 'people', payload: {} }))) as { ok: boolean; value?: PersonSummary[]; error?: string };
  if (!reply.ok || !reply.value) throw new Error(`people failed: ${reply.error ?? 'no answer'}`);
  return reply.value;
}

export type StoreDump = Record<string, Record<string, unknown>[]>;

/** Every row of every object store of Facetag's database, typed arrays as plain arrays. */
export function storeDump(popup: Page): Promise<StoreDump> {
  return popup.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('facetag');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('cannot open the store'));
    });
    const plain = (row: unknown) => JSON.parse(JSON.stringify(row, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v))) as Record<string, unknown>;
    const out: Record<string, Record<string, unknown>[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      out[name] = await new Promise((resolve, reject) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve((r.result as unknown[]).map(plain));
        r.onerror = () => reject(r.error ?? new Error(`cannot read ${name}`));
      });
    }
    db.close();
    return out;
  });
}
