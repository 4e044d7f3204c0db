/**
 * Where the people snapshot lives (src/store/snapshot.ts): storage.local, which Chrome keeps
 * in its own database beside, not inside, the extension's IndexedDB, and which holds any size
 * under `unlimitedStorage`. A Web Lock keeps two changes from restoring or writing it at once.
 */
import { ext } from '../platform/ext.js';
import { logger } from '../shared/logger.js';
import { withDb } from '../store/db.js';
import { restoreLostPeople, snapshotPeople, storeWasDiscarded, RESTORED_KEY, SNAPSHOT_KEY, SNAPSHOT_STORE_KEY, type RestoreNotice, type Snapshot, type SnapshotPlace } from '../store/snapshot.js';

const log = logger('snapshot');

export function snapshotPlace(): SnapshotPlace {
  return {
    readStoreId: async () => ((await ext.storage.local.get(SNAPSHOT_STORE_KEY))[SNAPSHOT_STORE_KEY] as string | undefined) ?? null,
    read: async () => ((await ext.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY] as Snapshot | undefined) ?? null,
    // In one call, so the id is never written without its snapshot.
    write: (snapshot) => ext.storage.local.set({ [SNAPSHOT_KEY]: snapshot, [SNAPSHOT_STORE_KEY]: snapshot.storeId }),
    notice: (restored: RestoreNotice) => ext.storage.local.set({ [RESTORED_KEY]: restored }),
    // The lock's typings wrap the callback's promise once more; it resolves to the callback's value.
    exclusive: <T>(work: () => Promise<T>) => navigator.locks.request(SNAPSHOT_KEY, work) as Promise<T>,
  };
}

/**
 * Brings the people back if the store was discarded since the last snapshot. Never throws: a
 * failure is logged, and the caller (start-up, the popup's list, a page's labels) goes on.
 */
export async function restoreIfDiscarded(): Promise<void> {
  try {
    if (!(await withDb((db) => storeWasDiscarded(db, snapshotPlace())))) return;
    const restored = await withDb((db) => restoreLostPeople(db, snapshotPlace()));
    if (restored) log.warn(`the people store had been discarded: ${restored.people} people restored from the snapshot of ${restored.savedAt}`);
  } catch (error) {
    log.error('restoring the people snapshot failed', error);
  }
}

/** Snapshots the people after a change (restoring first if the store was discarded). Never throws. */
export async function saveSnapshot(): Promise<void> {
  try {
    await withDb((db) => snapshotPeople(db, snapshotPlace()));
  } catch (error) {
    log.error('the people snapshot was not saved', error);
  }
}
