/**
 * A page's question to a background that died holding it (Chrome closes the channel) is asked
 * once more; a change (enroll) is not, as it may already be saved. The browser's messaging is
 * the platform boundary replaced here.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';

const CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
let replies: (() => Promise<unknown>)[] = [];
let sent: unknown[] = [];

beforeEach(() => {
  sent = [];
  const sendMessage = (message: unknown) => {
    sent.push(message);
    const next = replies.shift();
    return next ? next() : Promise.reject(new Error('no reply scripted'));
  };
  Object.assign(globalThis, { chrome: { runtime: { sendMessage } } });
});
afterEach(() => Reflect.deleteProperty(globalThis, 'chrome'));

const load = async () => (await import('../../src/platform/send.js')).toBackground;

it('asks an idempotent question again when the background dies holding it', async () => {
  const toBackground = await load();
  replies = [() => Promise.reject(new Error(CLOSED)), () => Promise.resolve({ ok: true, value: { faces: [], ms: 3 } })];
  expect(await toBackground('analyse', { url: 'https://example.com/a.jpg' })).toEqual({ ok: true, value: { faces: [], ms: 3 } });
  expect(sent).toHaveLength(2);
});

it('asks only once more, and never again for an enrollment', async () => {
  const toBackground = await load();
  replies = [() => Promise.reject(new Error(CLOSED)), () => Promise.reject(new Error(CLOSED))];
  expect(await toBackground('names', {})).toEqual({ ok: false, error: `names: ${CLOSED}` });
  expect(sent).toHaveLength(2);
  sent = [];
  replies = [() => Promise.reject(new Error(CLOSED))];
  expect(await toBackground('enroll', { url: 'https://example.com/a.jpg', face: 0, name: 'Ann' })).toEqual({ ok: false, error: `enroll: ${CLOSED}` });
  expect(sent).toHaveLength(1);
});

it('does not repeat a question the background answered with an error', async () => {
  const toBackground = await load();
  replies = [() => Promise.resolve({ ok: false, error: 'the JPEG file is truncated: it ends before the image does' })];
  expect((await toBackground('analyse', { url: 'https://example.com/a.jpg' })).ok).toBe(false);
  expect(sent).toHaveLength(1);
});
