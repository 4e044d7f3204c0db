/**
 * Every model file is checked against the sha256 that models/manifest.json records for it,
 * baked into the bundle at build time: a file that is missing or altered on disk (a damaged
 * install, a tampered profile) gives the user a clear "reinstall" message instead of wrong
 * names or an ORT parse error.
 */
import manifest from '../../models/manifest.json';

const EXPECTED: ReadonlyMap<string, string> = new Map(manifest.models.map((m) => [m.id, m.sha256]));

export const reinstallMessage = (id: string, what: 'missing' | 'damaged') => `Facetag's face model “${id}” is ${what} — reinstall Facetag`;

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Ids whose shipped file has passed the check in this document; a file does not change while it runs. */
export const verifiedIds = new Set<string>();

/** The model's bytes, read by `read` (null when absent), only if they are exactly the ones shipped. */
export async function verifiedModel(id: string, read: () => Promise<Uint8Array<ArrayBuffer> | null>): Promise<Uint8Array<ArrayBuffer>> {
  const expected = EXPECTED.get(id);
  if (!expected) throw new Error(`no checksum is known for model ${id}`);
  const bytes = await read().catch(() => null);
  if (!bytes) throw new Error(reinstallMessage(id, 'missing'));
  if ((await sha256Hex(bytes)) !== expected) throw new Error(reinstallMessage(id, 'damaged'));
  verifiedIds.add(id);
  return bytes;
}
