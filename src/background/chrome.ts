/** Chrome's service worker: the engine runs in the offscreen document. */
import { toEngine } from '../platform/send.js';
import type { EngineCall } from './engine-call.js';
import { ensureOffscreenDocument } from './offscreen-doc.js';
import { startBackground } from './start.js';

/** createDocument resolves before the document's module script has registered its listener. */
const NOT_LISTENING = /Receiving end does not exist/;
const RETRIES = 50;
const RETRY_MS = 100;

const engine: EngineCall = async (type, payload) => {
  for (let attempt = 1; ; attempt++) {
    await ensureOffscreenDocument();
    const result = await toEngine(type, payload);
    if (result.ok || !NOT_LISTENING.test(result.error) || attempt >= RETRIES) return result;
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }
};

startBackground(engine);
