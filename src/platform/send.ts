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

export function toBackground<N extends BackgroundName>(type: N, payload: z.input<(typeof backgroundRequests)[N]>): Promise<Result<BackgroundResponses[N]>> {
  const envelope: Envelope = { to: 'background', type, payload };
  const timeout = type === 'analyse' || type === 'enroll' || type === 'analyseFrame' ? ENGINE_TIMEOUT_MS + 10_000 : SHORT_TIMEOUT_MS;
  return settle(() => ext.runtime.sendMessage(envelope), type, timeout);
}

export function toEngine<N extends EngineName>(type: N, payload: z.input<(typeof engineRequests)[N]>): Promise<Result<EngineResponses[N]>> {
  const envelope: Envelope = { to: 'engine', type, payload };
  return settle(() => ext.runtime.sendMessage(envelope), type, ENGINE_TIMEOUT_MS);
}

export function toContent<N extends ContentName>(
  tabId: number, frameId: number | undefined, type: N, payload: z.input<(typeof contentRequests)[N]>,
): Promise<Result<ContentResponses[N]>> {
  const envelope: Envelope = { to: 'content', type, payload };
  const options = frameId === undefined ? {} : { frameId };
  return settle(() => ext.tabs.sendMessage(tabId, envelope, options), type, SHORT_TIMEOUT_MS);
}
