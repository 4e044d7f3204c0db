import { z } from 'zod';
import { errorMessage, err, ok, type Result } from './result.js';

/**
 * The identity pack: the one file format for people, shared by `facetag enroll`/`identify`
 * and the extension's export/import. Embeddings are base64 little-endian float32, which is
 * exact and a third of the size of JSON numbers.
 */
export const PACK_FORMAT = 'facetag-identity-pack';
export const PACK_VERSION = 1;
/** Packs bigger than this are refused before parsing. */
export const MAX_PACK_BYTES = 100 * 1024 * 1024;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

const referenceSchema = z.object({
  embedding: base64,
  /** A small JPEG of the aligned face, so embeddings can be recomputed for a new model. */
  thumbnail: z.string().startsWith('data:image/').optional(),
  quality: z.number().min(0).max(1).optional(),
  source: z.string().max(4096).optional(),
  addedAt: z.string().optional(),
});

const personSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().trim().min(1).max(200),
  references: z.array(referenceSchema).max(10_000),
  negatives: z.array(referenceSchema).max(10_000).default([]),
});

export const packSchema = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  model: z.object({ id: z.string().min(1), dim: z.number().int().positive().max(4096) }),
  createdAt: z.string(),
  people: z.array(personSchema).max(100_000),
});

export type IdentityPack = z.infer<typeof packSchema>;
export type PackPerson = z.infer<typeof personSchema>;
export type PackReference = z.infer<typeof referenceSchema>;

export function encodeEmbedding(v: Float32Array): string {
  const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function decodeEmbedding(text: string): Float32Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (bytes.length % 4 !== 0) throw new Error('embedding is not a whole number of float32 values');
  return new Float32Array(bytes.buffer);
}

/** Parses and fully validates a pack: structure, then every embedding's size and values. */
export function parsePack(text: string): Result<IdentityPack> {
  if (text.length > MAX_PACK_BYTES) return err(`identity pack is too large (${(text.length / 1e6).toFixed(1)} MB; the limit is ${MAX_PACK_BYTES / 1e6} MB)`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return err(`identity pack is not valid JSON (truncated?): ${errorMessage(error)}`);
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== PACK_FORMAT) return err('not a Facetag identity pack');
  const version = (json as { version?: unknown }).version;
  if (version !== PACK_VERSION) return err(`identity pack version ${String(version)} is not supported (this Facetag reads version ${PACK_VERSION})`);
  const parsed = packSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`identity pack is malformed at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  const pack = parsed.data;
  for (const person of pack.people) {
    for (const ref of [...person.references, ...person.negatives]) {
      let v: Float32Array;
      try {
        v = decodeEmbedding(ref.embedding);
      } catch (error) {
        return err(`person "${person.name}": ${errorMessage(error)}`);
      }
      if (v.length !== pack.model.dim) return err(`person "${person.name}": embedding has ${v.length} values, the pack's model has ${pack.model.dim}`);
      if (v.some((x) => !Number.isFinite(x))) return err(`person "${person.name}": embedding holds NaN or infinite values`);
    }
  }
  return ok(pack);
}
