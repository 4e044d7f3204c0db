import type { z } from 'zod';
import { logger } from '../shared/logger.js';
import { envelopeSchema, type Envelope } from '../shared/protocol.js';
import { err, errorMessage, type Result } from '../shared/result.js';
import { ext } from './ext.js';

const log = logger('messaging');

type Schemas = Record<string, z.ZodType>;
export type Handlers<S extends Schemas, R extends { [N in keyof S]: unknown }> = {
  [N in keyof S]: (request: z.infer<S[N]>, sender: chrome.runtime.MessageSender) => Promise<Result<R[N]>>;
};

/**
 * A router for one context: validates the envelope and the payload, runs the handler and
 * turns any throw into an error Result. Returns undefined for messages meant for another
 * context, so that context's listener answers instead.
 */
export function createRouter<S extends Schemas, R extends { [N in keyof S]: unknown }>(
  to: Envelope['to'], schemas: S, handlers: Handlers<S, R>,
): (message: unknown, sender: chrome.runtime.MessageSender) => Promise<Result<unknown>> | undefined {
  return (message, sender) => {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success) return to === 'background' ? Promise.resolve(err('malformed message: not a Facetag envelope')) : undefined;
    if (envelope.data.to !== to) return undefined;
    const { type, payload } = envelope.data;
    if (!Object.hasOwn(schemas, type)) return Promise.resolve(err(`unknown message type: ${type}`));
    const key = type as keyof S;
    const parsed = (schemas[key] as S[keyof S]).safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return Promise.resolve(err(`malformed ${type} message at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`));
    }
    return handlers[key](parsed.data as z.infer<S[keyof S]>, sender).catch((error: unknown) => {
      log.error(`${type} failed`, error);
      return err(errorMessage(error));
    });
  };
}

/** Registers a router on runtime.onMessage. Call synchronously at start-up so no message is missed. */
export function listen(route: ReturnType<typeof createRouter>): void {
  ext.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    const reply = route(message, sender);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  });
}
