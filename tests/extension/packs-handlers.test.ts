/**
 * The background messages the options page uses for imports and folder enrollment run the
 * engine on whatever image they are given and refresh every tab: extension pages only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineCall } from '../../src/background/engine-call.js';
import { ok } from '../../src/shared/result.js';

const EXTENSION = 'chrome-extension://facetagid/';
const fromPage = { url: 'https://example.com/', tab: { id: 1 } } as chrome.runtime.MessageSender;
const fromOptions = { url: `${EXTENSION}src/options/options.html` } as chrome.runtime.MessageSender;
const thumbnail = 'data:image/jpeg;base64,/9j/AA==';

let handlers: Awaited<ReturnType<typeof load>>;
const calls: string[] = [];

async function load() {
  // The extension API as the background sees it: only what these handlers touch.
  Object.assign(globalThis, { chrome: { runtime: { getURL: (p: string) => EXTENSION + p }, tabs: { query: async () => [] } } });
  const { backgroundHandlers } = await import('../../src/background/handlers.js');
  const engine = (async (type: string) => {
    calls.push(type);
    return type === 'engine.embedThumbnail' ? ok({ embedding: [1, 0] }) : ok({ faces: 0, face: null });
  }) as EngineCall;
  return backgroundHandlers(engine);
}

describe('background handlers for packs and folder enrollment', () => {
  beforeAll(async () => {
    handlers = await load();
  });

  it('refuses them to web pages without running the engine', async () => {
    for (const reply of [
      await handlers.embedThumbnail({ url: thumbnail }, fromPage),
      await handlers.enrollImage({ url: thumbnail }, fromPage),
      await handlers.peopleChanged({}, fromPage),
    ]) expect(reply).toEqual({ ok: false, error: 'not allowed from a web page' });
    expect(calls).toEqual([]);
  });

  it('passes them to the engine for extension pages', async () => {
    expect(await handlers.embedThumbnail({ url: thumbnail }, fromOptions)).toEqual({ ok: true, value: { embedding: [1, 0] } });
    expect(await handlers.enrollImage({ url: thumbnail }, fromOptions)).toEqual({ ok: true, value: { faces: 0, face: null } });
    expect(await handlers.peopleChanged({}, fromOptions)).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['engine.embedThumbnail', 'engine.enrollImage']);
  });
});
