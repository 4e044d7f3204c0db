/**
 * Keeps the people's store through disk pressure. Both browsers may evict "best-effort" site
 * storage when the disk runs low; the manifest's "unlimitedStorage" exempts the extension in
 * Chrome by itself, while Firefox exempts it only once the storage is marked persisted, which it
 * grants without a prompt to an extension holding that permission. Chrome's service worker has
 * no persist() (a window-only API), and needs none.
 */
export type KeepStored = 'persisted' | 'refused' | 'not-offered';

export async function keepStoreThroughDiskPressure(storage: Partial<Pick<StorageManager, 'persist' | 'persisted'>> | undefined = globalThis.navigator?.storage): Promise<KeepStored> {
  if (typeof storage?.persist !== 'function' || typeof storage.persisted !== 'function') return 'not-offered';
  if (await storage.persisted()) return 'persisted';
  return (await storage.persist()) ? 'persisted' : 'refused';
}
