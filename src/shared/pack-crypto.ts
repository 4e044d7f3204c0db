/**
 * Passphrase protection for identity packs: AES-256-GCM with a key derived by PBKDF2-SHA-256
 * from the passphrase, a random salt and a random IV per file. WebCrypto only, so the
 * extension and the CLI (Node's globalThis.crypto) share this code and each other's files.
 *
 * The wrapper is a small versioned JSON object around the ciphertext of the plain pack text;
 * import recognises it by its `format` and asks for the passphrase.
 */
import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from './base64.js';
import { err, ok, type Result } from './result.js';

export const ENCRYPTED_PACK_FORMAT = 'facetag-encrypted-pack';
export const ENCRYPTED_PACK_VERSION = 1;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256: about half a second on a laptop, once per file. */
export const PBKDF2_ITERATIONS = 600_000;
/** Bounds on what a file may ask for: fewer is weak, more would let a hostile file stall the browser. */
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 10_000_000;

const wrapperSchema = z.object({
  format: z.literal(ENCRYPTED_PACK_FORMAT),
  version: z.literal(ENCRYPTED_PACK_VERSION),
  kdf: z.object({ name: z.literal('PBKDF2'), hash: z.literal('SHA-256'), iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS), salt: z.base64() }),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: z.base64() }),
  data: z.base64(),
});

export type EncryptedPack = z.infer<typeof wrapperSchema>;

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The encrypted file's text for a pack's text. */
export async function encryptPackText(plain: string, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  if (!passphrase) throw new Error('the passphrase is empty');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, iterations);
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plain)));
  const wrapper: EncryptedPack = {
    format: ENCRYPTED_PACK_FORMAT,
    version: ENCRYPTED_PACK_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
    data: bytesToBase64(data),
  };
  return JSON.stringify(wrapper);
}

/** Whether parsed JSON claims to be an encrypted pack (its structure is checked on decryption). */
export function isEncryptedPack(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === ENCRYPTED_PACK_FORMAT;
}

/** The plain pack text inside an encrypted pack; a wrong passphrase and a damaged file both fail GCM's check. */
export async function decryptPackJson(json: unknown, passphrase: string): Promise<Result<string>> {
  const version = (json as { version?: unknown }).version;
  if (version !== ENCRYPTED_PACK_VERSION) return err(`This encrypted pack is version ${String(version)}; this Facetag reads version ${ENCRYPTED_PACK_VERSION}`);
  const parsed = wrapperSchema.safeParse(json);
  if (!parsed.success) return err(`This encrypted pack is damaged (${parsed.error.issues[0]?.path.join('.') ?? '?'})`);
  const { kdf, cipher, data } = parsed.data;
  const key = await deriveKey(passphrase, base64ToBytes(kdf.salt), kdf.iterations);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: base64ToBytes(cipher.iv) }, key, base64ToBytes(data));
    return ok(new TextDecoder().decode(plain));
  } catch {
    return err('Wrong passphrase, or the file was changed after it was encrypted');
  }
}
