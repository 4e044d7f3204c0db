import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../src/platform/messaging.js';
import { createRouter } from '../../src/platform/messaging.js';
import { backgroundRequests, engineRequests, MAX_DATA_URL, type BackgroundResponses } from '../../src/shared/protocol.js';
import { ok } from '../../src/shared/result.js';

const sender = { url: 'https://example.com/', tab: { id: 1 } } as chrome.runtime.MessageSender;
const handlers = {
  analyseFrame: async () => ok({ faces: [], ms: 1 }),
  videoStatus: async () => ok(null),
} as unknown as Handlers<typeof backgroundRequests, BackgroundResponses>;
const route = createRouter('background', backgroundRequests, handlers);
const send = (type: string, payload: unknown) => route({ to: 'background', type, payload }, sender);

describe('video messages from a page', () => {
  it('accept a JPEG frame and an unreadable-video report', async () => {
    expect(await send('analyseFrame', { dataUrl: 'data:image/jpeg;base64,/9j/4AAQ', mode: 'track' })).toEqual(ok({ faces: [], ms: 1 }));
    expect(await send('videoStatus', { video: 2, state: 'protected' })).toEqual(ok(null));
  });

  it.each([
    ['a URL instead of a frame (frames are never fetched)', 'analyseFrame', { dataUrl: 'https://example.com/frame.jpg', mode: 'identify' }, 'analyseFrame message at dataUrl'],
    ['a frame that is not an image', 'analyseFrame', { dataUrl: 'data:text/html;base64,PHNjcmlwdD4=', mode: 'identify' }, 'analyseFrame message at dataUrl'],
    ['a frame over the size cap', 'analyseFrame', { dataUrl: `data:image/jpeg;base64,${'A'.repeat(MAX_DATA_URL)}`, mode: 'identify' }, 'analyseFrame message at dataUrl'],
    ['a frame without a mode', 'analyseFrame', { dataUrl: 'data:image/jpeg;base64,/9j/4AAQ' }, 'analyseFrame message at mode'],
    ['an unknown frame mode', 'analyseFrame', { dataUrl: 'data:image/jpeg;base64,/9j/4AAQ', mode: 'everything' }, 'analyseFrame message at mode'],
    ['an unknown video state', 'videoStatus', { video: 0, state: 'boring' }, 'videoStatus message at state'],
    ['a negative video number', 'videoStatus', { video: -1, state: 'protected' }, 'videoStatus message at video'],
  ])('reject %s', async (_what, type, payload, error) => {
    const reply = await send(type, payload);
    expect(reply && !reply.ok && reply.error).toContain(error);
  });

  it('has an engine counterpart that validates the same way', () => {
    expect(engineRequests['engine.analyseFrame'].safeParse({ dataUrl: 'data:image/webp;base64,UklG', mode: 'identify' }).success).toBe(true);
    expect(engineRequests['engine.analyseFrame'].safeParse({ dataUrl: 'blob:https://example.com/x', mode: 'identify' }).success).toBe(false);
  });
});
