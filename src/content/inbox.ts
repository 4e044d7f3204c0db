/**
 * What a content script accepts over runtime messaging: only this extension's background can
 * send here (web pages and other extensions have no channel to a content script), and even so
 * every message is checked against the protocol before it can start anything.
 */
import { ext } from '../platform/ext.js';
import { contentRequests, envelopeSchema, type ContentName, type RequestOf } from '../shared/protocol.js';
import { ok, type Result } from '../shared/result.js';

/** Each returns false when the message is not for this frame, so another frame can answer. */
export type ContentCommands = { [N in ContentName]: (request: RequestOf<typeof contentRequests, N>) => boolean };

export function listenForCommands(commands: ContentCommands): void {
  ext.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: Result<null>) => void) => {
    if (sender.id !== ext.runtime.id || sender.tab !== undefined) return false;
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success || envelope.data.to !== 'content' || !Object.hasOwn(contentRequests, envelope.data.type)) return false;
    const type = envelope.data.type as ContentName;
    const request = contentRequests[type].safeParse(envelope.data.payload);
    if (!request.success) return false;
    const run = commands[type] as (r: typeof request.data) => boolean;
    if (!run(request.data)) return false;
    sendResponse(ok(null));
    return false;
  });
}
