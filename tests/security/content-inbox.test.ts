/**
 * What a content script accepts: commands from this extension's background only, and only
 * when they parse. A fake runtime holds the listener the real code registers.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: chrome.runtime.MessageSender, reply: (r: unknown) => void) => boolean;
const listeners: Listener[] = [];
vi.hoisted(() => {
  Object.assign(globalThis, { chrome: { runtime: { id: 'facetag-id', getURL: (p: string) => `chrome-extension://facetag-id/${p}`, onMessage: { addListener: (l: unknown) => listeners.push(l as Listener) } } } });
});

const { listenForCommands } = await import('../../src/content/inbox.js');
const { backgroundHandlers } = await import('../../src/background/handlers.js');

const background = { id: 'facetag-id' } as chrome.runtime.MessageSender;
const token = '2f1e4c9a-7b3d-4e8f-9a1b-0c2d3e4f5a6b';

describe('content-script commands', () => {
  const ran: string[] = [];
  beforeAll(() => {
    listenForCommands({
      enrollStart: ({ srcUrl }) => (ran.push(`enrollStart ${srcUrl}`), true),
      correctStart: () => (ran.push('correctStart'), true),
      refresh: () => (ran.push('refresh'), true),
      promptDone: ({ name }) => (ran.push(`promptDone ${name}`), true),
    });
  });
  const deliver = (message: unknown, sender: chrome.runtime.MessageSender) => {
    ran.length = 0;
    const replies: unknown[] = [];
    listeners[0]!(message, sender, (r) => replies.push(r));
    return { ran: [...ran], replies };
  };

  it('runs a valid command from the background and answers it', () => {
    expect(deliver({ to: 'content', type: 'promptDone', payload: { token, name: 'Ada' } }, background)).toEqual({ ran: ['promptDone Ada'], replies: [{ ok: true, value: null }] });
  });

  it.each([
    ['another extension', { to: 'content', type: 'refresh', payload: {} }, { id: 'someone-else' }],
    ['a content script or extension frame in a tab', { to: 'content', type: 'refresh', payload: {} }, { id: 'facetag-id', tab: { id: 3 } }],
    ['a message for another context', { to: 'background', type: 'refresh', payload: {} }, background],
    ['an unknown command', { to: 'content', type: 'dropTables', payload: {} }, background],
    ['a prompt answer without a valid token', { to: 'content', type: 'promptDone', payload: { token: 'guess', name: 'Mallory' } }, background],
    ['an over-long name', { to: 'content', type: 'promptDone', payload: { token, name: 'M'.repeat(201) } }, background],
    ['an enrollStart without a URL', { to: 'content', type: 'enrollStart', payload: {} }, background],
  ])('ignores %s', (_what, message, sender) => {
    expect(deliver(message, sender as chrome.runtime.MessageSender)).toEqual({ ran: [], replies: [] });
  });
});

describe('the background for web pages', () => {
  const handlers = backgroundHandlers(async () => {
    throw new Error('the engine is not called for a refused request');
  });
  const page = { url: 'https://example.com/', tab: { id: 1 } } as chrome.runtime.MessageSender;

  it.each([
    ['the names list', () => handlers.names({}, page)],
    ['the people list', () => handlers.people({}, page)],
    ['a prompt answer', () => handlers.promptDone({ token, name: 'Mallory' }, page)],
    ['a settings change', () => handlers.setSettings({ showUnknown: true }, page)],
    ['a deletion', () => handlers.deletePerson({ id: 'p1' }, page)],
  ])('refuses %s to a content script', async (_what, call) => {
    expect(await call()).toEqual({ ok: false, error: 'not allowed from a web page' });
  });
});
