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

const person = (id: string, name: string) => ({ id, name, references: [{ embedding: encodeEmbedding(unit(4)) }], negatives: [] });

describe('identity pack', () => {
  it('round-trips embeddings exactly', () => {
    const v = Float32Array.from([0.1, -0.2, 0.30000001, 1e-8]);
    expect(Array.from(decodeEmbedding(encodeEmbedding(v)))).toEqual(Array.from(v));
    const parsed = parsePack(JSON.stringify(pack()));
    expect(parsed.ok && parsed.value.people[0]?.name).toBe('Alice');
  });

  it.each([
    ['truncated JSON', JSON.stringify(pack()).slice(0, 60), /^This pack was cut short \(truncated\)/],
    ['a pack damaged in the middle', JSON.stringify(pack()).replace('"people":', '"people";'), /^This pack is damaged/],
    ['a foreign JSON file', JSON.stringify({ hello: 'world' }), /^This file is not a Facetag identity pack$/],
    ['a foreign non-JSON file', 'PK\u0003\u0004 a zip file', /^This file is not a Facetag identity pack \(it is not JSON\)/],
    ['a newer version', JSON.stringify(pack({ version: 2 })), /^This pack is version 2, which is not supported/],
    ['a missing name', JSON.stringify(pack({ people: [{ id: 'p', references: [] }] })), /damaged at people.0.name/],
    ['an embedding of the wrong dimension', JSON.stringify(pack({}, encodeEmbedding(unit(3)))), /^Embedding 1 of “Alice” has 3 numbers, expected 4$/],
    ['an embedding holding NaN', JSON.stringify(pack({}, encodeEmbedding(Float32Array.from([NaN, 0, 0, 1])))), /^Embedding 1 of “Alice” holds an invalid number \(NaN or infinity\)$/],
    ['an embedding holding Infinity', JSON.stringify(pack({}, encodeEmbedding(Float32Array.from([Infinity, 0, 0, 1])))), /NaN or infinity/],
    ['a non-base64 embedding', JSON.stringify(pack({}, 'not base64!')), /must be base64/],
    ['two people with one id', JSON.stringify(pack({ people: [person('p1', 'Alice'), person('p1', 'Bob')] })), /two people share the id “p1”/],
    ['an SVG thumbnail', JSON.stringify(pack({ people: [{ ...person('p1', 'Alice'), references: [{ embedding: encodeEmbedding(unit(4)), thumbnail: 'data:image/svg+xml;base64,PHN2Zz4=' }] }] })), /thumbnail: must be a JPEG or PNG data URL/],
  ])('rejects %s with a clear message', (_, text, message) => {
    const parsed = parsePack(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('refuses a pack over 100 MB before parsing it', () => {
    const parsed = parsePack(' '.repeat(140 * 1024 * 1024));
    expect(parsed).toEqual({ ok: false, error: 'This pack is 140 MB; the limit is 100 MB' });
  });
});
