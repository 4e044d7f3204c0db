import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from './base64.js';
import { imageProblem, sniffFormat } from './image-bytes.js';
import { personNameSchema } from './person-name.js';
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
/** Thumbnails are shown in extension pages and decoded by the engine: plain JPEG or PNG only (no SVG). */
export const PACK_THUMBNAIL = /^data:image\/(jpeg|png);base64,[A-Za-z0-9+/]*={0,2}$/;
export const MAX_SOURCE = 4096;
/**
 * Facetag's own thumbnails are 5-30 KB. A pack's is refused above this: one 70 MB "thumbnail"
 * once imported made every later people list exceed the browser's 64 MiB message limit.
 */
export const MAX_THUMBNAIL_CHARS = 256 * 1024;
const thumbnail = z
  .string()
  // abort: a 70 MB string is not run through the pattern and the decoder as well.
  .max(MAX_THUMBNAIL_CHARS, { message: `must be a thumbnail of at most ${MAX_THUMBNAIL_CHARS / 1024} KB`, abort: true })
  .regex(PACK_THUMBNAIL, { message: 'must be a JPEG or PNG data URL', abort: true })
  .superRefine((url, ctx) => {
    const problem = thumbnailProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const referenceSchema = z.object({
  embedding: base64,
  /** A small JPEG of the aligned face, so embeddings can be recomputed for a new model. */
  thumbnail: thumbnail.optional(),
  quality: z.number().min(0).max(1).optional(),
  source: z.string().max(MAX_SOURCE).optional(),
  addedAt: z.string().optional(),
});

const personSchema = z.object({
  id: z.string().min(1).max(128),
  name: personNameSchema,
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

/** Why a thumbnail's bytes are not a whole image of the type its data URL says (JPEG or PNG), or null. */
export function thumbnailProblem(url: string): string | null {
  const comma = url.indexOf(',');
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(url.slice(comma + 1));
  } catch {
    return 'is not valid base64';
  }
  const problem = imageProblem(bytes);
  if (problem) return `is not an image: ${problem}`;
  const declared = url.startsWith('data:image/png') ? 'png' : 'jpeg';
  if (sniffFormat(bytes) !== declared) return `is not the ${declared.toUpperCase()} its data URL says it is`;
  return null;
}

/** How far a descriptor's length may be from 1: float32 rounding of a unit vector is far smaller. */
const NORM_TOLERANCE = 0.01;

/**
 * Why a descriptor a pack hands over for use as it is (same model) cannot be a face's, or null.
 * Matching is a dot product that assumes unit vectors: one pack person whose vector was a mean of
 * real faces times 1000 was named on every face (issue 14, finding 6). A vector of one repeated
 * number is no face either. Packs of another model are recomputed from thumbnails instead.
 */
export function descriptorProblem(v: Float32Array): string | null {
  const norm = Math.hypot(...v);
  if (Math.abs(norm - 1) > NORM_TOLERANCE) return `is not a face descriptor: its length is ${norm.toPrecision(3)}, a face's is 1`;
  if (v.every((x) => x === v[0])) return 'is not a face descriptor: every number in it is the same';
  return null;
}

/** A same-model pack's descriptor, decoded, or why it cannot be used (`what` names it: "Embedding 2 of “Ann”"). */
export function packDescriptor(text: string, what: string): Result<Float32Array> {
  const v = decodeEmbedding(text);
  const problem = descriptorProblem(v);
  return problem ? err(`${what} ${problem}`) : ok(v);
}

export function encodeEmbedding(v: Float32Array): string {
  return bytesToBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
}

export function decodeEmbedding(text: string): Float32Array {
  const bytes = base64ToBytes(text);
  if (bytes.length % 4 !== 0) throw new Error('embedding is not a whole number of float32 values');
  return new Float32Array(bytes.buffer);
}

const MB = 1024 * 1024;
export const tooLargeMessage = (bytes: number): string => `This pack is ${Math.round(bytes / MB)} MB; the limit is ${MAX_PACK_BYTES / MB} MB`;
export const NOT_A_PACK = 'This file is not a Facetag identity pack';

/**
 * JSON.parse with messages a user can act on. A file that starts like a pack but does not parse
 * was cut short (a download or copy stopped early) or damaged; anything else is a foreign file.
 */
export function parsePackJson(text: string): Result<unknown> {
  if (text.length > MAX_PACK_BYTES) return err(tooLargeMessage(text.length));
  try {
    return ok(JSON.parse(text));
  } catch (error) {
    const looksLikePack = /^\s*\{\s*"format"\s*:\s*"facetag-(identity|encrypted)-pack"/.test(text.slice(0, 200));
    if (!looksLikePack) return err(`${NOT_A_PACK} (it is not JSON)`);
    const truncated = /end of (JSON )?(input|data)|unterminated|unexpected end/i.test(errorMessage(error));
    return err(truncated ? 'This pack was cut short (truncated): export or copy it again' : `This pack is damaged: ${errorMessage(error)}`);
  }
}

/** Validates parsed JSON as a pack: structure, unique ids, then every embedding's size and values. */
export function validatePack(json: unknown): Result<IdentityPack> {
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== PACK_FORMAT) return err(NOT_A_PACK);
  const version = (json as { version?: unknown }).version;
  if (version !== PACK_VERSION) return err(`This pack is version ${String(version)}, which is not supported: this Facetag reads version ${PACK_VERSION}`);
  const parsed = packSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`This pack is damaged at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  const pack = parsed.data;
  const ids = new Set<string>();
  for (const person of pack.people) {
    if (ids.has(person.id)) return err(`This pack is damaged: two people share the id “${person.id}”`);
    ids.add(person.id);
    const refs = [...person.references.map((r, i) => ({ r, what: `Embedding ${i + 1}` })), ...person.negatives.map((r, i) => ({ r, what: `Rejected face ${i + 1}` }))];
    for (const { r, what } of refs) {
      let v: Float32Array;
      try {
        v = decodeEmbedding(r.embedding);
      } catch (error) {
        return err(`${what} of “${person.name}” is damaged: ${errorMessage(error)}`);
      }
      if (v.length !== pack.model.dim) return err(`${what} of “${person.name}” has ${v.length} numbers, expected ${pack.model.dim}`);
      if (v.some((x) => !Number.isFinite(x))) return err(`${what} of “${person.name}” holds an invalid number (NaN or infinity)`);
    }
  }
  return ok(pack);
}

/** Parses and fully validates a pack's text. */
export function parsePack(text: string): Result<IdentityPack> {
  const json = parsePackJson(text);
  return json.ok ? validatePack(json.value) : json;
}
