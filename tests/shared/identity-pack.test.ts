import { describe, expect, it } from 'vitest';
import { decodeEmbedding, encodeEmbedding, PACK_FORMAT, PACK_VERSION, packDescriptor, parsePack } from '../../src/shared/identity-pack.js';
import { TINY_JPEG } from '../helpers/tiny-jpeg.js';

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

  const withThumbnail = (thumbnail: string) => JSON.stringify(pack({ people: [{ ...person('p1', 'Alice'), references: [{ embedding: encodeEmbedding(unit(4)), thumbnail }] }] }));

  it.each([
    ['a 70 MB "thumbnail" of base64 text', withThumbnail(`data:image/jpeg;base64,${'A'.repeat(70 * 1024 * 1024)}`), /thumbnail: must be a thumbnail of at most 256 KB/],
    ['a thumbnail whose bytes are no image', withThumbnail(`data:image/jpeg;base64,${Buffer.from('just some text, not a picture').toString('base64')}`), /thumbnail: is not an image: not a supported image/],
    ['a thumbnail cut short', withThumbnail(TINY_JPEG.slice(0, -8)), /thumbnail: is not an image: the JPEG file is truncated/],
    ['a JPEG labelled as a PNG', withThumbnail(TINY_JPEG.replace('image/jpeg', 'image/png')), /thumbnail: is not the PNG its data URL says it is/],
  ])('refuses %s (issue 14, finding 9)', (_, text, message) => {
    const parsed = parsePack(text);
    expect(parsed.ok ? 'accepted' : parsed.error).toMatch(message);
  });

  it('accepts a whole JPEG thumbnail', () => {
    expect(parsePack(withThumbnail(TINY_JPEG)).ok).toBe(true);
  });

  it('takes names without control characters or bidi overrides, and refuses one that is nothing else', () => {
    const named = (name: string) => {
      const parsed = parsePack(JSON.stringify(pack({ people: [person('p1', name)] })));
      return parsed.ok ? parsed.value.people[0]?.name : parsed.error;
    };
    expect(named('Mal\u202Elory\nCooper')).toBe('Mal lory Cooper');
    expect(named('\u2066Penny\u2069\t')).toBe('Penny');
    expect(named('\u202E\n\u200F')).toMatch(/damaged at people.0.name/);
  });

  it.each([
    ['a mean of faces times 1000 (named everyone "Mallory")', Float32Array.from({ length: 4 }, (_, i) => 1000 * (0.5 + i / 10)), /^This pack's photo 1 of “Alice” is not a face descriptor: its length is 1\.\d\de\+3, a face's is 1$/],
    ['a vector of one repeated number', new Float32Array(4).fill(0.5), /^This pack's photo 1 of “Alice” is not a face descriptor: every number in it is the same$/],
  ])('will not use as a face %s (issue 14, finding 6)', (_, v, message) => {
    const parsed = parsePack(JSON.stringify(pack({}, encodeEmbedding(v))));
    if (!parsed.ok) throw new Error(parsed.error);
    const used = packDescriptor(parsed.value.people[0]!.references[0]!.embedding, 'This pack\'s photo 1 of “Alice”');
    expect(used.ok ? 'used' : used.error).toMatch(message);
  });

  it('uses a unit descriptor as it is', () => {
    const v = Float32Array.from([0.5, -0.5, 0.5, 0.5]);
    expect(packDescriptor(encodeEmbedding(v), 'x')).toEqual({ ok: true, value: v });
  });

  it('refuses a pack over 100 MB before parsing it', () => {
    const parsed = parsePack(' '.repeat(140 * 1024 * 1024));
    expect(parsed).toEqual({ ok: false, error: 'This pack is 140 MB; the limit is 100 MB' });
  });
});
