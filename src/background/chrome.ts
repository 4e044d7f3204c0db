/** Chrome's service worker: the engine runs in the offscreen document. */
import type { z } from 'zod';
import { toEngine } from '../platform/send.js';
import type { EngineName, EngineResponses, engineRequests } from '../shared/protocol.js';
import { err, type Result } from '../shared/result.js';
import { logger } from '../shared/logger.js';
import type { EngineCall } from './engine-call.js';
import { ensureOffscreenDocument, replaceOffscreenDocument } from './offscreen-doc.js';
import { startBackground } from './start.js';

const log = logger('engine-call');
/** createDocument resolves before the document's module script has registered its listener. */
const NOT_LISTENING = /Receiving end does not exist/;
/** The document closed or its renderer died while it held the request. */
const WENT_AWAY = /message (channel|port) closed/i;
/** settle()'s words for a call nobody answered in time. */
const NO_ANSWER = /no answer within/;
/** While a call is pending, its document is asked this often whether it answers at all... */
const PING_EVERY_MS = 30_000;
/** ...and a live one answers between two model runs (each well under a second), so this long without an answer means wedged. */
const PING_MS = 10_000;
const RETRIES = 50;
const RETRY_MS = 100;
const REPLACE_MS = 20_000;

/**
 * A document whose thread or message channel is wedged answers nothing, and every later call
 * would wait its whole bound behind it (runs are serialised). Pinged while a call is pending,
 * such a document is closed: the calls it held fail as "went away", and are retried on a
 * fresh one. A busy but live document answers the ping between runs and is left alone.
 */
function watchDocument(documentId: string): () => void {
  let watching = true;
  const ping = async () => {
    const answer = await toEngine('engine.status', {}, PING_MS);
    if (!watching || answer.ok || !NO_ANSWER.test(answer.error)) return;
    log.warn(`the engine document answered no ping within ${PING_MS / 1000} s; replacing it`);
    await replaceOffscreenDocument(documentId);
  };
  const timer = setInterval(() => void ping().catch((error: unknown) => log.warn('the engine document could not be checked', error)), PING_EVERY_MS);
  return () => {
    watching = false;
    clearInterval(timer);
  };
}

/** One call, plus the id of the document it went to (to replace exactly that one if it died). */
async function callOnce<N extends EngineName>(type: N, payload: z.input<(typeof engineRequests)[N]>): Promise<{ result: Result<EngineResponses[N]>; documentId: string }> {
  for (let attempt = 1; ; attempt++) {
    const documentId = await ensureOffscreenDocument();
    const stopWatching = watchDocument(documentId);
    const result = await toEngine(type, payload).finally(stopWatching);
    if (result.ok || !NOT_LISTENING.test(result.error) || attempt >= RETRIES) return { result, documentId };
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }
}

/**
 * A call survives the document going away under it (closed, crashed, or closed by the
 * watchdog as wedged): the document is replaced and the call made once more on the fresh one
 * (the engine there starts cold; every engine call is a computation that changes nothing, so
 * asking again is safe). A second failure, or no
 * answer within toEngine's bound, is the caller's answer: nothing waits forever.
 */
const engine: EngineCall = async (type, payload) => {
  // Dropping a tab's waiting images needs no engine: with no document, nothing waits in one.
  if (type === 'engine.dropTab') return toEngine(type, payload);
  const first = await callOnce(type, payload);
  if (first.result.ok || !WENT_AWAY.test(first.result.error)) return first.result;
  log.warn(`the engine document went away during ${type} (${first.result.error}); retrying once on a new one`);
  // Bounded: a browser that never finishes replacing the document must not hold the page's question.
  const replaced = await Promise.race([replaceOffscreenDocument(first.documentId).then(() => true), new Promise<false>((r) => setTimeout(() => r(false), REPLACE_MS))]);
  if (!replaced) return err(`${type}: the engine could not be restarted within ${REPLACE_MS / 1000} s`);
  return (await callOnce(type, payload)).result;
};

startBackground(engine);
