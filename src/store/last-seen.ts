/**
 * "Last seen": when a page last showed a person's name. Every labelled image would otherwise
 * be a write, so a person's time is written at most once per SEEN_WRITE_EVERY_MS.
 */
import type { FacetagDb } from './db.js';

export const SEEN_WRITE_EVERY_MS = 60_000;

/** Returns how many people's times were written. */
export async function markSeen(db: FacetagDb, personIds: readonly string[], now = new Date()): Promise<number> {
  if (personIds.length === 0) return 0;
  const stale = new Date(now.getTime() - SEEN_WRITE_EVERY_MS).toISOString();
  return db.transaction('rw', db.people, async () => {
    const people = await db.people.bulkGet([...new Set(personIds)]);
    const due = people.filter((p) => p && (!p.lastSeenAt || p.lastSeenAt <= stale));
    await Promise.all(due.map((p) => db.people.update(p!.id, { lastSeenAt: now.toISOString() })));
    return due.length;
  });
}
