/**
 * Reading and writing pack files, plain or passphrase-protected: the one path the CLI and the
 * extension's options page both use, so each reads the other's files.
 */
import { parsePackJson, validatePack, type IdentityPack } from './identity-pack.js';
import { decryptPackJson, encryptPackText, isEncryptedPack } from './pack-crypto.js';
import { err, type Result } from './result.js';

export const PASSPHRASE_NEEDED = 'This pack is protected by a passphrase: enter it to import';

/** Parses, decrypts when needed, and fully validates a pack file's text. */
export async function openPack(text: string, passphrase?: string): Promise<Result<IdentityPack>> {
  const json = parsePackJson(text);
  if (!json.ok) return json;
  if (!isEncryptedPack(json.value)) return validatePack(json.value);
  if (!passphrase) return err(PASSPHRASE_NEEDED);
  const plain = await decryptPackJson(json.value, passphrase);
  if (!plain.ok) return plain;
  const inner = parsePackJson(plain.value);
  return inner.ok ? validatePack(inner.value) : inner;
}

/** A pack file's text: plain JSON, or encrypted when a passphrase is given. */
export async function writePackText(pack: IdentityPack, passphrase?: string): Promise<string> {
  const plain = JSON.stringify(pack);
  return passphrase ? encryptPackText(plain, passphrase) : plain;
}
