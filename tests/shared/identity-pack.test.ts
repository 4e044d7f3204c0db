import { describe, expect, it } from 'vitest';
import { decodeEmbedding, encodeEmbedding, PACK_FORMAT, PACK_VERSION, parsePack } from '../../src/shared/identity-pack.js';

const unit = (dim: number, at = 0): Float32Array => Float32Array.from({ length: dim }, (_, i) => (i === at ? 1 : 0));

function pack(overrides: Record<string, unknown> = {}, embedding = encodeEmbedding(unit(4))): Record<string, unknown> {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    model: { id: 'test-model', dim: 4 },
    createdAt: '2026-11-28T00:00:00Z',
    people: [{ id: 'p1', name: 'Alice', references: [{ embedding }], negatives: [] }],
    ...overrides,
  };
}

describe('identity pack', () => {
  it('round-trips embeddings exactly', () => {
    const v = Float32Array.from([0.1, -0.2, 0.30000001, 1e-8]);
    expect(Array.from(decodeEmbedding(encodeEmbedding(v)))).toEqual(Array.from(v));
    const parsed = parsePack(JSON.stringify(pack()));
    expect(parsed.ok && parsed.value.people[0]?.name).toBe('Alice');
  });

  it.each([
    ['truncated JSON', JSON.stringify(pack()).slice(0, 60), /not valid JSON/],
    ['a foreign file', JSON.stringify({ hello: 'world' }), /not a Facetag identity pack/],
    ['a newer version', JSON.stringify(pack({ version: 2 })), /version 2 is not supported/],
    ['a missing name', JSON.stringify(pack({ people: [{ id: 'p', references: [] }] })), /malformed at people.0.name/],
    ['an embedding of the wrong dimension', JSON.stringify(pack({}, encodeEmbedding(unit(3)))), /3 values, the pack's model has 4/],
    ['an embedding holding NaN', JSON.stringify(pack({}, encodeEmbedding(Float32Array.from([NaN, 0, 0, 1])))), /NaN/],
    ['a non-base64 embedding', JSON.stringify(pack({}, 'not base64!')), /must be base64/],
  ])('rejects %s with a clear message', (_, text, message) => {
    const parsed = parsePack(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('refuses a pack over 100 MB before parsing it', () => {
    const parsed = parsePack(' '.repeat(100 * 1024 * 1024 + 1));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/too large/);
  });
});
