/**
 * Typed senders: the only way contexts talk to each other. Each returns a Result and never
 * hangs (see settle).
 */
import type { z } from 'zod';
import type {
  BackgroundName, BackgroundResponses, backgroundRequests, ContentName, ContentResponses, contentRequests, EngineName, EngineResponses, engineRequests, Envelope,
} from '../shared/protocol.js';
import type { Result } from '../shared/result.js';
import { ext } from './ext.js';
import { settle } from './settle.js';

/** Engine work on a large group photo in WASM on a slow machine can take a while. */
const ENGINE_TIMEOUT_MS = 180_000;
const SHORT_TIMEOUT_MS = 15_000;

/** Questions that change nothing, so asking again is safe when the answer was lost. */
const IDEMPOTENT: ReadonlySet<BackgroundName> = new Set(['analyse', 'names', 'people', 'getSettings', 'engineStatus']);
/** The background stopped while holding the message (Chrome: the extension's process crashed or the worker was stopped). */
const LOST = /message (channel|port) closed|Receiving end does not exist/i;

export async function toBackground<N extends BackgroundName>(type: N, payload: z.input<(typeof backgroundRequests)[N]>): Promise<Result<BackgroundResponses[N]>> {
  const envelope: Envelope = { to: 'background', type, payload };
  const timeout = type === 'analyse' || type === 'enroll' || type === 'embedThumbnail' || type === 'enrollImage' || type === 'analyseFrame' ? ENGINE_TIMEOUT_MS + 10_000 : SHORT_TIMEOUT_MS;
  const send = () => settle<BackgroundResponses[N]>(() => ext.runtime.sendMessage(envelope), type, timeout);
  const first = await send();
  // Sending wakes a fresh background; once is enough, and never for a change that may have been saved.
  return !first.ok && IDEMPOTENT.has(type) && LOST.test(first.error) ? send() : first;
}

export function toEngine<N extends EngineName>(type: N, payload: z.input<(typeof engineRequests)[N]>, timeoutMs = ENGINE_TIMEOUT_MS): Promise<Result<EngineResponses[N]>> {
  const envelope: Envelope = { to: 'engine', type, payload };
  return settle(() => ext.runtime.sendMessage(envelope), type, timeoutMs);
}

export function toContent<N extends ContentName>(
  tabId: number, frameId: number | undefined, type: N, payload: z.input<(typeof contentRequests)[N]>,
): Promise<Result<ContentResponses[N]>> {
  const envelope: Envelope = { to: 'content', type, payload };
  const options = frameId === undefined ? {} : { frameId };
  return settle(() => ext.tabs.sendMessage(tabId, envelope, options), type, SHORT_TIMEOUT_MS);
}
