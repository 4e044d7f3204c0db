import { describe, expect, it } from 'vitest';
import { createRouter } from '../../src/platform/messaging.js';
import { backgroundRequests, MAX_DATA_URL, type BackgroundResponses } from '../../src/shared/protocol.js';
import { ok } from '../../src/shared/result.js';
import type { Handlers } from '../../src/platform/messaging.js';

const sender = { url: 'https://example.com/', tab: { id: 1 } } as chrome.runtime.MessageSender;
const analysed = { faces: [], ms: 1 };

const handlers = {
  analyse: async () => ok(analysed),
  enroll: async () => {
    throw new Error('store is broken');
  },
} as unknown as Handlers<typeof backgroundRequests, BackgroundResponses>;

const route = createRouter('background', backgroundRequests, handlers);

describe('background message router', () => {
  it('answers a valid message through its handler', async () => {
    expect(await route({ to: 'background', type: 'analyse', payload: { url: 'https://example.com/a.jpg' } }, sender)).toEqual({ ok: true, value: analysed });
  });

  it.each([
    ['not an envelope', 'hello', 'not a Facetag envelope'],
    ['an unknown type', { to: 'background', type: 'dropTables', payload: {} }, 'unknown message type'],
    ['a bad URL scheme', { to: 'background', type: 'analyse', payload: { url: 'javascript:alert(1)' } }, 'malformed analyse message at url'],
    ['a missing field', { to: 'background', type: 'enroll', payload: { url: 'https://example.com/a.jpg', face: 0 } }, 'malformed enroll message at name'],
    ['an over-long page URL', { to: 'background', type: 'analyse', payload: { url: `https://example.com/${'a'.repeat(9000)}` } }, 'malformed analyse message at url'],
    ['a data URL over the size cap', { to: 'background', type: 'analyse', payload: { url: `data:image/jpeg;base64,${'A'.repeat(MAX_DATA_URL)}` } }, 'malformed analyse message at url'],
    ['a working size out of range', { to: 'background', type: 'analyse', payload: { url: 'https://example.com/a.jpg', side: 100_000 } }, 'malformed analyse message at side'],
    ['a negative face index', { to: 'background', type: 'enroll', payload: { url: 'https://example.com/a.jpg', face: -1, name: 'A' } }, 'malformed enroll message at face'],
  ])('replies with an error to %s', async (_what, message, error) => {
    const reply = await route(message, sender);
    expect(reply?.ok).toBe(false);
    expect(reply && !reply.ok && reply.error).toContain(error);
  });

  it('accepts a downscaled canvas copy as a data URL longer than any page URL', async () => {
    const url = `data:image/jpeg;base64,${'A'.repeat(300_000)}`;
    expect(await route({ to: 'background', type: 'analyse', payload: { url } }, sender)).toEqual({ ok: true, value: analysed });
  });

  it('turns a throwing handler into an error reply', async () => {
    expect(await route({ to: 'background', type: 'enroll', payload: { url: 'https://example.com/a.jpg', face: 0, name: 'Ann' } }, sender)).toEqual({ ok: false, error: 'store is broken' });
  });

  it('leaves messages for other contexts to them', () => {
    expect(route({ to: 'engine', type: 'engine.analyse', payload: {} }, sender)).toBeUndefined();
  });
});
