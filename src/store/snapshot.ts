/**
 * A copy of the people kept apart from IndexedDB (issue 14, "Data loss"): Chromium was seen
 * discarding an extension's whole IndexedDB after a kill and restart, with nothing to tell the
 * user. After each change the background writes the people (as an identity pack: names,
 * references, rejected faces) and the settings to storage.local, tagged with the id of the store
 * they came from. A store whose id is not the snapshot's was reset: the snapshot is restored into
 * it before anything else is written, and the popup is told what happened.
 */
import { packPeople } from './pack-people.js';
import { applyImport } from './pack-import.js';
import { exportPack } from './pack.js';
import { readSettings, writeSettings } from './people.js';
import type { FacetagDb } from './db.js';
import type { IdentityPack } from '../shared/identity-pack.js';
import type { Settings } from '../shared/protocol.js';

/**
 * The storage.local keys: the snapshot; the id of the store it was taken of, apart, so that the
 * check made before each page analysis reads a few bytes and not the whole snapshot; and the
 * notice the popup reads and clears (src/popup/restore-notice.ts).
 */
export const SNAPSHOT_KEY = 'people-snapshot';
export const SNAPSHOT_STORE_KEY = 'people-snapshot-store';
export const RESTORED_KEY = 'people-restored';

export interface Snapshot {
  storeId: string;
  savedAt: string;
  pack: IdentityPack;
  settings: Settings;
}

/** What the popup shows after a restore. */
export interface RestoreNotice {
  at: string;
  people: number;
  /** When the snapshot that was restored had been taken. */
  savedAt: string;
}

/** Where snapshots live (storage.local in the extension), and the lock that serialises their use. */
export interface SnapshotPlace {
  /** The store id of the snapshot kept, without reading the snapshot. */
  readStoreId(): Promise<string | null>;
  read(): Promise<Snapshot | null>;
  write(snapshot: Snapshot): Promise<void>;
  notice(restored: RestoreNotice): Promise<void>;
  /** Runs `work` alone: two changes at once must not both restore the same snapshot. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

/** The settings row naming this store; a discarded database comes back without it. */
const STORE_ID = 'storeId';

async function storeId(db: FacetagDb): Promise<string | null> {
  const row = await db.settings.get(STORE_ID);
  return typeof row?.value === 'string' ? row.value : null;
}

/**
 * Restores the snapshot when the store is not the one it was taken of. Gives the store's id
 * (new for a store never snapshotted) and the notice of a restore, if there was one.
 */
async function restoreIfReset(db: FacetagDb, place: SnapshotPlace, now: Date): Promise<{ id: string; restored: RestoreNotice | null }> {
  const [kept, found] = await Promise.all([place.readStoreId(), storeId(db)]);
  const snapshot = kept !== null && kept !== found ? await place.read() : null;
  if (!snapshot) {
    const id = found ?? crypto.randomUUID();
    if (found === null) await db.settings.put({ key: STORE_ID, value: id });
    return { id, restored: null };
  }
  const ready = await packPeople(snapshot.pack);
  if (!ready.ok) throw new Error(`the people snapshot cannot be restored: ${ready.error}`);
  // Into an empty store as it was (the same person ids); beside anyone enrolled since the reset otherwise.
  const empty = (await db.people.count()) === 0;
  await applyImport(db, ready.value.people, empty ? 'replace' : 'merge', now);
  await writeSettings(db, snapshot.settings);
  await db.settings.put({ key: STORE_ID, value: snapshot.storeId });
  const restored = { at: now.toISOString(), people: ready.value.people.length, savedAt: snapshot.savedAt };
  if (restored.people > 0) await place.notice(restored);
  return { id: snapshot.storeId, restored };
}

/**
 * Whether the store is not the one the kept snapshot was taken of, read without the lock: two
 * small reads, cheap enough before every page analysis, where waiting for the lock behind a
 * flood of other analyses would not be (one tab's 200 images queued another tab's for seconds).
 */
export async function storeWasDiscarded(db: FacetagDb, place: SnapshotPlace): Promise<boolean> {
  const [kept, found] = await Promise.all([place.readStoreId(), storeId(db)]);
  return kept !== null && kept !== found;
}

/**
 * At start-up, and before the popup lists people or a page is labelled: brings the people back
 * if the store was discarded since the last snapshot (Chromium has discarded it seconds after a
 * restart, not only at one).
 */
export function restoreLostPeople(db: FacetagDb, place: SnapshotPlace, now = new Date()): Promise<RestoreNotice | null> {
  return place.exclusive(async () => (await restoreIfReset(db, place, now)).restored);
}

/** After a change: restores first if the store was reset meanwhile, then snapshots the store as it is now. */
export function snapshotPeople(db: FacetagDb, place: SnapshotPlace, now = new Date()): Promise<void> {
  return place.exclusive(async () => {
    const { id } = await restoreIfReset(db, place, now);
    const [pack, settings] = await Promise.all([exportPack(db, now), readSettings(db)]);
    await place.write({ storeId: id, savedAt: now.toISOString(), pack, settings });
  });
}
