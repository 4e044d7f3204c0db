import { describe, expect, it } from 'vitest';
import { PACK_FORMAT, PACK_VERSION, type IdentityPack, encodeEmbedding } from '../../src/shared/identity-pack.js';
import { ENCRYPTED_PACK_FORMAT } from '../../src/shared/pack-crypto.js';
import { openPack, PASSPHRASE_NEEDED, writePackText } from '../../src/shared/pack-file.js';

const pack: IdentityPack = {
  format: PACK_FORMAT,
  version: PACK_VERSION,
  model: { id: 'test-model', dim: 3 },
  createdAt: '2026-11-28T00:00:00Z',
  people: [{ id: 'p1', name: 'Zoë', references: [{ embedding: encodeEmbedding(Float32Array.from([0.6, 0.8, 0])) }], negatives: [] }],
};

describe('passphrase-protected packs', () => {
  it('round-trips through AES-GCM, and the file shows neither names nor embeddings', async () => {
    const text = await writePackText(pack, 'correct horse');
    const wrapper = JSON.parse(text) as { format: string; kdf: { iterations: number; salt: string }; cipher: { iv: string } };
    expect(wrapper.format).toBe(ENCRYPTED_PACK_FORMAT);
    expect(wrapper.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(text).not.toContain('Zoë');
    expect(text).not.toContain(pack.people[0]!.references[0]!.embedding);
    expect(await openPack(text, 'correct horse')).toEqual({ ok: true, value: pack });
  });

  it('uses a fresh salt and IV for every file', async () => {
    const [a, b] = await Promise.all([writePackText(pack, 'pw'), writePackText(pack, 'pw')]);
    const [wa, wb] = [a, b].map((t) => JSON.parse(t) as { kdf: { salt: string }; cipher: { iv: string }; data: string });
    expect(wa!.kdf.salt).not.toBe(wb!.kdf.salt);
    expect(wa!.cipher.iv).not.toBe(wb!.cipher.iv);
    expect(wa!.data).not.toBe(wb!.data);
  });

  it('asks for the passphrase, and says when it is wrong or the file was changed', async () => {
    const text = await writePackText(pack, 'correct horse');
    expect(await openPack(text)).toEqual({ ok: false, error: PASSPHRASE_NEEDED });
    expect(await openPack(text, 'wrong horse')).toEqual({ ok: false, error: 'Wrong passphrase, or the file was changed after it was encrypted' });
    const wrapper = JSON.parse(text) as { data: string };
    const flipped = (wrapper.data[5] === 'A' ? 'B' : 'A');
    const tampered = JSON.stringify({ ...wrapper, data: wrapper.data.slice(0, 5) + flipped + wrapper.data.slice(6) });
    expect(await openPack(tampered, 'correct horse')).toEqual({ ok: false, error: 'Wrong passphrase, or the file was changed after it was encrypted' });
    expect(await openPack(text.slice(0, text.length - 40), 'correct horse')).toEqual({ ok: false, error: 'This pack was cut short (truncated): export or copy it again' });
  });

  it('refuses a wrapper that asks for too few or absurdly many PBKDF2 rounds', async () => {
    const wrapper = JSON.parse(await writePackText(pack, 'pw')) as { kdf: Record<string, unknown> };
    for (const iterations of [1000, 1e9]) {
      const opened = await openPack(JSON.stringify({ ...wrapper, kdf: { ...wrapper.kdf, iterations } }), 'pw');
      expect(opened).toEqual({ ok: false, error: 'This encrypted pack is damaged (kdf.iterations)' });
    }
  });
});
