/**
 * The people manager's messages through the real background router and handlers, with a fake
 * IndexedDB: pages may not manage people, extension pages can, and every reply is a Result.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineCall } from '../../src/background/engine-call.js';
import { EMBEDDING_MODEL_ID } from '../../src/engine/model-id.js';
import { backgroundRequests } from '../../src/shared/protocol.js';
import { err } from '../../src/shared/result.js';
import { openDb } from '../../src/store/db.js';
import { addReference } from '../../src/store/people.js';

const EXTENSION = 'chrome-extension://facetag-test/';
const page = { url: 'https://example.com/', tab: { id: 1 } } as chrome.runtime.MessageSender;
const popup = { url: `${EXTENSION}src/popup/popup.html` } as chrome.runtime.MessageSender;
const engine = (async () => err('that image was not analysed by Facetag')) as EngineCall;
let route: (message: unknown, sender: chrome.runtime.MessageSender) => Promise<unknown> | undefined;
const send = (type: string, payload: unknown, sender = popup) => route({ to: 'background', type, payload }, sender);

beforeAll(async () => {
  // The browser API the handlers reach (extension URL, tabs to refresh), installed before they load.
  Object.assign(globalThis, { chrome: { runtime: { getURL: (p: string) => `${EXTENSION}${p}` }, tabs: { query: async () => [] } } });
  const [{ createRouter }, { backgroundHandlers }] = await Promise.all([import('../../src/platform/messaging.js'), import('../../src/background/handlers.js')]);
  route = createRouter('background', backgroundRequests, backgroundHandlers(engine));
  const v = Float32Array.from({ length: 128 }, (_, i) => (i === 0 ? 1 : 0));
  await addReference(openDb(), { name: 'Alice', thumbnail: 't', quality: 0.9, source: 's', modelId: EMBEDDING_MODEL_ID, embedding: v });
  await addReference(openDb(), { name: 'Bob', thumbnail: 't', quality: 0.9, source: 's', modelId: EMBEDDING_MODEL_ID, embedding: v });
});

describe('people messages', () => {
  it.each([
    ['renamePerson', { id: 'x', name: 'Eve' }],
    ['deletePerson', { id: 'x' }],
    ['mergePeople', { from: 'x', into: 'y' }],
    ['splitReferences', { referenceIds: ['r'], name: 'Eve' }],
    ['setSettings', { enabled: false }],
  ])('refuses %s from a web page', async (type, payload) => {
    expect(await send(type, payload, page)).toEqual({ ok: false, error: 'not allowed from a web page' });
  });

  it('validates corrections from pages and answers for images the engine never analysed', async () => {
    expect(await send('rejectFace', { url: 'https://example.com/a.jpg', face: -1 }, page)).toMatchObject({ ok: false, error: expect.stringContaining('malformed rejectFace message at face') });
    expect(await send('confirmFace', { url: 'https://example.com/a.jpg', face: 0, name: ' ' }, page)).toMatchObject({ ok: false, error: expect.stringContaining('at name') });
    expect(await send('rejectFace', { url: 'https://example.com/a.jpg', face: 0 }, page)).toEqual({ ok: false, error: 'that image was not analysed by Facetag' });
  });

  it('stores names without line breaks, controls or bidi overrides, and refuses a name of nothing else (issue 14, finding 9)', async () => {
    const people = (await send('people', {})) as { ok: true; value: { id: string; name: string }[] };
    const alice = people.value.find((p) => p.name === 'Alice')!;
    expect(await send('renamePerson', { id: alice.id, name: 'Sheldon\u202E repooC\nLee\u0000' })).toMatchObject({ ok: true, value: { kind: 'renamed', name: 'Sheldon repooC Lee' } });
    expect(await send('renamePerson', { id: alice.id, name: '\u2066\n\u2069' })).toMatchObject({ ok: false, error: expect.stringContaining('at name') });
    expect(await send('renamePerson', { id: alice.id, name: 'Alice' })).toMatchObject({ ok: true, value: { kind: 'renamed', name: 'Alice' } });
  });

  it('renames, offers a merge for a taken name, deletes and undoes from the popup', async () => {
    const people = (await send('people', {})) as { ok: true; value: { id: string; name: string; references: number }[] };
    const [alice, bob] = people.value;
    expect(await send('renamePerson', { id: alice!.id, name: 'bob' })).toEqual({ ok: true, value: { kind: 'exists', id: bob!.id, name: 'Bob' } });
    const deleted = (await send('deletePerson', { id: alice!.id })) as { ok: true; value: { undo: string } };
    expect(deleted.ok).toBe(true);
    expect(((await send('people', {})) as { value: unknown[] }).value).toHaveLength(1);
    expect(await send('undoDelete', { token: deleted.value.undo })).toEqual({ ok: true, value: { id: alice!.id, name: 'Alice' } });
    expect(await send('mergePeople', { from: alice!.id, into: bob!.id })).toEqual({ ok: true, value: { id: bob!.id, name: 'Bob', moved: 1 } });
    expect(await send('references', { personId: bob!.id })).toMatchObject({ ok: true, value: [{ thumbnail: 't' }, { thumbnail: 't' }] });
    expect(await send('setSettings', { sensitivity: 6 })).toMatchObject({ ok: false, error: expect.stringContaining('at sensitivity') });
    expect(await send('setSettings', { enabled: false })).toEqual({ ok: true, value: { showUnknown: false, enabled: false, sensitivity: 3 } });
  });
});
